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

/** What the audit log may say about a typed identifier that matched no account (it may be a password). */
export const maskIdentifier = (key: string) => `${[...key].slice(0, 2).join('')}…(${[...key].length})`

export async function signIn(deps: Pick<AppDeps, 'database' | 'clock'>, opts: SignInOptions): Promise<SignInResult> {
  const db = deps.database.db
  const key = normaliseUsername(opts.identifier).slice(0, 254)
  const user = await findUserByIdentifier(db, key)
  // The account's own counter (user name and e-mail share it) plus the typed identifier (for
  // unknown accounts) and the client address (password spraying).
  const keys: ThrottleKey[] = [
    { scope: 'account', key: user ? `user:${user.id}` : key },
    { scope: 'ip', key: opts.ip },
  ]
  const audit = { at: deps.clock.now(), ip: opts.ip, userAgent: opts.userAgent }
  const target = { targetType: 'user' as const, targetId: user?.id ?? null, entityId: user?.entityId ?? null }
  const identifier = user ? user.username : maskIdentifier(key)
  const locked = await lockedUntil(db, keys, deps.clock.now())
  if (locked) {
    // Every attempt is on record, refused ones too (quality.md §3).
    await appendAudit(db, audit, { action: 'login.failed', identifier, reason: 'locked' }, target)
    return { kind: 'locked', until: locked }
  }

  const ok = await verifyPassword(user?.passwordHash, opts.password) // hashing happens outside any transaction
  const now = deps.clock.now()

  if (!ok || !user) {
    await db.transaction(async (tx) => {
      const lockedNow = await recordFailure(tx, keys, now)
      await appendAudit(tx, { ...audit, at: now }, { action: 'login.failed', identifier, reason: 'bad_credentials' }, target)
      if (lockedNow) {
        const scope = (await lockedUntil(tx, [keys[0]!], now)) ? 'account' : 'ip'
        await appendAudit(tx, { ...audit, at: now }, { action: 'login.locked_out', scope, until: lockedNow.toISOString() }, target)
      }
    })
    // The 10th failure locks the key; the answer to it is still the ordinary failure, so the lock-out
    // is what the 11th attempt sees.
    return { kind: 'failed' }
  }

  if (user.status !== 'active') {
    await appendAudit(db, { ...audit, at: now, actorUserId: user.id }, { action: 'login.failed', identifier, reason: 'not_active' }, target)
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
