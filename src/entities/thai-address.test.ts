import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
// The wrapper's own test may look behind it, to check the data it writes out itself.
import { getProvinces } from 'thai-address-universal'
import {
  areasWithPostcode,
  listAddressAreas,
  listDistricts,
  listProvinces,
  listSubdistricts,
  listSubdistrictsWithPostcodes,
  matchProvinceName,
  postcodesFor,
  PROVINCE_CODES,
  PROVINCE_NAMES,
  provinceCode,
  validateThaiAddress,
  type ThaiAddressParts,
  type ThaiAddressProblem,
} from './thai-address.ts'

const addr = (province: string, district: string, subdistrict: string, postcode: string): ThaiAddressParts => ({
  province,
  district,
  subdistrict,
  postcode,
})

describe('validateThaiAddress: real addresses', () => {
  const valid: [string, ThaiAddressParts][] = [
    ['Yaowarat, official spelling (the dataset writes จักรวรรดิ์)', addr('กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ', '10100')],
    ['Yaowarat, dataset spelling', addr('กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ์', '10100')],
    ['Bangkok with short name and level words', addr('กทม.', 'เขตปทุมวัน', 'แขวงลุมพินี', '10330')],
    ['Chiang Mai old town', addr('เชียงใหม่', 'เมืองเชียงใหม่', 'ศรีภูมิ', '50200')],
    ['Chiang Mai with level words', addr('จังหวัดเชียงใหม่', 'อำเภอเมืองเชียงใหม่', 'ตำบลศรีภูมิ', '50200')],
    ['Hat Yai', addr('สงขลา', 'หาดใหญ่', 'หาดใหญ่', '90110')],
    ['Phuket town', addr('ภูเก็ต', 'เมืองภูเก็ต', 'ตลาดใหญ่', '83000')],
    ['Pattaya', addr('ชลบุรี', 'บางละมุง', 'หนองปรือ', '20150')],
    ['Mae Sot (border)', addr('ตาก', 'แม่สอด', 'แม่สอด', '63110')],
    ['Su-ngai Kolok (border), with hyphen', addr('นราธิวาส', 'สุไหงโก-ลก', 'สุไหงโก-ลก', '96120')],
    ['Su-ngai Kolok, without hyphen', addr('นราธิวาส', 'สุไหงโกลก', 'สุไหงโกลก', '96120')],
    ['Thai-digit postcode', addr('เชียงใหม่', 'เมืองเชียงใหม่', 'ศรีภูมิ', '๕๐๒๐๐')],
    ['surrounding spaces', addr(' เชียงใหม่ ', ' เมืองเชียงใหม่', 'ศรีภูมิ ', ' 50200 ')],
    ['a subdistrict with two postcodes, the second one', addr('ภูเก็ต', 'เมืองภูเก็ต', 'ฉลอง', '83130')],
  ]
  for (const [why, a] of valid) {
    test(why, async () => {
      const res = await validateThaiAddress(a)
      assert.equal(res.ok, true, JSON.stringify(res))
    })
  }

  test('a valid result carries the canonical dataset spelling', async () => {
    const res = await validateThaiAddress(addr('กทม', 'เขตสัมพันธวงศ์', 'แขวงจักรวรรดิ', '๑๐๑๐๐'))
    assert.deepEqual(res, {
      ok: true,
      address: { province: 'กรุงเทพมหานคร', district: 'สัมพันธวงศ์', subdistrict: 'จักรวรรดิ์', postcode: '10100' },
    })
  })
})

