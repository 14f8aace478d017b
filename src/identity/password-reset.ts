/**
 * Forgotten password (use cases): a reset link by user name or e-mail — the same answer whether or
 * not the account exists — single use, valid 30 minutes, stored hashed. An admin-initiated reset
 * sends the same link. Using it sets the new password and ends every session of the account; the
 * second factor is still asked at the next sign-in (a reset never bypasses MFA).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { normaliseUsername } from './identity.rules.ts'
import { checkNewPassword, hashPassword, type PasswordProblem } from './passwords.ts'
import type { Actor } from './permissions.ts'
import { deleteSessionsOfUser } from './sessions.repo.ts'
import { lockedUntil, recordFailure } from './throttle.repo.ts'
import { consumeToken, createToken, peekToken } from './tokens.repo.ts'
import { findUserByIdentifier, fullName, unsafeFindUserById, updateUser, type User } from './users.repo.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>
type RequestMeta = { ip: string; userAgent: string | undefined }

/** Statuses that may get a reset link: everyone who can (or will be able to) sign in. */
const RESETTABLE = new Set(['active', 'pending_approval'])

/** Always resolves the same way for the caller; reports `throttled` only to slow down floods. */
export async function requestPasswordReset(deps: Deps, opts: RequestMeta & { identifier: string }): Promise<'sent' | 'throttled'> {
  const db = deps.database.db
  const now = deps.clock.now()
  const key = normaliseUsername(opts.identifier).slice(0, 254)
  const keys = [
    { scope: 'reset_account' as const, key },
    { scope: 'reset_ip' as const, key: opts.ip },
  ]
  if (await lockedUntil(db, keys, now)) return 'throttled'
  // Every request counts towards the limit (10 per 5 minutes per account and per address).
  await recordFailure(db, keys, now)
  const user = await findUserByIdentifier(db, key)
  if (!user || !RESETTABLE.has(user.status)) return 'sent'
  await sendResetLink(deps, user, { ...opts, byAdmin: false, actor: undefined })
  return 'sent'
}

/** Admin-initiated reset: the same link to the account's own address (never shown to the admin). */
export async function adminSendPasswordReset(deps: Deps, opts: RequestMeta & { actor: Actor; userId: string }): Promise<boolean> {
  const user = await unsafeFindUserById(deps.database.db, opts.userId)
  if (!user || !RESETTABLE.has(user.status)) return false
  await sendResetLink(deps, user, { ...opts, byAdmin: true })
  return true
}

async function sendResetLink(deps: Deps, user: User, opts: RequestMeta & { byAdmin: boolean; actor: Actor | undefined }) {
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    const token = await createToken(tx, { userId: user.id, purpose: 'password_reset', now })
    const actor = opts.actor?.kind === 'user' ? opts.actor : undefined
    await appendAudit(tx, { at: now, actorUserId: actor?.id ?? null, actorRole: actor?.role ?? null, ip: opts.ip, userAgent: opts.userAgent }, { action: 'password.reset_requested', byAdmin: opts.byAdmin }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
    await enqueueMail(tx, {
      template: 'password_reset',
      to: user.email,
      locale: user.locale === 'en' ? 'en' : 'th',
      now,
      payload: { fullName: fullName(user), resetUrl: `${deps.config.baseUrl}/auth/reset-password/${token.raw}`, expiresAt: token.expiresAt.toISOString(), byAdmin: opts.byAdmin },
    })
  })
}

export async function isResetLinkValid(deps: Deps, token: string): Promise<boolean> {
  return !!(await peekToken(deps.database.db, token, 'password_reset', deps.clock.now()))
}

export type ResetResult = { kind: 'done' } | { kind: 'invalid' } | { kind: 'weak_password'; problem: PasswordProblem }

export async function resetPassword(deps: Deps, opts: RequestMeta & { token: string; password: string }): Promise<ResetResult> {
  const db = deps.database.db
  const peek = await peekToken(db, opts.token, 'password_reset', deps.clock.now())
  if (!peek) return { kind: 'invalid' }
  const user = await unsafeFindUserById(db, peek.userId)
  if (!user) return { kind: 'invalid' }
  const policy = checkNewPassword(opts.password, [user.username, user.firstName, user.lastName, user.email.split('@')[0] ?? ''])
  if (policy.problem) return { kind: 'weak_password', problem: policy.problem }
  const passwordHash = await hashPassword(opts.password)
  const now = deps.clock.now()
  return db.transaction(async (tx) => {
    // Consumed inside the transaction: a second use of the same link finds nothing.
    const token = await consumeToken(tx, opts.token, 'password_reset', now)
    if (!token || token.userId !== user.id) return { kind: 'invalid' } as const
    await updateUser(tx, user.id, { passwordHash, passwordChangedAt: now, updatedAt: now })
    await deleteSessionsOfUser(tx, user.id)
    await appendAudit(tx, { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'password.reset_used' }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
    await enqueueMail(tx, { template: 'password_changed_notice', to: user.email, locale: user.locale === 'en' ? 'en' : 'th', now, payload: { fullName: fullName(user), at: now.toISOString() } })
    return { kind: 'done' } as const
  })
}
