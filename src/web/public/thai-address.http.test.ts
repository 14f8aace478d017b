import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { REFERENCE_CACHE_CONTROL } from './thai-address.routes.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

const BASE = '/reference/thai-address'
const q = (params: Record<string, string>) => Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
const get = (url: string) => t.app.inject({ method: 'GET', url, headers: { accept: 'application/json' } })

async function getJson<T>(url: string): Promise<T> {
  const res = await get(url)
  assert.equal(res.statusCode, 200, `${url}: ${res.body.slice(0, 300)}`)
  assert.match(String(res.headers['content-type']), /^application\/json/)
  assert.equal(res.headers['cache-control'], REFERENCE_CACHE_CONTROL)
  assert.equal(res.headers['set-cookie'], undefined, 'public data starts no session')
  return res.json() as T
}

describe('GET /reference/thai-address/* (public, cacheable)', () => {
  test('districts of a province, however it is written; cacheable for a day, no sign-in', async () => {
    assert.equal(REFERENCE_CACHE_CONTROL, 'public, max-age=86400')
    const cm = await getJson<{ districts: string[] }>(`${BASE}/districts?${q({ province: 'เชียงใหม่' })}`)
    assert.ok(cm.districts.includes('จอมทอง') && cm.districts.includes('เมืองเชียงใหม่'))
    const bkk = await getJson<{ districts: string[] }>(`${BASE}/districts?${q({ province: 'กทม.' })}`)
    assert.equal(bkk.districts.length, 50)
    assert.deepEqual(await getJson(`${BASE}/districts?${q({ province: 'ภูเก็ต' })}`), { districts: ['กะทู้', 'ถลาง', 'เมืองภูเก็ต'] })
  })

  test('subdistricts with their postcodes, scoped by province (จอมทอง is in Bangkok and in Chiang Mai)', async () => {
    type Subs = { subdistricts: { name: string; postcodes: string[] }[] }
    const bkk = await getJson<Subs>(`${BASE}/subdistricts?${q({ province: 'กรุงเทพมหานคร', district: 'เขตจอมทอง' })}`)
    const cm = await getJson<Subs>(`${BASE}/subdistricts?${q({ province: 'เชียงใหม่', district: 'จอมทอง' })}`)
    assert.ok(bkk.subdistricts.some((s) => s.name === 'บางขุนเทียน'))
    assert.ok(cm.subdistricts.length > 0 && !cm.subdistricts.some((s) => s.name === 'บางขุนเทียน'))
    const phuket = await getJson<Subs>(`${BASE}/subdistricts?${q({ province: 'ภูเก็ต', district: 'เมืองภูเก็ต' })}`)
    assert.deepEqual(phuket.subdistricts.find((s) => s.name === 'ฉลอง'), { name: 'ฉลอง', postcodes: ['83000', '83130'] })
  })

  test('postcodes of a subdistrict, and the areas a postcode serves', async () => {
    assert.deepEqual(await getJson(`${BASE}/postcodes?${q({ province: 'กทม', district: 'สัมพันธวงศ์', subdistrict: 'แขวงจักรวรรดิ' })}`), { postcodes: ['10100'] })
    assert.deepEqual(await getJson(`${BASE}/postcodes?${q({ province: 'ภูเก็ต', district: 'เมืองภูเก็ต', subdistrict: 'ฉลอง' })}`), { postcodes: ['83000', '83130'] })
    const { areas } = await getJson<{ areas: { province: string; district: string; subdistrict: string; postcode: string }[] }>(`${BASE}/areas?postcode=50200`)
    assert.ok(areas.some((a) => a.province === 'เชียงใหม่' && a.district === 'เมืองเชียงใหม่' && a.subdistrict === 'ศรีภูมิ' && a.postcode === '50200'))
    assert.ok(areas.every((a) => a.postcode === '50200'))
  })

  test('unknown or junk names give empty lists, never an error', async () => {
    for (const junk of ['😀', 'ไม่มีจังหวัดนี้', '<script>alert(1)</script>', "' OR 1=1 --", '', '   ', '\u200b']) {
      assert.deepEqual(await getJson(`${BASE}/districts?${q({ province: junk })}`), { districts: [] }, junk)
      assert.deepEqual(await getJson(`${BASE}/subdistricts?${q({ province: 'เชียงใหม่', district: junk })}`), { subdistricts: [] }, junk)
      assert.deepEqual(await getJson(`${BASE}/postcodes?${q({ province: 'เชียงใหม่', district: 'จอมทอง', subdistrict: junk })}`), { postcodes: [] }, junk)
      if (junk.length <= 20) assert.deepEqual(await getJson(`${BASE}/areas?${q({ postcode: junk })}`), { areas: [] }, junk)
    }
    for (const code of ['99999', '1010', '๑๐๑๐๐๐', 'abcde']) assert.deepEqual(await getJson(`${BASE}/areas?${q({ postcode: code })}`), { areas: [] }, code)
  })

  test('missing, repeated, over-long or badly encoded parameters are a 400 (JSON, not cached), never a 500', async () => {
    const huge = 'ก'.repeat(100_000)
    const bad = [
      `${BASE}/districts`,
      `${BASE}/districts?district=จอมทอง`,
      `${BASE}/subdistricts?${q({ province: 'เชียงใหม่' })}`,
      `${BASE}/postcodes?${q({ province: 'เชียงใหม่', district: 'จอมทอง' })}`,
      `${BASE}/areas`,
      `${BASE}/districts?${q({ province: 'เชียงใหม่' })}&${q({ province: 'ลำพูน' })}`,
      `${BASE}/districts?${q({ province: huge })}`,
      `${BASE}/subdistricts?${q({ province: 'เชียงใหม่', district: 'x'.repeat(121) })}`,
      `${BASE}/areas?${q({ postcode: '1'.repeat(21) })}`,
      `${BASE}/areas?${q({ postcode: '1'.repeat(100_000) })}`,
      `${BASE}/districts?province=%E0%B8`,
      `${BASE}/districts?province=%00`,
    ]
    for (const url of bad) {
      const res = await get(url)
      assert.equal(res.statusCode, 400, `${url.slice(0, 120)}: ${res.statusCode} ${res.body.slice(0, 200)}`)
      assert.equal(res.headers['cache-control'], 'no-store', url.slice(0, 120))
    }
  })

  test('every page loads the pickers script, which the asset route serves', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/' })
    const src = html(page)('script[src*="/js/thai-address.js"]').attr('src')
    assert.ok(src, 'script tag')
    const js = await t.app.inject({ method: 'GET', url: src })
    assert.equal(js.statusCode, 200)
    assert.match(String(js.headers['content-type']), /javascript/)
    assert.match(js.body, /data-thai-address/)
  })
})
