import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import {
  formatCitizenId,
  formatJuristicId,
  isCitizenId,
  isJuristicId,
  isValidThaiId13,
  juristicTypeDigitMatchesLegalForm,
  maskThaiId,
  normaliseThaiId13,
  thaiId13CheckDigit,
} from './juristic-id.rules.ts'

const FC = { seed: 20250101, numRuns: 500 } as const

describe('normaliseThaiId13', () => {
  const cases: [string, string][] = [
    ['0105536112014', '0105536112014'],
    ['0-10-5-536-11201-4', '0105536112014'],
    [' 0 1055 3611 2014 ', '0105536112014'],
    ['๐๑๐๕๕๓๖๑๑๒๐๑๔', '0105536112014'],
    ['๐-๑๐-๕-๕๓๖-๑๑๒๐๑-๔', '0105536112014'],
    ['０１０５５３６１１２０１４', '0105536112014'],
    ['0–10–5–536–11201–4', '0105536112014'], // en dashes
    ['0\u200b105536112014', '0105536112014'], // zero-width space
    ['0105536112014\u00a0', '0105536112014'], // NBSP
    ['01055361120a4', '01055361120a4'], // letters are kept so validation rejects them
  ]
  for (const [raw, expected] of cases) test(JSON.stringify(raw), () => assert.equal(normaliseThaiId13(raw), expected))
})

describe('thaiId13CheckDigit and isValidThaiId13 — the worked examples of domain.md §9.1', () => {
  const valid: [string, number, string][] = [
    ['3100600445635', 5, 'citizen ID, S = 193, r = 6'],
    ['0105536112014', 4, 'juristic number, S = 194, r = 7'],
    ['0994000617721', 1, 'edge: S = 341, r = 0 → 1'],
    ['1234545678781', 1, 'edge: S = 362, r = 10 → 1'],
    ['0105558096348', 8, 'limited company (type digit 5)'],
    ['0107544000108', 8, 'public company (type digit 7)'],
    ['0107536000102', 2, 'public company (type digit 7)'],
  ]
  for (const [id, check, why] of valid) {
    test(`${id} is valid (${why})`, () => {
      assert.equal(thaiId13CheckDigit(id.slice(0, 12)), check)
      assert.equal(thaiId13CheckDigit(id), check)
      assert.equal(isValidThaiId13(id), true)
    })
  }

  // None of these rely on the 3rd digit, which the checksum cannot see (quality.md §7).
  const invalid: [string, string][] = [
    ['3101234567894', 'S = 261, r = 8 → check 3 ≠ 4'],
    ['0105536112015', 'check digit changed'],
    ['0105536112041', 'last two digits swapped'],
    ['1105536112014', 'first digit changed'],
    ['0105536112114', '11th digit changed'],
    ['010553611201', '12 digits'],
    ['01055361120140', '14 digits'],
    ['', 'empty'],
    ['01055361120a4', 'a letter'],
    ['0105536112014x', 'trailing junk'],
  ]
  for (const [id, why] of invalid) test(`${JSON.stringify(id)} is invalid (${why})`, () => assert.equal(isValidThaiId13(id), false))

  test('accepts grouped, Thai-digit and full-width input', () => {
    for (const id of ['0-10-5-536-11201-4', '๐๑๐๕๕๓๖๑๑๒๐๑๔', '０１０５５３６１１２０１４', '3 1006 00445 63 5']) assert.equal(isValidThaiId13(id), true, id)
  })

  test('refuses to compute a check digit for anything but 12 or 13 ASCII digits', () => {
    assert.throws(() => thaiId13CheckDigit('12345'), RangeError)
    assert.throws(() => thaiId13CheckDigit('๐๑๐๕๕๓๖๑๑๒๐๑'), RangeError)
  })

  test('the trap: a change in the 3rd digit is invisible to the checksum', () => {
    // Documented so nobody builds an "invalid" fixture this way (weight 11 ≡ 0 mod 11).
    assert.equal(isValidThaiId13('0195536112014'), true)
  })
})

