/**
 * The one wrapper around `thai-address-universal` (domain.md §9.5): Thai province → district
 * (อำเภอ/เขต) → subdistrict (ตำบล/แขวง) → postcode reference data. Nothing else imports the package.
 *
 * Why a wrapper, and why it validates with its own index instead of the package's validateAddress:
 * - the package takes camelCase keys (`subDistrict`, `postalCode`); snake_case keys and empty
 *   strings are silently skipped and the address then comes back *valid*;
 * - its name-based lookups (`getSubDistrictByDistrict`) ignore the province, and district names
 *   repeat across provinces (จอมทอง is in Bangkok and Chiang Mai; เฉลิมพระเกียรติ in five);
 * - its active dataset is process-global and follows the THAI_ADDRESS_UNIVERSAL environment
 *   variable (`eng` switches it to English); we always read the Thai one.
 * All functions are async: the package loads its data chunk (~40 ms) on first use; the index is
 * then built once and reused.
 *
 * Matching is lenient about spelling the user cannot see or the dataset gets wrong: NFKC,
 * spaces, zero-width characters, hyphens and dots, THANTHAKHAT (์ — the dataset spells แขวง
 * "จักรวรรดิ์" where DOPA writes "จักรวรรดิ"), a leading level word (จังหวัด/อำเภอ/เขต/ตำบล/แขวง)
 * and the short names of Bangkok. A valid result carries the dataset's canonical spelling, which
 * is what callers store.
 */
import { getDatabase, getEngMode, preload, setEngMode } from 'thai-address-universal'
import { toAsciiDigits } from './juristic-id.rules.ts'

export type ThaiAddressParts = { province: string; district: string; subdistrict: string; postcode: string }
/** One real subdistrict with one of its postcodes (a subdistrict may have two). */
export type ThaiAddressArea = Readonly<ThaiAddressParts>
export type ThaiAddressProblem = 'province' | 'district' | 'subdistrict' | 'postcode'
export type ThaiAddressCheck = { ok: true; address: ThaiAddressArea } | { ok: false; problem: ThaiAddressProblem }

type Subdistrict = { name: string; postcodes: string[] }
type District = { name: string; subdistricts: Map<string, Subdistrict> }
type Province = { name: string; districts: Map<string, District> }
type AddressIndex = { provinces: Map<string, Province>; areas: readonly ThaiAddressArea[] }

/** Comparison key: see the lenient-matching note at the top. */
const key = (s: string) => s.normalize('NFKC').replace(/[\s\p{Cf}\-\u2010-\u2015.]|\u0E4C/gu, '').toLowerCase()

const BANGKOK = 'กรุงเทพมหานคร'
const BANGKOK_ALIASES = ['กทม', 'กรุงเทพ', 'กรุงเทพฯ', 'bangkok', 'bkk'].map(key)
const LEVEL_WORDS: Record<Exclude<ThaiAddressProblem, 'postcode'>, readonly string[]> = {
  province: ['จังหวัด', 'จ.'],
  district: ['อำเภอ', 'เขต', 'อ.'],
  subdistrict: ['ตำบล', 'แขวง', 'ต.'],
}
const THAI_COLLATOR = new Intl.Collator('th')
const byThai = (a: string, b: string) => THAI_COLLATOR.compare(a, b)

function candidates(raw: string, level: Exclude<ThaiAddressProblem, 'postcode'>): string[] {
  const text = raw.normalize('NFKC').trim()
  const out = [key(text)]
  for (const word of LEVEL_WORDS[level]) {
    const w = word.normalize('NFKC') // อำเภอ: NFKC splits SARA AM, in the input as well
    if (text.startsWith(w) && text.length > w.length) out.push(key(text.slice(w.length)))
  }
  if (level === 'province' && out.some((k) => BANGKOK_ALIASES.includes(k))) out.push(key(BANGKOK))
  return out
}

function find<T>(map: Map<string, T>, raw: string, level: Exclude<ThaiAddressProblem, 'postcode'>): T | undefined {
  if (!raw.trim()) return undefined
  for (const k of candidates(raw, level)) {
    const hit = map.get(k)
    if (hit) return hit
  }
  return undefined
}

function addUnique<T extends { name: string }>(map: Map<string, T>, name: string, make: () => T): T {
  const k = key(name)
  const found = map.get(k)
  if (found && found.name !== name) throw new Error(`thai-address: "${found.name}" and "${name}" share the lookup key "${k}"`)
  if (found) return found
  const created = make()
  map.set(k, created)
  return created
}

