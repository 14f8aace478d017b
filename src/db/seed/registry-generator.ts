/**
 * Deterministic generator of a fictional business registry (reporting_entities rows) for the demo
 * and for load tests. The same { count, seed } always gives the same rows, and a shorter registry
 * is a prefix of a longer one with the same seed. No database code; the only IO is loading the
 * address reference data through src/entities/thai-address.ts (so it is async and not a *.rules.ts).
 *
 * Everything is fictional: names are built from word lists, juristic numbers are merely
 * well-formed (0-AA-T-YYY-NNNNN-C with a valid check digit), e-mails use reserved example domains
 * (RFC 2606) so nothing can ever be delivered. Addresses are real province / district /
 * subdistrict / postcode combinations with a made-up house number and road.
 */
import type { reportingEntities } from '#src/entities/entities.tables.ts'
import type { BusinessTypeCode, LegalForm } from '#src/entities/business-types.model.ts'
import { normaliseNameForSearch } from '#src/entities/entity-name.rules.ts'
import { thaiId13CheckDigit } from '#src/entities/juristic-id.rules.ts'
import { listAddressAreas, PROVINCE_CODES, type ThaiAddressArea } from '#src/entities/thai-address.ts'

type EntityInsert = typeof reportingEntities.$inferInsert
/** Columns the database fills itself (generated id, timestamps). */
export const DATABASE_FILLED_COLUMNS = ['id', 'createdAt', 'updatedAt'] as const
/** A reporting_entities insert with every other column spelled out (null where empty). */
export type RegistryRow = { [K in Exclude<keyof EntityInsert, (typeof DATABASE_FILLED_COLUMNS)[number]>]-?: Exclude<EntityInsert[K], undefined> }
export type GenerateRegistryOptions = { count: number; seed?: number }

export const DEFAULT_REGISTRY_SEED = 16_2552 // §16, B.E. 2552 (the 2009 amendment)

// ---------------------------------------------------------------------------------------------
// Demo businesses: hand-written, always the first rows. Later issues attach demo accounts to them
// by juristic ID, so these IDs never change.

type DemoInput = Omit<RegistryRow, 'nameSearch' | 'status' | 'ceasedOn' | 'mergedIntoId'> & { juristicId: string; nameTh: string }

const demo = (row: DemoInput): RegistryRow => ({ status: 'active', ceasedOn: null, mergedIntoId: null, ...row, nameSearch: normaliseNameForSearch(row.nameTh) })

