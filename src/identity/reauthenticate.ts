/**
 * Re-entering the password before a sensitive change (use case; ASVS V7.5.1: before changing
 * two-step verification). Wrong passwords count towards the same per-account limit as sign-in
 * (scope 'account', keyed on the account), so a signed-in session cannot be used to guess it.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { verifyPassword } from './passwords.ts'
import { clearFailures, lockedUntil, recordFailure, type ThrottleKey } from './throttle.repo.ts'
import { unsafeFindUserById, type User } from './users.repo.ts'

export type ReauthResult = { kind: 'ok'; user: User } | { kind: 'wrong' } | { kind: 'locked'; until: Date }

export async function reauthenticate(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { userId: string; password: string; ip: string; userAgent: string | undefined },
): Promise<ReauthResult> {
  const db = deps.database.db
  const user = await unsafeFindUserById(db, opts.userId)
  if (!user || user.status !== 'active') return { kind: 'wrong' }
  const keys: ThrottleKey[] = [{ scope: 'account', key: `user:${user.id}` }]
  const locked = await lockedUntil(db, keys, deps.clock.now())
  if (locked) return { kind: 'locked', until: locked }
  if (await verifyPassword(user.passwordHash, opts.password)) {
    await clearFailures(db, keys)
    return { kind: 'ok', user }
  }
  const now = deps.clock.now()
  const lockedNow = await db.transaction(async (tx) => {
    const l = await recordFailure(tx, keys, now)
    const audit = { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }
    const where = { targetType: 'user' as const, targetId: user.id, entityId: user.entityId }
    await appendAudit(tx, audit, { action: 'login.failed', identifier: user.username.slice(0, 100), reason: 'bad_credentials' }, where)
    if (l) await appendAudit(tx, audit, { action: 'login.locked_out', scope: 'account', until: l.toISOString() }, where)
    return l
  })
  return lockedNow ? { kind: 'locked', until: lockedNow } : { kind: 'wrong' }
}
