/**
 * What an AMLO admin may do to an account in each status (house style R6: data plus pure
 * functions), and the "last active admin" rule. The admin pages pick their buttons from
 * ADMIN_ACCOUNT_ACTIONS; the use cases decide with decideAdminAccountAction, so both agree.
 * Pinned by account-status.rules.test.ts.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { UserStatus } from './identity.model.ts'

export const ADMIN_ACCOUNT_ACTIONS_LIST = ['approve', 'resend_confirmation', 'lock', 'unlock', 'deactivate', 'reactivate'] as const
export type AdminAccountAction = (typeof ADMIN_ACCOUNT_ACTIONS_LIST)[number]

/**
 * Lock is a security hold on an account that can sign in (active); deactivation closes an account
 * in any open status. A locked account may also be deactivated (it then stays locked if reactivated).
 */
export const ADMIN_ACCOUNT_ACTIONS = {
  pending_email: ['resend_confirmation', 'deactivate'],
  pending_approval: ['approve', 'deactivate'],
  invited: ['deactivate'],
  active: ['lock', 'deactivate'],
  deactivated: ['reactivate'],
  locked: ['unlock', 'deactivate'],
} as const satisfies Record<UserStatus, readonly AdminAccountAction[]>

export type Verdict = { ok: true } | { ok: false; messageKey: MessageKey }

/** Whether an admin may take `action` on an account in `status` (the actor's own account never). */
export function decideAdminAccountAction(status: UserStatus, action: AdminAccountAction, ctx: { self: boolean }): Verdict {
  if (ctx.self) return { ok: false, messageKey: 'admin.user.notYourself' }
  if (!(ADMIN_ACCOUNT_ACTIONS[status] as readonly AdminAccountAction[]).includes(action)) return { ok: false, messageKey: 'account.users.notAllowed' }
  return { ok: true }
}

/**
 * At least one active admin must remain: an active admin cannot be deactivated, locked or given
 * another role when no other active admin exists. `activeAdminIds` are all active admins now.
 */
export function lastActiveAdminProblem(target: { id: string; role: string; status: string }, activeAdminIds: readonly string[]): MessageKey | undefined {
  if (target.role !== 'admin' || target.status !== 'active') return undefined
  return activeAdminIds.some((id) => id !== target.id) ? undefined : 'admin.user.lastAdmin'
}
