/**
 * An admin changes the role of a STAFF account among examiner, supervisor and admin (use case).
 * Entity roles are never given or taken here (a business's users belong to a business), and an
 * admin cannot change their own role (no self-demotion, no self-promotion), and the last active
 * admin keeps the admin role.
 * The new role applies from the account's next request (the actor is loaded per request).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { assertNotLastActiveAdmin, getUserForAdmin, requireAdminActor } from './admin-users.ts'
import { isStaffRole, type Actor, type Role } from './permissions.ts'
import type { StaffRole } from './staff-invitation.rules.ts'
import { updateUser } from './users.repo.ts'

export async function changeStaffRole(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; userId: string; role: StaffRole; ip: string; userAgent: string | undefined },
): Promise<'changed' | 'unchanged'> {
  const actor = requireAdminActor(opts.actor, 'users:invite:any')
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const target = await getUserForAdmin(tx, actor, opts.userId)
    if (target.id === actor.id) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.notYourself' })
    if (!isStaffRole(target.role as Role) || !isStaffRole(opts.role)) throw new AppError('INVALID_TRANSITION', { messageKey: 'admin.user.staffOnly' })
    if (target.role === opts.role) return 'unchanged'
    await assertNotLastActiveAdmin(tx, target)
    await updateUser(tx, target.id, { role: opts.role, updatedAt: now })
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'user.role_changed', from: target.role, to: opts.role }, { targetType: 'user', targetId: target.id })
    return 'changed'
  })
}