export const DEMO_BUSINESSES: readonly RegistryRow[] = Object.freeze([
  demo({
    juristicId: '0105536900012', // 0-10-5-536-90001-2: Bangkok, company, B.E. 2536
    nameTh: 'ทองดีเยาวราช',
    nameEn: 'Thongdee Yaowarat',
    tradingName: 'ห้างทองทองดี',
    legalForm: 'company_limited',
    primaryBusinessType: 'precious_goods',
    businessTypes: ['precious_goods'],
    registeredOn: '1993-03-15',
    addressLine: '215 ถนนเยาวราช',
    subdistrict: 'จักรวรรดิ์',
    district: 'สัมพันธวงศ์',
    province: 'กรุงเทพมหานคร',
    postcode: '10100',
    phone: '+6622221234',
    email: 'contact.thongdee@example.com',
  }),
  demo({
    juristicId: '0503548900025', // Chiang Mai, limited partnership, B.E. 2548
    nameTh: 'เพชรล้านนาจิวเวลรี่',
    nameEn: 'Phet Lanna Jewelry',
    tradingName: 'ร้านทองเพชรล้านนา',
    legalForm: 'limited_partnership',
    primaryBusinessType: 'precious_goods',
    businessTypes: ['precious_goods'],
    registeredOn: '2005-07-01',
    addressLine: '88/2 ถนนช้างคลาน',
    subdistrict: 'ช้างคลาน',
    district: 'เมืองเชียงใหม่',
    province: 'เชียงใหม่',
    postcode: '50100',
    phone: '+6653271234',
    email: 'phetlanna@example.com',
  }),
  demo({
    juristicId: '0905554900030', // Songkhla, company, B.E. 2554
    nameTh: 'ทองศรีทักษิณ',
    nameEn: null,
    tradingName: 'ห้างทองศรีทักษิณ',
    legalForm: 'company_limited',
    primaryBusinessType: 'precious_goods',
    businessTypes: ['precious_goods', 'antique'],
    registeredOn: '2011-01-20',
    addressLine: '45 ถนนนิพัทธ์อุทิศ 3',
    subdistrict: 'หาดใหญ่',
    district: 'หาดใหญ่',
    province: 'สงขลา',
    postcode: '90110',
    phone: '+66812345678',
    email: null,
  }),
  demo({
    juristicId: '0205541900041', // Chon Buri, company, B.E. 2541
    nameTh: 'บูรพายนตรกิจ',
    nameEn: 'Burapha Yontrakit',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'car_dealer',
    businessTypes: ['car_dealer', 'personal_loan'],
    registeredOn: '1998-09-09',
    addressLine: '199/9 หมู่ที่ 3 ถนนสุขุมวิท',
    subdistrict: 'เสม็ด',
    district: 'เมืองชลบุรี',
    province: 'ชลบุรี',
    postcode: '20000',
    phone: '+6638271234',
    email: 'sales.burapha@example.com',
  }),
  demo({
    juristicId: '0407539900055', // Khon Kaen, public company, B.E. 2539
    nameTh: 'อีสานออโต้เซลส์',
    nameEn: 'Isan Auto Sales',
    tradingName: null,
    legalForm: 'public_company_limited',
    primaryBusinessType: 'car_dealer',
    businessTypes: ['car_dealer'],
    registeredOn: '1996-05-02',
    addressLine: '333 ถนนมิตรภาพ',
    subdistrict: 'ในเมือง',
    district: 'เมืองขอนแก่น',
    province: 'ขอนแก่น',
    postcode: '40000',
    phone: '+6643221234',
    email: 'ir.isanauto@example.com',
  }),
  demo({
    juristicId: '0835558900060', // Phuket, company, B.E. 2558
    nameTh: 'อันดามัน พร็อพเพอร์ตี้ เอเจนซี่',
    nameEn: 'Andaman Property Agency',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'real_estate',
    businessTypes: ['real_estate'],
    registeredOn: '2015-11-30',
    addressLine: '12/7 หมู่ที่ 6 ถนนวิเศษ',
    subdistrict: 'ราไวย์',
    district: 'เมืองภูเก็ต',
    province: 'ภูเก็ต',
    postcode: '83130',
    phone: '+66981234567',
    email: 'hello.andaman@example.net',
  }),
  demo({
    juristicId: '0102552900070', // Bangkok, registered ordinary partnership, B.E. 2552
    nameTh: 'เรือนไทยเรียลตี้',
    nameEn: null,
    tradingName: null,
    legalForm: 'registered_ordinary_partnership',
    primaryBusinessType: 'real_estate',
    businessTypes: ['real_estate'],
    registeredOn: '2009-02-14',
    addressLine: '99 ซอยร่วมฤดี ถนนเพลินจิต',
    subdistrict: 'ลุมพินี',
    district: 'ปทุมวัน',
    province: 'กรุงเทพมหานคร',
    postcode: '10330',
    phone: '+6622541234',
    email: 'ruanthai.realty@example.org',
  }),
  demo({
    juristicId: '0105532900085', // Bangkok, company, B.E. 2532
    nameTh: 'สี่พระยาแอนทีค',
    nameEn: 'Si Phraya Antiques',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'antique',
    businessTypes: ['antique', 'precious_goods'],
    registeredOn: '1989-06-21',
    addressLine: '1020 ถนนเจริญกรุง',
    subdistrict: 'สี่พระยา',
    district: 'บางรัก',
    province: 'กรุงเทพมหานคร',
    postcode: '10500',
    phone: '+6622361234',
    email: 'siphraya.antiques@example.com',
  }),
  demo({
    juristicId: '0573555900094', // Chiang Rai (border), limited partnership, B.E. 2555
    nameTh: 'แม่สายโบราณศิลป์',
    nameEn: null,
    tradingName: null,
    legalForm: 'limited_partnership',
    primaryBusinessType: 'antique',
    businessTypes: ['antique'],
    registeredOn: '2012-08-08',
    addressLine: '7 ถนนพหลโยธิน',
    subdistrict: 'แม่สาย',
    district: 'แม่สาย',
    province: 'เชียงราย',
    postcode: '57130',
    phone: '+66891234567',
    email: null,
  }),
  demo({
    juristicId: '0635560900103', // Tak (border), company, B.E. 2560
    nameTh: 'แม่สอดสินเชื่อพัฒนา',
    nameEn: 'Mae Sot Lending Development',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'personal_loan',
    businessTypes: ['personal_loan'],
    registeredOn: '2017-04-03',
    addressLine: '55 ถนนอินทรคีรี',
    subdistrict: 'แม่สอด',
    district: 'แม่สอด',
    province: 'ตาก',
    postcode: '63110',
    phone: '+6655531234',
    email: 'maesot.lending@example.com',
  }),
  demo({
    juristicId: '0105562900113', // Bangkok, company, B.E. 2562
    nameTh: 'สยามดิจิทัลเพย์',
    nameEn: 'Siam Digital Pay',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'e_payment',
    businessTypes: ['e_payment'],
    registeredOn: '2019-10-01',
    addressLine: '989 ชั้น 12 ถนนพหลโยธิน',
    subdistrict: 'จอมพล',
    district: 'จตุจักร',
    province: 'กรุงเทพมหานคร',
    postcode: '10900',
    phone: '+6629371234',
    email: 'compliance.siamdigitalpay@example.com',
  }),
  demo({
    juristicId: '0105559900124', // Bangkok, company, B.E. 2559
    nameTh: 'ช้างเผือกเพย์การ์ด',
    nameEn: 'Chang Phueak Pay Card',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'e_money_card',
    businessTypes: ['e_money_card', 'e_payment'],
    registeredOn: '2016-12-05',
    addressLine: '191 ถนนสีลม',
    subdistrict: 'สีลม',
    district: 'บางรัก',
    province: 'กรุงเทพมหานคร',
    postcode: '10500',
    phone: '+6622311234',
    email: 'aml.changphueak@example.com',
  }),
  demo({
    juristicId: '0107537900131', // Bangkok, public company, B.E. 2537
    nameTh: 'สยามนาคา การ์ดเซอร์วิส',
    nameEn: 'Siam Naga Card Services',
    tradingName: null,
    legalForm: 'public_company_limited',
    primaryBusinessType: 'credit_card',
    businessTypes: ['credit_card', 'personal_loan'],
    registeredOn: '1994-01-10',
    addressLine: '444 ถนนพญาไท',
    subdistrict: 'ปทุมวัน',
    district: 'ปทุมวัน',
    province: 'กรุงเทพมหานคร',
    postcode: '10330',
    phone: '+6622161234',
    email: 'compliance.siamnaga@example.com',
  }),
  demo({
    juristicId: '0105557900143', // Bangkok, company, B.E. 2557
    nameTh: 'ปัญญาทรัพย์ ที่ปรึกษาการลงทุน',
    nameEn: 'Panyasap Investment Advisory',
    tradingName: null,
    legalForm: 'company_limited',
    primaryBusinessType: 'investment_adviser',
    businessTypes: ['investment_adviser'],
    registeredOn: '2014-03-03',
    addressLine: '21 ถนนสุรวงศ์',
    subdistrict: 'สุริยวงศ์',
    district: 'บางรัก',
    province: 'กรุงเทพมหานคร',
    postcode: '10500',
    phone: '+6622341234',
    email: 'panyasap@example.net',
  }),
])

