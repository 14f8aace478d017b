/**
 * An admin resets someone's two-step verification (use case): the secret and recovery codes go,
 * and every session of the account ends. Staff set up a new authenticator at their next sign-in
 * (still after the password: a reset never skips a factor, ASVS V6.4.3); entity users simply have
 * two-step verification off until they turn it on again.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { getUserForAdmin, requireAdminActor } from './admin-users.ts'
import type { Actor } from './permissions.ts'
import { deleteSessionsOfUser } from './sessions.repo.ts'
import { clearTotp } from './two-step.repo.ts'

export async function resetTwoStep(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; userId: string; ip: string; userAgent: string | undefined }): Promise<void> {
  const actor = requireAdminActor(opts.actor)
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    const target = await getUserForAdmin(tx, actor, opts.userId)
    if (target.id === actor.id) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.notYourself' })
    if (!target.totpEnabledAt) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.twoStepNotOn' })
    await clearTotp(tx, target.id, now)
    await deleteSessionsOfUser(tx, target.id)
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'totp.reset', byAdmin: true }, { targetType: 'user', targetId: target.id, entityId: target.entityId })
  })
}
