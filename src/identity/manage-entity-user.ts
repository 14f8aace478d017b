/**
 * Approving, deactivating and reactivating a business's users (use cases). An entity
 * administrator acts only on users of their own business (scoped query: another business's user
 * is "not found"); an AMLO admin acts on any, staff accounts (no business) included. Deactivation
 * ends the user's sessions at once.
 */
import { isUuid } from '#src/platform/ids.ts'
import { appendAudit } from '#src/audit/audit.repo.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { assertNotLastActiveAdmin } from './admin-users.ts'
import { can, type Actor } from './permissions.ts'
import { deleteSessionsOfUser } from './sessions.repo.ts'
import { findUserOfActorEntity, fullName, unsafeFindUserById, updateUser, type UserSummary } from './users.repo.ts'

export type ManageAction = 'approve' | 'deactivate' | 'reactivate'
type Opts = { actor: Actor; userId: string; action: ManageAction; ip: string; userAgent: string | undefined }

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

async function loadTarget(db: DbOrTx, actor: Actor, userId: string): Promise<UserSummary | undefined> {
  if (can(actor, 'users:manage:any')) return unsafeFindUserById(db, userId)
  if (can(actor, 'entity_users:manage:own')) return findUserOfActorEntity(db, actor, userId)
  return undefined
}

const ALLOWED_FROM = {
  approve: ['pending_approval'],
  deactivate: ['active', 'pending_approval', 'pending_email', 'invited', 'locked'],
  reactivate: ['deactivated'],
} as const satisfies Record<ManageAction, readonly string[]>

export async function manageEntityUser(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: Opts): Promise<void> {
  const { actor } = opts
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!isUuid(opts.userId)) throw notFound()
  const now = deps.clock.now()
  const refused = async () => {
    // A user of another business (or none) is "not found" for the actor; the attempt is on record.
    await appendAudit(deps.database.db, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'access.denied', permission: 'entity_users:manage:own', url: `user:${opts.userId}:${opts.action}` }, { targetType: 'user', targetId: opts.userId, entityId: actor.entityId })
    return notFound()
  }
  // Staff accounts have no business: only an AMLO admin may act on them.
  const visible = (u: UserSummary | undefined): u is UserSummary => !!u && (!!u.entityId || can(actor, 'users:manage:any'))
  if (!visible(await loadTarget(deps.database.db, actor, opts.userId))) throw await refused()
  await deps.database.db.transaction(async (tx) => {
    const target = await loadTarget(tx, actor, opts.userId)
    if (!visible(target)) throw notFound()
    if (target.id === actor.id) throw new AppError('INVALID_TRANSITION', { messageKey: 'account.users.notYourself' })
    // A locked account (an AMLO security hold) is for AMLO admins alone.
    const lockedForActor = target.status === 'locked' && !can(actor, 'users:manage:any')
    if (lockedForActor || !(ALLOWED_FROM[opts.action] as readonly string[]).includes(target.status)) {
      throw new AppError('INVALID_TRANSITION', { messageKey: 'account.users.notAllowed' })
    }
    const audit = { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }
    const where = { targetType: 'user' as const, targetId: target.id, entityId: target.entityId }
    switch (opts.action) {
      case 'approve': {
        await updateUser(tx, target.id, { status: 'active', approvedBy: actor.id, approvedAt: now, updatedAt: now })
        await appendAudit(tx, audit, { action: 'user.approved', approvedBy: actor.id }, where)
        const entity = target.entityId ? await findEntityById(tx, target.entityId) : undefined
        await enqueueMail(tx, {
          template: 'account_approved',
          to: target.email,
          locale: target.locale === 'en' ? 'en' : 'th',
          now,
          payload: {
            fullName: fullName(target),
            businessName: entity ? registeredName(entity.nameTh, entity.legalForm as LegalForm, 'th') : '',
            loginUrl: `${deps.config.baseUrl}/auth/login`,
          },
        })
        return
      }
      case 'deactivate':
        await assertNotLastActiveAdmin(tx, target)
        await updateUser(tx, target.id, { status: 'deactivated', updatedAt: now })
        await deleteSessionsOfUser(tx, target.id)
        await appendAudit(tx, audit, { action: 'user.deactivated' }, where)
        return
      case 'reactivate':
        // An address that was never confirmed still has to be confirmed (staff: by accepting the
        // invitation); an account deactivated while locked stays locked until an AMLO admin unlocks it.
        await updateUser(tx, target.id, { status: target.lockedAt ? 'locked' : target.emailVerifiedAt ? 'active' : target.entityId ? 'pending_email' : 'invited', updatedAt: now })
        await appendAudit(tx, audit, { action: 'user.reactivated' }, where)
        return
    }
  })
}
