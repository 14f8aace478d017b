/**
 * Thai/English number and date formatting, always in Asia/Bangkok (house style R22).
 * Storage is UTC; these helpers are the only place instants become text.
 */
import { INTL_TAG, TIME_ZONE, type Locale } from './locale.ts'

const fmtCache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>()
function dtf(tag: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const id = `d${tag}${JSON.stringify(opts)}`
  let f = fmtCache.get(id) as Intl.DateTimeFormat | undefined
  if (!f) fmtCache.set(id, (f = new Intl.DateTimeFormat(tag, { timeZone: TIME_ZONE, ...opts })))
  return f
}
function nf(tag: string, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `n${tag}${JSON.stringify(opts)}`
  let f = fmtCache.get(id) as Intl.NumberFormat | undefined
  if (!f) fmtCache.set(id, (f = new Intl.NumberFormat(tag, opts)))
  return f
}

function parts(date: Date, tag: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const p of dtf(tag, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date)) {
    out[p.type] = p.value
  }
  return out
}

/**
 * `dd/mm/yyyy HH:MM` with the Gregorian year in Bangkok time, as AMLO shows it on screen
 * (e.g. the submission confirmation `… เมื่อวันที่ 28/12/2019 16:32`). Same in both languages.
 */
export function formatDateTimeNumeric(date: Date): string {
  const p = parts(date, 'en-GB-u-ca-gregory')
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`
}

/** `dd/mm/yyyy` (Gregorian year, Bangkok date). */
export function formatDateNumeric(date: Date): string {
  const p = parts(date, 'en-GB-u-ca-gregory')
  return `${p.day}/${p.month}/${p.year}`
}

/**
 * A written-out date: Thai uses the Buddhist Era ("28 ธันวาคม 2562"), English the Gregorian year
 * ("28 December 2019"). Used on official PDFs and formal text.
 */
export function formatDateLong(date: Date, locale: Locale): string {
  return dtf(locale === 'th' ? 'th-TH-u-ca-buddhist' : 'en-GB', { dateStyle: 'long' }).format(date)
}

/** Written-out date and time: "28 ธันวาคม 2562 เวลา 16.32 น." / "28 December 2019 at 16:32". */
export function formatDateTimeLong(date: Date, locale: Locale): string {
  const p = parts(date, 'en-GB-u-ca-gregory')
  return locale === 'th'
    ? `${formatDateLong(date, 'th')} เวลา ${p.hour}.${p.minute} น.`
    : `${formatDateLong(date, 'en')} at ${p.hour}:${p.minute}`
}

/** A calendar date stored as ISO `yyyy-mm-dd` (no time zone) as `dd/mm/yyyy` (Gregorian), as screens show dates. */
export function formatIsoDateNumeric(iso: string): string {
  // Noon UTC keeps the calendar day the same in Bangkok (+07:00).
  return formatDateNumeric(new Date(`${iso}T12:00:00Z`))
}

/** A calendar date stored as ISO `yyyy-mm-dd` (no time zone), written out in the locale. */
export function formatIsoDateLong(iso: string, locale: Locale): string {
  // Noon UTC keeps the calendar day the same in Bangkok (+07:00).
  return formatDateLong(new Date(`${iso}T12:00:00Z`), locale)
}

export function formatNumber(n: number, locale: Locale, opts: Intl.NumberFormatOptions = {}): string {
  return nf(INTL_TAG[locale], opts).format(n)
}

/**
 * A file size for people, in binary units: `850 B`, `120 KB`, `1.2 MB` (the units are the same in
 * Thai and English; the number follows the locale's formatting, e.g. `1,024 MB`).
 */
export function formatBytes(bytes: number, locale: Locale): string {
  if (bytes < 1024) return `${formatNumber(bytes, locale)} B`
  if (bytes < 1024 * 1024) return `${formatNumber(Math.round(bytes / 1024), locale)} KB`
  return `${formatNumber(bytes / (1024 * 1024), locale, { maximumFractionDigits: 1 })} MB`
}

/** Thai baht with two decimals: "฿2,000,000.00" in both languages. */
export function formatMoney(amount: number, locale: Locale): string {
  return nf(INTL_TAG[locale], { style: 'currency', currency: 'THB', currencyDisplay: 'narrowSymbol' }).format(amount)
}

export function formatPercent(value: number, locale: Locale, maximumFractionDigits = 1): string {
  return nf(INTL_TAG[locale], { style: 'percent', maximumFractionDigits }).format(value / 100)
}
