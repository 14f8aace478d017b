/**
 * The one typed policy table (house style R5). Permissions are `<resource>:<action>:<own|any>`;
 * `anonymous` marks an open page. Every route declares the permission it needs through
 * `requirePermission`, and a boot-time check refuses to start a server with an undeclared route.
 */
export const ROLES = ['entity_user', 'entity_admin', 'examiner', 'supervisor', 'admin'] as const
export type Role = (typeof ROLES)[number]

export const PERMISSIONS = [
  'account:read:own',
] as const
export type Permission = (typeof PERMISSIONS)[number]
export type RoutePermission = Permission | 'anonymous'

export const ROLE_PERMISSIONS = {
  entity_user: ['account:read:own'],
  entity_admin: ['account:read:own'],
  examiner: ['account:read:own'],
  supervisor: ['account:read:own'],
  admin: ['account:read:own'],
} as const satisfies Record<Role, readonly Permission[]>

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'user'; id: string; role: Role; entityId: string | null; displayName: string }

export const ANONYMOUS: Actor = { kind: 'anonymous' }

export function can(actor: Actor, permission: RoutePermission): boolean {
  if (permission === 'anonymous') return true
  if (actor.kind !== 'user') return false
  return (ROLE_PERMISSIONS[actor.role] as readonly Permission[]).includes(permission)
}