// ---------------------------------------------------------------------------------------------
// Randomness

/** mulberry32: a tiny, fast, seedable 32-bit PRNG (deterministic across platforms). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

type Rng = () => number
const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1))
const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T
const chance = (rng: Rng, p: number) => rng() < p

function weighted<T extends string>(table: Readonly<Partial<Record<T, number>>>): (rng: Rng) => T {
  const entries = Object.entries(table) as [T, number][]
  const total = entries.reduce((s, [, w]) => s + w, 0)
  return (rng) => {
    let r = rng() * total
    for (const [k, w] of entries) if ((r -= w) < 0) return k
    return entries[entries.length - 1]![0]
  }
}

// ---------------------------------------------------------------------------------------------
// Word lists (fictional combinations; cores always have two or three words so that no row is a
// famous one-word brand)

const CORE_WORDS: readonly (readonly [th: string, en: string])[] = [
  ['ทอง', 'Thong'], ['เพชร', 'Phet'], ['ศรี', 'Si'], ['สุข', 'Suk'], ['เจริญ', 'Charoen'],
  ['รุ่งเรือง', 'Rungrueang'], ['มั่งมี', 'Mangmi'], ['มงคล', 'Mongkhon'], ['ชัย', 'Chai'], ['โชค', 'Chok'],
  ['ทรัพย์', 'Sap'], ['อุดม', 'Udom'], ['พูนผล', 'Phunphon'], ['ไพศาล', 'Phaisan'], ['วัฒนา', 'Watthana'],
  ['ประเสริฐ', 'Prasoet'], ['สมบูรณ์', 'Sombun'], ['ศิริ', 'Siri'], ['แสง', 'Saeng'], ['ทิพย์', 'Thip'],
  ['นิยม', 'Niyom'], ['กิจ', 'Kit'], ['พัฒนา', 'Phatthana'], ['มณี', 'Mani'], ['รัตน์', 'Rat'],
  ['ธนา', 'Thana'], ['บุญ', 'Bun'], ['เฮง', 'Heng'], ['ฮวด', 'Huat'], ['เซ้ง', 'Seng'],
  ['กิม', 'Kim'], ['เลิศ', 'Loet'], ['ยิ่ง', 'Ying'], ['ดี', 'Di'], ['งาม', 'Ngam'],
  ['ใหม่', 'Mai'], ['ล้านนา', 'Lanna'], ['อันดา', 'Anda'], ['บูรพา', 'Burapha'], ['ทักษิณ', 'Thaksin'],
  ['อีสาน', 'Isan'], ['นคร', 'Nakhon'], ['ชล', 'Chon'], ['ภูมิ', 'Phum'], ['สิน', 'Sin'],
  ['นำ', 'Nam'], ['ไทย', 'Thai'], ['สยาม', 'Siam'],
]

const SUFFIXES: Record<BusinessTypeCode, readonly (readonly [th: string, en: string])[]> = {
  precious_goods: [['โกลด์', 'Gold'], ['จิวเวลรี่', 'Jewelry'], ['ค้าทอง', 'Gold Trading'], ['อัญมณี', 'Gems'], ['เพชรและทอง', 'Diamond and Gold'], ['โกลด์สมิธ', 'Goldsmith']],
  car_dealer: [['มอเตอร์', 'Motor'], ['ออโต้', 'Auto'], ['ยนตรกิจ', 'Yontrakit'], ['คาร์เซ็นเตอร์', 'Car Center'], ['ออโต้เซลส์', 'Auto Sales'], ['ยานยนต์', 'Automobile'], ['คาร์ลีสซิ่ง', 'Car Leasing']],
  real_estate: [['พร็อพเพอร์ตี้', 'Property'], ['เรียลเอสเตท', 'Real Estate'], ['เรียลตี้', 'Realty'], ['แลนด์', 'Land'], ['โฮม', 'Home'], ['เอสเตท เอเจนซี่', 'Estate Agency'], ['นายหน้าอสังหาริมทรัพย์', 'Property Brokers']],
  antique: [['แอนทีค', 'Antique'], ['ของเก่า', 'Antiques'], ['อาร์ต แกลเลอรี', 'Art Gallery'], ['โบราณศิลป์', 'Heritage Arts'], ['มือสอง', 'Second Hand'], ['คอลเลกชัน', 'Collection']],
  personal_loan: [['ลีสซิ่ง', 'Leasing'], ['แคปปิตอล', 'Capital'], ['ไฟแนนซ์', 'Finance'], ['เครดิต', 'Credit'], ['สินเชื่อ', 'Lending'], ['เงินทุน', 'Funding']],
  e_money_card: [['เพย์การ์ด', 'Pay Card'], ['การ์ด', 'Card'], ['วอลเล็ท', 'Wallet'], ['อีมันนี่', 'E-Money']],
  credit_card: [['การ์ดเซอร์วิส', 'Card Services'], ['เครดิตการ์ด', 'Credit Card'], ['บัตรเครดิต', 'Cards']],
  e_payment: [['เพย์', 'Pay'], ['เพย์เมนท์', 'Payment'], ['ดิจิทัลเพย์', 'Digital Pay'], ['อีเพย์เมนท์', 'E-Payment'], ['เพย์เทค', 'Paytech']],
  investment_adviser: [['แอดไวเซอรี่', 'Advisory'], ['ที่ปรึกษาการลงทุน', 'Investment Advisory'], ['เวลธ์', 'Wealth'], ['อินเวสเม้นท์', 'Investment']],
}

/** Section-16 types that often go together in one business (gold and antiques, cars and hire purchase…). */
const RELATED_TYPES: Record<BusinessTypeCode, readonly BusinessTypeCode[]> = {
  precious_goods: ['antique'],
  car_dealer: ['personal_loan'],
  real_estate: ['investment_adviser'],
  antique: ['precious_goods', 'car_dealer'],
  personal_loan: ['car_dealer', 'credit_card'],
  e_money_card: ['e_payment'],
  credit_card: ['personal_loan', 'e_money_card'],
  e_payment: ['e_money_card'],
  investment_adviser: ['real_estate'],
}

