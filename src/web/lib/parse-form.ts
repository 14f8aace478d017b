/**
 * One zod schema per form (house style R17). Messages in schemas are message keys, never sentences.
 * `parseForm` un-flattens dotted names (`B07.0.fullName`) and keys errors by the same path.
 */
import { z } from 'zod'
import { AppError } from '#src/platform/errors.ts'
import { isMessageKey, type MessageKey } from '#src/platform/i18n/catalog.ts'

export type FormErrors = Record<string, MessageKey>
export type RawForm = Record<string, unknown>
export type FormResult<T> = { ok: true; value: T } | { ok: false; errors: FormErrors; values: RawForm }

const badRequest = () => new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
const SEGMENT = /^[A-Za-z0-9_]{1,64}$/
/** Keys that would walk into Object.prototype (prototype pollution, ASVS V15.3.6). */
const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'constructor', 'prototype'])

/** `{'a.0.b': 'x'}` → `{a: [{b: 'x'}]}`. Numeric segments become array indexes (max 500). */
export function unflatten(flat: Record<string, unknown>): RawForm {
  // Null-prototype objects all the way down: no key can reach Object.prototype.
  const root: RawForm = Object.create(null)
  for (const [name, value] of Object.entries(flat)) {
    const parts = name.split('.')
    if (!parts.every((p) => SEGMENT.test(p) && !FORBIDDEN_SEGMENTS.has(p))) throw badRequest()
    let node: Record<string, unknown> = root
    parts.forEach((part, i) => {
      const last = i === parts.length - 1
      const nextIsIndex = !last && /^\d+$/.test(parts[i + 1]!)
      if (/^\d+$/.test(part) && Number(part) > 500) throw badRequest()
      if (last) {
        node[part] = value
        return
      }
      const existing = Object.hasOwn(node, part) ? node[part] : undefined
      if (existing === undefined) node[part] = nextIsIndex ? [] : Object.create(null)
      else if (typeof existing !== 'object' || existing === null) throw badRequest()
      node = node[part] as Record<string, unknown>
    })
  }
  return root
}

function unwrap(schema: z.ZodType): z.ZodType {
  let s: z.ZodType = schema
  for (let i = 0; i < 10; i++) {
    if (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault) {
      s = s.unwrap() as z.ZodType
    } else if (s instanceof z.ZodPipe) {
      // z.preprocess(fn, schema) is a pipe out of a transform: judge it by the schema it feeds
      // (a checkbox group normalised to an array must still accept repeated names).
      s = (s.in instanceof z.ZodTransform ? s.out : s.in) as z.ZodType
    } else break
  }
  return s
}

/** A repeated parameter where the schema expects one value is tampering, not a typing mistake. */
function rejectUnexpectedArrays(schema: z.ZodType, input: RawForm): void {
  const obj = unwrap(schema)
  if (!(obj instanceof z.ZodObject)) return
  for (const [key, value] of Object.entries(input)) {
    if (!Array.isArray(value)) continue
    const field = (obj.shape as Record<string, z.ZodType>)[key]
    if (field && !(unwrap(field) instanceof z.ZodArray)) throw badRequest()
  }
}

function toErrors(issues: z.core.$ZodIssue[]): FormErrors {
  const out: FormErrors = {}
  for (const issue of issues) {
    const key = issue.path.map(String).join('.')
    if (out[key]) continue
    out[key] = isMessageKey(issue.message) ? issue.message : 'errors.field.invalid'
  }
  return out
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const flat = (body && typeof body === 'object' ? body : {}) as Record<string, unknown>
  const { _csrf: _ignored, ...fields } = flat
  const values = unflatten(fields)
  rejectUnexpectedArrays(schema, values)
  const parsed = schema.safeParse(values)
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, errors: toErrors(parsed.error.issues), values }
}

/** Query strings are not typed by people: anything that does not fit is a 400. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  const q = (query && typeof query === 'object' ? query : {}) as RawForm
  rejectUnexpectedArrays(schema, q)
  const parsed = schema.safeParse(q)
  if (!parsed.success) throw badRequest()
  return parsed.data
}
