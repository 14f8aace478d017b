/**
 * Form schemas for registration, sign-in recovery and profile (R17: one schema per form, messages
 * are keys). Views read the limits for maxlength; handlers parse with them.
 */
import { z } from 'zod'
import { cleanPersonName, isValidEmail, normaliseThaiPhone, usernameProblem } from './identity.rules.ts'
import { TITLES } from './identity.model.ts'
import type { UsernameProblem } from './identity.rules.ts'

export const NAME_MAX = 100
export const POSITION_MAX = 100
export const EMAIL_MAX = 254

const USERNAME_MESSAGES = {
  length: 'auth.errors.usernameLength',
  nonAscii: 'auth.errors.usernameNonAscii',
  characters: 'auth.errors.usernameCharacters',
  start: 'auth.errors.usernameStart',
} as const satisfies Record<UsernameProblem, string>

const personName = (max: number) =>
  z
    .string()
    .transform(cleanPersonName)
    .pipe(z.string().min(1, 'errors.field.required').max(max, 'errors.field.tooLong'))

export const emailField = z
  .string()
  .transform((v) => v.normalize('NFKC').trim())
  .pipe(z.string().min(1, 'errors.field.required').max(EMAIL_MAX, 'errors.field.tooLong').refine(isValidEmail, 'errors.field.email'))

export const phoneField = z
  .string()
  .max(40, 'auth.errors.phone')
  .transform((v, ctx) => {
    const e164 = normaliseThaiPhone(v)
    if (!e164) ctx.addIssue({ code: 'custom', message: v.trim() ? 'auth.errors.phone' : 'errors.field.required' })
    return e164 ?? ''
  })

export const usernameField = z
  .string()
  .max(64, 'auth.errors.usernameLength')
  .superRefine((v, ctx) => {
    if (!v.trim()) return ctx.addIssue({ code: 'custom', message: 'errors.field.required' })
    const problem = usernameProblem(v)
    if (problem) ctx.addIssue({ code: 'custom', message: USERNAME_MESSAGES[problem] })
  })

/** Passwords are taken exactly as typed (no trimming); the policy is checked by the use case. */
export const newPasswordField = z.string().min(1, 'errors.field.required').max(1024, 'auth.errors.passwordTooLong')

const accepted = z.literal('yes', { message: 'auth.errors.termsRequired' })

/** "The two passwords match", checked even when other fields failed, so every problem shows at once. */
export const passwordsMatch = {
  path: ['passwordConfirm'],
  message: 'auth.errors.passwordMismatch',
  when: (payload: { value: unknown }) => {
    const v = payload.value as { password?: unknown; passwordConfirm?: unknown }
    return typeof v?.password === 'string' && typeof v?.passwordConfirm === 'string'
  },
}

export const RegisterInput = z
  .object({
    title: z.enum(TITLES, { message: 'errors.field.chooseOne' }),
    firstName: personName(NAME_MAX),
    lastName: personName(NAME_MAX),
    position: personName(POSITION_MAX),
    phone: phoneField,
    email: emailField,
    username: usernameField,
    password: newPasswordField,
    passwordConfirm: z.string().max(1024),
    acceptTerms: accepted,
    acceptPrivacy: accepted,
  })
  .refine((v) => v.password === v.passwordConfirm, passwordsMatch)
export type RegisterInput = z.infer<typeof RegisterInput>

export const SearchQuery = z.object({ q: z.string().max(200).optional() })
export const IdentifierInput = z.object({
  identifier: z.string().trim().min(1, 'errors.field.required').max(EMAIL_MAX, 'errors.field.tooLong'),
})
export const NewPasswordInput = z
  .object({ token: z.string().max(100), password: newPasswordField, passwordConfirm: z.string().max(1024) })
  .refine((v) => v.password === v.passwordConfirm, passwordsMatch)
export const TokenInput = z.object({ token: z.string().max(100) })
