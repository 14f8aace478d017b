/** `email`: one e-mail address, stored as typed (trimmed, NFC). */
import { z } from 'zod'
import { isValidEmail } from '#src/identity/identity.rules.ts'
import { accepted, cleanLine, EMPTY, fieldBaseShape, memoByDef, rejected, requiredOr, singleValue, type FieldTypeModule } from './contract.ts'

export const EmailDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('email'),
})
export type EmailDef = z.infer<typeof EmailDef>

const valueSchema = z.string().max(254, 'errors.field.email').refine(isValidEmail, { error: 'errors.field.email' })

const draftValue = valueSchema.optional()

export const emailField: FieldTypeModule<EmailDef, string> = {
  type: 'email',
  definitionSchema: EmailDef,
  normalise(raw) {
    const s = singleValue(raw)
    if (s === undefined) return rejected()
    const v = cleanLine(s)
    if (v === '') return EMPTY
    return isValidEmail(v) ? accepted(v) : rejected('errors.field.email')
  },
  draftSchema: () => draftValue,
  submitSchema: memoByDef((def: EmailDef) => requiredOr(def, valueSchema)),
  summarise: (answer) => answer,
  toFormValue: (answer) => answer,
  possibleErrors: (def) => [...(def.optional ? [] : (['errors.field.required'] as const)), 'errors.field.email'],
}
