/**
 * Pure rules for accounts: user names, e-mail keys, Thai phone numbers, display names.
 * Table-tested in identity.rules.test.ts.
 */

/**
 * User names are ASCII only (a–z, 0–9, dot, underscore, hyphen; 4–32; starting with a letter), so
 * Thai, Cyrillic or full-width look-alikes cannot imitate another account. The key is lower case.
 */
export const USERNAME_PATTERN = /^[a-z][a-z0-9._-]{3,31}$/
export type UsernameProblem = 'length' | 'nonAscii' | 'characters' | 'start'

export function normaliseUsername(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase()
}

export function usernameProblem(raw: string): UsernameProblem | undefined {
  const v = normaliseUsername(raw)
  if ([...v].length < 4 || [...v].length > 32) return 'length'
  // eslint-disable-next-line no-control-regex -- any non-ASCII character (Thai, Cyrillic, full-width…)
  if (/[^\u0000-\u007f]/.test(v)) return 'nonAscii'
  if (!/^[a-z0-9._-]+$/.test(v)) return 'characters'
  if (!/^[a-z]/.test(v)) return 'start'
  return undefined
}

/** E-mail addresses are unique case-insensitively (quality.md §7). */
export function emailKey(email: string): string {
  return email.normalize('NFKC').trim().toLowerCase()
}

const EMAIL = /^[^\s@<>()[\]\\,;:"]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i
/** A practical e-mail check (linear-time regex; ≤ 254 characters). */
export function isValidEmail(raw: string): boolean {
  const v = raw.trim()
  return v.length <= 254 && EMAIL.test(v)
}

export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@')
  return `${local.slice(0, 1)}${'*'.repeat(Math.max(1, Math.min(6, local.length - 1)))}@${domain}`
}

const THAI_DIGITS = /[๐-๙]/g
/**
 * Thai phone numbers (domain.md §9.3): mobiles 06/08/09 + 8 digits, landlines 02–07 + 7 digits,
 * also typed as +66…; an extension "ต่อ 123" / "ext 123" is kept. Returns E.164 (+ ";ext=").
 */
export function normaliseThaiPhone(raw: string): string | undefined {
  const ascii = raw.normalize('NFKC').replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50)).trim()
  if (ascii.length > 40) return undefined
  const ext = /(?:ต่อ|ext\.?|x)\s*(\d{1,6})$/i.exec(ascii)
  const main = (ext ? ascii.slice(0, ext.index) : ascii).replace(/[\s\-().]/g, '')
  let national: string
  if (/^\+66\d+$/.test(main)) national = `0${main.slice(3)}`
  else if (/^66\d{8,9}$/.test(main)) national = `0${main.slice(2)}`
  else national = main
  const ok = /^0[689]\d{8}$/.test(national) || /^0[2-7]\d{7}$/.test(national)
  if (!ok) return undefined
  return `+66${national.slice(1)}${ext ? `;ext=${ext[1]}` : ''}`
}

/** National display format: 081-234-5678, 02-123-4567, 053-123-456 (+ " ต่อ 12" / " ext 12"). */
export function formatThaiPhone(e164: string, locale: 'th' | 'en' = 'th'): string {
  const [num = '', ext] = e164.split(';ext=')
  const n = `0${num.replace(/^\+66/, '')}`
  let out: string
  if (n.length === 10) out = `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`
  else if (n.startsWith('02')) out = `${n.slice(0, 2)}-${n.slice(2, 5)}-${n.slice(5)}`
  else out = `${n.slice(0, 3)}-${n.slice(3, 6)}-${n.slice(6)}`
  return ext ? `${out} ${locale === 'th' ? 'ต่อ' : 'ext'} ${ext}` : out
}

/**
 * NFKC, except that Thai SARA AM (ำ U+0E33) stays one character: NFKC splits it into NIKHAHIT +
 * SARA AA (ํา), which looks the same but no longer matches "จำกัด" or "ทองคำ" as typed elsewhere.
 */
export const normalizeThaiText = (raw: string): string => raw.normalize('NFKC').replace(/\u0e4d\u0e32/g, '\u0e33')

/** Names: NFKC (Thai kept as typed), no control or zero-width characters, single spaces. Markup stays text (escaped on output). */
export function cleanPersonName(raw: string): string {
  return normalizeThaiText(raw)
    // eslint-disable-next-line no-control-regex -- control and format characters are removed
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
}
