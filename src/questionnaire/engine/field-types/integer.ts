/** `integer`: a whole number (counts of customers, staff, transactions). Stored as a JSON number. */
import { z } from 'zod'
import { formatNumber } from '#src/platform/i18n/format.ts'
import {
  accepted,
  EMPTY,
  fieldBaseShape,
  memoByDef,
  MessageKeySchema,
  numberText,
  rejected,
  requiredOr,
  singleValue,
  type FieldTypeModule,
} from './contract.ts'

/** Default upper bound: large enough for any count here, far below Number.MAX_SAFE_INTEGER. */
export const INTEGER_DEFAULT_MAX = 999_999_999_999
export const IntegerDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('integer'),
  /** Default 0: counts are never negative. */
  min: z.int().optional(),
  max: z.int().max(INTEGER_DEFAULT_MAX).optional(),
  /** Shown after the box and in summaries, e.g. "คน" / "people". */
  unit: MessageKeySchema.optional(),
})
export type IntegerDef = z.infer<typeof IntegerDef>

const valueSchema = (def: IntegerDef) =>
  z
    .int('questionnaire.errors.integer.notWhole')
    .min(def.min ?? 0, 'questionnaire.errors.number.tooSmall')
    .max(def.max ?? INTEGER_DEFAULT_MAX, 'questionnaire.errors.number.tooLarge')

export const integerField: FieldTypeModule<IntegerDef, number> = {
  type: 'integer',
  definitionSchema: IntegerDef,
  normalise(raw) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = numberText(s)
    if (v === '') return EMPTY
    if (/^[+-]?\d+$/.test(v)) {
      if (v.replace(/^[+-]?0*/, '').length > 15) return rejected('questionnaire.errors.number.tooLarge', { max: INTEGER_DEFAULT_MAX })
      return accepted(Number(v) || 0) // `|| 0` turns -0 into 0
    }
    if (/^[+-]?\d*\.\d+$/.test(v)) return rejected('questionnaire.errors.integer.notWhole')
    return rejected('questionnaire.errors.integer.notNumber')
  },
  draftSchema: memoByDef((def: IntegerDef) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: IntegerDef) => requiredOr(def, valueSchema(def))),
  summarise: (answer, t, def) =>
    def.unit ? `${formatNumber(answer, t.locale)} ${t(def.unit)}` : formatNumber(answer, t.locale),
  toFormValue: (answer) => String(answer),
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.required'] as const)),
    'questionnaire.errors.integer.notNumber',
    'questionnaire.errors.integer.notWhole',
    'questionnaire.errors.number.tooSmall',
    'questionnaire.errors.number.tooLarge',
  ],
}
