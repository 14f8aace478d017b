/**
 * The contract every field type implements (house style R12), and the helpers they share.
 *
 * An answer goes through three stages:
 *   form post ──normalise──▶ answer (typed) ──draftSchema──▶ saved in the draft
 *                                            ──submitSchema──▶ accepted at submission
 * - `normalise(raw, def)` turns what a form posts (strings, string arrays, nested objects for
 *   dates, addresses and group rows) into the stored answer. It reports only what cannot become an
 *   answer at all (not a number, an impossible date, a wrong check digit); an empty input is
 *   `value: undefined` with no issue.
 * - `draftSchema(def)` is lenient: undefined is fine; a value must be well-formed and within hard
 *   limits (length, range). It also validates a stored draft read back from the database.
 * - `submitSchema(def, ctx)` is strict: required unless `optional`, every constraint, and async checks
 *   (a Thai address against the reference data). Parse it with `safeParseAsync`; its output is the
 *   cleaned answer that goes into the submission snapshot.
 * Messages are message keys, never sentences; `issuesFromZod` turns zod issues into `FieldIssue`s.
 */
import { z } from 'zod'
import { isMessageKey, type MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { MessageParams, Translator } from '#src/platform/i18n/translator.ts'
import { toAsciiDigits } from '#src/entities/juristic-id.rules.ts'
import { ConditionSchema } from '../conditions.ts'
import type { DocumentType } from '../document-types.ts'
import { FEED_CODES } from '../feeds.ts'
import { MESSAGE_KEY, OPTION_VALUE } from '../ids.ts'
import { PREFILL_SOURCES } from '../prefill-sources.ts'

/** A message key in a definition. Its presence in th and en is checked by the contract test. */
export const MessageKeySchema = z.custom<MessageKey>((v) => typeof v === 'string' && MESSAGE_KEY.test(v), {
  error: 'not a message key',
})

/** Properties every field definition has, whatever its type. */
export const fieldBaseShape = {
  /** Top level: FIELD_ID (`A06_primary`); a column of a group: SUB_FIELD_ID (`fullName`). */
  id: z.string().min(1).max(64),
  label: MessageKeySchema,
  hint: MessageKeySchema.optional(),
  /** Required unless `optional: true`. */
  optional: z.boolean().optional(),
  /** Shown only while this holds; see conditions.ts. */
  showIf: ConditionSchema.optional(),
  /** The web layer fills this in from the registry (`applyPrefill`). */
  prefill: z.enum(PREFILL_SOURCES).optional(),
  /** Shown but not editable: posted values are ignored; only `applyPrefill` sets it. Needs `prefill`. */
  readOnly: z.boolean().optional(),
  /** Risk factors / control areas this answer feeds (domain.md §6.2–6.3). */
  feeds: z.array(z.enum(FEED_CODES)).readonly().optional(),
}

export type FieldIssue = {
  /** Relative to the field: `[]`, `['postcode']`, `[0, 'fullName']`. */
  readonly path: readonly (string | number)[]
  readonly messageKey: MessageKey
  readonly params?: MessageParams
}
export type Parsed<A> = { readonly value: A | undefined; readonly issues: readonly FieldIssue[] }

/** An attachment of the assessment, as the documents module recorded it. */
export type AttachmentRef = { readonly id: string; readonly documentType: DocumentType }

export type ValidationContext = {
  /** Today in Asia/Bangkok, `yyyy-mm-dd` (the clock is a parameter, R9): "not in the future" dates. */
  readonly today: string
  /** The assessment's attachments. When given, file answers must refer to them (and take their type). */
  readonly attachments?: readonly AttachmentRef[]
}

export interface FieldTypeModule<D extends { readonly type: string }, A> {
  readonly type: D['type']
  /** The zod schema of this type's definition (part of the definition schema). */
  readonly definitionSchema: z.ZodType<D>
  /** Form post → answer. Empty → `value: undefined`. Issues only for values that cannot be an answer. */
  normalise(raw: unknown, def: D): Parsed<A>
  /** Lenient: undefined allowed; a present value must be well-formed and within hard limits. */
  draftSchema(def: D): z.ZodType<A | undefined>
  /** Strict, possibly async (use safeParseAsync): required unless optional, all constraints. Output = cleaned answer. */
  submitSchema(def: D, ctx: ValidationContext): z.ZodType<A | undefined>
  /** One line (groups: one line per row) for check-your-answers pages and PDFs. */
  summarise(answer: A, t: Translator, def: D): string
  /** Answer → what the form posts, to render the inputs again (normalise(toFormValue(a)) = a). */
  toFormValue(answer: A, def: D, locale: Locale): unknown
  /** Every message key this field can show as an error (for content review, house style R12). */
  possibleErrors(def: D): readonly MessageKey[]
}

export const EMPTY: Parsed<never> = Object.freeze({ value: undefined, issues: Object.freeze([]) })
export const accepted = <A>(value: A): Parsed<A> => ({ value, issues: [] })
export const rejected = (
  messageKey: MessageKey = 'errors.field.invalid',
  params?: MessageParams,
  path: readonly (string | number)[] = [],
): Parsed<never> => ({ value: undefined, issues: [{ path, messageKey, ...(params ? { params } : {}) }] })

/**
 * One form value as a string: '' when absent; undefined when the post holds something else (a
 * repeated name, an object) — tampering, which the caller reports as invalid.
 */
export function singleValue(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return ''
  if (typeof raw === 'string') return raw
  if (typeof raw === 'number' && Number.isFinite(raw)) return String(raw)
  return undefined
}

/**
 * Characters nobody types on purpose and that can hide or reorder text: C0/C1 controls (except tab
 * and newlines), zero-width space, LRM/RLM, bidi embeddings, overrides and isolates, BOM. ZWJ and
 * ZWNJ stay (emoji sequences and some scripts need them). Markup is not touched: it stays text and
 * is escaped on output.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g

/** Single-line text: NFC, invisible characters removed, runs of whitespace → one space, trimmed. */
export const cleanLine = (s: string): string => s.normalize('NFC').replace(INVISIBLE, '').replace(/\s+/g, ' ').trim()

/** Multi-line text: NFC, CRLF → LF, invisible characters removed, trailing spaces per line and outer blank lines trimmed. */
export const cleanMultiline = (s: string): string =>
  s
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(INVISIBLE, '')
    .replace(/[ \t]+$/gm, '')
    .trim()

/** Length as people count it: code points, so a Thai character or an emoji counts once (not as UTF-16 units). */
export const codePointLength = (s: string): number => {
  let n = 0
  for (const _ of s) n++
  return n
}

/** A non-empty string of at most `max` code points. */
export const boundedText = (max: number) =>
  z
    .string()
    .min(1, 'errors.field.required')
    .refine((s) => codePointLength(s) <= max, { error: 'errors.field.tooLong', params: { max } })

/** Numbers as typed: Thai and full-width digits → ASCII, NFKC, spaces and thousands separators removed. */
export const numberText = (s: string, strip: RegExp = /(?:)/): string =>
  toAsciiDigits(s.normalize('NFKC'))
    .replace(strip, '')
    .replace(/[\s,\u00a0]/g, '')
    .replace(/[\u2212\u2012-\u2015]/g, '-')

/**
 * Required unless the definition says `optional`: an undefined answer fails with `requiredKey`;
 * otherwise the value goes through `schema`.
 */
export function requiredOr<T>(
  def: { readonly optional?: boolean | undefined },
  schema: z.ZodType<T>,
  requiredKey: MessageKey = 'errors.field.required',
): z.ZodType<T | undefined> {
  if (def.optional) return schema.optional()
  // z.any(): pipe() needs the first stage's output to fit the schema's input, whatever it is.
  return z
    .any()
    .refine((v) => v !== undefined && v !== null, { error: requiredKey, abort: true })
    .pipe(schema)
}

const paramsOf = (issue: z.core.$ZodIssue): MessageParams | undefined => {
  if (issue.code === 'custom' && issue.params) return issue.params as MessageParams
  if (issue.code === 'too_big') return { max: Number(issue.maximum) }
  if (issue.code === 'too_small') return { min: Number(issue.minimum) }
  return undefined
}

/**
 * zod issues → FieldIssues: one per input (the first; zod goes on checking after a failure, and
 * people need one message per box), a message that is not a known key becoming `errors.field.invalid`.
 */
export function issuesFromZod(error: z.ZodError, prefix: readonly (string | number)[] = []): FieldIssue[] {
  const seen = new Set<string>()
  const out: FieldIssue[] = []
  for (const issue of error.issues) {
    const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]
    const key = path.join('.')
    if (seen.has(key)) continue
    seen.add(key)
    const params = paramsOf(issue)
    out.push({
      path,
      messageKey: isMessageKey(issue.message) ? issue.message : 'errors.field.invalid',
      ...(params ? { params } : {}),
    })
  }
  return out
}

