/**
 * `date`: a calendar date typed in day / month / year boxes, the year in the Buddhist Era or the
 * Gregorian calendar (≥ 2400 is read as BE; parseDateParts). Stored as ISO `yyyy-mm-dd`.
 * `notInFuture` compares with `ctx.today` at submission (the clock is a parameter).
 */
import { z } from 'zod'
import { daysInMonth, isoToDateParts, parseDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import { accepted, EMPTY, fieldBaseShape, memoByDef, rejected, requiredOr, singleValue, type FieldTypeModule } from './contract.ts'

export const DateDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('date'),
  notInFuture: z.boolean().optional(),
})
export type DateDef = z.infer<typeof DateDef>

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/
export function isIsoDate(v: string): boolean {
  const m = ISO.exec(v)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return y >= 1800 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo)
}

const valueSchema = z.string().refine(isIsoDate, { error: 'errors.date.impossible' })

const draftValue = valueSchema.optional()
const plainSubmit = memoByDef((def: DateDef) => requiredOr(def, valueSchema, 'errors.date.required'))
/** Built per day, not per request: one cached schema per definition and date. */
const byToday = memoByDef((_def: DateDef) => new Map<string, z.ZodType<string | undefined>>())
function notInFuture(def: DateDef, today: string): z.ZodType<string | undefined> {
  const cache = byToday(def)
  let schema = cache.get(today)
  if (!schema) {
    if (cache.size > 8) cache.clear()
    schema = requiredOr(def, valueSchema.refine((iso) => iso <= today, { error: 'questionnaire.errors.date.future' }), 'errors.date.required')
    cache.set(today, schema)
  }
  return schema
}

export const dateField: FieldTypeModule<DateDef, string> = {
  type: 'date',
  definitionSchema: DateDef,
  normalise(raw) {
    if (typeof raw === 'string') {
      const v = raw.trim()
      if (v === '') return EMPTY
      return isIsoDate(v) ? accepted(v) : rejected('errors.date.impossible')
    }
    if (raw === undefined || raw === null) return EMPTY
    if (typeof raw !== 'object' || Array.isArray(raw)) return rejected()
    const o = raw as Record<string, unknown>
    const [day, month, year] = [singleValue(o.day), singleValue(o.month), singleValue(o.year)]
    if (day === undefined || month === undefined || year === undefined) return rejected()
    const r = parseDateParts({ day, month, year })
    if (r.ok) return accepted(r.iso)
    return r.empty ? EMPTY : rejected(r.error)
  },
  draftSchema: () => draftValue,
  submitSchema: (def, ctx) => (def.notInFuture ? notInFuture(def, ctx.today) : plainSubmit(def)),
  summarise: (answer, t) => formatIsoDateLong(answer, t.locale),
  toFormValue: (answer, _def, locale) => isoToDateParts(answer, locale === 'th' ? 'BE' : 'CE'),
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.date.required'] as const)),
    'errors.date.incomplete',
    'errors.date.notNumber',
    'errors.date.impossible',
    'errors.date.yearOutOfRange',
    ...(def.notInFuture ? (['questionnaire.errors.date.future'] as const) : []),
  ],
}
