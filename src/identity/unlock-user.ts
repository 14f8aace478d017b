/**
 * An AMLO admin unlocks an account (use case): a locked account becomes active again, and the
 * account's failed sign-in counter is cleared (which also lifts an automatic 5-minute lock-out
 * after too many wrong passwords). Each part is audited; with nothing to undo it is refused.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { getUserForAdmin, requireAdminActor } from './admin-users.ts'
import type { Actor } from './permissions.ts'
import { clearFailures, findThrottleCounter } from './throttle.repo.ts'
import { accountThrottleKey, throttleState } from './throttle.rules.ts'
import { updateUser } from './users.repo.ts'

export type UnlockOutcome = { unlocked: boolean; failuresCleared: number }

export async function unlockUser(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; userId: string; ip: string; userAgent: string | undefined }): Promise<UnlockOutcome> {
  const actor = requireAdminActor(opts.actor)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const target = await getUserForAdmin(tx, actor, opts.userId)
    if (target.id === actor.id) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.notYourself' })
    const key = { scope: 'account' as const, key: accountThrottleKey(target.id) }
    const throttle = throttleState(await findThrottleCounter(tx, key), now)
    const unlocked = target.status === 'locked'
    if (!unlocked && throttle.failures === 0 && !throttle.lockedUntil) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.nothingToUnlock' })
    const audit = { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }
    const where = { targetType: 'user' as const, targetId: target.id, entityId: target.entityId }
    if (unlocked) {
      await updateUser(tx, target.id, { status: 'active', lockedAt: null, lockedBy: null, lockReason: null, updatedAt: now })
      await appendAudit(tx, audit, { action: 'user.unlocked' }, where)
    }
    if (throttle.failures > 0 || throttle.lockedUntil) {
      await clearFailures(tx, [key])
      await appendAudit(tx, audit, { action: 'login.throttle_cleared', failures: throttle.failures }, where)
    }
    return { unlocked, failuresCleared: throttle.failures }
  })
}