describe('validateThaiAddress: wrong addresses name the first wrong part', () => {
  const invalid: [string, ThaiAddressParts, ThaiAddressProblem][] = [
    ['wrong postcode for Yaowarat', addr('กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ', '10200'), 'postcode'],
    ['postcode of another province', addr('เชียงใหม่', 'เมืองเชียงใหม่', 'ศรีภูมิ', '90110'), 'postcode'],
    ['postcode not 5 digits', addr('เชียงใหม่', 'เมืองเชียงใหม่', 'ศรีภูมิ', '5020'), 'postcode'],
    ['empty postcode', addr('เชียงใหม่', 'เมืองเชียงใหม่', 'ศรีภูมิ', ''), 'postcode'],
    ['an island without a postcode', addr('ชุมพร', 'ทุ่งตะโก', 'เกาะคราม', ''), 'postcode'],
    ['unknown province', addr('ไม่มีจังหวัดนี้', 'เมืองเชียงใหม่', 'ศรีภูมิ', '50200'), 'province'],
    ['empty province', addr('', 'สัมพันธวงศ์', 'จักรวรรดิ', '10100'), 'province'],
    ['district of another province', addr('เชียงใหม่', 'หาดใหญ่', 'หาดใหญ่', '90110'), 'district'],
    ['empty district', addr('กรุงเทพมหานคร', '', 'จักรวรรดิ', '10100'), 'district'],
    ['subdistrict of another district', addr('กรุงเทพมหานคร', 'สัมพันธวงศ์', 'ลุมพินี', '10330'), 'subdistrict'],
    // จอมทอง is a district of both Bangkok and Chiang Mai: the province must decide.
    ['same district name, subdistrict of the other province', addr('เชียงใหม่', 'จอมทอง', 'บางขุนเทียน', '10150'), 'subdistrict'],
    ['empty subdistrict', addr('กรุงเทพมหานคร', 'สัมพันธวงศ์', '', '10100'), 'subdistrict'],
  ]
  for (const [why, a, problem] of invalid) {
    test(why, async () => assert.deepEqual(await validateThaiAddress(a), { ok: false, problem }))
  }

  test('snake_case keys (which the package silently ignores) are a missing part here', async () => {
    const input = { province: 'กรุงเทพมหานคร', district: 'สัมพันธวงศ์', sub_district: 'ลุมพินี', postal_code: '99999' }
    assert.deepEqual(await validateThaiAddress(input as unknown as ThaiAddressParts), { ok: false, problem: 'subdistrict' })
  })
})

describe('lists', () => {
  test('77 provinces in Thai order, Bangkok included', async () => {
    const provinces = await listProvinces()
    assert.equal(provinces.length, 77)
    assert.equal(new Set(provinces).size, 77)
    assert.ok(provinces.includes('กรุงเทพมหานคร'))
    assert.deepEqual([...provinces].sort(new Intl.Collator('th').compare), provinces)
  })

  test('districts of a province; 50 เขต in Bangkok; none for an unknown province', async () => {
    assert.equal((await listDistricts('กรุงเทพมหานคร')).length, 50)
    assert.deepEqual(await listDistricts('ภูเก็ต'), ['กะทู้', 'ถลาง', 'เมืองภูเก็ต'])
    assert.deepEqual(await listDistricts('ไม่มี'), [])
  })

  test('subdistricts are scoped by province, not just the district name', async () => {
    const cm = await listSubdistricts('เชียงใหม่', 'จอมทอง')
    const bkk = await listSubdistricts('กรุงเทพมหานคร', 'จอมทอง')
    assert.ok(cm.length > 0 && bkk.length > 0)
    assert.ok(!cm.some((s) => bkk.includes(s)), 'no overlap')
    assert.deepEqual(await listSubdistricts('กรุงเทพมหานคร', 'สัมพันธวงศ์'), ['จักรวรรดิ์', 'ตลาดน้อย', 'สัมพันธวงศ์'])
    assert.deepEqual(await listSubdistricts('เชียงใหม่', 'หาดใหญ่'), [])
  })

  test('postcodesFor', async () => {
    assert.deepEqual(await postcodesFor('กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ'), ['10100'])
    assert.deepEqual(await postcodesFor('ภูเก็ต', 'เมืองภูเก็ต', 'ฉลอง'), ['83000', '83130'])
    assert.deepEqual(await postcodesFor('ชุมพร', 'ทุ่งตะโก', 'เกาะคราม'), [])
    assert.deepEqual(await postcodesFor('เชียงใหม่', 'เมืองเชียงใหม่', 'ไม่มี'), [])
  })

  test('every listed area validates, and there are thousands of them', async () => {
    const areas = await listAddressAreas()
    assert.ok(areas.length > 7000, String(areas.length))
    for (const a of areas) assert.equal((await validateThaiAddress(a)).ok, true, JSON.stringify(a))
  })

  test('DOPA province codes agree with the package and with domain.md §9.5', async () => {
    const fromPackage = new Map((await getProvinces()).map((p) => [p.nameTh, p.code]))
    assert.equal(Object.keys(PROVINCE_CODES).length, 77)
    assert.equal(new Set(Object.values(PROVINCE_CODES)).size, 77)
    // One known difference: the package gives Bueng Kan (created 2011) 97; DOPA and ISO 3166-2:TH use 38.
    fromPackage.set('บึงกาฬ', '38')
    for (const p of await listProvinces()) assert.equal(PROVINCE_CODES[p], fromPackage.get(p), p)
    assert.equal(await provinceCode('กทม.'), '10')
    assert.equal(await provinceCode('เชียงใหม่'), '50')
    assert.equal(await provinceCode('สงขลา'), '90')
    assert.equal(await provinceCode('นราธิวาส'), '96')
    assert.equal(await provinceCode('ไม่มี'), undefined)
  })
})

