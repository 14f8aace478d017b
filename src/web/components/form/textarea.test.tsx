import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { Textarea } from './textarea.tsx'

const { t } = testPageContext()

describe('Textarea', () => {
  test('label, hint, error and value as a screen reader needs them', () => {
    const $ = render(<Textarea t={t} id="notes" label="รายละเอียด" hint="ไม่เกิน 500" error="ยาวเกิน" value={'บรรทัด 1\nบรรทัด 2'} maxLength={500} />)
    assert.equal($('label').attr('for'), 'notes')
    const area = $('textarea#notes')
    assert.equal(area.attr('name'), 'notes')
    assert.equal(area.attr('aria-describedby'), 'notes-hint notes-error')
    assert.equal(area.attr('aria-invalid'), 'true')
    assert.equal(area.attr('maxlength'), '500')
    assert.equal(area.text(), 'บรรทัด 1\nบรรทัด 2')
    assert.ok(area.hasClass('textarea--error'))
  })

  test('no describedby and not invalid without hint or error', () => {
    const $ = render(<Textarea t={t} id="notes" label="รายละเอียด" />)
    assert.equal($('textarea').attr('aria-describedby'), undefined)
    assert.equal($('textarea').attr('aria-invalid'), undefined)
    assert.equal($('textarea').text(), '')
  })
})
