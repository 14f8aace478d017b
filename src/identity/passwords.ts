/**
 * Password hashing (argon2id, OWASP parameters) and the password policy: at least 12 characters,
 * at most 128, no composition rules, not a common or easily guessed password (quality.md §2).
 * Verified exactly as typed: no trimming, truncation or case folding (V6.2.8).
 */
import os from 'node:os'
import { hash, verify } from '@node-rs/argon2'
import { createRequire } from 'node:module'
import type * as ZxcvbnCore from '@zxcvbn-ts/core'
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common'
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en'

type ZxcvbnFactory = ZxcvbnCore.ZxcvbnFactory
import { Semaphore } from '#src/platform/semaphore.ts'

export const PASSWORD_MIN_LENGTH = 12
export const PASSWORD_MAX_LENGTH = 128

// argon2id, m=19 MiB, t=2, p=1 (OWASP): ~15 ms per hash on this machine (stack.md §5).
const ARGON2_OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const
const limiter = new Semaphore(Math.max(1, os.availableParallelism()))

export const hashPassword = (password: string) => limiter.run(() => hash(password, ARGON2_OPTIONS))

export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  // Unknown accounts still pay for one verification so response times do not reveal them.
  const target = stored ?? (await dummyHash())
  const ok = await limiter.run(() => verify(target, password).catch(() => false))
  return stored ? ok : false
}

let dummy: Promise<string> | undefined
const dummyHash = () => (dummy ??= hash('amrac-dummy-password-for-timing', ARGON2_OPTIONS))

let zxcvbn: ZxcvbnFactory | undefined
// The dictionaries are large: loaded on first use (or by warmPasswordChecker), not at start-up.
const require = createRequire(import.meta.url)
function estimator(): ZxcvbnFactory {
  if (!zxcvbn) {
    const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof ZxcvbnCore
    const common = require('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon
    const en = require('@zxcvbn-ts/language-en') as typeof ZxcvbnEn
    zxcvbn = new Factory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs })
  }
  return zxcvbn
}

export type PasswordProblem = 'tooShort' | 'tooLong' | 'common' | 'containsPersonal'
export type PasswordStrength = 0 | 1 | 2 | 3 | 4

/** Checks a new password. `personal` are the user's own words (user name, names, e-mail). */
export function checkNewPassword(password: string, personal: string[] = []): { problem?: PasswordProblem; strength: PasswordStrength } {
  const length = [...password].length // characters, not bytes: a Thai character is 3 bytes
  if (length < PASSWORD_MIN_LENGTH) return { problem: 'tooShort', strength: 0 }
  if (length > PASSWORD_MAX_LENGTH) return { problem: 'tooLong', strength: 0 }
  const lower = password.toLowerCase()
  const words = personal.map((w) => w.toLowerCase().trim()).filter((w) => w.length >= 4)
  if (words.some((w) => lower.includes(w))) return { problem: 'containsPersonal', strength: 1 }
  const result = estimator().check(password, words)
  const strength = result.score as PasswordStrength
  // Score 0–1 means a common password or an easy variation of one (a known list, checked offline).
  if (strength < 2) return { problem: 'common', strength }
  return { strength }
}

/** Preloads the password dictionaries (~1 s) so the first registration does not pay for it. */
export function warmPasswordChecker(): void {
  estimator().check('warm-up-password')
}
