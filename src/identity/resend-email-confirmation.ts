/**
 * An AMLO admin re-sends the registration e-mail of a business user who has not confirmed their
 * address (use case): a new 48-hour confirmation link (the old one stops working), the user name
 * and the service-request form, to the address the user registered with. Audited.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { decideAdminAccountAction } from './account-status.rules.ts'
import { getUserForAdmin, requireAdminActor } from './admin-users.ts'
import type { UserStatus } from './identity.model.ts'
import type { Actor } from './permissions.ts'
import { enqueueRegistrationMail } from './register-user.ts'
import { createToken } from './tokens.repo.ts'

export async function resendEmailConfirmation(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  opts: { actor: Actor; userId: string; ip: string; userAgent: string | undefined },
): Promise<void> {
  const actor = requireAdminActor(opts.actor)
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    const user = await getUserForAdmin(tx, actor, opts.userId)
    const verdict = decideAdminAccountAction(user.status as UserStatus, 'resend_confirmation', { self: user.id === actor.id })
    const entity = verdict.ok && user.entityId ? await findEntityById(tx, user.entityId) : undefined
    if (!verdict.ok || !entity) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.ok ? 'account.users.notAllowed' : verdict.messageKey })
    const token = await createToken(tx, { userId: user.id, purpose: 'email_confirm', now })
    await enqueueRegistrationMail(tx, { user, entity, token, base: deps.config.baseUrl, now })
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'user.confirmation_resent' }, { targetType: 'user', targetId: user.id, entityId: user.entityId })
  })
}
