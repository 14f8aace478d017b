/**
 * `money`: an amount in Thai baht with at most two decimals.
 *
 * Stored as an integer number of satang (1 baht = 100 satang): exact arithmetic and comparisons
 * (paid-up ≤ registered capital) with no floating-point rounding, and a plain JSON number. The
 * bound, 10^15 satang (10 trillion baht), stays far below Number.MAX_SAFE_INTEGER. Use
 * `satangToBaht` only for display or thresholds; never store baht.
 */
import { z } from 'zod'
import { formatMoney } from '#src/platform/i18n/format.ts'
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

export type Satang = number
export const MAX_SATANG: Satang = 1_000_000_000_000_000
export const satangToBaht = (satang: Satang): number => satang / 100
/** `123456` → `"1234.56"`: exact (no floating point), for form inputs and exports. */
export function satangToBahtString(satang: Satang): string {
  const sign = satang < 0 ? '-' : ''
  const abs = Math.abs(satang)
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

export const MoneyDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('money'),
})
export type MoneyDef = z.infer<typeof MoneyDef>

const valueSchema = z
  .int('questionnaire.errors.money.notNumber')
  .min(0, 'questionnaire.errors.money.negative')
  .max(MAX_SATANG, 'questionnaire.errors.money.tooLarge')

const draftValue = valueSchema.optional()

/** Currency words people type around an amount. */
const CURRENCY = /฿|บาท|thb|baht/gi

export const moneyField: FieldTypeModule<MoneyDef, Satang> = {
  type: 'money',
  definitionSchema: MoneyDef,
  normalise(raw) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = numberText(s, CURRENCY)
    if (v === '') return EMPTY
    const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(v)
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return rejected('questionnaire.errors.money.notNumber')
    const [, sign = '', whole = '', fractionRaw = ''] = m
    const fraction = fractionRaw.replace(/0+$/, '')
    if (fraction.length > 2) return rejected('questionnaire.errors.money.decimals')
    if (whole.replace(/^0+/, '').length > 13) return rejected('questionnaire.errors.money.tooLarge')
    const satang = Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0'))
    return accepted(sign === '-' && satang !== 0 ? -satang : satang)
  },
  draftSchema: () => draftValue,
  submitSchema: memoByDef((def: MoneyDef) => requiredOr(def, valueSchema)),
  summarise: (answer, t) => formatMoney(satangToBaht(answer), t.locale),
  toFormValue: (answer) => satangToBahtString(answer),
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.required'] as const)),
    'questionnaire.errors.money.notNumber',
    'questionnaire.errors.money.decimals',
    'questionnaire.errors.money.negative',
    'questionnaire.errors.money.tooLarge',
  ],
}
