/**
 * `ynp`: yes / partly / no (part ค's controls), or yes / no with `partly: false`. Stores
 * `'yes' | 'partly' | 'no'`; scoring gives yes full points, partly half, no none (domain.md §6.3).
 */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { accepted, EMPTY, fieldBaseShape, memoByDef, rejected, requiredOr, singleValue, type FieldTypeModule } from './contract.ts'

export const YNP_VALUES = ['yes', 'partly', 'no'] as const
export type YnpAnswer = (typeof YNP_VALUES)[number]
export const YNP_LABELS = {
  yes: 'questionnaire.ynp.yes',
  partly: 'questionnaire.ynp.partly',
  no: 'questionnaire.ynp.no',
} as const satisfies Record<YnpAnswer, MessageKey>

export const YnpDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('ynp'),
  /** `false`: yes / no only. Default true. */
  partly: z.boolean().optional(),
})
export type YnpDef = z.infer<typeof YnpDef>

/** The options to render, in order. */
export const ynpValues = (def: YnpDef): readonly YnpAnswer[] => (def.partly === false ? ['yes', 'no'] : YNP_VALUES)
export const ynpOptions = (def: YnpDef) => ynpValues(def).map((value) => ({ value, label: YNP_LABELS[value] }))

const valueSchema = (def: YnpDef) => z.enum(ynpValues(def), { error: 'errors.field.invalid' })

export const ynpField: FieldTypeModule<YnpDef, YnpAnswer> = {
  type: 'ynp',
  definitionSchema: YnpDef,
  normalise(raw, def) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = s.trim()
    if (v === '') return EMPTY
    return (ynpValues(def) as readonly string[]).includes(v) ? accepted(v as YnpAnswer) : rejected()
  },
  draftSchema: memoByDef((def: YnpDef) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: YnpDef) => requiredOr(def, valueSchema(def), 'errors.field.chooseOne')),
  summarise: (answer, t) => t(YNP_LABELS[answer]),
  toFormValue: (answer) => answer,
  possibleErrors: (def) => [...(def.optional ? [] : (['errors.field.chooseOne'] as const)), 'errors.field.invalid'],
}
