/**
 * Change password (use case): re-checks the current password, applies the policy, and ends every
 * other session of the account (ASVS V7.4.3); the caller gives the current device a new session id.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { checkNewPassword, hashPassword, type PasswordProblem } from './passwords.ts'
import { reauthenticate } from './reauthenticate.ts'
import type { Actor } from './permissions.ts'
import { deleteSessionsOfUser } from './sessions.repo.ts'
import { fullName, unsafeFindUserById, updateUser } from './users.repo.ts'

export type ChangePasswordResult = { kind: 'done' } | { kind: 'wrong_current' } | { kind: 'locked'; until: Date } | { kind: 'weak_password'; problem: PasswordProblem }

export async function changePassword(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; currentSid: string; current: string; next: string; ip: string; userAgent: string | undefined },
): Promise<ChangePasswordResult> {
  if (opts.actor.kind !== 'user') return { kind: 'wrong_current' }
  const db = deps.database.db
  // Throttled and audited like sign-in: a stolen session cannot be used to guess the password.
  const reauth = await reauthenticate(deps, { userId: opts.actor.id, password: opts.current, ip: opts.ip, userAgent: opts.userAgent })
  if (reauth.kind === 'locked') return reauth
  if (reauth.kind === 'wrong') return { kind: 'wrong_current' }
  const user = await unsafeFindUserById(db, opts.actor.id)
  if (!user) return { kind: 'wrong_current' }
  const policy = checkNewPassword(opts.next, [user.username, user.firstName, user.lastName, user.email.split('@')[0] ?? ''])
  if (policy.problem) return { kind: 'weak_password', problem: policy.problem }
  const passwordHash = await hashPassword(opts.next)
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now })
    await deleteSessionsOfUser(tx, user.id, opts.currentSid)
    await appendAudit(tx, { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'password.changed' }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
    await enqueueMail(tx, { template: 'password_changed_notice', to: user.email, locale: user.locale === 'en' ? 'en' : 'th', now, payload: { fullName: fullName(user), at: now.toISOString() } })
  })
  return { kind: 'done' }
}
