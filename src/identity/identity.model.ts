/**
 * Accounts: roles come from permissions.ts; statuses are the account lifecycle.
 *   pending_email    registered, e-mail not yet confirmed (cannot sign in)
 *   pending_approval confirmed, waiting for the business's entity administrator or an AMLO admin
 *   invited          staff account created by an admin; the invitation link sets the password
 *   active           may sign in
 *   deactivated      may not sign in; sessions ended (account closed: the person left or no longer
 *                    acts for the business; the business's own administrator may reactivate it)
 *   locked           may not sign in; sessions ended: an AMLO security hold on an active account
 *                    (locked_at, locked_by, lock_reason say when, who and why); only an AMLO admin
 *                    unlocks it, back to active. Signing in tells the user to contact the admin.
 */
export const USER_STATUSES = ['pending_email', 'pending_approval', 'invited', 'active', 'deactivated', 'locked'] as const
export type UserStatus = (typeof USER_STATUSES)[number]

export const TOKEN_PURPOSES = ['email_confirm', 'password_reset', 'staff_invite', 'email_change'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]

/** Lifetimes of one-time links (issue 3): confirmation 48 h, reset 30 min, invitation 72 h. */
export const TOKEN_TTL_MS = {
  email_confirm: 48 * 3600_000,
  password_reset: 30 * 60_000,
  staff_invite: 72 * 3600_000,
  email_change: 48 * 3600_000,
} as const satisfies Record<TokenPurpose, number>

export const TITLES = ['mr', 'mrs', 'ms', 'other'] as const
export type Title = (typeof TITLES)[number]
