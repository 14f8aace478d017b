/**
 * `thaiId13`: a 13-digit Thai identifier with its check digit (domain.md §9.1) — a citizen ID, a
 * juristic person number or a taxpayer ID. Typed with spaces, dashes or Thai digits; stored as the
 * bare 13 digits. `kind: 'juristic'` also requires the leading 0; `kind: 'citizen'` refuses 0 and 9.
 */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import {
  formatCitizenId,
  formatJuristicId,
  isValidThaiId13,
  normaliseThaiId13,
} from '#src/entities/juristic-id.rules.ts'
import { accepted, EMPTY, fieldBaseShape, memoByDef, rejected, requiredOr, singleValue, type FieldTypeModule } from './contract.ts'

export const THAI_ID_KINDS = ['any', 'juristic', 'citizen'] as const
export type ThaiIdKind = (typeof THAI_ID_KINDS)[number]

export const ThaiId13Def = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('thaiId13'),
  kind: z.enum(THAI_ID_KINDS).optional(),
})
export type ThaiId13Def = z.infer<typeof ThaiId13Def>

/** The message for a 13-digit string that is not an acceptable ID of this kind, or undefined when it is. */
function problem(v: string, kind: ThaiIdKind): MessageKey | undefined {
  if (!/^\d{13}$/.test(v)) return 'questionnaire.errors.thaiId.format'
  if (!isValidThaiId13(v)) return kind === 'juristic' ? 'errors.field.juristicId' : 'errors.field.thaiId'
  if (kind === 'juristic' && v[0] !== '0') return 'errors.field.juristicId'
  if (kind === 'citizen' && (v[0] === '0' || v[0] === '9')) return 'questionnaire.errors.thaiId.notCitizen'
  return undefined
}

const valueSchema = (def: ThaiId13Def) =>
  z.string().superRefine((v, ctx) => {
    const key = problem(v, def.kind ?? 'any')
    if (key) ctx.addIssue({ code: 'custom', message: key })
  })

export const thaiId13Field: FieldTypeModule<ThaiId13Def, string> = {
  type: 'thaiId13',
  definitionSchema: ThaiId13Def,
  normalise(raw, def) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = normaliseThaiId13(s.trim())
    if (v === '') return EMPTY
    const key = problem(v, def.kind ?? 'any')
    return key ? rejected(key) : accepted(v)
  },
  draftSchema: memoByDef((def: ThaiId13Def) => valueSchema(def).optional()),
  submitSchema: memoByDef((def: ThaiId13Def) => requiredOr(def, valueSchema(def))),
  summarise: (answer) => (answer.startsWith('0') ? formatJuristicId(answer) : formatCitizenId(answer)),
  toFormValue: (answer) => answer,
  possibleErrors: (def) => [
    ...(def.optional ? [] : (['errors.field.required'] as const)),
    'questionnaire.errors.thaiId.format',
    ...(def.kind === 'juristic' ? (['errors.field.juristicId'] as const) : (['errors.field.thaiId'] as const)),
    ...(def.kind === 'citizen' ? (['questionnaire.errors.thaiId.notCitizen'] as const) : []),
  ],
}
