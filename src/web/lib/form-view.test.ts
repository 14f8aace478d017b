import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { datePartsValue, fieldErrors, listValue, textValue } from './form-view.ts'

const t = createTranslator('th')
const en = createTranslator('en')

describe('fieldErrors', () => {
  test('summary items follow the page order, not the order zod reported them', () => {
    const errs = fieldErrors(
      t,
      { 'registeredOn': 'errors.date.required', email: 'errors.field.email', fullName: 'errors.field.required' },
      ['fullName', 'email', 'businessType', { path: 'registeredOn', id: 'registeredOn-day' }],
    )
    assert.deepEqual(errs.summary, [
      { id: 'fullName', text: 'โปรดกรอกข้อมูลนี้' },
      { id: 'email', text: 'โปรดกรอกอีเมลให้ถูกต้อง เช่น name@example.com' },
      { id: 'registeredOn-day', text: 'โปรดกรอกวันที่' },
    ])
    assert.equal(errs.hasErrors, true)
    assert.equal(errs.text('email'), 'โปรดกรอกอีเมลให้ถูกต้อง เช่น name@example.com')
    assert.equal(errs.text('businessType'), undefined)
    assert.equal(errs.key('registeredOn'), 'errors.date.required')
  })

  test('message params come from the field; translation follows the translator', () => {
    const errs = fieldErrors(en, { fullName: 'errors.field.tooLong' }, [{ path: 'fullName', params: { max: 100 } }])
    assert.deepEqual(errs.summary, [{ id: 'fullName', text: 'Must be 100 characters or fewer' }])
  })

  test('an error on a part of a field (registeredOn.day) belongs to the field', () => {
    const errs = fieldErrors(t, { 'registeredOn.day': 'errors.date.notNumber' }, [{ path: 'registeredOn', id: 'registeredOn-day' }])
    assert.deepEqual(errs.summary, [{ id: 'registeredOn-day', text: 'วันที่ต้องเป็นตัวเลข' }])
    assert.equal(errs.text('registeredOn'), 'วันที่ต้องเป็นตัวเลข')
  })

  test('errors for paths the page does not list still show, last, linked by path', () => {
    const errs = fieldErrors(t, { other: 'errors.field.invalid', a: 'errors.field.required' }, ['a'])
    assert.deepEqual(errs.summary.map((s) => s.id), ['a', 'other'])
    assert.equal(errs.text('other'), 'ข้อมูลไม่ถูกต้อง')
  })

  test('no errors', () => {
    const errs = fieldErrors(t, undefined, ['a'])
    assert.deepEqual(errs.summary, [])
    assert.equal(errs.hasErrors, false)
  })
})

describe('values as typed', () => {
  const values = { name: 'สมชาย', tampered: ['a', 'b'], channels: 'shop', many: ['shop', 'online', 3], d: { day: '1', month: '2' }, g: { 0: { x: 'y' } } }
  test('textValue reads dotted paths and shows non-strings as empty', () => {
    assert.equal(textValue(values, 'name'), 'สมชาย')
    assert.equal(textValue(values, 'tampered'), '')
    assert.equal(textValue(values, 'missing'), '')
    assert.equal(textValue(values, 'g.0.x'), 'y')
    assert.equal(textValue(undefined, 'name'), '')
  })
  test('listValue takes one string or many', () => {
    assert.deepEqual(listValue(values, 'channels'), ['shop'])
    assert.deepEqual(listValue(values, 'many'), ['shop', 'online'])
    assert.deepEqual(listValue(values, 'missing'), [])
  })
  test('datePartsValue reads the three boxes', () => {
    assert.deepEqual(datePartsValue(values, 'd'), { day: '1', month: '2', year: '' })
    assert.deepEqual(datePartsValue(values, 'name'), { day: '', month: '', year: '' })
  })
})