const pickPrimaryType = weighted<BusinessTypeCode>({
  precious_goods: 30,
  car_dealer: 22,
  real_estate: 20,
  antique: 12,
  personal_loan: 7,
  investment_adviser: 3,
  e_money_card: 2,
  credit_card: 1.5,
  e_payment: 2.5,
})

const LEGAL_FORM_BY_TYPE: Record<BusinessTypeCode, (rng: Rng) => LegalForm> = {
  precious_goods: weighted({ company_limited: 55, limited_partnership: 38, registered_ordinary_partnership: 5, public_company_limited: 1, other: 1 }),
  car_dealer: weighted({ company_limited: 72, limited_partnership: 22, public_company_limited: 3, registered_ordinary_partnership: 2, foreign_company_branch: 1 }),
  real_estate: weighted({ company_limited: 70, limited_partnership: 24, registered_ordinary_partnership: 4, foreign_company_branch: 2 }),
  antique: weighted({ company_limited: 40, limited_partnership: 45, registered_ordinary_partnership: 10, other: 5 }),
  personal_loan: weighted({ company_limited: 80, public_company_limited: 10, limited_partnership: 10 }),
  e_money_card: weighted({ company_limited: 80, public_company_limited: 12, foreign_company_branch: 8 }),
  credit_card: weighted({ company_limited: 70, public_company_limited: 25, foreign_company_branch: 5 }),
  e_payment: weighted({ company_limited: 82, public_company_limited: 10, foreign_company_branch: 8 }),
  investment_adviser: weighted({ company_limited: 85, foreign_company_branch: 10, public_company_limited: 5 }),
}

