/**
 * Pure rules of the registry admin (issue 7): legal-form words off the stored names, the
 * field-level diff, and reading a CSV / spreadsheet row into the same raw shape the form posts, so
 * one schema (registry.schemas.ts) validates both. Table-tested in registry.rules.test.ts.
 */
import { BUSINESS_TYPE_CODES, type BusinessTypeCode, type EntityStatus, type LegalForm } from './business-types.model.ts'
import { BUSINESS_FIELDS, IMPORT_COLUMNS, type BusinessField, type BusinessRecord, type FieldChange } from './registry.model.ts'

/** NFC, single spaces, and SARA AM recomposed: names that went through NFKC elsewhere (support tickets) carry NIKHAHIT + SARA AA. */
const collapse = (s: string) => s.normalize('NFC').replace(/\u0E4D\u0E32/g, '\u0E33').replace(/\s+/g, ' ').trim()

const THAI_PREFIXES = ['ห้างหุ้นส่วนสามัญนิติบุคคล', 'ห้างหุ้นส่วนจำกัด', 'บริษัท', 'บจก.', 'บมจ.', 'หจก.']
const THAI_SUFFIXES = ['จำกัด (มหาชน)', 'จำกัด(มหาชน)', 'จำกัด']
const ENGLISH_SUFFIXES = [/\s*,?\s*public company limited$/i, /\s*,?\s*company limited$/i, /\s*,?\s*co\.?,?\s*ltd\.?$/i, /\s*,?\s*limited partnership$/i, /\s*,?\s*registered ordinary partnership$/i, /\s*,?\s*(pcl|plc)\.?$/i, /\s*,?\s*ltd\.?$/i]

/**
 * The Thai name as the registry stores it (§9.6): without "บริษัท … จำกัด", "ห้างหุ้นส่วนจำกัด …",
 * "บจก." and the like, which the legal form already says. A name that is only such words is kept.
 */
export function bareThaiName(raw: string): string {
  let s = collapse(raw)
  for (const p of THAI_PREFIXES) if (s.startsWith(p) && s.length > p.length) s = s.slice(p.length).trim()
  for (const x of THAI_SUFFIXES) if (s.endsWith(x) && s.length > x.length) s = s.slice(0, -x.length).trim()
  return s
}

/** The English name without "Co., Ltd.", "Public Company Limited", "PCL"…; empty stays empty. */
export function bareEnglishName(raw: string): string {
  let s = collapse(raw)
  for (const re of ENGLISH_SUFFIXES) {
    const cut = s.replace(re, '').trim()
    if (cut && cut !== s) s = cut
  }
  return s
}

export const hasThaiLetter = (s: string) => /[\u0E01-\u0E2E]/.test(s)
export const hasThaiCharacter = (s: string) => /[\u0E00-\u0E7F]/.test(s)

/** Text a spreadsheet could run as a formula (CSV/formula injection): refused in imported cells. */
export const looksLikeFormula = (s: string) => /^[=+\-@\t\r]/.test(s)

/** The other business types, without the primary, unique, in the reference order. */
export function otherTypes(primary: string, others: readonly string[]): BusinessTypeCode[] {
  return BUSINESS_TYPE_CODES.filter((c) => c !== primary && others.includes(c))
}

/** The stored `business_types` array: the primary first, then the others. */
export const storedBusinessTypes = (r: Pick<BusinessRecord, 'primaryBusinessType' | 'otherBusinessTypes'>): string[] => [r.primaryBusinessType, ...r.otherBusinessTypes]

/** A registry row as a record (what the form shows and the diff compares). */
export function recordOfRow(row: {
  juristicId: string
  nameTh: string
  nameEn: string | null
  legalForm: string
  primaryBusinessType: string
  businessTypes: string[]
  addressLine: string
  province: string
  district: string
  subdistrict: string
  postcode: string
  status: string
  ceasedOn: string | null
}): BusinessRecord {
  return {
    juristicId: row.juristicId,
    nameTh: row.nameTh,
    nameEn: row.nameEn || null,
    legalForm: row.legalForm as LegalForm,
    primaryBusinessType: row.primaryBusinessType as BusinessTypeCode,
    otherBusinessTypes: otherTypes(row.primaryBusinessType, row.businessTypes),
    addressLine: row.addressLine,
    province: row.province,
    district: row.district,
    subdistrict: row.subdistrict,
    postcode: row.postcode,
    status: row.status as EntityStatus,
    ceasedOn: row.ceasedOn,
  }
}

const asText = (r: BusinessRecord, f: BusinessField): string => {
  const v = r[f]
  if (Array.isArray(v)) return v.join('|')
  return v ?? ''
}

/** The fields that differ between the stored record and the incoming one, in BUSINESS_FIELDS order. */
export function diffBusiness(stored: BusinessRecord, incoming: BusinessRecord): FieldChange[] {
  return BUSINESS_FIELDS.filter((f) => asText(stored, f) !== asText(incoming, f)).map((f) => ({ field: f, from: asText(stored, f), to: asText(incoming, f) }))
}

// ── Reading import files ────────────────────────────────────────────────────────────────────

/**
 * RFC 4180 CSV: commas, double-quoted cells with "" escapes and line breaks inside quotes, CRLF or
 * LF, a leading BOM ignored. Blank lines are dropped but keep their line numbers out of the count
 * only through `rowNumbers` (the spreadsheet row each returned row came from).
 */
