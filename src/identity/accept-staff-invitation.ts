/**
 * Accepting a staff invitation (use case): the one-time link (72 h, single use, stored hashed)
 * sets the password and activates the account; the address is proven by the link. The first
 * sign-in then asks for the password and sets up the authenticator app (staff cannot skip it).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { checkNewPassword, hashPassword, type PasswordProblem } from './passwords.ts'
import { consumeToken, peekToken } from './tokens.repo.ts'
import { unsafeFindUserById, updateUser, type User } from './users.repo.ts'

type Deps = Pick<AppDeps, 'database' | 'clock'>

/** The invited account behind a still-valid link (for the page that shows the form). */
export async function findInvitation(deps: Deps, token: string): Promise<Pick<User, 'username' | 'firstName' | 'lastName'> | undefined> {
  const peek = await peekToken(deps.database.db, token, 'staff_invite', deps.clock.now())
  const user = peek ? await unsafeFindUserById(deps.database.db, peek.userId) : undefined
  return user?.status === 'invited' ? { username: user.username, firstName: user.firstName, lastName: user.lastName } : undefined
}

export type AcceptInvitationResult = { kind: 'done'; username: string } | { kind: 'invalid' } | { kind: 'weak_password'; problem: PasswordProblem }

export async function acceptStaffInvitation(deps: Deps, opts: { token: string; password: string; ip: string; userAgent: string | undefined }): Promise<AcceptInvitationResult> {
  const db = deps.database.db
  const peek = await peekToken(db, opts.token, 'staff_invite', deps.clock.now())
  const user = peek ? await unsafeFindUserById(db, peek.userId) : undefined
  if (!user || user.status !== 'invited') return { kind: 'invalid' }
  const policy = checkNewPassword(opts.password, [user.username, user.firstName, user.lastName, user.email.split('@')[0] ?? ''])
  if (policy.problem) return { kind: 'weak_password', problem: policy.problem }
  const passwordHash = await hashPassword(opts.password) // outside the transaction
  const now = deps.clock.now()
  return db.transaction(async (tx) => {
    // Consumed inside the transaction: a second use of the same link finds nothing.
    const token = await consumeToken(tx, opts.token, 'staff_invite', now)
    const fresh = token ? await unsafeFindUserById(tx, token.userId) : undefined
    if (!token || !fresh || fresh.id !== user.id || fresh.status !== 'invited') return { kind: 'invalid' } as const
    await updateUser(tx, user.id, { status: 'active', passwordHash, passwordChangedAt: now, emailVerifiedAt: now, updatedAt: now })
    await appendAudit(tx, { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'user.invitation_accepted' }, { targetType: 'user', targetId: user.id })
    return { kind: 'done', username: user.username } as const
  })
}
