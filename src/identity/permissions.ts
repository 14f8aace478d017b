/**
 * The one typed policy table (house style R5). Permissions are `<resource>:<action>:<own|any>`;
 * `anonymous` marks an open page. Every route declares the permission it needs through
 * `requirePermission`, and a boot-time check refuses to start a server with an undeclared route.
 */
export const ROLES = ['entity_user', 'entity_admin', 'examiner', 'supervisor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  /** Own profile, password, e-mail, phone, sessions and two-step verification. */
  'account:update:own',
  /** The business portal (task list, questionnaire) of the user's own business. */
  'portal:access:own',
  /** An entity administrator manages the users of their own business. */
  'entity_users:manage:own',
  /** AMLO staff workspace. */
  'staff:access:any',
  /** Supervisor: approve or reject another officer's rating override (four eyes, domain.md §6.5). */
  'reviews:approve:any',
  /** Admin: every account — search, approve, deactivate, reset password or 2FA, end sessions. */
  'users:manage:any',
  /** Admin: invite staff and change staff roles. */
  'users:invite:any',
  /** Read the audit log. */
  'audit:read:any',
  /** Supervision cases (domain.md §8): propose plans, work cases, notes, requests, findings. */
  'cases:work:any',
  /** Supervisor: approve a supervision plan (opens its cases). */
  'cases:approve:any',
  /** Admin: import, preview, publish and delete questionnaire versions. */
  'questionnaires:manage:any',
  /** Admin: the business registry — add, edit, cease, import, merge duplicates. */
  'registry:manage:any',
  /** Admin: create, edit, open and close assessment cycles. */
  'cycles:manage:any',
  /** Supervisor and admin: extend a business's deadline, grant or refuse extension requests. */
  'extensions:decide:any',
  /** Admin: answer the technical support queue (help-form tickets about using the system). */
  'support_technical:answer:any',
  /** Examiner and supervisor: answer the supervision support queue (questions about the questionnaire). */
  'support_content:answer:any',
] as const
export type Permission = (typeof PERMISSIONS)[number]
export type RoutePermission = Permission | 'anonymous'

export const ROLE_PERMISSIONS = {
  entity_user: ['account:update:own', 'portal:access:own'],
  entity_admin: ['account:update:own', 'portal:access:own', 'entity_users:manage:own'],
  examiner: ['account:update:own', 'staff:access:any', 'support_content:answer:any', 'cases:work:any'],
  supervisor: ['account:update:own', 'staff:access:any', 'reviews:approve:any', 'audit:read:any', 'extensions:decide:any', 'support_content:answer:any', 'cases:work:any', 'cases:approve:any'],
  admin: ['account:update:own', 'staff:access:any', 'users:manage:any', 'users:invite:any', 'audit:read:any', 'questionnaires:manage:any', 'registry:manage:any', 'cycles:manage:any', 'extensions:decide:any', 'support_technical:answer:any'],
} as const satisfies Record<Role, readonly Permission[]>

/** Where each role lands after signing in. */
export const ROLE_HOME = {
  entity_user: '/portal',
  entity_admin: '/portal',
  examiner: '/staff',
  supervisor: '/staff',
  admin: '/admin',
} as const satisfies Record<Role, string>

export const STAFF_ROLES = ['examiner', 'supervisor', 'admin'] as const satisfies readonly Role[]
/** AMLO staff must use a second factor (TOTP) at every sign-in. */
export const isStaffRole = (role: Role) => (STAFF_ROLES as readonly Role[]).includes(role)

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; role: Role; entityId: string | null; displayName: string }

export const ANONYMOUS: Actor = { kind: 'anonymous' }

export function can(actor: Actor, permission: RoutePermission): boolean {
  if (permission === 'anonymous') return true
  if (actor.kind !== 'user') return false
  return (ROLE_PERMISSIONS[actor.role] as readonly Permission[]).includes(permission)
}
