/**
 * Two-step verification rules (pure): TOTP as authenticator apps expect it (RFC 6238: SHA-1,
 * 6 digits, 30-second steps) and recovery codes. IO (secrets, hashing, encryption) is in totp.ts.
 *
 * - A code is accepted one step either side of now (clock drift of phones), and only for a time
 *   step later than the last one accepted for that account: a code cannot be used twice (V6.5.1).
 * - Recovery codes: 10 per account, 16 Crockford base32 characters (80 bits) shown as
 *   `xxxx-xxxx-xxxx-xxxx`; each works once (V6.5.5). People may type them in any case, with or
 *   without hyphens or spaces, and confuse o/0 and i/l/1.
 */
export const TOTP_PERIOD_S = 30
export const TOTP_DIGITS = 6
/** Steps accepted either side of the current one. */
export const TOTP_WINDOW_STEPS = 1
export const TOTP_ISSUER = 'AMRAC'

export const RECOVERY_CODE_COUNT = 10
export const RECOVERY_CODE_LENGTH = 16
/** Crockford base32, lower case: no i, l, o, u. */
export const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/** A staff member's first sign-in may take a while (installing an app): 15 minutes to enrol. */
export const PENDING_ENROL_MS = 15 * 60_000
/** How long a re-entered password allows turning two-step verification on (V7.5.1). */
export const REAUTH_MS = 10 * 60_000

/** The time step of an instant, as the authenticator app computes it. */
export const timeStepOf = (epochMs: number) => Math.floor(epochMs / 1000 / TOTP_PERIOD_S)

const stripSeparators = (raw: string) => raw.normalize('NFKC').replace(/[\s-]/g, '')

/** The 6 digits of an app code, or undefined when the input is not shaped like one. */
export function totpCodeOf(raw: string): string | undefined {
  const code = stripSeparators(raw)
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(code) ? code : undefined
}

/** A recovery code in canonical form, or undefined when the input is not shaped like one. */
export function recoveryCodeOf(raw: string): string | undefined {
  const code = stripSeparators(raw)
    .toLowerCase()
    .replace(/o/g, '0')
    .replace(/[il]/g, '1')
  if (code.length !== RECOVERY_CODE_LENGTH) return undefined
  return [...code].every((c) => RECOVERY_ALPHABET.includes(c)) ? code : undefined
}

export type SecondFactorInput = { kind: 'totp'; code: string } | { kind: 'recovery'; code: string } | { kind: 'malformed' }

/** One box takes either an app code or a recovery code. */
export function classifySecondFactor(raw: string): SecondFactorInput {
  const totp = totpCodeOf(raw)
  if (totp) return { kind: 'totp', code: totp }
  const recovery = recoveryCodeOf(raw)
  if (recovery) return { kind: 'recovery', code: recovery }
  return { kind: 'malformed' }
}

/** Random bytes → one recovery code (each byte picks a character; 256 is a multiple of 32: no bias). */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new Error('not enough random bytes')
  let out = ''
  for (let i = 0; i < RECOVERY_CODE_LENGTH; i++) out += RECOVERY_ALPHABET[bytes[i]! % RECOVERY_ALPHABET.length]
  return out
}

/** `abcd-efgh-jkmn-pqrs` for display. */
export const formatRecoveryCode = (code: string) => code.match(/.{1,4}/g)!.join('-')

/** A base32 secret in groups of four for typing into an app by hand. */
export const groupSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? ''

/** Whether a pending step (password accepted, second factor or enrolment still due) is still usable. */
export function isPendingFresh(pending: { at: number; step: 'totp' | 'enrol' }, now: number, totpMs: number): boolean {
  const limit = pending.step === 'enrol' ? PENDING_ENROL_MS : totpMs
  return now - pending.at >= 0 && now - pending.at <= limit
}
