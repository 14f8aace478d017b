/** An admin signs an account out everywhere (use case; ASVS V7.4.5). Audited with the number ended. */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { getUserForAdmin, requireAdminActor } from './admin-users.ts'
import type { Actor } from './permissions.ts'
import { deleteSessionsOfUser } from './sessions.repo.ts'

export async function endUserSessions(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; userId: string; ip: string; userAgent: string | undefined }): Promise<number> {
  const actor = requireAdminActor(opts.actor)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const target = await getUserForAdmin(tx, actor, opts.userId)
    // Their own sessions: the account page lists them one by one and keeps this device.
    if (target.id === actor.id) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.notYourself' })
    const n = await deleteSessionsOfUser(tx, target.id)
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'session.revoked', sessionCount: n }, { targetType: 'user', targetId: target.id, entityId: target.entityId })
    return n
  })
}
