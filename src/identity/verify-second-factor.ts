/**
 * Checks the second factor of an account (use case): an app code or a recovery code, in one box.
 *
 * - Throttled per account (scope 'totp'): the 10th wrong code in 5 minutes locks the account's
 *   second step for 5 minutes (quality.md §3), whatever the session or address.
 * - An app code is accepted once: its time step must be later than the last accepted one, claimed
 *   atomically (V6.5.1). A recovery code is used up (V6.5.5); its use is audited with the number left.
 * - Used at sign-in (after the password) and to confirm turning two-step verification off.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { clearFailures, lockedUntil, recordFailure, type ThrottleKey } from './throttle.repo.ts'
import { classifySecondFactor } from './totp.rules.ts'
import { hashRecoveryCode, openSecret, verifyTotpCode } from './totp.ts'
import { claimTotpStep, countUnusedRecoveryCodes, useRecoveryCode } from './two-step.repo.ts'
import { unsafeFindUserById, type User } from './users.repo.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>

export type SecondFactorResult =
  | { kind: 'ok'; user: User; method: 'password+totp' | 'password+recovery_code'; recoveryCodesLeft?: number }
  | { kind: 'wrong' }
  | { kind: 'locked'; until: Date }
  /** The account is gone, not active, or no longer has two-step verification. */
  | { kind: 'unavailable' }

export const totpThrottleKeys = (userId: string): ThrottleKey[] => [{ scope: 'totp', key: userId }]

export async function verifySecondFactor(deps: Deps, opts: { userId: string; code: string; ip: string; userAgent: string | undefined }): Promise<SecondFactorResult> {
  const db = deps.database.db
  const user = await unsafeFindUserById(db, opts.userId)
  if (!user || user.status !== 'active' || !user.totpEnabledAt || !user.totpSecret) return { kind: 'unavailable' }
  const keys = totpThrottleKeys(user.id)
  const locked = await lockedUntil(db, keys, deps.clock.now())
  if (locked) return { kind: 'locked', until: locked }

  const now = deps.clock.now()
  const audit = { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }
  const where = { targetType: 'user' as const, targetId: user.id, entityId: user.entityId }
  const input = classifySecondFactor(opts.code)
  let method: 'password+totp' | 'password+recovery_code' | undefined
  let recoveryCodesLeft: number | undefined

  switch (input.kind) {
    case 'totp': {
      const secret = openSecret(deps.config.sessionSecret, 'totp_secret', user.totpSecret)
      // Unreadable only if SESSION_SECRET changed: fail loudly (logged with a reference), never silently.
      if (secret === undefined) throw new Error(`the TOTP secret of user ${user.id} cannot be decrypted (was SESSION_SECRET changed?)`)
      const step = await verifyTotpCode({ secret, code: input.code, now, afterStep: user.totpLastStep })
      if (step !== undefined && (await claimTotpStep(db, user.id, step))) method = 'password+totp'
      break
    }
    case 'recovery': {
      recoveryCodesLeft = await db.transaction(async (tx) => {
        if (!(await useRecoveryCode(tx, user.id, hashRecoveryCode(input.code), now))) return undefined
        const remaining = await countUnusedRecoveryCodes(tx, user.id)
        await appendAudit(tx, audit, { action: 'totp.recovery_code_used', remaining }, where)
        return remaining
      })
      if (recoveryCodesLeft !== undefined) method = 'password+recovery_code'
      break
    }
    case 'malformed':
      break
  }

  if (method) {
    await clearFailures(db, keys)
    return { kind: 'ok', user, method, ...(recoveryCodesLeft !== undefined ? { recoveryCodesLeft } : {}) }
  }
  const lockedNow = await db.transaction(async (tx) => {
    const l = await recordFailure(tx, keys, now)
    await appendAudit(tx, audit, { action: 'login.failed', identifier: user.username.slice(0, 100), reason: 'bad_totp' }, where)
    if (l) await appendAudit(tx, audit, { action: 'login.locked_out', scope: 'totp', until: l.toISOString() }, where)
    return l
  })
  return lockedNow ? { kind: 'locked', until: lockedNow } : { kind: 'wrong' }
}