/**
 * The juristic-person type digit T we generate. 5 (company) and 7 (public company) are observed
 * (domain.md §9.1); the others are plausible guesses, and "other" bodies get office 99 (like
 * 0994000617721).
 */
const TYPE_DIGIT: Record<LegalForm, string> = {
  company_limited: '5',
  public_company_limited: '7',
  limited_partnership: '3',
  registered_ordinary_partnership: '2',
  foreign_company_branch: '5',
  other: '4',
}

/** Bangkok-heavy, every main region and the border provinces represented; the rest uniform. */
const PROVINCE_WEIGHTS: Readonly<Record<string, number>> = {
  กรุงเทพมหานคร: 30, เชียงใหม่: 6, ชลบุรี: 6, สงขลา: 4, ภูเก็ต: 4, นนทบุรี: 3, สมุทรปราการ: 3, ขอนแก่น: 3,
  นครราชสีมา: 3, อุดรธานี: 2, สุราษฎร์ธานี: 2, ตาก: 2, เชียงราย: 2, หนองคาย: 1.5, สระแก้ว: 1.5,
  นราธิวาส: 1, ยะลา: 1, มุกดาหาร: 1, กาญจนบุรี: 1, ระนอง: 1, จันทบุรี: 1, ตราด: 0.5, นครพนม: 0.5,
}
const OTHER_PROVINCES_WEIGHT = 20

const BANGKOK = 'กรุงเทพมหานคร'
const BANGKOK_ROADS = ['ถนนเจริญกรุง', 'ถนนสุขุมวิท', 'ถนนพระราม 4', 'ถนนรัชดาภิเษก', 'ถนนลาดพร้าว', 'ถนนเพชรบุรี', 'ถนนสีลม', 'ถนนพหลโยธิน', 'ถนนรามคำแหง', 'ถนนจรัญสนิทวงศ์', 'ถนนเพชรเกษม', 'ถนนประชาราษฎร์บำเพ็ญ']
const PROVINCIAL_ROADS = ['ถนนมิตรภาพ', 'ถนนพหลโยธิน', 'ถนนเพชรเกษม', 'ถนนสุขุมวิท', 'ถนนเทศบาล 1', 'ถนนเทศบาล 2', 'ถนนราษฎร์อุทิศ', 'ถนนประชาราษฎร์', 'ถนนตลาดใหม่', 'ถนนศรีเมือง', 'ถนนหน้าเมือง']
const EMAIL_DOMAINS = ['example.com', 'example.net', 'example.org'] // reserved by RFC 2606

