/**
 * Two-step verification helpers with IO (rules in totp.rules.ts): TOTP secrets, codes, QR codes,
 * recovery codes, and encryption of secrets at rest.
 *
 * Secrets at rest: users.totp_secret holds `v1.<iv>.<tag>.<ciphertext>` (base64url), AES-256-GCM
 * with a key derived from SESSION_SECRET by HKDF-SHA256 (salt "amrac", info "totp-secret-v1"); the
 * purpose is bound as additional data, so a sealed value cannot be moved to another purpose.
 * Changing SESSION_SECRET makes stored secrets unreadable: every account then needs an admin's
 * "reset two-step verification" (staff re-enrol at their next sign-in). Secrets are never logged
 * and never put into audit payloads.
 *
 * otplib 13: `verify()` resolves to an OBJECT `{ valid, timeStep, … }` — always test `.valid`
 * (stack.md §4.2) — and throws on input that is not 6 digits, so codes are shaped first.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'
import { generate, generateSecret, generateURI, verify } from 'otplib'
import QRCode from 'qrcode'
import {
  RECOVERY_CODE_COUNT,
  RECOVERY_CODE_LENGTH,
  TOTP_ISSUER,
  TOTP_PERIOD_S,
  TOTP_WINDOW_STEPS,
  recoveryCodeFromBytes,
  totpCodeOf,
} from './totp.rules.ts'

/** What a sealed value is for (authenticated as additional data). */
export type SealPurpose = 'totp_secret' | 'session_totp_setup' | 'session_recovery_codes'

const keys = new Map<string, Buffer>()
function keyFor(masterSecret: string): Buffer {
  let key = keys.get(masterSecret)
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', masterSecret, 'amrac', 'totp-secret-v1', 32))
    keys.set(masterSecret, key)
  }
  return key
}

export function sealSecret(masterSecret: string, purpose: SealPurpose, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(masterSecret), iv)
  cipher.setAAD(Buffer.from(purpose))
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.')
}

/** The plaintext, or undefined when the value was tampered with, sealed for another purpose or with another key. */
export function openSecret(masterSecret: string, purpose: SealPurpose, sealed: string): string | undefined {
  const [version, iv, tag, ct] = sealed.split('.')
  if (version !== 'v1' || !iv || !tag || ct === undefined) return undefined
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFor(masterSecret), Buffer.from(iv, 'base64url'))
    decipher.setAAD(Buffer.from(purpose))
    decipher.setAuthTag(Buffer.from(tag, 'base64url'))
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8')
  } catch {
    return undefined
  }
}

/** A new base32 secret of 160 bits (RFC 4226 recommends at least 128). */
export const newTotpSecret = () => generateSecret({ length: 20 })

/** The otpauth:// URI an authenticator app scans. `label` is the user name (no e-mail on the screen of a phone). */
export const totpUri = (secret: string, label: string) => generateURI({ issuer: TOTP_ISSUER, label, secret, period: TOTP_PERIOD_S })

/** The QR code of the URI as SVG markup, generated here from our own data (never user input). */
export const qrCodeSvg = (uri: string) => QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })

/** The code an app shows at `at` (tests and the demo). */
export const totpCodeAt = (secret: string, at: Date) => generate({ secret, epoch: Math.floor(at.getTime() / 1000), period: TOTP_PERIOD_S })

/**
 * Checks an app code at `now`. Returns the matched time step, or undefined when the code is wrong,
 * malformed, or not later than `afterStep` (the last step used: replay refused).
 */
export async function verifyTotpCode(args: { secret: string; code: string; now: Date; afterStep?: number | null }): Promise<number | undefined> {
  const token = totpCodeOf(args.code)
  if (!token) return undefined
  const result = await verify({
    secret: args.secret,
    token,
    epoch: Math.floor(args.now.getTime() / 1000),
    period: TOTP_PERIOD_S,
    epochTolerance: TOTP_PERIOD_S * TOTP_WINDOW_STEPS,
    ...(args.afterStep != null ? { afterTimeStep: args.afterStep } : {}),
  })
  // `result` is an object: `if (result)` would always pass.
  if (!result.valid || !('timeStep' in result)) return undefined
  return result.timeStep
}

/** Recovery codes are high-entropy (80 bits) random strings, so a plain SHA-256 is enough to store them. */
export const hashRecoveryCode = (canonical: string) => createHash('sha256').update(`amrac-recovery:${canonical}`).digest('hex')

/** A fresh set of recovery codes (canonical form) and their hashes. */
export function newRecoveryCodes(): { codes: string[]; hashes: string[] } {
  const codes: string[] = []
  while (codes.length < RECOVERY_CODE_COUNT) {
    const code = recoveryCodeFromBytes(randomBytes(RECOVERY_CODE_LENGTH))
    if (!codes.includes(code)) codes.push(code)
  }
  return { codes, hashes: codes.map(hashRecoveryCode) }
}
