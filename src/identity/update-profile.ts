/**
 * Profile changes (use cases): telephone directly; e-mail only after re-entering the password
 * (ASVS V7.5.1) and opening a link sent to the NEW address; the OLD address is told afterwards.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { isUniqueViolation } from '#src/db/errors.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { emailKey, maskEmail } from './identity.rules.ts'
import { reauthenticate } from './reauthenticate.ts'
import type { Actor } from './permissions.ts'
import { consumeToken, createToken } from './tokens.repo.ts'
import { findUserByEmailKey, fullName, unsafeFindUserById, updateUser } from './users.repo.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>
type Meta = { ip: string; userAgent: string | undefined }

export async function changePhone(deps: Deps, opts: Meta & { actor: Actor; phone: string }): Promise<void> {
  if (opts.actor.kind !== 'user') return
  const actor = opts.actor
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    await updateUser(tx, actor.id, { phone: opts.phone, updatedAt: now })
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'profile.updated', fields: ['phone'] }, { targetType: 'user', targetId: actor.id, entityId: actor.entityId })
  })
}

export type EmailChangeResult = { kind: 'sent'; masked: string } | { kind: 'wrong_password' } | { kind: 'locked'; until: Date } | { kind: 'unavailable' }

export async function requestEmailChange(deps: Deps, opts: Meta & { actor: Actor; newEmail: string; password: string }): Promise<EmailChangeResult> {
  if (opts.actor.kind !== 'user') return { kind: 'wrong_password' }
  const db = deps.database.db
  const reauth = await reauthenticate(deps, { userId: opts.actor.id, password: opts.password, ip: opts.ip, userAgent: opts.userAgent })
  if (reauth.kind === 'locked') return reauth
  if (reauth.kind === 'wrong') return { kind: 'wrong_password' }
  const user = reauth.user
  const key = emailKey(opts.newEmail)
  const owner = await findUserByEmailKey(db, key)
  if (owner) return { kind: 'unavailable' }
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    const token = await createToken(tx, { userId: user.id, purpose: 'email_change', now, data: { email: opts.newEmail } })
    await appendAudit(tx, { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'email.change_requested' }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
    await enqueueMail(tx, {
      template: 'email_change',
      to: opts.newEmail,
      locale: user.locale === 'en' ? 'en' : 'th',
      now,
      payload: { fullName: fullName(user), confirmUrl: `${deps.config.baseUrl}/account/confirm-email-change/${token.raw}`, expiresAt: token.expiresAt.toISOString() },
    })
  })
  return { kind: 'sent', masked: maskEmail(opts.newEmail) }
}

export async function confirmEmailChange(deps: Deps, opts: Meta & { token: string }): Promise<'done' | 'invalid' | 'unavailable'> {
  const now = deps.clock.now()
  try {
    return await deps.database.db.transaction(async (tx) => {
      const token = await consumeToken(tx, opts.token, 'email_change', now)
      const newEmail = typeof token?.data?.email === 'string' ? token.data.email : undefined
      if (!token || !newEmail) return 'invalid' as const
      const user = await unsafeFindUserById(tx, token.userId)
      if (!user) return 'invalid' as const
      await updateUser(tx, user.id, { email: newEmail, emailKey: emailKey(newEmail), emailVerifiedAt: now, updatedAt: now })
      await appendAudit(tx, { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'email.changed' }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
      await enqueueMail(tx, { template: 'email_changed_notice', to: user.email, locale: user.locale === 'en' ? 'en' : 'th', now, payload: { fullName: fullName(user), newEmailMasked: maskEmail(newEmail) } })
      return 'done' as const
    })
  } catch (e) {
    if (isUniqueViolation(e)) return 'unavailable' // someone registered the address meanwhile
    throw e
  }
}
