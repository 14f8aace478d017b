import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isoToDateParts, parseDateParts, type DateParts } from './date-input.rules.ts'

describe('parseDateParts', () => {
  const ok: [DateParts, string, 'BE' | 'CE'][] = [
    [{ day: '28', month: '12', year: '2562' }, '2019-12-28', 'BE'],
    [{ day: '28', month: '12', year: '2019' }, '2019-12-28', 'CE'],
    [{ day: '1', month: '1', year: '2568' }, '2025-01-01', 'BE'],
    [{ day: ' 29 ', month: '02', year: '2024' }, '2024-02-29', 'CE'],
    [{ day: '29', month: '2', year: '2567' }, '2024-02-29', 'BE'],
    [{ day: '๒๘', month: '๑๒', year: '๒๕๖๒' }, '2019-12-28', 'BE'],
  ]
  for (const [input, iso, era] of ok) {
    test(`${JSON.stringify(input)} → ${iso} (${era})`, () => {
      const r = parseDateParts(input)
      assert.ok(r.ok)
      assert.equal(r.iso, iso)
      assert.equal(r.era, era)
    })
  }
  const bad: [DateParts, string][] = [
    [{}, 'errors.date.required'],
    [{ day: '', month: '', year: '' }, 'errors.date.required'],
    [{ day: '1', month: '', year: '2568' }, 'errors.date.incomplete'],
    [{ day: 'x', month: '1', year: '2568' }, 'errors.date.notNumber'],
    [{ day: '-1', month: '1', year: '2568' }, 'errors.date.notNumber'],
    [{ day: '31', month: '4', year: '2025' }, 'errors.date.impossible'],
    [{ day: '29', month: '2', year: '2025' }, 'errors.date.impossible'],
    [{ day: '1', month: '13', year: '2025' }, 'errors.date.impossible'],
    [{ day: '1', month: '1', year: '68' }, 'errors.date.yearOutOfRange'],
    [{ day: '1', month: '1', year: '1500' }, 'errors.date.yearOutOfRange'],
  ]
  for (const [input, error] of bad) {
    test(`${JSON.stringify(input)} → ${error}`, () => {
      const r = parseDateParts(input)
      assert.equal(r.ok, false)
      assert.equal(!r.ok && r.error, error)
    })
  }
  test('an ISO date splits back into boxes with the Buddhist-Era year for Thai users', () => {
    assert.deepEqual(isoToDateParts('2019-12-28', 'BE'), { day: '28', month: '12', year: '2562' })
    assert.deepEqual(isoToDateParts('2019-12-08', 'CE'), { day: '8', month: '12', year: '2019' })
  })
})
