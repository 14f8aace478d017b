/** Re-sending a staff invitation (use case; admins only): a new 72-hour link; the old one stops working. */
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { Actor } from './permissions.ts'
import { requireInviter, sendInvitation } from './invite-staff.ts'
import { unsafeFindUserById } from './users.repo.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>

/** A new link for an account still waiting for its invitation to be accepted; the old link stops working. */
export async function resendStaffInvitation(deps: Deps, opts: { ip: string; userAgent: string | undefined; actor: Actor; userId: string }): Promise<void> {
  const inviter = requireInviter(opts.actor)
  await deps.database.db.transaction(async (tx) => {
    const user = isUuid(opts.userId) ? await unsafeFindUserById(tx, opts.userId) : undefined
    if (!user) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
    if (user.status !== 'invited') throw new AppError('INVALID_TRANSITION', { messageKey: 'account.users.notAllowed' })
    await sendInvitation(tx, deps, user, inviter, { ip: opts.ip, userAgent: opts.userAgent }, true)
  })
}
