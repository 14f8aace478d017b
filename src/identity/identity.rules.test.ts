import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { cleanPersonName, emailKey, formatThaiPhone, isValidEmail, maskEmail, normaliseThaiPhone, usernameProblem } from './identity.rules.ts'

describe('user names', () => {
  const cases: [string, string | undefined][] = [
    ['somchai.gold', undefined],
    ['Somchai_99', undefined],
    ['abc', 'length'],
    ['a'.repeat(33), 'length'],
    ['สมชาย', 'nonAscii'],
    ['sоmchai', 'nonAscii'], // Cyrillic о looks like Latin o
    ['ｓｏｍｃｈａｉ', undefined], // full-width letters become ASCII under NFKC, so they map to the same key
    ['som chai', 'characters'],
    ['som<script>', 'characters'],
    ['9lives', 'start'],
  ]
  for (const [raw, problem] of cases) test(`${raw} → ${problem ?? 'ok'}`, () => assert.equal(usernameProblem(raw), problem))
})

describe('e-mail', () => {
  test('valid and invalid addresses', () => {
    for (const ok of ['a@example.com', 'som.chai+amrac@gold.co.th']) assert.ok(isValidEmail(ok), ok)
    for (const bad of ['a@b', 'no-at.example.com', 'a b@example.com', 'a@example..com', `${'a'.repeat(250)}@x.co`, 'x@y.com\r\nBcc: z@w.com']) {
      assert.equal(isValidEmail(bad), false, bad)
    }
  })
  test('keys are case-insensitive and masked for display', () => {
    assert.equal(emailKey(' Som@Example.COM '), 'som@example.com')
    assert.equal(maskEmail('somchai@example.com'), 's******@example.com')
  })
  test('a 50,000-character near-miss is rejected without catastrophic backtracking (ReDoS)', () => {
    // Not a speed test: exponential backtracking would take minutes; linear matching takes
    // microseconds. The bound only tells the two apart on a loaded machine.
    const started = performance.now()
    assert.equal(isValidEmail('a'.repeat(50_000) + '@'), false)
    assert.equal(isValidEmail('a@' + 'a-'.repeat(25_000)), false)
    assert.equal(isValidEmail('a@' + 'a'.repeat(63) + '.'.repeat(1) + 'b'.repeat(30_000) + '!'), false)
    assert.ok(performance.now() - started < 1_000)
  })
})

describe('Thai phone numbers', () => {
  const cases: [string, string | undefined][] = [
    ['081-234-5678', '+66812345678'],
    ['0812345678', '+66812345678'],
    ['+66 81 234 5678', '+66812345678'],
    ['๐๘๑-๒๓๔-๕๖๗๘', '+66812345678'],
    ['02-123-4567', '+6621234567'],
    ['053 123 456', '+6653123456'],
    ['02-123-4567 ต่อ 12', '+6621234567;ext=12'],
    ['012345678', undefined],
    ['08123456', undefined],
    ['0812345678901', undefined],
    ['hello', undefined],
  ]
  for (const [raw, e164] of cases) test(`${raw} → ${e164}`, () => assert.equal(normaliseThaiPhone(raw), e164))
  test('display formats', () => {
    assert.equal(formatThaiPhone('+66812345678'), '081-234-5678')
    assert.equal(formatThaiPhone('+6621234567'), '02-123-4567')
    assert.equal(formatThaiPhone('+6653123456'), '053-123-456')
    assert.equal(formatThaiPhone('+6621234567;ext=12'), '02-123-4567 ต่อ 12')
  })
  test('normalising is idempotent through E.164 and display', () => {
    fc.assert(
      fc.property(fc.constantFrom('6', '8', '9'), fc.stringMatching(/^\d{8}$/), (p, rest) => {
        const e164 = normaliseThaiPhone(`0${p}${rest}`)!
        assert.equal(normaliseThaiPhone(formatThaiPhone(e164)), e164)
      }),
      { seed: 42 },
    )
  })
})

test('person names lose control and zero-width characters but keep markup as text', () => {
  assert.equal(cleanPersonName('  สม\u200bชาย   ใจดี\u0007 '), 'สมชาย ใจดี')
  assert.equal(cleanPersonName('<b>Somchai</b>'), '<b>Somchai</b>')
})

test('Thai names keep SARA AM as one character, so "จำกัด" and "ทองคำ" still match what others type', () => {
  const typed = 'ห้างทองคำ จำกัด'
  assert.equal(cleanPersonName(typed), typed)
  assert.equal(cleanPersonName(typed).length, typed.length)
  // Full-width Latin letters are still folded (the rest of NFKC applies).
  assert.equal(cleanPersonName('ＡＭＲＡＣ ทองคำ'), 'AMRAC ทองคำ')
})