/** The draft pipeline for one value: normalise, then the lenient schema. Invalid values are dropped. */
export function parseDraftValue<D extends { readonly type: string }, A>(
  module: FieldTypeModule<D, A>,
  def: D,
  raw: unknown,
): Parsed<A> {
  const parsed = module.normalise(raw, def)
  if (parsed.value === undefined) return parsed
  const checked = module.draftSchema(def).safeParse(parsed.value)
  if (checked.success) return { value: checked.data, issues: parsed.issues }
  return { value: undefined, issues: [...parsed.issues, ...issuesFromZod(checked.error)] }
}

/**
 * Caches what a builder makes from a definition (definitions are frozen, so identity is enough):
 * zod schemas are costly to build and cheap to run, and a page or a submission uses them many times.
 */
export function memoByDef<D extends object, R>(build: (def: D) => R): (def: D) => R {
  const cache = new WeakMap<D, R>()
  return (def) => {
    let built = cache.get(def)
    if (built === undefined) {
      built = build(def)
      cache.set(def, built)
    }
    return built
  }
}

/** `{ value, label }` options, as choice questions declare them. */
export const OptionSchema = z.strictObject({
  value: z.string().regex(OPTION_VALUE),
  label: MessageKeySchema,
  hint: MessageKeySchema.optional(),
})