/** Area codes (§9.3) by DOPA province-code range; Bangkok and its three neighbours dial 02. */
function landlineAreaCode(provinceCode: string, rng: Rng): string {
  const c = Number(provinceCode)
  if (c >= 10 && c <= 13) return '2'
  if (c < 20) return pick(rng, ['35', '36'])
  if (c < 30) return pick(rng, ['37', '38', '39'])
  if (c < 40) return pick(rng, ['42', '44', '45'])
  if (c < 50) return pick(rng, ['42', '43'])
  if (c < 60) return pick(rng, ['53', '54'])
  if (c < 70) return pick(rng, ['55', '56'])
  if (c < 80) return pick(rng, ['32', '34'])
  if (c < 90) return pick(rng, ['75', '76', '77'])
  return pick(rng, ['73', '74'])
}

const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => int(rng, 0, 9)).join('')

/** A Thai phone number in E.164 (+66 without the trunk 0), as §9.3 recommends storing. */
function phoneFor(provinceCode: string, rng: Rng): string {
  if (chance(rng, 0.5)) return `+66${pick(rng, ['6', '8', '9'])}${digits(rng, 8)}` // mobile: 0[689] + 8 digits
  const area = landlineAreaCode(provinceCode, rng)
  return `+66${area}${int(rng, 2, 9)}${digits(rng, 7 - area.length)}` // landline: 9 digits with the 0
}

function addressLineFor(area: ThaiAddressArea, rng: Rng): string {
  const house = chance(rng, 0.4) ? `${int(rng, 1, 999)}/${int(rng, 1, 99)}` : String(int(rng, 1, 1999))
  if (area.province === BANGKOK) {
    const road = pick(rng, BANGKOK_ROADS)
    return chance(rng, 0.4) ? `${house} ซอย${road.replace('ถนน', '')} ${int(rng, 1, 120)} ${road}` : `${house} ${road}`
  }
  const moo = chance(rng, 0.5) ? ` หมู่ที่ ${int(rng, 1, 15)}` : ''
  const road = chance(rng, 0.7) ? ` ${pick(rng, PROVINCIAL_ROADS)}` : ''
  return `${house}${moo}${road}`
}

// ---------------------------------------------------------------------------------------------

type AreaPicker = { areasByProvince: Map<string, ThaiAddressArea[]>; pickProvince: (rng: Rng) => string }

function areaPicker(areas: readonly ThaiAddressArea[]): AreaPicker {
  const areasByProvince = new Map<string, ThaiAddressArea[]>()
  for (const a of areas) {
    const list = areasByProvince.get(a.province)
    if (list) list.push(a)
    else areasByProvince.set(a.province, [a])
  }
  const others = [...areasByProvince.keys()].filter((p) => !(p in PROVINCE_WEIGHTS))
  const table: Record<string, number> = {}
  for (const [p, w] of Object.entries(PROVINCE_WEIGHTS)) {
    if (!areasByProvince.has(p)) throw new Error(`registry-generator: unknown province ${p}`)
    table[p] = w
  }
  for (const p of others) table[p] = OTHER_PROVINCES_WEIGHT / others.length
  return { areasByProvince, pickProvince: weighted(table) }
}

/**
 * `count` registry rows: the demo businesses first, then generated ones. Juristic IDs and search
 * names are unique; addresses are real; every one of the nine business types appears among the
 * demo rows, so any registry of at least DEMO_BUSINESSES.length rows has them all.
 */