export function parseCsv(text: string): { rows: string[][]; rowNumbers: number[] } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const rows: string[][] = []
  const rowNumbers: number[] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  let line = 1
  let rowStart = 1
  const endRow = () => {
    row.push(cell)
    if (row.some((c) => c.trim() !== '')) {
      rows.push(row)
      rowNumbers.push(rowStart)
    }
    row = []
    cell = ''
  }
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!
    if (quoted) {
      if (ch === '"' && src[i + 1] === '"') {
        cell += '"'
        i++
      } else if (ch === '"') quoted = false
      else {
        if (ch === '\n') line++
        cell += ch
      }
      continue
    }
    if (ch === '"' && cell === '') quoted = true
    else if (ch === ',') {
      row.push(cell)
      cell = ''
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && src[i + 1] === '\n') i++
      endRow()
      line++
      rowStart = line
    } else cell += ch
  }
  if (cell !== '' || row.length) endRow()
  return { rows, rowNumbers }
}

/** Thai header names accepted besides the column codes (AMLO staff keep Thai spreadsheets). */
const THAI_HEADERS = {
  juristicId: ['เลขทะเบียนนิติบุคคล'],
  nameTh: ['ชื่อภาษาไทย', 'ชื่อกิจการภาษาไทย'],
  nameEn: ['ชื่อภาษาอังกฤษ', 'ชื่อกิจการภาษาอังกฤษ'],
  legalForm: ['รูปแบบนิติบุคคล', 'ประเภทนิติบุคคล'],
  primaryBusinessType: ['ประเภทธุรกิจหลัก'],
  otherBusinessTypes: ['ประเภทธุรกิจอื่น'],
  addressLine: ['ที่อยู่', 'เลขที่และถนน'],
  province: ['จังหวัด'],
  district: ['อำเภอ/เขต', 'อำเภอ', 'เขต'],
  subdistrict: ['ตำบล/แขวง', 'ตำบล', 'แขวง'],
  postcode: ['รหัสไปรษณีย์'],
  status: ['สถานะ'],
  ceasedOn: ['วันที่เลิกกิจการ'],
} as const satisfies Record<BusinessField, readonly string[]>

const headerKey = (s: string) => s.normalize('NFC').replace(/[\s\p{Cf}]/gu, '').toLowerCase()
const HEADER_INDEX = new Map<string, BusinessField>(
  BUSINESS_FIELDS.flatMap((f) => [IMPORT_COLUMNS[f], f, ...THAI_HEADERS[f]].map((h) => [headerKey(h), f] as [string, BusinessField])),
)

export type HeaderMap = { columns: (BusinessField | undefined)[]; unknown: string[]; missing: BusinessField[]; repeated: BusinessField[] }

/** Which field each header cell names; unknown headers, required columns missing, columns named twice. */
export function mapHeader(cells: readonly string[]): HeaderMap {
  const columns = cells.map((c) => HEADER_INDEX.get(headerKey(c)))
  const unknown = cells.filter((c, i) => c.trim() !== '' && columns[i] === undefined)
  const seen = columns.filter((c): c is BusinessField => !!c)
  const repeated = BUSINESS_FIELDS.filter((f) => seen.filter((c) => c === f).length > 1)
  const optional: readonly BusinessField[] = ['nameEn', 'otherBusinessTypes', 'status', 'ceasedOn']
  const missing = BUSINESS_FIELDS.filter((f) => !optional.includes(f) && !seen.includes(f))
  return { columns, unknown, missing, repeated }
}

const LEGAL_FORM_WORDS: Record<string, LegalForm> = {
  บริษัทจำกัด: 'company_limited',
  บริษัทมหาชนจำกัด: 'public_company_limited',
  ห้างหุ้นส่วนจำกัด: 'limited_partnership',
  ห้างหุ้นส่วนสามัญนิติบุคคล: 'registered_ordinary_partnership',
  สาขาบริษัทต่างประเทศ: 'foreign_company_branch',
  อื่นๆ: 'other',
}
const STATUS_WORDS: Record<string, string> = { active: 'active', ดำเนินกิจการ: 'active', ceased: 'inactive', inactive: 'inactive', เลิกกิจการ: 'inactive' }

/** A legal form written as its code or its Thai name; other text is returned as typed (the schema refuses it). */
export function legalFormFromCell(v: string): string {
  const k = v.replace(/\s/g, '')
  return LEGAL_FORM_WORDS[k] ?? v.trim().toLowerCase()
}

/** `active`/`ceased` or ดำเนินกิจการ/เลิกกิจการ; empty means active. */
export function statusFromCell(v: string): string {
  const k = v.replace(/\s/g, '').toLowerCase()
  return k === '' ? 'active' : (STATUS_WORDS[k] ?? v)
}

/** The cells of one data row as the raw shape the business form posts (registry.schemas.ts). */
export function rawFromRow(cells: readonly string[], columns: readonly (BusinessField | undefined)[]): Record<string, unknown> {
  const get = (f: BusinessField) => {
    const i = columns.indexOf(f)
    return i >= 0 ? (cells[i] ?? '').trim() : ''
  }
  return {
    juristicId: get('juristicId'),
    nameTh: get('nameTh'),
    nameEn: get('nameEn'),
    legalForm: legalFormFromCell(get('legalForm')),
    primaryBusinessType: get('primaryBusinessType').toLowerCase(),
    otherBusinessTypes: get('otherBusinessTypes')
      .split(/[|;,\s]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean),
    addressLine: get('addressLine'),
    province: get('province'),
    district: get('district'),
    subdistrict: get('subdistrict'),
    postcode: get('postcode'),
    status: statusFromCell(get('status')),
    ceasedOn: get('ceasedOn'),
  }
}

/** The columns of a row whose text could run as a formula. */
export function formulaColumns(cells: readonly string[], columns: readonly (BusinessField | undefined)[]): BusinessField[] {
  return columns.flatMap((f, i) => (f && looksLikeFormula(cells[i] ?? '') ? [f] : []))
}
