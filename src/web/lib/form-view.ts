/**
 * From `parseForm`'s result to what the form kit shows (house style R17, R18):
 * - `fieldErrors(t, errors, fields)`: the error-summary items (field id + translated text) and each
 *   field's error text, in the order the fields appear on the page;
 * - `textValue` / `listValue` / `datePartsValue`: the values as typed, to refill the fields.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { DateParts } from '#src/platform/i18n/date-input.rules.ts'
import type { MessageParams, Translator } from '#src/platform/i18n/translator.ts'
import type { FormErrors, RawForm } from './parse-form.ts'

/** One line of the error summary: a link to `#id` saying `text`. */
export type ErrorSummaryItem = { id: string; text: string }

/**
 * A field on the page, in page order. `path` is the form name (the key in `FormErrors`); `id` is
 * the element the summary links to (default: the path; for a date input `dateBoxId(id, 'day')`);
 * `params` fill the message (e.g. `{ max: 100 }` for `errors.field.tooLong`).
 */
export type PageField = string | { path: string; id?: string; params?: MessageParams }

export type FieldErrorsView = {
  /** For <ErrorSummary items>. Errors for paths not on the page come last, linked by path. */
  summary: ErrorSummaryItem[]
  /** For <PageLayout hasErrors>. */
  hasErrors: boolean
  /** A field's translated error text, or undefined. */
  text(path: string): string | undefined
  /** A field's message key (e.g. to choose which date boxes to highlight), or undefined. */
  key(path: string): MessageKey | undefined
}

const belongsTo = (errorPath: string, fieldPath: string) =>
  errorPath === fieldPath || errorPath.startsWith(`${fieldPath}.`)

export function fieldErrors(t: Translator, errors: FormErrors | undefined, fields: readonly PageField[]): FieldErrorsView {
  const entries = Object.entries(errors ?? {})
  const byPath = new Map<string, { key: MessageKey; text: string }>()
  const summary: ErrorSummaryItem[] = []
  const claimed = new Set<string>()
  for (const field of fields) {
    const f = typeof field === 'string' ? { path: field } : field
    // The first error for the field or any of its parts (`registeredOn.day`) speaks for it.
    const found = entries.find(([p]) => belongsTo(p, f.path))
    for (const [p] of entries) if (belongsTo(p, f.path)) claimed.add(p)
    if (!found) continue
    const [, key] = found
    const text = t(key, f.params)
    byPath.set(f.path, { key, text })
    summary.push({ id: f.id ?? f.path, text })
  }
  // An error for a field the page does not list still has to be seen, or the form fails silently.
  for (const [p, key] of entries) {
    if (claimed.has(p)) continue
    const text = t(key)
    byPath.set(p, { key, text })
    summary.push({ id: p, text })
  }
  return {
    summary,
    hasErrors: summary.length > 0,
    text: (path) => byPath.get(path)?.text,
    key: (path) => byPath.get(path)?.key,
  }
}

function at(values: RawForm | undefined, path: string): unknown {
  let node: unknown = values
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object') return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** The value typed into a text field; '' when absent or not a string (tampered input shows empty). */
export function textValue(values: RawForm | undefined, path: string): string {
  const v = at(values, path)
  return typeof v === 'string' ? v : ''
}

/** The values of a checkbox group: one string or several. */
export function listValue(values: RawForm | undefined, path: string): string[] {
  const v = at(values, path)
  if (typeof v === 'string') return [v]
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
}

/** The three boxes of a date input as typed. */
export function datePartsValue(values: RawForm | undefined, path: string): DateParts {
  return {
    day: textValue(values, `${path}.day`),
    month: textValue(values, `${path}.month`),
    year: textValue(values, `${path}.year`),
  }
}