async function buildIndex(): Promise<AddressIndex> {
  await preload({ language: 'thai' })
  if (getEngMode()) await setEngMode(false)
  const provinces = new Map<string, Province>()
  const areas: ThaiAddressArea[] = []
  for (const row of getDatabase()) {
    const p = addUnique(provinces, row.province, () => ({ name: row.province, districts: new Map() }))
    const d = addUnique(p.districts, row.district, () => ({ name: row.district, subdistricts: new Map() }))
    const s = addUnique(d.subdistricts, row.sub_district, (): Subdistrict => ({ name: row.sub_district, postcodes: [] }))
    // A few uninhabited islands have no postcode: they exist, but no address there can be valid.
    if (/^[1-9]\d{4}$/.test(row.postal_code) && !s.postcodes.includes(row.postal_code)) {
      s.postcodes.push(row.postal_code)
      areas.push(Object.freeze({ province: p.name, district: d.name, subdistrict: s.name, postcode: row.postal_code }))
    }
  }
  if (provinces.size !== 77) throw new Error(`thai-address: expected 77 provinces, found ${provinces.size}`)
  for (const p of provinces.values()) if (!PROVINCE_CODES[p.name]) throw new Error(`thai-address: no DOPA code for ${p.name}`)
  return { provinces, areas }
}

let loading: Promise<AddressIndex> | undefined
function addressIndex(): Promise<AddressIndex> {
  loading ??= buildIndex().catch((e: unknown) => {
    loading = undefined
    throw e
  })
  return loading
}

/**
 * Checks that the four parts exist and belong together, in order: province, district in it,
 * subdistrict in that district, postcode serving that subdistrict. Every part is required.
 */
export async function validateThaiAddress(input: ThaiAddressParts): Promise<ThaiAddressCheck> {
  const { provinces } = await addressIndex()
  const p = find(provinces, input.province ?? '', 'province')
  if (!p) return { ok: false, problem: 'province' }
  const d = find(p.districts, input.district ?? '', 'district')
  if (!d) return { ok: false, problem: 'district' }
  const s = find(d.subdistricts, input.subdistrict ?? '', 'subdistrict')
  if (!s) return { ok: false, problem: 'subdistrict' }
  const postcode = toAsciiDigits((input.postcode ?? '').trim())
  if (!s.postcodes.includes(postcode)) return { ok: false, problem: 'postcode' }
  return { ok: true, address: { province: p.name, district: d.name, subdistrict: s.name, postcode } }
}

/** The 77 provinces (Bangkok included), in Thai order. */
export async function listProvinces(): Promise<string[]> {
  const { provinces } = await addressIndex()
  return [...provinces.values()].map((p) => p.name).sort(byThai)
}

/** Districts (อำเภอ / เขต) of a province; empty for an unknown province. */
export async function listDistricts(province: string): Promise<string[]> {
  const p = find((await addressIndex()).provinces, province, 'province')
  return p ? [...p.districts.values()].map((d) => d.name).sort(byThai) : []
}

/** Subdistricts (ตำบล / แขวง) of a district of a province; empty when either is unknown. */
export async function listSubdistricts(province: string, district: string): Promise<string[]> {
  const p = find((await addressIndex()).provinces, province, 'province')
  const d = p && find(p.districts, district, 'district')
  return d ? [...d.subdistricts.values()].map((s) => s.name).sort(byThai) : []
}

/** Postcodes serving a subdistrict (usually one, sometimes two); empty when unknown. */
export async function postcodesFor(province: string, district: string, subdistrict: string): Promise<string[]> {
  const p = find((await addressIndex()).provinces, province, 'province')
  const d = p && find(p.districts, district, 'district')
  const s = d && find(d.subdistricts, subdistrict, 'subdistrict')
  return s ? [...s.postcodes].sort() : []
}

/** A subdistrict (ตำบล / แขวง) of a district with the postcodes serving it (none for an uninhabited island). */
export type SubdistrictEntry = { readonly name: string; readonly postcodes: readonly string[] }

/** Subdistricts of a district of a province with their postcodes, in Thai order; empty when either is unknown. */
export async function listSubdistrictsWithPostcodes(province: string, district: string): Promise<SubdistrictEntry[]> {
  const p = find((await addressIndex()).provinces, province, 'province')
  const d = p && find(p.districts, district, 'district')
  if (!d) return []
  return [...d.subdistricts.values()].map((s) => ({ name: s.name, postcodes: [...s.postcodes].sort() })).sort((a, b) => byThai(a.name, b.name))
}

/**
 * The areas a postcode serves (Thai or ASCII digits, spaces ignored), ordered by province,
 * district and subdistrict in Thai order; empty for anything that is not a known 5-digit postcode.
 */
