import assert from 'node:assert/strict'
import { before, describe, test } from 'node:test'
import { BUSINESS_TYPE_CODES, ENTITY_STATUSES, LEGAL_FORMS } from '#src/entities/business-types.model.ts'
import { normaliseNameForSearch } from '#src/entities/entity-name.rules.ts'
import { isJuristicId, juristicTypeDigitMatchesLegalForm } from '#src/entities/juristic-id.rules.ts'
import { PROVINCE_CODES, validateThaiAddress } from '#src/entities/thai-address.ts'
import { DEMO_BUSINESSES, generateRegistry, mulberry32, type RegistryRow } from './registry-generator.ts'

const DEMO_COUNT = 60
const LARGE = 5_000

let demo: RegistryRow[]
let large: RegistryRow[]
before(async () => {
  demo = await generateRegistry({ count: DEMO_COUNT, seed: 7 })
  large = await generateRegistry({ count: LARGE, seed: 7 })
})

describe('generateRegistry', () => {
  test('returns exactly count rows, also below the number of demo businesses and for 0', async () => {
    assert.equal(demo.length, DEMO_COUNT)
    assert.equal(large.length, LARGE)
    assert.equal((await generateRegistry({ count: 3 })).length, 3)
    assert.deepEqual(await generateRegistry({ count: 0 }), [])
    await assert.rejects(generateRegistry({ count: -1 }), RangeError)
  })

  test('the demo businesses come first, unchanged', () => {
    assert.deepEqual(demo.slice(0, DEMO_BUSINESSES.length), DEMO_BUSINESSES)
  })

  test('is deterministic for a seed; a shorter registry is a prefix of a longer one; another seed differs', async () => {
    assert.deepEqual(await generateRegistry({ count: DEMO_COUNT, seed: 7 }), demo)
    assert.deepEqual(large.slice(0, DEMO_COUNT), demo)
    const other = await generateRegistry({ count: DEMO_COUNT, seed: 8 })
    assert.deepEqual(other.slice(0, DEMO_BUSINESSES.length), DEMO_BUSINESSES)
    assert.notDeepEqual(other, demo)
  })

  test('every juristic ID is a valid, unique 0-AA-T-YYY-NNNNN-C number matching province, form and year', () => {
    const ids = new Set<string>()
    for (const r of large) {
      assert.ok(isJuristicId(r.juristicId), r.juristicId)
      assert.match(r.juristicId, /^0[0-9]{12}$/) // the table's CHECK
      assert.ok(!ids.has(r.juristicId), `duplicate ${r.juristicId}`)
      ids.add(r.juristicId)
      assert.notEqual(juristicTypeDigitMatchesLegalForm(r.juristicId, r.legalForm as never), false, r.juristicId)
      const office = r.juristicId.slice(1, 3)
      assert.ok(office === PROVINCE_CODES[r.province] || (r.legalForm === 'other' && office === '99'), r.juristicId)
      if (r.registeredOn) assert.equal(r.juristicId.slice(4, 7), String(Number(r.registeredOn.slice(0, 4)) + 543).slice(1), r.juristicId)
    }
  })

  test('every address is a real province / district / subdistrict / postcode combination', async () => {
    for (const r of large) {
      const res = await validateThaiAddress(r)
      assert.equal(res.ok, true, `${r.juristicId}: ${JSON.stringify(res)} ${r.province} ${r.district} ${r.subdistrict} ${r.postcode}`)
      assert.match(r.postcode, /^[1-9][0-9]{4}$/)
      assert.ok(r.addressLine.trim().length > 0)
    }
  })

  test('all nine business types appear in a 60-row registry, as primary types', () => {
    const primary = new Set(demo.map((r) => r.primaryBusinessType))
    for (const code of BUSINESS_TYPE_CODES) assert.ok(primary.has(code), code)
  })

  test('business types, legal forms and statuses are from the closed lists; the primary type is in the array', () => {
    for (const r of large) {
      assert.ok((BUSINESS_TYPE_CODES as readonly string[]).includes(r.primaryBusinessType))
      assert.ok(r.businessTypes.includes(r.primaryBusinessType))
      assert.equal(new Set(r.businessTypes).size, r.businessTypes.length)
      for (const t of r.businessTypes) assert.ok((BUSINESS_TYPE_CODES as readonly string[]).includes(t), t)
      assert.ok((LEGAL_FORMS as readonly string[]).includes(r.legalForm), r.legalForm)
      assert.ok((ENTITY_STATUSES as readonly string[]).includes(r.status))
    }
  })

  test('the mix is weighted towards the four main sectors and mostly active, with a spread of provinces', () => {
    const count = (pred: (r: RegistryRow) => boolean) => large.filter(pred).length
    const main = count((r) => ['precious_goods', 'car_dealer', 'real_estate', 'antique'].includes(r.primaryBusinessType))
    assert.ok(main / LARGE > 0.75, `main sectors ${main}`)
    assert.ok(count((r) => r.status === 'active') / LARGE > 0.85)
    const provinces = new Set(large.map((r) => r.province))
    assert.ok(provinces.size >= 70, `${provinces.size} provinces`)
    for (const p of ['กรุงเทพมหานคร', 'เชียงใหม่', 'ชลบุรี', 'สงขลา', 'ภูเก็ต', 'ตาก', 'หนองคาย', 'สระแก้ว', 'นราธิวาส', 'เชียงราย']) {
      assert.ok(provinces.has(p), p)
    }
    assert.ok(count((r) => r.province === 'กรุงเทพมหานคร') / LARGE > 0.2)
    assert.ok(count((r) => r.tradingName !== null && r.primaryBusinessType === 'precious_goods') > 0)
    assert.ok(count((r) => r.nameEn !== null) > 0 && count((r) => r.nameEn === null) > 0)
  })

  test('names: unique search keys, no legal-form words stored, nameSearch computed by normaliseNameForSearch', () => {
    const keys = new Set<string>()
    for (const r of large) {
      assert.equal(r.nameSearch, normaliseNameForSearch(r.nameTh))
      assert.equal(normaliseNameForSearch(r.nameTh), r.nameTh.normalize('NFKC').replace(/ /g, '').toLowerCase(), r.nameTh)
      assert.ok(!keys.has(r.nameSearch), `duplicate name ${r.nameTh}`)
      keys.add(r.nameSearch)
    }
  })

  test('phone numbers are Thai numbers in E.164 (§9.3) and e-mails use reserved example domains', () => {
    for (const r of large) {
      if (r.phone !== null) {
        assert.match(r.phone, /^\+66[2-9]\d{7,8}$/, r.phone)
        const national = `0${r.phone.slice(3)}`
        assert.ok(/^0[689]\d{8}$/.test(national) || /^0[2-7]\d{7}$/.test(national), r.phone)
        const isLandline = national.length === 9
        if (isLandline && ['10', '11', '12', '13'].includes(PROVINCE_CODES[r.province]!)) assert.match(national, /^02/)
      }
      if (r.email !== null) assert.match(r.email, /^[a-z0-9.]+@example\.(com|net|org)$/, r.email)
    }
  })

  test('registration dates are real dates between 1975 and 2024', () => {
    for (const r of large) {
      assert.ok(r.registeredOn, r.juristicId)
      const d = new Date(`${r.registeredOn}T00:00:00Z`)
      assert.equal(d.toISOString().slice(0, 10), r.registeredOn)
      assert.ok(r.registeredOn >= '1975-01-01' && r.registeredOn <= '2024-12-31', r.registeredOn)
    }
  })

  // How fast 100,000 rows are made is a bench figure (npm run seed prints it), not a test.
  test('large registries keep every juristic number unique', async () => {
    const rows = await generateRegistry({ count: 20_000 })
    assert.equal(rows.length, 20_000)
    assert.equal(new Set(rows.map((r) => r.juristicId)).size, 20_000)
  })
})

describe('DEMO_BUSINESSES', () => {
  test('at least two per main sector, fixed valid IDs, the Yaowarat gold shop first', () => {
    for (const t of ['precious_goods', 'car_dealer', 'real_estate', 'antique']) {
      assert.ok(DEMO_BUSINESSES.filter((r) => r.primaryBusinessType === t).length >= 2, t)
    }
    for (const r of DEMO_BUSINESSES) assert.ok(isJuristicId(r.juristicId), r.juristicId)
    assert.equal(DEMO_BUSINESSES[0]?.juristicId, '0105536900012')
    assert.equal(DEMO_BUSINESSES[0]?.district, 'สัมพันธวงศ์')
    assert.ok(Object.isFrozen(DEMO_BUSINESSES))
  })
})

describe('mulberry32', () => {
  test('is a deterministic stream in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    for (let i = 0; i < 1000; i++) {
      const x = a()
      assert.equal(x, b())
      assert.ok(x >= 0 && x < 1)
    }
  })
})
