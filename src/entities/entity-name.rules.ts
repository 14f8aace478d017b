/**
 * Business names (domain.md §9.6). The registry stores the Thai name WITHOUT the legal-form words,
 * plus the legal form; `registeredName` renders them back, `normaliseNameForSearch` makes the key
 * that search compares (so "บริษัท ทองดี จำกัด", "บจก. ทองดี" and "ทองดี" find the same business).
 * Pure; table-tested in entity-name.rules.test.ts.
 */
import type { LegalForm } from './business-types.model.ts'
import { toAsciiDigits } from './juristic-id.rules.ts'

/** Word lists go through NFKC like the input: it splits SARA AM (ำ) into NIKHAHIT + SARA AA. */
const nfkc = (s: string) => s.normalize('NFKC')

/**
 * Legal-form words at the START of a name, longest first. Thai words match as plain prefixes
 * (Thai is written without spaces: "บริษัททองดีจำกัด"); the dot of an abbreviation is already gone.
 */
const THAI_PREFIXES = [
  'ห้างหุ้นส่วนสามัญนิติบุคคล',
  'ห้างหุ้นส่วนจำกัด',
  'ห้างหุ้นส่วนสามัญ',
  'บริษัทมหาชนจำกัด', // the pre-1992 spelling of a public company
  'บริษัท',
  'บจก',
  'บมจ',
  'หจก',
].map(nfkc)
/**
 * Legal-form words at the END of a name, longest first. "มหาชน" alone only counts as a separate
 * word ("(มหาชน)" after its brackets became spaces), so a name like "ตลาดมหาชน" keeps it.
 */
const THAI_SUFFIXES = ['จำกัดมหาชน', 'จำกัด'].map(nfkc)
const THAI_SUFFIX_WORDS = ['มหาชน'].map(nfkc)
/** English legal-form words (after punctuation became spaces), matched as whole words at the end. */
const LATIN_SUFFIXES = [
  'public company limited',
  'registered ordinary partnership',
  'limited partnership',
  'company limited',
  'co ltd',
  'pcl',
  'plc',
  'ltd',
  'limited',
  'co',
].map((w) => w.split(' '))

const FORMAT_CHARS = /\p{Cf}/gu
/** Punctuation, brackets of every script (ASCII, full-width, CJK) and symbols become spaces. */
const PUNCTUATION = /[\p{P}\p{S}]/gu

function stripLegalWords(spaced: string): string {
  let words = spaced.split(' ').filter(Boolean)
  for (let changed = true; changed && words.length > 0; ) {
    changed = false
    const first = words[0] as string
    const thaiPrefix = THAI_PREFIXES.find((p) => first.startsWith(p))
    if (thaiPrefix) {
      const rest = first.slice(thaiPrefix.length)
      words = rest ? [rest, ...words.slice(1)] : words.slice(1)
      changed = true
      continue
    }
    const last = words[words.length - 1] as string
    // "จำกัด (มหาชน)" arrives as two words, "จำกัด(มหาชน)" as one: join the tail to try both.
    const tail = words.slice(-2).join('')
    const thaiSuffix = THAI_SUFFIXES.find((s) => last.endsWith(s) || tail === s)
    if (thaiSuffix) {
      if (last.endsWith(thaiSuffix) && last !== thaiSuffix) words = [...words.slice(0, -1), last.slice(0, -thaiSuffix.length)]
      else if (last === thaiSuffix) words = words.slice(0, -1)
      else words = words.slice(0, -2)
      changed = true
      continue
    }
    if (words.length > 1 && THAI_SUFFIX_WORDS.includes(last)) {
      words = words.slice(0, -1)
      changed = true
      continue
    }
    const latinSuffix = LATIN_SUFFIXES.find((s) => words.length > s.length && s.every((w, i) => words[words.length - s.length + i] === w))
    if (latinSuffix) {
      words = words.slice(0, -latinSuffix.length)
      changed = true
    }
  }
  return words.join('')
}

/**
 * The search key of a business name: NFKC; format characters (zero-width space, joiners, soft
 * hyphen, BOM) removed; Thai digits made ASCII; lower case; punctuation and brackets of any script
 * dropped; legal-form words and abbreviations removed from the start and end (บริษัท, จำกัด,
 * (มหาชน), ห้างหุ้นส่วนจำกัด, ห้างหุ้นส่วนสามัญนิติบุคคล, หจก., บจก., บมจ., Co., Ltd., Company Limited,
 * Public Company Limited, PCL, Limited Partnership); all spaces removed. A name that is nothing
 * but legal-form words keeps them rather than becoming empty.
 *
 * Note: NFKC turns the precomposed SARA AM (ำ) into NIKHAHIT + SARA AA, so a key must only be
 * compared with another key, never with display text.
 */
export function normaliseNameForSearch(name: string): string {
  const spaced = toAsciiDigits(name.normalize('NFKC').replace(FORMAT_CHARS, ''))
    .toLowerCase()
    .replace(PUNCTUATION, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return stripLegalWords(spaced) || spaced.replace(/ /g, '')
}

export type NameLocale = 'th' | 'en'

const THAI_PATTERN: Record<LegalForm, (name: string) => string> = {
  company_limited: (n) => `บริษัท ${n} จำกัด`,
  public_company_limited: (n) => `บริษัท ${n} จำกัด (มหาชน)`,
  limited_partnership: (n) => `ห้างหุ้นส่วนจำกัด ${n}`,
  registered_ordinary_partnership: (n) => `ห้างหุ้นส่วนสามัญนิติบุคคล ${n}`,
  // A branch is registered under the foreign company's own name (often with "(สาขา…)" already in it).
  foreign_company_branch: (n) => n,
  other: (n) => n,
}

const ENGLISH_PATTERN: Record<LegalForm, (name: string) => string> = {
  company_limited: (n) => `${n} Co., Ltd.`,
  public_company_limited: (n) => `${n} Public Company Limited`,
  limited_partnership: (n) => `${n} Limited Partnership`,
  registered_ordinary_partnership: (n) => `${n} Registered Ordinary Partnership`,
  foreign_company_branch: (n) => n,
  other: (n) => n,
}

/**
 * The full registered name for display (§9.6): "บริษัท ทองดี จำกัด" / "Thongdee Co., Ltd.". Without
 * an English name the English page shows the Thai registered name (an English legal-form suffix on
 * a Thai name would be a name the business never registered).
 */
export function registeredName(nameTh: string, legalForm: LegalForm, locale: NameLocale, nameEn?: string | null): string {
  const en = nameEn?.trim()
  if (locale === 'en' && en) return ENGLISH_PATTERN[legalForm](en)
  return THAI_PATTERN[legalForm](nameTh.trim())
}