export async function areasWithPostcode(postcode: string): Promise<ThaiAddressArea[]> {
  const code = toAsciiDigits(postcode.slice(0, 20)).replace(/\s/g, '')
  if (!/^[1-9]\d{4}$/.test(code)) return []
  return (await addressIndex()).areas
    .filter((a) => a.postcode === code)
    .sort((a, b) => byThai(a.province, b.province) || byThai(a.district, b.district) || byThai(a.subdistrict, b.subdistrict))
}

/** Every (province, district, subdistrict, postcode) combination with a postcode, in dataset order. */
export async function listAddressAreas(): Promise<readonly ThaiAddressArea[]> {
  return (await addressIndex()).areas
}

/**
 * DOPA 2-digit province codes (= ISO 3166-2:TH numbers; domain.md §9.5). The package has them too,
 * but only behind a further ~200 ms of data loading (and with Bueng Kan as 97 instead of 38), so
 * they are written out here and thai-address.test.ts checks them against the package.
 */
export const PROVINCE_CODES: Readonly<Record<string, string>> = Object.freeze({
  กรุงเทพมหานคร: '10', สมุทรปราการ: '11', นนทบุรี: '12', ปทุมธานี: '13', พระนครศรีอยุธยา: '14', อ่างทอง: '15',
  ลพบุรี: '16', สิงห์บุรี: '17', ชัยนาท: '18', สระบุรี: '19', ชลบุรี: '20', ระยอง: '21', จันทบุรี: '22', ตราด: '23',
  ฉะเชิงเทรา: '24', ปราจีนบุรี: '25', นครนายก: '26', สระแก้ว: '27', นครราชสีมา: '30', บุรีรัมย์: '31', สุรินทร์: '32',
  ศรีสะเกษ: '33', อุบลราชธานี: '34', ยโสธร: '35', ชัยภูมิ: '36', อำนาจเจริญ: '37', บึงกาฬ: '38', หนองบัวลำภู: '39',
  ขอนแก่น: '40', อุดรธานี: '41', เลย: '42', หนองคาย: '43', มหาสารคาม: '44', ร้อยเอ็ด: '45', กาฬสินธุ์: '46',
  สกลนคร: '47', นครพนม: '48', มุกดาหาร: '49', เชียงใหม่: '50', ลำพูน: '51', ลำปาง: '52', อุตรดิตถ์: '53', แพร่: '54',
  น่าน: '55', พะเยา: '56', เชียงราย: '57', แม่ฮ่องสอน: '58', นครสวรรค์: '60', อุทัยธานี: '61', กำแพงเพชร: '62',
  ตาก: '63', สุโขทัย: '64', พิษณุโลก: '65', พิจิตร: '66', เพชรบูรณ์: '67', ราชบุรี: '70', กาญจนบุรี: '71',
  สุพรรณบุรี: '72', นครปฐม: '73', สมุทรสาคร: '74', สมุทรสงคราม: '75', เพชรบุรี: '76', ประจวบคีรีขันธ์: '77',
  นครศรีธรรมราช: '80', กระบี่: '81', พังงา: '82', ภูเก็ต: '83', สุราษฎร์ธานี: '84', ระนอง: '85', ชุมพร: '86',
  สงขลา: '90', สตูล: '91', ตรัง: '92', พัทลุง: '93', ปัตตานี: '94', ยะลา: '95', นราธิวาส: '96',
})

/**
 * The 77 province names in Thai order, without loading the dataset (renderers are synchronous).
 * They are PROVINCE_CODES' keys, which the index build checks against the dataset, so they are
 * exactly the names listProvinces() returns.
 */
export const PROVINCE_NAMES: readonly string[] = Object.freeze(Object.keys(PROVINCE_CODES).sort(byThai))
const PROVINCE_BY_KEY = new Map(PROVINCE_NAMES.map((name) => [key(name), name]))

/**
 * The canonical name of a province written any way validateThaiAddress accepts ("กทม.",
 * "จังหวัดเชียงใหม่"), synchronously; undefined when it is not a province.
 */
export function matchProvinceName(raw: string): string | undefined {
  if (!raw.trim() || raw.length > 200) return undefined
  for (const k of candidates(raw, 'province')) {
    const hit = PROVINCE_BY_KEY.get(k)
    if (hit) return hit
  }
  return undefined
}

/** The DOPA code of a province (any spelling validateThaiAddress accepts); undefined when unknown. */
export async function provinceCode(province: string): Promise<string | undefined> {
  const p = find((await addressIndex()).provinces, province, 'province')
  return p && PROVINCE_CODES[p.name]
}
