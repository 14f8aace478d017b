import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { TextInput } from './text-input.tsx'

const { t } = testPageContext()
const en = testPageContext({ locale: 'en' }).t

describe('TextInput', () => {
  test('the label is tied to the input, which is named after its id by default', () => {
    const $ = render(<TextInput t={t} id="fullName" label="ชื่อ" />)
    assert.equal($('label').attr('for'), 'fullName')
    assert.equal($('input').attr('id'), 'fullName')
    assert.equal($('input').attr('name'), 'fullName')
    assert.equal($('input').attr('type'), 'text')
    assert.equal($('input').attr('aria-describedby'), undefined)
    assert.equal($('input').attr('aria-invalid'), undefined)
    assert.equal($('.form-group--error').length, 0)
  })

  test('hint and error are described by id, in that order, and the input is marked invalid', () => {
    const $ = render(<TextInput t={t} id="fullName" name="B07.0.fullName" label="ชื่อ" hint="ตามบัตร" error="โปรดกรอกข้อมูลนี้" />)
    assert.equal($('input').attr('aria-describedby'), 'fullName-hint fullName-error')
    assert.equal($('#fullName-hint').text(), 'ตามบัตร')
    assert.equal($('#fullName-error').text(), 'ข้อผิดพลาด: โปรดกรอกข้อมูลนี้')
    assert.equal($('#fullName-error .visually-hidden').text(), 'ข้อผิดพลาด: ')
    assert.equal($('input').attr('aria-invalid'), 'true')
    assert.ok($('input').hasClass('input--error'))
    assert.ok($('.form-group').hasClass('form-group--error'))
    assert.equal($('input').attr('name'), 'B07.0.fullName')
  })

  test('only the error is described when there is no hint', () => {
    const $ = render(<TextInput t={en} id="email" label="E-mail" error="Enter an e-mail" />)
    assert.equal($('input').attr('aria-describedby'), 'email-error')
    assert.equal($('#email-error').text(), 'Error: Enter an e-mail')
  })

  test('passes type, inputmode, autocomplete, maxlength, required, width and value', () => {
    const $ = render(
      <TextInput
        t={t}
        id="postcode"
        label="รหัสไปรษณีย์"
        type="tel"
        inputMode="numeric"
        autocomplete="postal-code"
        maxLength={5}
        required
        width={10}
        spellcheck={false}
        value="10110"
      />,
    )
    const input = $('input')
    assert.equal(input.attr('type'), 'tel')
    assert.equal(input.attr('inputmode'), 'numeric')
    assert.equal(input.attr('autocomplete'), 'postal-code')
    assert.equal(input.attr('maxlength'), '5')
    assert.equal(input.attr('required'), 'required')
    assert.equal(input.attr('spellcheck'), 'false')
    assert.equal(input.val(), '10110')
    assert.ok(input.hasClass('input--width-10'))
  })

  test('an optional field says so in its label', () => {
    assert.equal(render(<TextInput t={t} id="x" label="อีเมล" optional />)('label').text(), 'อีเมล (ไม่บังคับ)')
    assert.equal(render(<TextInput t={en} id="x" label="E-mail" optional />)('label').text(), 'E-mail (optional)')
  })
})
