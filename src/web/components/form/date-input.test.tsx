import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { render, testPageContext } from '#tests/support/render.ts'
import { DateInput, dateBoxesInError } from './date-input.tsx'

const { t } = testPageContext()
const en = testPageContext({ locale: 'en' }).t

describe('DateInput', () => {
  test('a fieldset with a legend and three labelled numeric boxes named by path', () => {
    const $ = render(<DateInput t={t} id="registeredOn" legend="วันที่จดทะเบียน" />)
    assert.equal($('fieldset > legend').text(), 'วันที่จดทะเบียน')
    for (const [box, label] of [
      ['day', 'วันที่'],
      ['month', 'เดือน'],
      ['year', 'ปี'],
    ] as const) {
      const input = $(`#registeredOn-${box}`)
      assert.equal(input.attr('name'), `registeredOn.${box}`)
      assert.equal(input.attr('inputmode'), 'numeric')
      assert.equal($(`label[for="registeredOn-${box}"]`).text(), label)
      assert.equal(input.attr('aria-invalid'), undefined)
    }
  })

  test('the hint says the year may be Buddhist Era or Gregorian, and describes the fieldset', () => {
    const th = render(<DateInput t={t} id="d" legend="วันที่" />)
    assert.equal(th('fieldset').attr('aria-describedby'), 'd-hint')
    assert.match(th('#d-hint').text(), /พ\.ศ\. หรือ ค\.ศ\./)
    const eng = render(<DateInput t={en} id="d" legend="Date" hint="The day you registered." />)
    assert.match(eng('#d-hint').text(), /^The day you registered\. .*Buddhist Era or Gregorian/)
  })

  test('the boxes keep what was typed', () => {
    const $ = render(<DateInput t={t} id="d" legend="วันที่" value={{ day: '๑๕', month: '6', year: '2568' }} />)
    assert.equal($('#d-day').val(), '๑๕')
    assert.equal($('#d-month').val(), '6')
    assert.equal($('#d-year').val(), '2568')
  })

  test('in error: message described, every box highlighted unless told which', () => {
    const all = render(<DateInput t={t} id="d" legend="วันที่" error="โปรดกรอกวันที่" />)
    assert.equal(all('fieldset').attr('aria-describedby'), 'd-hint d-error')
    assert.equal(all('input[aria-invalid="true"]').length, 3)
    assert.equal(all('input.input--error').length, 3)
    const year = render(<DateInput t={t} id="d" legend="วันที่" error="ปีผิด" errorBoxes={['year']} />)
    assert.deepEqual(year('input[aria-invalid="true"]').map((_, i) => year(i).attr('id')).get(), ['d-year'])
  })

  test('dateBoxesInError picks the boxes at fault', () => {
    assert.deepEqual(dateBoxesInError({ day: '1', month: '', year: '' }, 'errors.date.incomplete'), ['month', 'year'])
    assert.deepEqual(dateBoxesInError({ day: 'x', month: '๒', year: '2568' }, 'errors.date.notNumber'), ['day'])
    assert.deepEqual(dateBoxesInError({ day: '1', month: '1', year: '68' }, 'errors.date.yearOutOfRange'), ['year'])
    assert.deepEqual(dateBoxesInError({ day: '31', month: '2', year: '2568' }, 'errors.date.impossible'), ['day', 'month'])
    assert.deepEqual(dateBoxesInError({}, 'errors.date.required'), ['day', 'month', 'year'])
    assert.deepEqual(dateBoxesInError({}, undefined), ['day', 'month', 'year'])
  })
})
