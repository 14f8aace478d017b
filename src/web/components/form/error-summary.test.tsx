import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, renderHtml, testPageContext } from '#tests/support/render.ts'
import { ErrorSummary } from './error-summary.tsx'

const { t } = testPageContext()

describe('ErrorSummary', () => {
  test('is focusable, announced, labelled by its title and links to each field in order', () => {
    const $ = render(
      <ErrorSummary
        t={t}
        items={[
          { id: 'fullName', text: 'โปรดกรอกชื่อ' },
          { id: 'registeredOn-day', text: 'โปรดกรอกวันที่' },
        ]}
      />,
    )
    const box = $('.error-summary')
    assert.equal(box.attr('data-error-summary'), 'true')
    assert.equal(box.attr('tabindex'), '-1')
    assert.equal(box.attr('role'), 'alert')
    assert.equal($(`#${box.attr('aria-labelledby')}`).text(), 'มีข้อมูลที่ต้องแก้ไข')
    assert.deepEqual($('li a').map((_, a) => [[$(a).attr('href'), $(a).text()]]).get(), [
      ['#fullName', 'โปรดกรอกชื่อ'],
      ['#registeredOn-day', 'โปรดกรอกวันที่'],
    ])
  })

  test('renders nothing when there are no errors', () => {
    assert.equal(renderHtml(<ErrorSummary t={t} items={[]} />), '')
  })

  test('English title', () => {
    const $ = render(<ErrorSummary t={testPageContext({ locale: 'en' }).t} items={[{ id: 'a', text: 'x' }]} />)
    assert.equal($('.error-summary__title').text(), 'There is a problem')
  })
})
