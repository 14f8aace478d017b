import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { th } from '#locales/th/index.ts'
import { en } from '#locales/en/index.ts'
import { INTL_TAG, localeFromAcceptLanguage } from './locale.ts'
import { IntlMessageFormat } from 'intl-messageformat'
import type { MessageKey } from './catalog.ts'
import { createTranslator } from './translator.ts'
import { formatBytes, formatDateLong, formatDateNumeric, formatDateTimeLong, formatDateTimeNumeric, formatIsoDateLong, formatMoney, formatNumber, formatPercent } from './format.ts'

describe('catalogs', () => {
  test('Thai and English have exactly the same keys and no empty messages', () => {
    assert.deepEqual(Object.keys(en).sort(), Object.keys(th).sort())
    for (const [k, v] of [...Object.entries(th), ...Object.entries(en)]) assert.ok(v.trim().length > 0, k)
  })
})

describe('translator', () => {
  test('formats ICU parameters in each language', () => {
    assert.equal(createTranslator('th')('common.reference', { ref: 'AB12C-DE34F' }), 'รหัสอ้างอิง: AB12C-DE34F')
    assert.equal(createTranslator('en')('common.reference', { ref: 'AB12C-DE34F' }), 'Reference: AB12C-DE34F')
  })
  test('every message without parameters reads as the ICU formatter prints it (quotes, apostrophes, tags); those with parameters still need them', () => {
    for (const [locale, catalog] of [['th', th], ['en', en]] as const) {
      const t = createTranslator(locale)
      for (const [key, text] of Object.entries(catalog)) {
        const mf = new IntlMessageFormat(text, INTL_TAG[locale], undefined, { ignoreTag: true })
        let expected: string | undefined
        try {
          expected = String(mf.format())
        } catch {
          expected = undefined
        }
        if (expected === undefined) assert.throws(() => t(key as MessageKey), key)
        else assert.equal(t(key as MessageKey), expected, key)
      }
    }
    assert.equal(createTranslator('en')('common.reference', { ref: 'X' }), 'Reference: X')
  })
  test('parameters are inserted as text: markup in a parameter stays literal', () => {
    assert.equal(createTranslator('en')('common.comingSoon.body', { service: '<b>x</b>' }), 'The “<b>x</b>” service will be available soon.')
  })
})

describe('Accept-Language', () => {
  const cases: [string | undefined, string | undefined][] = [
    [undefined, undefined],
    ['th-TH,th;q=0.9,en;q=0.8', 'th'],
    ['en-GB,en;q=0.9', 'en'],
    ['fr-FR, en;q=0.5', 'en'],
    ['fr-FR', undefined],
    ['en;q=0.2, th;q=0.8', 'th'],
    ['en;q=0', undefined],
  ]
  for (const [header, expected] of cases) {
    test(`${header} → ${expected}`, () => assert.equal(localeFromAcceptLanguage(header), expected))
  }
})

describe('formatting in Asia/Bangkok', () => {
  // 09:32 UTC is 16:32 in Bangkok: the example of AMLO's confirmation message.
  const at = new Date('2019-12-28T09:32:00Z')
  test('numeric date-time with the Gregorian year, as AMLO shows it', () => {
    assert.equal(formatDateTimeNumeric(at), '28/12/2019 16:32')
    assert.equal(formatDateNumeric(at), '28/12/2019')
  })
  test('the Bangkok date, not the UTC date, near midnight', () => {
    assert.equal(formatDateTimeNumeric(new Date('2019-12-31T17:30:00Z')), '01/01/2020 00:30')
  })
  test('written-out dates: Buddhist Era in Thai, Gregorian in English', () => {
    assert.equal(formatDateLong(at, 'th'), '28 ธันวาคม 2562')
    assert.equal(formatDateLong(at, 'en'), '28 December 2019')
    assert.equal(formatDateTimeLong(at, 'th'), '28 ธันวาคม 2562 เวลา 16.32 น.')
    assert.equal(formatDateTimeLong(at, 'en'), '28 December 2019 at 16:32')
    assert.equal(formatIsoDateLong('2025-01-01', 'th'), '1 มกราคม 2568')
  })
  test('numbers, baht and percentages', () => {
    assert.equal(formatNumber(1234567.5, 'th'), '1,234,567.5')
    assert.equal(formatMoney(2000000, 'th'), '฿2,000,000.00')
    assert.equal(formatMoney(2000000, 'en'), '฿2,000,000.00')
    assert.equal(formatPercent(45, 'en'), '45%')
  })
  test('file sizes', () => {
    assert.equal(formatBytes(850, 'th'), '850 B')
    assert.equal(formatBytes(120 * 1024, 'en'), '120 KB')
    assert.equal(formatBytes(1.2 * 1024 * 1024, 'th'), '1.2 MB')
    assert.equal(formatBytes(20 * 1024 * 1024, 'en'), '20 MB')
    assert.equal(formatBytes(1500 * 1024 * 1024, 'en'), '1,500 MB')
  })
})
