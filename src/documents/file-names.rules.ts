/**
 * User-given file names are display data only (files are stored under generated keys). Pure;
 * table-tested in file-names.rules.test.ts.
 */

export const DISPLAY_NAME_MAX = 120
const FALLBACK_NAME = 'file'
/** Control, format (bidi overrides, zero-width, BOM, soft hyphen) and unassigned-surrogate characters. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu
const LINE_BREAKS = /[\u2028\u2029\s]+/g
/** Names Windows refuses whatever the extension (`CON.png`, `lpt1.pdf`). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i
const EXTENSION = /\.[A-Za-z0-9]{1,10}$/

function graphemes(s: string): string[] {
  return Array.from(new Intl.Segmenter('th', { granularity: 'grapheme' }).segment(s), (g) => g.segment)
}

/**
 * A file name safe to show and to offer for download: the last path segment only (`/` and `\`),
 * NFC, no control/format/bidi-override characters, single spaces, no leading or trailing dots or
 * spaces, Windows device names prefixed with `_`, and at most `max` characters (graphemes), cut
 * before the extension so `.pdf` survives. Never empty (`file`). Markup stays text: views escape it.
 */
export function cleanDisplayName(raw: unknown, max = DISPLAY_NAME_MAX): string {
  if (typeof raw !== 'string') return FALLBACK_NAME
  let s = raw.toWellFormed().normalize('NFC').replace(/\\/g, '/')
  s = s.slice(s.lastIndexOf('/') + 1)
  s = s.replace(INVISIBLE, '').replace(LINE_BREAKS, ' ')
  s = s.replace(/^[\s.]+|[\s.]+$/g, '')
  if (!s) return FALLBACK_NAME
  const base = s.split('.')[0] ?? ''
  if (RESERVED.test(base.trim())) s = `_${s}`
  const chars = graphemes(s)
  if (chars.length <= max) return s
  const ext = EXTENSION.exec(s)?.[0] ?? ''
  const keep = Math.max(1, max - ext.length - 1)
  return `${chars.slice(0, keep).join('').trimEnd()}…${ext}`
}

/** RFC 8187 `attr-char` is stricter than encodeURIComponent: also encode ' ( ) *. */
function encodeRfc8187(s: string): string {
  return encodeURIComponent(s).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

/** An ASCII stand-in for clients without `filename*` support: accents dropped, the rest `_`. */
function asciiFallback(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\%;]/g, '_')
  return ascii.replace(/_+/g, '_') || FALLBACK_NAME
}

/**
 * RFC 6266 Content-Disposition with an ASCII `filename` and the exact (cleaned) name in
 * `filename*=UTF-8''…`, e.g. `attachment; filename="_.pdf"; filename*=UTF-8''%E0%B8%A0.pdf`.
 */
export function contentDisposition(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  const clean = cleanDisplayName(name)
  return `${disposition}; filename="${asciiFallback(clean)}"; filename*=UTF-8''${encodeRfc8187(clean)}`
}

/**
 * Headers for sending a stored upload (quality.md §7, upload content): always a download, never
 * sniffed, and sandboxed should a browser render it anyway (a PDF/HTML polyglot, say).
 */
export function downloadHeaders(name: string, mediaType: string): Record<string, string> {
  return {
    'content-type': mediaType,
    'content-disposition': contentDisposition(name),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "sandbox; default-src 'none'",
    'cache-control': 'private, no-store',
  }
}

/** A size for people: `850 B`, `120 KB`, `1.2 MB` (units are the same in Thai and English). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(Math.round((bytes / (1024 * 1024)) * 10) / 10).toString()} MB`
}
