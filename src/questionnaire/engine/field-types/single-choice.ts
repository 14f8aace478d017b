/** `singleChoice`: one option (radios, or a drop-down for long lists). Stores the option's value. */
import { z } from 'zod'
import {
  accepted,
  EMPTY,
  fieldBaseShape,
  memoByDef,
  OptionSchema,
  rejected,
  requiredOr,
  singleValue,
  type FieldTypeModule,
} from './contract.ts'

export const SingleChoiceDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('singleChoice'),
  options: z.array(OptionSchema).min(1).max(200).readonly(),
  /** A rendering hint for the web layer: radios (default) or a drop-down (long lists). */
  display: z.enum(['radios', 'select']).optional(),
})
export type SingleChoiceDef = z.infer<typeof SingleChoiceDef>

const valueSchema = (def: SingleChoiceDef) =>
  z.string().refine((v) => def.options.some((o) => o.value === v), { error: 'errors.field.invalid' })

export const singleChoiceField: FieldTypeModule<SingleChoiceDef, string> = {
  type: 'singleChoice',
  definitionSchema: SingleChoiceDef,
  normalise(raw, def) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = s.trim()
    if (v === '') return EMPTY
    return def.options.some((o) => o.value === v) ? accepted(v) : rejected()
  },
  draftSchema: memoByDef((def: SingleChoiceDef) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: SingleChoiceDef) => requiredOr(def, valueSchema(def), 'errors.field.chooseOne')),
  summarise(answer, t, def) {
    const option = def.options.find((o) => o.value === answer)
    return option ? t(option.label) : answer
  },
  toFormValue: (answer) => answer,
  possibleErrors: (def) => [...(def.optional ? [] : (['errors.field.chooseOne'] as const)), 'errors.field.invalid'],
}