export async function generateRegistry({ count, seed = DEFAULT_REGISTRY_SEED }: GenerateRegistryOptions): Promise<RegistryRow[]> {
  if (!Number.isSafeInteger(count) || count < 0) throw new RangeError(`count must be a non-negative integer, got ${count}`)
  const rows: RegistryRow[] = DEMO_BUSINESSES.slice(0, count).map((r) => ({ ...r, businessTypes: [...(r.businessTypes ?? [])] }))
  if (count <= rows.length) return rows

  const { areasByProvince, pickProvince } = areaPicker(await listAddressAreas())
  const rng = mulberry32(seed)
  const ids = new Set(DEMO_BUSINESSES.map((r) => r.juristicId))
  const names = new Set(DEMO_BUSINESSES.map((r) => r.nameTh.replace(/ /g, '')))

  while (rows.length < count) {
    const primary = pickPrimaryType(rng)
    const legalForm = LEGAL_FORM_BY_TYPE[primary](rng)
    const types: BusinessTypeCode[] = [primary]
    if (chance(rng, 0.2)) types.push(pick(rng, RELATED_TYPES[primary]))

    const province = pickProvince(rng)
    const area = pick(rng, areasByProvince.get(province)!)
    const provinceCode = PROVINCE_CODES[province]!

    // Registered between B.E. 2518 and 2567 (1975–2024), more of them recently.
    const year = 2024 - Math.floor(49 * rng() ** 1.6)
    const registeredOn = `${year}-${String(int(rng, 1, 12)).padStart(2, '0')}-${String(int(rng, 1, 28)).padStart(2, '0')}`
    const office = legalForm === 'other' ? '99' : provinceCode
    const prefix9 = `0${office}${TYPE_DIGIT[legalForm]}${String(year + 543).slice(1)}`
    let juristicId: string
    do {
      const first12 = prefix9 + String(int(rng, 0, 99_999)).padStart(5, '0')
      juristicId = first12 + thaiId13CheckDigit(first12)
    } while (ids.has(juristicId))
    ids.add(juristicId)

    // Two-word cores first; three words once a type's two-word names are running out. Uniqueness
    // is checked on the bare name (cheap); the strings are built once it is unique.
    let core: (readonly [th: string, en: string])[]
    let suffix: readonly [th: string, en: string]
    let bare: string
    for (let attempt = 0; ; attempt++) {
      const words = attempt < 2 ? 2 : 3
      core = []
      while (core.length < words) {
        const w = pick(rng, CORE_WORDS)
        if (!core.includes(w)) core.push(w)
      }
      suffix = pick(rng, SUFFIXES[primary])
      bare = core.map((w) => w[0]).join('') + suffix[0].replace(' ', '')
      if (attempt >= 20) bare += String(rows.length) // a last resort that keeps names unique
      if (!names.has(bare)) break
    }
    names.add(bare)
    const coreTh = core.map((w) => w[0]).join('')
    const nameTh = bare.startsWith(coreTh + suffix[0].replace(' ', '')) && chance(rng, 0.3) ? `${coreTh} ${bare.slice(coreTh.length)}` : bare
    const coreEn = core.map((w) => w[1].toLowerCase()).join('')
    const nameEn = `${coreEn[0]!.toUpperCase()}${coreEn.slice(1)} ${suffix[1]}`
    const nameSearch = normaliseNameForSearch(nameTh)

    const hasEnglish = chance(rng, legalForm === 'company_limited' || legalForm === 'public_company_limited' || legalForm === 'foreign_company_branch' ? 0.6 : 0.2)
    const tradingName = primary === 'precious_goods' && chance(rng, 0.6) ? `${pick(rng, ['ห้างทอง', 'ร้านทอง'])}${coreTh}` : null
    const slug = nameEn.toLowerCase().replace(/[^a-z]+/g, '')

    rows.push({
      juristicId,
      nameTh,
      nameEn: hasEnglish ? nameEn : null,
      tradingName,
      legalForm,
      primaryBusinessType: primary,
      businessTypes: types,
      status: chance(rng, 0.93) ? 'active' : 'inactive',
      registeredOn,
      ceasedOn: null, // the registry admin records it (migration 0015)
      mergedIntoId: null,
      addressLine: addressLineFor(area, rng),
      subdistrict: area.subdistrict,
      district: area.district,
      province: area.province,
      postcode: area.postcode,
      phone: chance(rng, 0.85) ? phoneFor(provinceCode, rng) : null,
      email: chance(rng, 0.7) ? `${pick(rng, ['info', 'contact', 'aml', 'office'])}.${slug.slice(0, 24)}${rows.length}@${pick(rng, EMAIL_DOMAINS)}` : null,
      nameSearch,
    })
  }
  return rows
}
