import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { DEMO_STATUSES, DemoStatusTag, StatusTag, TONE_CLASS } from './status-tag.tsx'

const { t } = testPageContext()

describe('StatusTag', () => {
  test('each demo status has its tone and Thai label', () => {
    const seen = DEMO_STATUSES.map((s) => {
      const $ = render(<DemoStatusTag t={t} status={s} />)
      return [s, $('strong').attr('class'), $('strong').text()]
    })
    assert.deepEqual(seen, [
      ['draft', 'tag tag--grey', 'แบบร่าง'],
      ['submitted', 'tag tag--blue', 'ส่งแล้ว'],
      ['returned', 'tag tag--red', 'ต้องแก้ไข'],
      ['accepted', 'tag tag--green', 'รับแล้ว'],
    ])
  })

  test('English labels', () => {
    assert.equal(render(<DemoStatusTag t={testPageContext({ locale: 'en' }).t} status="returned" />)('strong').text(), 'Needs correction')
  })

  test('works for any status union given its tone and label maps', () => {
    type Ticket = 'open' | 'closed'
    const $ = render(
      <StatusTag<Ticket>
        t={t}
        status="open"
        tones={{ open: 'yellow', closed: 'grey' }}
        labels={{ open: 'components.tag.draft', closed: 'components.tag.accepted' }}
      />,
    )
    assert.equal($('strong').attr('class'), TONE_CLASS.yellow)
  })
})
