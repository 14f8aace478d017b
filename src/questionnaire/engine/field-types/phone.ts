/**
 * `phone`: a Thai phone number (domain.md §9.3) — mobile 06/08/09 + 8 digits or landline 02–07 +
 * 7 digits, typed with spaces, dashes, +66 or Thai digits, optionally with an extension
 * ("ต่อ 12"). Stored as E.164 (`+66812345678`, `+6621234567;ext=12`).
 */
import { z } from 'zod'
import { formatThaiPhone, normaliseThaiPhone } from '#src/identity/identity.rules.ts'
import { accepted, cleanLine, EMPTY, fieldBaseShape, memoByDef, rejected, requiredOr, singleValue, type FieldTypeModule } from './contract.ts'

export const PhoneDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('phone'),
})
export type PhoneDef = z.infer<typeof PhoneDef>

const valueSchema = z.string().regex(/^\+66(?:[689]\d{8}|[2-7]\d{7})(?:;ext=\d{1,6})?$/, 'questionnaire.errors.phone')

const draftValue = valueSchema.optional()

export const phoneField: FieldTypeModule<PhoneDef, string> = {
  type: 'phone',
  definitionSchema: PhoneDef,
  normalise(raw) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = cleanLine(s)
    if (v === '') return EMPTY
    const e164 = normaliseThaiPhone(v)
    return e164 ? accepted(e164) : rejected('questionnaire.errors.phone')
  },
  draftSchema: () => draftValue,
  submitSchema: memoByDef((def: PhoneDef) => requiredOr(def, valueSchema)),
  summarise: (answer) => formatThaiPhone(answer),
  toFormValue: (answer) => formatThaiPhone(answer),
  possibleErrors: (def) => [...(def.optional ? [] : (['errors.field.required'] as const)), 'questionnaire.errors.phone'],
}
