/**
 * Setting up an authenticator app (use cases): staff at their first sign-in (cannot be skipped),
 * entity users when they opt in. A fresh secret is made for every setup and kept, sealed, in the
 * server-side session until a code from the app confirms it; only then is it stored (sealed) on the
 * account, with 10 new recovery codes (hashed) that are shown once. Wrong codes count towards the
 * same per-account limit as sign-in codes.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { clearFailures, lockedUntil, recordFailure } from './throttle.repo.ts'
import { newRecoveryCodes, newTotpSecret, openSecret, sealSecret, verifyTotpCode } from './totp.ts'
import { enableTotp, replaceRecoveryCodes } from './two-step.repo.ts'
import { unsafeFindUserById, type User } from './users.repo.ts'
import { totpThrottleKeys } from './verify-second-factor.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>

/** A new candidate secret: shown to the user, kept sealed in the session. */
export function startTotpEnrolment(deps: Pick<AppDeps, 'config'>): { secret: string; sealed: string } {
  const secret = newTotpSecret()
  return { secret, sealed: sealSecret(deps.config.sessionSecret, 'session_totp_setup', secret) }
}

/** The candidate secret back from the session, or undefined if it was tampered with. */
export const openEnrolmentSecret = (deps: Pick<AppDeps, 'config'>, sealed: string) => openSecret(deps.config.sessionSecret, 'session_totp_setup', sealed)

export type EnrolResult =
  | { kind: 'enrolled'; user: User; recoveryCodes: string[] }
  | { kind: 'wrong' }
  | { kind: 'locked'; until: Date }
  /** Not active, already enrolled, or the candidate secret is unreadable: start again. */
  | { kind: 'unavailable' }

export async function confirmTotpEnrolment(
  deps: Deps,
  opts: { userId: string; sealedCandidate: string; code: string; ip: string; userAgent: string | undefined },
): Promise<EnrolResult> {
  const db = deps.database.db
  const user = await unsafeFindUserById(db, opts.userId)
  const secret = openEnrolmentSecret(deps, opts.sealedCandidate)
  if (!user || user.status !== 'active' || user.totpEnabledAt || !secret) return { kind: 'unavailable' }
  const keys = totpThrottleKeys(user.id)
  const now = deps.clock.now()
  const audit = { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }
  const where = { targetType: 'user' as const, targetId: user.id, entityId: user.entityId }
  const locked = await lockedUntil(db, keys, now)
  if (locked) return { kind: 'locked', until: locked }

  const step = await verifyTotpCode({ secret, code: opts.code, now })
  if (step === undefined) {
    const l = await db.transaction(async (tx) => {
      const until = await recordFailure(tx, keys, now)
      if (until) await appendAudit(tx, audit, { action: 'login.locked_out', scope: 'totp', until: until.toISOString() }, where)
      return until
    })
    return l ? { kind: 'locked', until: l } : { kind: 'wrong' }
  }

  const { codes, hashes } = newRecoveryCodes()
  const sealedSecret = sealSecret(deps.config.sessionSecret, 'totp_secret', secret)
  const done = await db.transaction(async (tx) => {
    // Re-read inside the transaction: two tabs confirming at once enrol once.
    const fresh = await unsafeFindUserById(tx, user.id)
    if (!fresh || fresh.totpEnabledAt) return false
    // The confirming code's step is recorded: it cannot be used again to sign in.
    await enableTotp(tx, user.id, { sealedSecret, step, now })
    await replaceRecoveryCodes(tx, user.id, hashes, now)
    await appendAudit(tx, audit, { action: 'totp.enrolled' }, where)
    return true
  })
  if (!done) return { kind: 'unavailable' }
  await clearFailures(db, keys)
  return { kind: 'enrolled', user: { ...user, totpEnabledAt: now, totpSecret: sealedSecret, totpLastStep: step }, recoveryCodes: codes }
}
