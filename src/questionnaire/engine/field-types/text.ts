/** `text`: one line of free text (names, numbers that are not arithmetic, short answers). */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { toAsciiDigits } from '#src/entities/juristic-id.rules.ts'
import {
  accepted,
  boundedText,
  cleanLine,
  EMPTY,
  fieldBaseShape,
  memoByDef,
  rejected,
  requiredOr,
  singleValue,
  type FieldTypeModule,
} from './contract.ts'

/** Named formats instead of regular expressions in data: a definition cannot carry a slow pattern. */
export const TEXT_FORMATS = ['taxBranchCode'] as const
export type TextFormat = (typeof TEXT_FORMATS)[number]
const FORMAT_RULES = {
  // 5-digit tax branch code (domain.md §9.2); 00000 is the head office
  taxBranchCode: { pattern: /^\d{5}$/, messageKey: 'questionnaire.errors.text.taxBranchCode', digits: true },
} as const satisfies Record<TextFormat, { pattern: RegExp; messageKey: MessageKey; digits: boolean }>

export const TEXT_DEFAULT_MAX_LENGTH = 200
export const TextDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('text'),
  /** In characters (code points); default 200, at most 1,000. */
  maxLength: z.int().min(1).max(1000).optional(),
  format: z.enum(TEXT_FORMATS).optional(),
})
export type TextDef = z.infer<typeof TextDef>

function valueSchema(def: TextDef): z.ZodType<string> {
  const base = boundedText(def.maxLength ?? TEXT_DEFAULT_MAX_LENGTH)
  if (!def.format) return base
  const rule = FORMAT_RULES[def.format]
  return base.refine((s) => rule.pattern.test(s), { error: rule.messageKey })
}

export const textField: FieldTypeModule<TextDef, string> = {
  type: 'text',
  definitionSchema: TextDef,
  normalise(raw, def) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    let v = cleanLine(s)
    if (def.format && FORMAT_RULES[def.format].digits) v = toAsciiDigits(v).replace(/[\s-]/g, '')
    return v === '' ? EMPTY : accepted(v)
  },
  draftSchema: memoByDef((def: TextDef) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: TextDef) => requiredOr(def, valueSchema(def))),
  summarise: (answer) => answer,
  toFormValue: (answer) => answer,
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.required'] as const)),
    'errors.field.tooLong',
    ...(def.format ? [FORMAT_RULES[def.format].messageKey] : []),
  ],
}