describe('isJuristicId / isCitizenId', () => {
  const cases: [string, boolean, boolean][] = [
    ['0105536112014', true, false],
    ['0-10-5-536-11201-4', true, false],
    ['0994000617721', true, false],
    ['3100600445635', false, true],
    ['1234545678781', false, true],
    ['0105536112015', false, false],
    ['3101234567894', false, false],
  ]
  for (const [id, juristic, citizen] of cases) {
    test(id, () => {
      assert.equal(isJuristicId(id), juristic)
      assert.equal(isCitizenId(id), citizen)
    })
  }
  test('a valid number starting with 9 is neither', () => {
    const first12 = '910000000000'
    const id = first12 + thaiId13CheckDigit(first12)
    assert.equal(isValidThaiId13(id), true)
    assert.equal(isCitizenId(id), false)
    assert.equal(isJuristicId(id), false)
  })
})

describe('formatting and masking', () => {
  test('formatJuristicId groups 0-AA-T-YYY-NNNNN-C', () => {
    assert.equal(formatJuristicId('0105536112014'), '0-10-5-536-11201-4')
    assert.equal(formatJuristicId('๐๑๐๕๕๓๖๑๑๒๐๑๔'), '0-10-5-536-11201-4')
    assert.equal(formatJuristicId('12345'), '12345')
  })
  test('formatCitizenId groups #-####-#####-##-#', () => {
    assert.equal(formatCitizenId('3100600445635'), '3-1006-00445-63-5')
  })
  test('maskThaiId keeps the first five and the last digit', () => {
    assert.equal(maskThaiId('3100600445635'), '3-1006-xxxxx-xx-5')
    assert.equal(maskThaiId('3-1006-00445-63-5'), '3-1006-xxxxx-xx-5')
    assert.equal(maskThaiId('12345'), 'xxxxx')
    assert.equal(maskThaiId(''), 'x')
  })
})

describe('juristicTypeDigitMatchesLegalForm (soft check)', () => {
  const cases: [string, Parameters<typeof juristicTypeDigitMatchesLegalForm>[1], boolean | undefined][] = [
    ['0105536112014', 'company_limited', true],
    ['0105536112014', 'public_company_limited', false],
    ['0107544000108', 'public_company_limited', true],
    ['0107544000108', 'company_limited', false],
    ['0105536112014', 'limited_partnership', undefined],
    ['0105536112014', 'registered_ordinary_partnership', undefined],
    ['0105536112014', 'foreign_company_branch', undefined],
    ['0105536112014', 'other', undefined],
    ['12345', 'company_limited', undefined],
  ]
  for (const [id, form, expected] of cases) test(`${id} / ${form}`, () => assert.equal(juristicTypeDigitMatchesLegalForm(id, form), expected))
})

describe('properties', () => {
  const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((a) => a.join(''))
  const thai = (s: string) => s.replace(/\d/g, (d) => String.fromCharCode(0x0e50 + Number(d)))

  test('normaliseThaiId13 is idempotent', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), digits(13).map(thai), digits(13).map((s) => `${s.slice(0, 1)}-${s.slice(1)}`)), (s) => {
        const once = normaliseThaiId13(s)
        assert.equal(normaliseThaiId13(once), once)
      }),
      FC,
    )
  })

  test('a 12-digit prefix plus its computed check digit is always valid, in ASCII, Thai or grouped form', () => {
    fc.assert(
      fc.property(digits(12), (p) => {
        const id = p + thaiId13CheckDigit(p)
        assert.ok(isValidThaiId13(id))
        assert.ok(isValidThaiId13(thai(id)))
        assert.ok(isValidThaiId13(formatJuristicId(id)))
      }),
      FC,
    )
  })

  test('changing the check digit always makes it invalid', () => {
    fc.assert(
      fc.property(digits(12), fc.integer({ min: 1, max: 9 }), (p, delta) => {
        const check = thaiId13CheckDigit(p)
        assert.equal(isValidThaiId13(p + ((check + delta) % 10)), false)
      }),
      FC,
    )
  })
})