describe('lists for the address pickers', () => {
  test('PROVINCE_NAMES (synchronous) are exactly the dataset provinces in Thai order', async () => {
    assert.deepEqual(PROVINCE_NAMES, await listProvinces())
  })

  test('matchProvinceName accepts what validation accepts and gives the canonical name', () => {
    assert.equal(matchProvinceName('กทม.'), 'กรุงเทพมหานคร')
    assert.equal(matchProvinceName('Bangkok'), 'กรุงเทพมหานคร')
    assert.equal(matchProvinceName('จังหวัดเชียงใหม่'), 'เชียงใหม่')
    assert.equal(matchProvinceName(' สงขลา '), 'สงขลา')
    for (const junk of ['', '   ', 'ไม่มีจังหวัดนี้', '😀', 'x'.repeat(100_000)]) assert.equal(matchProvinceName(junk), undefined, junk.slice(0, 10))
  })

  test('จอมทอง in Bangkok and in Chiang Mai each list their own subdistricts, with postcodes', async () => {
    const bkk = await listSubdistrictsWithPostcodes('กรุงเทพมหานคร', 'จอมทอง')
    const cm = await listSubdistrictsWithPostcodes('เชียงใหม่', 'อำเภอจอมทอง')
    assert.deepEqual(bkk.map((s) => s.name), await listSubdistricts('กรุงเทพมหานคร', 'จอมทอง'))
    assert.ok(bkk.some((s) => s.name === 'บางขุนเทียน'))
    assert.ok(!cm.some((s) => s.name === 'บางขุนเทียน'))
    assert.ok(bkk.every((s) => s.postcodes.every((p) => p.startsWith('10'))), JSON.stringify(bkk))
    assert.ok(cm.length > 0 && cm.every((s) => s.postcodes.every((p) => p.startsWith('50'))), JSON.stringify(cm))
  })

  test('a subdistrict with two postcodes lists both; unknown places list nothing', async () => {
    const phuket = await listSubdistrictsWithPostcodes('ภูเก็ต', 'เมืองภูเก็ต')
    assert.deepEqual(phuket.find((s) => s.name === 'ฉลอง'), { name: 'ฉลอง', postcodes: ['83000', '83130'] })
    assert.deepEqual(await listSubdistrictsWithPostcodes('เชียงใหม่', 'หาดใหญ่'), [])
    assert.deepEqual(await listSubdistrictsWithPostcodes('😀', '😀'), [])
  })

  test('areasWithPostcode: every area a postcode serves, Thai digits accepted, junk gives nothing', async () => {
    const yaowarat = await areasWithPostcode('๑๐๑๐๐')
    assert.ok(yaowarat.some((a) => a.district === 'สัมพันธวงศ์' && a.subdistrict === 'จักรวรรดิ์'))
    assert.ok(yaowarat.every((a) => a.province === 'กรุงเทพมหานคร' && a.postcode === '10100'))
    const chalong = await areasWithPostcode(' 83130 ')
    assert.ok(chalong.some((a) => a.subdistrict === 'ฉลอง'))
    for (const junk of ['', '1010', '101000', '00000', '99999', 'abcde', '😀', '1'.repeat(100_000)]) {
      assert.deepEqual(await areasWithPostcode(junk), [], junk.slice(0, 10))
    }
  })
})
