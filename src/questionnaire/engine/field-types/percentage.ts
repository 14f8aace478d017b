/** `percentage`: 0–100 with at most two decimals, stored as a JSON number (12.5 means 12.5 %). */
import { z } from 'zod'
import { formatNumber } from '#src/platform/i18n/format.ts'
import {
  accepted,
  EMPTY,
  fieldBaseShape,
  memoByDef,
  numberText,
  rejected,
  requiredOr,
  singleValue,
  type FieldTypeModule,
} from './contract.ts'

export const PercentageDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('percentage'),
})
export type PercentageDef = z.infer<typeof PercentageDef>

const valueSchema = z
  .number('questionnaire.errors.percentage.notNumber')
  .min(0, 'questionnaire.errors.percentage.range')
  .max(100, 'questionnaire.errors.percentage.range')
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { error: 'questionnaire.errors.percentage.decimals' })

const draftValue = valueSchema.optional()

export const percentageField: FieldTypeModule<PercentageDef, number> = {
  type: 'percentage',
  definitionSchema: PercentageDef,
  normalise(raw) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = numberText(s, /%|ร้อยละ/g)
    if (v === '') return EMPTY
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(v)
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return rejected('questionnaire.errors.percentage.notNumber')
    const fraction = (m[3] ?? '').replace(/0+$/, '')
    if (fraction.length > 2) return rejected('questionnaire.errors.percentage.decimals')
    if ((m[2] ?? '').replace(/^0+/, '').length > 6) return rejected('questionnaire.errors.percentage.range')
    const n = Math.round(Number(`${m[1]}${m[2] || '0'}.${fraction || '0'}`) * 100) / 100
    return accepted(n || 0)
  },
  draftSchema: () => draftValue,
  submitSchema: memoByDef((def: PercentageDef) => requiredOr(def, valueSchema)),
  summarise: (answer, t) => `${formatNumber(answer, t.locale, { maximumFractionDigits: 2 })}%`,
  toFormValue: (answer) => String(answer),
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.required'] as const)),
    'questionnaire.errors.percentage.notNumber',
    'questionnaire.errors.percentage.decimals',
    'questionnaire.errors.percentage.range',
  ],
}
