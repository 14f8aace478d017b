/** Table tests of the registry admin's pure rules: names, CSV reading, headers, cell values, the diff. */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import type { BusinessRecord } from './registry.model.ts'
import { bareEnglishName, bareThaiName, diffBusiness, legalFormFromCell, looksLikeFormula, mapHeader, parseCsv, rawFromRow, statusFromCell } from './registry.rules.ts'

describe('names as the registry stores them', () => {
  for (const [raw, bare] of [
    ['บริษัท ทองดี จำกัด', 'ทองดี'],
    ['บริษัท  ทองดี   จำกัด (มหาชน)', 'ทองดี'],
    ['ห้างหุ้นส่วนจำกัด ทองดี', 'ทองดี'],
    // NFKC (support tickets' names) splits SARA AM into NIKHAHIT + SARA AA: still recognised.
    ['บริษัท ทองดี จำกัด'.normalize('NFKC'), 'ทองดี'],
    ['ห้างหุ้นส่วนจำกัด ทองคำดี'.normalize('NFKC'), 'ทองคำดี'],
    ['บจก.ทองดี', 'ทองดี'],
    ['ทองดี', 'ทองดี'],
    ['บริษัท', 'บริษัท'],
  ] as const) {
    test(`${raw} → ${bare}`, () => assert.equal(bareThaiName(raw), bare))
  }
  for (const [raw, bare] of [
    ['Thongdee Co., Ltd.', 'Thongdee'],
    ['Thongdee Public Company Limited', 'Thongdee'],
    ['Thongdee PCL', 'Thongdee'],
    ['Thongdee Limited Partnership', 'Thongdee'],
    ['Ltd.', 'Ltd.'],
  ] as const) {
    test(`${raw} → ${bare}`, () => assert.equal(bareEnglishName(raw), bare))
  }
})

describe('CSV', () => {
  test('quotes, escaped quotes, commas and line breaks in cells, CRLF, BOM, blank lines keep row numbers', () => {
    const { rows, rowNumbers } = parseCsv('\uFEFFa,b\r\n"1, 2","say ""hi"""\r\n\r\n"multi\nline",x\n')
    assert.deepEqual(rows, [['a', 'b'], ['1, 2', 'say "hi"'], ['multi\nline', 'x']])
    assert.deepEqual(rowNumbers, [1, 2, 4])
  })
})

describe('headers and cells', () => {
  test('codes or Thai names; unknown, missing and repeated columns reported', () => {
    const h = mapHeader(['juristic_id', 'ชื่อภาษาไทย', 'Legal_Form', 'primary_business_type', 'address_line', 'จังหวัด', 'อำเภอ/เขต', 'ตำบล/แขวง', 'postcode', 'colour'])
    assert.deepEqual(h.unknown, ['colour'])
    assert.deepEqual(h.missing, [])
    assert.deepEqual(mapHeader(['juristic_id', 'juristic_id']).repeated, ['juristicId'])
    assert.ok(mapHeader(['juristic_id']).missing.includes('nameTh'))
  })

  test('legal forms and statuses in Thai; business types split on | ; , or spaces', () => {
    assert.equal(legalFormFromCell('บริษัทมหาชนจำกัด'), 'public_company_limited')
    assert.equal(legalFormFromCell('Company_Limited'), 'company_limited')
    assert.equal(statusFromCell('เลิกกิจการ'), 'inactive')
    assert.equal(statusFromCell('ceased'), 'inactive')
    assert.equal(statusFromCell(''), 'active')
    const h = mapHeader(['juristic_id', 'other_business_types'])
    assert.deepEqual(rawFromRow(['0105537000015', 'Antique| car_dealer;e_payment'], h.columns).otherBusinessTypes, ['antique', 'car_dealer', 'e_payment'])
  })

  test('formula-like text', () => {
    for (const v of ['=1+1', '+66', '-2', '@SUM(A1)']) assert.equal(looksLikeFormula(v), true, v)
    for (const v of ['ทองดี', '1=1', '']) assert.equal(looksLikeFormula(v), false, v)
  })
})

describe('diff', () => {
  const base: BusinessRecord = {
    juristicId: '0105537000015',
    nameTh: 'ทองดี',
    nameEn: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'precious_goods',
    otherBusinessTypes: [],
    addressLine: '1 ถนนเยาวราช',
    province: 'กรุงเทพมหานคร',
    district: 'สัมพันธวงศ์',
    subdistrict: 'จักรวรรดิ์',
    postcode: '10100',
    status: 'active',
    ceasedOn: null,
  }
  test('only the fields that differ, in form order', () => {
    assert.deepEqual(diffBusiness(base, base), [])
    assert.deepEqual(diffBusiness(base, { ...base, nameEn: 'Thongdee', otherBusinessTypes: ['antique', 'car_dealer'] }), [
      { field: 'nameEn', from: '', to: 'Thongdee' },
      { field: 'otherBusinessTypes', from: '', to: 'antique|car_dealer' },
    ])
  })
})
