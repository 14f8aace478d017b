/**
 * Date input from day / month / year boxes. The year may be typed in the Buddhist Era (BE) or the
 * Gregorian calendar (CE): any year ≥ 2400 is read as BE (BE = CE + 543). Pure; table-tested.
 */
export const BE_OFFSET = 543
export const BE_THRESHOLD = 2400

export type DateParts = { day?: string; month?: string; year?: string }
export type DateInputErrorKey =
  | 'errors.date.required'
  | 'errors.date.incomplete'
  | 'errors.date.notNumber'
  | 'errors.date.impossible'
  | 'errors.date.yearOutOfRange'

export type DateParseResult =
  | { ok: true; iso: string; year: number; month: number; day: number; era: 'BE' | 'CE' }
  | { ok: false; error: DateInputErrorKey; empty: boolean }

const THAI_DIGITS = /[๐-๙]/g
const toAsciiDigits = (s: string) => s.replace(THAI_DIGITS, (d) => String(d.charCodeAt(0) - 0x0e50))

export function parseDateParts(input: DateParts): DateParseResult {
  const raw = [input.day, input.month, input.year].map((v) => toAsciiDigits((v ?? '').trim()))
  const [d, m, y] = raw as [string, string, string]
  if (!d && !m && !y) return { ok: false, error: 'errors.date.required', empty: true }
  if (!d || !m || !y) return { ok: false, error: 'errors.date.incomplete', empty: false }
  if (![d, m, y].every((v) => /^\d{1,4}$/.test(v))) return { ok: false, error: 'errors.date.notNumber', empty: false }
  const day = Number(d)
  const month = Number(m)
  let year = Number(y)
  if (y.length !== 4) return { ok: false, error: 'errors.date.yearOutOfRange', empty: false }
  const era: 'BE' | 'CE' = year >= BE_THRESHOLD ? 'BE' : 'CE'
  if (era === 'BE') year -= BE_OFFSET
  if (year < 1800 || year > 2200) return { ok: false, error: 'errors.date.yearOutOfRange', empty: false }
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, error: 'errors.date.impossible', empty: false }
  }
  const iso = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { ok: true, iso, year, month, day, era }
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** Split an ISO date back into boxes, showing the year in the Buddhist Era for Thai users. */
export function isoToDateParts(iso: string, yearEra: 'BE' | 'CE'): Required<DateParts> {
  const [y = '', m = '', d = ''] = iso.split('-')
  const year = yearEra === 'BE' ? String(Number(y) + BE_OFFSET) : y
  return { day: String(Number(d)), month: String(Number(m)), year }
}
