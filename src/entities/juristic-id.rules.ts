/**
 * Thai 13-digit identifiers (domain.md §9.1): the juristic person number (DBD), the citizen ID
 * (DOPA) and the taxpayer ID share one format and one check digit. Pure; table- and
 * property-tested in juristic-id.rules.test.ts.
 *
 * The checksum is a typo guard, never proof that an identifier exists: weight 11 on the 3rd digit
 * is ≡ 0 (mod 11), so a change there is invisible, and r = 0 and r = 10 share check digit 1.
 */
import type { LegalForm } from './business-types.model.ts'

const THAI_DIGIT_ZERO = 0x0e50 // ๐
const FULLWIDTH_DIGIT_ZERO = 0xff10 // ０
/** Spaces (incl. NBSP and friends), zero-width/format characters, and every dash-like character. */
const SEPARATORS = /[\s\p{Cf}\-\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/gu

/** Thai (๐–๙) and full-width (０–９) digits to ASCII; everything else unchanged. */
export function toAsciiDigits(raw: string): string {
  return raw.replace(/[\u0E50-\u0E59\uFF10-\uFF19]/g, (d) => {
    const c = d.charCodeAt(0)
    return String(c >= FULLWIDTH_DIGIT_ZERO ? c - FULLWIDTH_DIGIT_ZERO : c - THAI_DIGIT_ZERO)
  })
}

/**
 * The form we store and compare: separators removed, Thai and full-width digits made ASCII.
 * Anything else (letters, a 12th or 14th digit) is kept, so validation still rejects it.
 */
export function normaliseThaiId13(raw: string): string {
  return toAsciiDigits(raw).replace(SEPARATORS, '')
}

/** Check digit for the first 12 digits (a 13-digit string is accepted; its last digit is ignored). */
export function thaiId13CheckDigit(first12: string): number {
  if (!/^\d{12,13}$/.test(first12)) throw new RangeError('thaiId13CheckDigit needs 12 ASCII digits')
  let s = 0
  for (let i = 0; i < 12; i++) s += Number(first12[i]) * (13 - i)
  return (11 - (s % 11)) % 10
}

export function isValidThaiId13(raw: string): boolean {
  const v = normaliseThaiId13(raw)
  return /^\d{13}$/.test(v) && thaiId13CheckDigit(v) === Number(v[12])
}

/** A DBD-style juristic person number: valid and starting with 0. */
export function isJuristicId(raw: string): boolean {
  return isValidThaiId13(raw) && normaliseThaiId13(raw)[0] === '0'
}

/** A citizen ID: valid and not starting with 0 or 9 (python-stdnum's rule; §9.1). */
export function isCitizenId(raw: string): boolean {
  const v = normaliseThaiId13(raw)
  return isValidThaiId13(v) && v[0] !== '0' && v[0] !== '9'
}

function group(raw: string, sizes: readonly number[]): string | undefined {
  const v = normaliseThaiId13(raw)
  if (!/^\d{13}$/.test(v)) return undefined
  const parts: string[] = []
  let at = 0
  for (const n of sizes) {
    parts.push(v.slice(at, at + n))
    at += n
  }
  return parts.join('-')
}

/** `0105536112014` → `0-10-5-536-11201-4` (0-AA-T-YYY-NNNNN-C). Input that is not 13 digits is returned unchanged. */
export function formatJuristicId(raw: string): string {
  return group(raw, [1, 2, 1, 3, 5, 1]) ?? raw
}

/** `3100600445635` → `3-1006-00445-63-5` (the citizen-ID grouping). Not 13 digits → unchanged. */
export function formatCitizenId(raw: string): string {
  return group(raw, [1, 4, 5, 2, 1]) ?? raw
}

/**
 * Masks a 13-digit ID for display to people who need to recognise it, not read it:
 * `3100600445635` → `3-1006-xxxxx-xx-5`. Anything that is not 13 digits is fully masked.
 */
export function maskThaiId(raw: string): string {
  const v = normaliseThaiId13(raw)
  if (!/^\d{13}$/.test(v)) return 'x'.repeat(Math.max(v.length, 1))
  return `${v[0]}-${v.slice(1, 5)}-xxxxx-xx-${v[12]}`
}

/**
 * The type digit T (4th digit) observed for each legal form (§9.1): 5 on limited companies, 7 on
 * public limited companies. Other forms are not confirmed, so they are not checked.
 */
const JURISTIC_TYPE_DIGIT: Record<LegalForm, string | undefined> = {
  company_limited: '5',
  public_company_limited: '7',
  limited_partnership: undefined,
  registered_ordinary_partnership: undefined,
  foreign_company_branch: undefined,
  other: undefined,
}

/**
 * Soft check of the juristic number against the declared legal form (a warning, never an error):
 * true / false where the type digit is known, undefined where it is not (or the ID is malformed).
 */
export function juristicTypeDigitMatchesLegalForm(raw: string, legalForm: LegalForm): boolean | undefined {
  const expected = JURISTIC_TYPE_DIGIT[legalForm]
  const v = normaliseThaiId13(raw)
  if (expected === undefined || !/^\d{13}$/.test(v)) return undefined
  return v[3] === expected
}
