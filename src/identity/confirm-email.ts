/**
 * E-mail confirmation (use case). The first confirmed user of a business becomes its entity
 * administrator and can sign in; later registrants wait for that administrator (or an AMLO admin)
 * to approve them, and see nothing of the business until then. The business row is locked while
 * deciding, so two registrants confirming at once cannot both become administrator.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { findEntityById, lockEntity } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { consumeToken } from './tokens.repo.ts'
import { activeEntityAdmins, countConfirmedUsersOfEntity, fullName, unsafeFindUserById, updateUser } from './users.repo.ts'

export type ConfirmResult = { kind: 'invalid' } | { kind: 'entity_admin'; userId: string } | { kind: 'pending_approval'; userId: string }

export async function confirmEmail(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  opts: { token: string; ip: string; userAgent: string | undefined },
): Promise<ConfirmResult> {
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const token = await consumeToken(tx, opts.token, 'email_confirm', now)
    if (!token) return { kind: 'invalid' } as const
    const user = await unsafeFindUserById(tx, token.userId)
    if (!user || user.status !== 'pending_email' || !user.entityId) return { kind: 'invalid' } as const
    await lockEntity(tx, user.entityId)
    const admins = await activeEntityAdmins(tx, user.entityId)
    // "First confirmed user": if anyone else of this business ever confirmed (even if since
    // deactivated), a newcomer never becomes administrator by themselves — an admin approves.
    const confirmedBefore = await countConfirmedUsersOfEntity(tx, user.entityId, user.id)
    const audit = { at: now, actorUserId: user.id, actorRole: user.role, ip: opts.ip, userAgent: opts.userAgent }
    const target = { targetType: 'user' as const, targetId: user.id, entityId: user.entityId }
    await appendAudit(tx, audit, { action: 'user.email_confirmed' }, target)
    if (confirmedBefore === 0) {
      await updateUser(tx, user.id, { status: 'active', role: 'entity_admin', emailVerifiedAt: now, approvedAt: now, updatedAt: now })
      await appendAudit(tx, audit, { action: 'user.role_changed', from: 'entity_user', to: 'entity_admin' }, target)
      return { kind: 'entity_admin', userId: user.id } as const
    }
    await updateUser(tx, user.id, { status: 'pending_approval', emailVerifiedAt: now, updatedAt: now })
    const entity = await findEntityById(tx, user.entityId)
    const businessName = entity ? registeredName(entity.nameTh, entity.legalForm as LegalForm, 'th') : ''
    for (const admin of admins) {
      await enqueueMail(tx, {
        template: 'approval_needed',
        to: admin.email,
        locale: admin.locale === 'en' ? 'en' : 'th',
        now,
        payload: { approverName: fullName(admin), registrantName: fullName(user), registrantUsername: user.username, businessName, reviewUrl: `${deps.config.baseUrl}/portal/users` },
      })
    }
    return { kind: 'pending_approval', userId: user.id } as const
  })
}
