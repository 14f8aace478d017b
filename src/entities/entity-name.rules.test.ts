import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import type { LegalForm } from './business-types.model.ts'
import { normaliseNameForSearch, registeredName } from './entity-name.rules.ts'

describe('normaliseNameForSearch', () => {
  test('the registered, abbreviated, bare and zero-width-spaced forms of one name are equal', () => {
    const forms = [
      'บริษัท ทองดี จำกัด',
      'บจก. ทองดี',
      'ทองดี',
      'บริษัท\u200b ทองดี\u200b จำกัด',
      'บริษัททองดีจำกัด',
      'บริษัท  ทอง ดี  จำกัด',
      'บจก.ทองดี',
      '  ทองดี  ',
    ]
    for (const f of forms) assert.equal(normaliseNameForSearch(f), normaliseNameForSearch('ทองดี'), JSON.stringify(f))
  })

  const same: [string, string, string][] = [
    ['public company, ASCII brackets', 'บริษัท ทองดี จำกัด (มหาชน)', 'ทองดี'],
    ['public company, full-width brackets', 'บริษัท ทองดี จำกัด（มหาชน）', 'ทองดี'],
    ['public company, square brackets', 'บริษัท ทองดี จำกัด [มหาชน]', 'ทองดี'],
    ['public company, no space', 'บริษัททองดีจำกัด(มหาชน)', 'ทองดี'],
    ['public company abbreviation', 'บมจ. ทองดี', 'ทองดี'],
    ['old public-company spelling', 'บริษัทมหาชนจำกัด ทองดี', 'ทองดี'],
    ['limited partnership', 'ห้างหุ้นส่วนจำกัด ทองดี', 'ทองดี'],
    ['limited partnership abbreviation', 'หจก. ทองดี', 'ทองดี'],
    ['registered ordinary partnership', 'ห้างหุ้นส่วนสามัญนิติบุคคล ทองดี', 'ทองดี'],
    ['English Co., Ltd.', 'Thongdee Co., Ltd.', 'Thongdee'],
    ['English Company Limited', 'THONGDEE COMPANY LIMITED', 'thongdee'],
    ['English PCL', 'Thongdee Public Company Limited', 'Thongdee PCL'],
    ['English Limited Partnership', 'Thongdee Limited Partnership', 'thongdee'],
    ['English Co.,Ltd. without space', 'Thongdee Co.,Ltd.', 'Thongdee'],
    ['full-width Latin', 'Ｔｈｏｎｇｄｅｅ Ｃｏ．， Ｌｔｄ．', 'thongdee'],
    ['Thai digits', 'ทองดี ๙๙๙ จำกัด', 'ทองดี 999'],
    ['punctuation inside', 'ที.เค.-โกลด์ จำกัด', 'ทีเคโกลด์'],
    ['decomposed SARA AM', 'บริษัท ค\u0E4D\u0E32ทอง จำกัด', 'คำทอง'],
    ['soft hyphen and word joiner', 'ทอง\u00adดี\u2060', 'ทองดี'],
  ]
  for (const [why, a, b] of same) test(`${why}: ${a}`, () => assert.equal(normaliseNameForSearch(a), normaliseNameForSearch(b)))

  const exact: [string, string][] = [
    ['บริษัท ทองดี จำกัด', 'ทองดี'],
    ['Thongdee Co., Ltd.', 'thongdee'],
    ['ห้างทองทองดี', 'ห้างทองทองดี'], // a trading name: "ห้าง" alone is not a legal form
    ['ร้านทองดี', 'ร้านทองดี'],
    ['ตลาดมหาชน', 'ตลาดมหาชน'], // "มหาชน" glued to a word is part of the name
    ['Deco Co., Ltd.', 'deco'], // "co" only as a whole word
    ['บริษัท จำกัด', 'บริษัทจำกัด'.normalize('NFKC')], // nothing but legal-form words: kept rather than empty
  ]
  for (const [name, key] of exact) test(`${name} → ${key}`, () => assert.equal(normaliseNameForSearch(name), key))

  test('different names stay different', () => {
    assert.notEqual(normaliseNameForSearch('บริษัท ทองดี จำกัด'), normaliseNameForSearch('บริษัท ทองดีมาก จำกัด'))
  })

  test('is idempotent and never contains spaces or upper-case Latin', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (s) => {
        const k = normaliseNameForSearch(s)
        assert.equal(normaliseNameForSearch(k), k)
        assert.doesNotMatch(k, /[\sA-Z]/)
      }),
      { seed: 20250101, numRuns: 500 },
    )
  })
})

describe('registeredName', () => {
  const cases: [LegalForm, string, string][] = [
    ['company_limited', 'บริษัท ทองดี จำกัด', 'Thongdee Co., Ltd.'],
    ['public_company_limited', 'บริษัท ทองดี จำกัด (มหาชน)', 'Thongdee Public Company Limited'],
    ['limited_partnership', 'ห้างหุ้นส่วนจำกัด ทองดี', 'Thongdee Limited Partnership'],
    ['registered_ordinary_partnership', 'ห้างหุ้นส่วนสามัญนิติบุคคล ทองดี', 'Thongdee Registered Ordinary Partnership'],
    ['foreign_company_branch', 'ทองดี', 'Thongdee'],
    ['other', 'ทองดี', 'Thongdee'],
  ]
  for (const [form, th, en] of cases) {
    test(form, () => {
      assert.equal(registeredName('ทองดี', form, 'th', 'Thongdee'), th)
      assert.equal(registeredName('ทองดี', form, 'en', 'Thongdee'), en)
    })
  }

  test('English falls back to the Thai registered name when there is no English name', () => {
    assert.equal(registeredName('ทองดี', 'company_limited', 'en'), 'บริษัท ทองดี จำกัด')
    assert.equal(registeredName('ทองดี', 'company_limited', 'en', null), 'บริษัท ทองดี จำกัด')
    assert.equal(registeredName('ทองดี', 'company_limited', 'en', '  '), 'บริษัท ทองดี จำกัด')
  })

  test('every rendered name normalises back to the stored name', () => {
    for (const [form] of cases) {
      assert.equal(normaliseNameForSearch(registeredName('ทองดี', form, 'th')), 'ทองดี')
      assert.equal(normaliseNameForSearch(registeredName('ทองดี', form, 'en', 'Thongdee')), 'thongdee')
    }
  })
})
