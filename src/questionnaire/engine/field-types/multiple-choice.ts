/**
 * `multipleChoice`: any number of options (checkboxes). Stores the values in the options' order.
 * An `exclusive` option ("none of these") cannot be ticked with another; that is checked at
 * submission, so a half-edited draft still saves.
 */
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

export const MultipleChoiceDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('multipleChoice'),
  options: z.array(OptionSchema.extend({ exclusive: z.boolean().optional() })).min(1).max(200).readonly(),
  maxSelections: z.int().min(1).optional(),
})
export type MultipleChoiceDef = z.infer<typeof MultipleChoiceDef>

function valueSchema(def: MultipleChoiceDef) {
  const values = new Set(def.options.map((o) => o.value))
  return z
    .array(z.string().refine((v) => values.has(v), { error: 'errors.field.invalid' }))
    .min(1, 'errors.field.chooseAtLeastOne')
    .max(def.maxSelections ?? def.options.length, 'questionnaire.errors.choice.tooMany')
    .readonly()
}

export const multipleChoiceField: FieldTypeModule<MultipleChoiceDef, readonly string[]> = {
  type: 'multipleChoice',
  definitionSchema: MultipleChoiceDef,
  normalise(raw, def) {
    if (raw === undefined || raw === null) return EMPTY
    const items = Array.isArray(raw) ? raw : [raw]
    const ticked = new Set<string>()
    for (const item of items) {
      const s = singleValue(item)
      if (s === undefined) return rejected()
      if (s.trim() !== '') ticked.add(s.trim())
    }
    if ([...ticked].some((v) => !def.options.some((o) => o.value === v))) return rejected()
    const value = def.options.map((o) => o.value).filter((v) => ticked.has(v))
    return value.length === 0 ? EMPTY : accepted(value)
  },
  draftSchema: memoByDef((def: MultipleChoiceDef) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: MultipleChoiceDef) =>
    requiredOr(
      def,
      valueSchema(def).refine(
        (values) => values.length === 1 || !def.options.some((o) => o.exclusive && values.includes(o.value)),
        { error: 'questionnaire.errors.choice.exclusive' },
      ),
      'errors.field.chooseAtLeastOne',
    ),
  ),
  summarise: (answer, t, def) =>
    answer.map((v) => {
      const option = def.options.find((o) => o.value === v)
      return option ? t(option.label) : v
    }).join(', '),
  toFormValue: (answer) => [...answer],
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.chooseAtLeastOne'] as const)),
    'errors.field.invalid',
    ...(def.maxSelections ? (['questionnaire.errors.choice.tooMany'] as const) : []),
    ...(def.options.some((o) => o.exclusive) ? (['questionnaire.errors.choice.exclusive'] as const) : []),
  ],
}
