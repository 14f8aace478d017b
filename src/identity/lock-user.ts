/**
 * An AMLO admin locks an account (use case): a security hold, distinct from deactivation. The
 * account cannot sign in (the sign-in page tells its owner to contact the admin), every session
 * ends at once, and only an AMLO admin can unlock it — not the business's own administrator.
 * Never the admin's own account, and never the last active admin.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { decideAdminAccountAction } from './account-status.rules.ts'
import { assertNotLastActiveAdmin, getUserForAdmin, requireAdminActor } from './admin-users.ts'
import type { UserStatus } from './identity.model.ts'
import type { Actor } from './permissions.ts'
import { deleteSessionsOfUser } from './sessions.repo.ts'
import { updateUser } from './users.repo.ts'

export type LockUserOptions = { actor: Actor; userId: string; reason: string; ip: string; userAgent: string | undefined }

export async function lockUser(deps: Pick<AppDeps, 'database' | 'clock'>, opts: LockUserOptions): Promise<{ sessionsEnded: number }> {
  const actor = requireAdminActor(opts.actor)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const target = await getUserForAdmin(tx, actor, opts.userId)
    const verdict = decideAdminAccountAction(target.status as UserStatus, 'lock', { self: target.id === actor.id })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    await assertNotLastActiveAdmin(tx, target)
    await updateUser(tx, target.id, { status: 'locked', lockedAt: now, lockedBy: actor.id, lockReason: opts.reason, updatedAt: now })
    const sessionsEnded = await deleteSessionsOfUser(tx, target.id)
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'user.locked', reason: opts.reason }, { targetType: 'user', targetId: target.id, entityId: target.entityId })
    return { sessionsEnded }
  })
}
