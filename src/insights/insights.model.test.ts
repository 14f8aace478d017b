import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { daysUntil, filingRate, foldRatings, toBucket, wrapLabel } from './insights.model.ts'

describe('insights model', () => {
  test('days until the deadline: rounded up before, 0 at the deadline, negative after', () => {
    const deadline = new Date('2027-03-31T00:00:00Z')
    for (const [now, days] of [
      ['2027-03-30T00:00:00Z', 1],
      ['2027-03-30T12:00:00Z', 1],
      ['2027-03-31T00:00:00Z', 0],
      ['2027-03-31T00:00:01Z', -1],
      ['2027-04-02T00:00:00Z', -2],
    ] as const)
      assert.equal(daysUntil(deadline, new Date(now)), days, now)
  })

  test('filing rate is a percentage and 0 when nobody is expected to file', () => {
    assert.equal(filingRate(3, 4), 75)
    assert.equal(filingRate(0, 0), 0)
  })

  test('rating rows fold by business type in the given order, summing duplicates; unknown bands are "none"', () => {
    const rows = [
      { businessType: 'car_dealer', province: 'ก', bucket: 'high' as const, count: 2 },
      { businessType: 'precious_goods', province: 'ข', bucket: 'low' as const, count: 1 },
      { businessType: 'car_dealer', province: 'ข', bucket: 'high' as const, count: 3 },
      { businessType: 'car_dealer', province: 'ข', bucket: toBucket(null), count: 1 },
    ]
    const byType = foldRatings(rows, 'businessType', ['precious_goods', 'car_dealer'])
    assert.deepEqual(
      byType.map((r) => [r.key, r.counts.high, r.counts.none, r.total]),
      [
        ['precious_goods', 0, 0, 1],
        ['car_dealer', 5, 1, 6],
      ],
    )
    assert.deepEqual(
      foldRatings(rows, 'province').map((r) => [r.key, r.total]),
      [
        ['ก', 2],
        ['ข', 5],
      ],
    )
    assert.equal(toBucket('bogus'), 'none')
  })

  test('chart labels wrap at Thai word boundaries and are cut with an ellipsis after the last line', () => {
    const label = wrapLabel('ผู้ประกอบอาชีพค้าอัญมณี เพชร พลอย ทองคำ หรือเครื่องประดับ', 20, 4)
    const lines = label.split('\n')
    assert.equal(lines.length, 4)
    assert.equal(lines.join('').replace(/\s/g, ''), 'ผู้ประกอบอาชีพค้าอัญมณีเพชรพลอยทองคำหรือเครื่องประดับ')
    for (const line of lines) assert.ok(!/^[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]/.test(line), `no line starts with a combining mark: ${line}`)
    const cut = wrapLabel('ผู้ประกอบอาชีพเกี่ยวกับการให้คำแนะนำหรือเป็นที่ปรึกษาในการลงทุนหรือการเคลื่อนย้ายเงินทุน', 12, 2).split('\n')
    assert.equal(cut.length, 2)
    assert.ok(cut[1]!.endsWith('…'))
    assert.equal(wrapLabel('เชียงใหม่'), 'เชียงใหม่')
  })
})
