/** `longText`: several lines of free text (a textarea). Line breaks are kept (as LF). */
import { z } from 'zod'
import {
  accepted,
  boundedText,
  cleanMultiline,
  EMPTY,
  fieldBaseShape,
  memoByDef,
  rejected,
  requiredOr,
  singleValue,
  type FieldTypeModule,
} from './contract.ts'

export const LONG_TEXT_DEFAULT_MAX_LENGTH = 2000
export const LongTextDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('longText'),
  /** In characters (code points); default 2,000, at most 10,000. */
  maxLength: z.int().min(1).max(10_000).optional(),
})
export type LongTextDef = z.infer<typeof LongTextDef>

const valueSchema = (def: LongTextDef) => boundedText(def.maxLength ?? LONG_TEXT_DEFAULT_MAX_LENGTH)

export const longTextField: FieldTypeModule<LongTextDef, string> = {
  type: 'longText',
  definitionSchema: LongTextDef,
  normalise(raw) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = cleanMultiline(s)
    return v === '' ? EMPTY : accepted(v)
  },
  draftSchema: memoByDef((def: LongTextDef) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: LongTextDef) => requiredOr(def, valueSchema(def))),
  summarise: (answer) => answer,
  toFormValue: (answer) => answer,
  possibleErrors: (def) => [...(def.optional ? [] : (['errors.field.required'] as const)), 'errors.field.tooLong'],
}
