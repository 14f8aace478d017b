/**
 * Checks a user name or e-mail and password (use case). One generic failure for unknown accounts
 * and wrong passwords, with the same argon2 cost (no enumeration by message or timing); failures
 * counted per account and per client address; the 11th attempt in 5 minutes is locked out.
 */
import type { AppDeps } from '#src/server/deps.ts'
import { appendAudit } from '#src/audit/audit.repo.ts'
import { normaliseUsername } from './identity.rules.ts'
import type { UserStatus } from './identity.model.ts'
import { verifyPassword } from './passwords.ts'
import { isStaffRole, type Role } from './permissions.ts'
import { clearFailures, lockedUntil, recordFailure, type ThrottleKey } from './throttle.repo.ts'
import { findUserByIdentifier, updateUser, type User } from './users.repo.ts'

export type SignInOptions = { identifier: string; password: string; ip: string; userAgent: string | undefined }
export type SignInResult =
  | { kind: 'signed_in'; user: User }
  | { kind: 'second_factor'; user: User; step: 'totp' | 'enrol' }
  | { kind: 'failed' }
  | { kind: 'locked'; until: Date }
  | { kind: 'inactive'; status: Exclude<UserStatus, 'active'>; user: User }

export async function signIn(deps: Pick<AppDeps, 'database' | 'clock'>, opts: SignInOptions): Promise<SignInResult> {
  const db = deps.database.db
  const key = normaliseUsername(opts.identifier).slice(0, 254)
  const keys: ThrottleKey[] = [
    { scope: 'account', key },
    { scope: 'ip', key: opts.ip },
  ]
  const audit = { at: deps.clock.now(), ip: opts.ip, userAgent: opts.userAgent }
  const locked = await lockedUntil(db, keys, deps.clock.now())
  if (locked) return { kind: 'locked', until: locked }

  const user = await findUserByIdentifier(db, key)
  const ok = await verifyPassword(user?.passwordHash, opts.password) // hashing happens outside any transaction
  const now = deps.clock.now()

  if (!ok || !user) {
    const lockedNow = await db.transaction(async (tx) => {
      const l = await recordFailure(tx, keys, now)
      await appendAudit(tx, { ...audit, at: now }, { action: 'login.failed', identifier: key.slice(0, 100), reason: 'bad_credentials' }, { targetType: 'user', targetId: user?.id ?? null, entityId: user?.entityId ?? null })
      if (l) await appendAudit(tx, { ...audit, at: now }, { action: 'login.locked_out', scope: 'account', until: l.toISOString() }, { targetType: 'user', targetId: user?.id ?? null })
      return l
    })
    return lockedNow ? { kind: 'locked', until: lockedNow } : { kind: 'failed' }
  }

  if (user.status !== 'active') {
    await appendAudit(db, { ...audit, at: now, actorUserId: user.id }, { action: 'login.failed', identifier: key.slice(0, 100), reason: 'not_active' }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
    return { kind: 'inactive', status: user.status as Exclude<UserStatus, 'active'>, user }
  }

  await clearFailures(db, [keys[0]!])
  if (user.totpEnabledAt) return { kind: 'second_factor', user, step: 'totp' }
  if (isStaffRole(user.role as Role)) return { kind: 'second_factor', user, step: 'enrol' }
  await recordSignIn(deps, { user, method: 'password', ip: opts.ip, userAgent: opts.userAgent })
  return { kind: 'signed_in', user }
}

/** The last step of every successful sign-in: audit and last-login time. */
export async function recordSignIn(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  args: { user: User; method: 'password' | 'password+totp' | 'password+recovery_code'; ip: string; userAgent: string | undefined },
): Promise<void> {
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    await updateUser(tx, args.user.id, { lastLoginAt: now })
    await appendAudit(tx, { at: now, actorUserId: args.user.id, actorRole: args.user.role, ip: args.ip, userAgent: args.userAgent }, { action: 'login.succeeded', method: args.method }, { targetType: 'user', targetId: args.user.id, entityId: args.user.entityId })
  })
}
