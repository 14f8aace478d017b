/**
 * The help contact form (R17: one schema, messages are keys). The view reads the limits for
 * maxlength; the handler parses with the schema. The screenshot is not a field here: it arrives
 * as a file part and goes through receiveUpload.
 */
import { z } from 'zod'
import { BUSINESS_TYPE_CODES } from '#src/entities/business-types.model.ts'
import { isJuristicId, normaliseThaiId13 } from '#src/entities/juristic-id.rules.ts'
import { cleanPersonName } from '#src/identity/identity.rules.ts'
import { EMAIL_MAX, emailField, phoneField } from '#src/identity/registration.schemas.ts'
import { SUPPORT_CATEGORIES, SUPPORT_TOPICS } from './support.rules.ts'

export const BUSINESS_NAME_MAX = 200
export const CONTACT_NAME_MAX = 100
export const MESSAGE_MAX = 2000
export const PHONE_MAX = 40
export const JURISTIC_ID_MAX = 30
export { EMAIL_MAX }

/** Counts characters as people do (code points), like PostgreSQL's char_length. */
const chars = (s: string) => [...s].length

const cleanLine = (max: number) =>
  z
    .string({ error: 'errors.field.required' })
    .max(max * 4, 'errors.field.tooLong')
    .transform(cleanPersonName)
    .pipe(
      z
        .string()
        .min(1, 'errors.field.required')
        .refine((v) => chars(v) <= max, 'errors.field.tooLong'),
    )

/** Free text: NFC, CRLF → LF, control and bidi-override characters removed; newlines and tabs kept. */
export function cleanMessage(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control and format characters except \t and \n
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
      .trim()
  )
}

const emptyToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v)

export const ContactInput = z.object({
  category: z.enum(SUPPORT_CATEGORIES, { error: 'errors.field.chooseOne' }),
  /** A hidden field set from the link that opened the form; an unknown value is dropped. */
  topic: z.enum(SUPPORT_TOPICS).optional().catch(undefined),
  businessName: cleanLine(BUSINESS_NAME_MAX),
  juristicId: z.preprocess(
    emptyToUndefined,
    z
      .string()
      .max(JURISTIC_ID_MAX, 'errors.field.juristicId')
      .transform(normaliseThaiId13)
      .refine(isJuristicId, 'errors.field.juristicId')
      .optional(),
  ),
  businessType: z.preprocess(emptyToUndefined, z.enum(BUSINESS_TYPE_CODES, { error: 'errors.field.chooseOne' }).optional()),
  contactName: cleanLine(CONTACT_NAME_MAX),
  phone: z.string({ error: 'errors.field.required' }).pipe(phoneField),
  email: z.string({ error: 'errors.field.required' }).pipe(emailField),
  message: z
    .string({ error: 'errors.field.required' })
    .max(MESSAGE_MAX * 4, 'errors.field.tooLong')
    .transform(cleanMessage)
    .pipe(
      z
        .string()
        .min(1, 'errors.field.required')
        .refine((v) => chars(v) <= MESSAGE_MAX, 'errors.field.tooLong'),
    ),
  /** Hidden: the screenshot kept from an earlier failed post (a token bound to the session). */
  screenshotToken: z.string().max(64).optional().catch(undefined),
  /** Hidden: one id per form instance, for idempotency. */
  formId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,64}$/)
    .optional()
    .catch(undefined),
})
export type ContactInput = z.output<typeof ContactInput>
