/**
 * What the admin pages read about accounts (queries for admins only; house style R16: the
 * unscoped repository functions are used here and in admin use cases, nowhere else).
 */
import { isUuid } from '#src/platform/ids.ts'
import { inArray } from 'drizzle-orm'
import { listAudit, type AuditRow } from '#src/audit/audit.repo.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { USER_STATUSES, type UserStatus } from './identity.model.ts'
import { can, type Actor, type Permission, type Role } from './permissions.ts'
import { lastActiveAdminProblem } from './account-status.rules.ts'
import { listSessionsOfUser } from './sessions.repo.ts'
import { findThrottleCounter } from './throttle.repo.ts'
import { accountThrottleKey, throttleState, type ThrottleState } from './throttle.rules.ts'
import { countUnusedRecoveryCodes } from './two-step.repo.ts'
import { lockActiveAdminIds, unsafeCountUsersByStatus, unsafeFindUserById, unsafeSearchUsers, type User } from './users.repo.ts'
import { users } from './users.tables.ts'

export const ADMIN_PAGE_SIZE = 25

export function requireAdminActor(actor: Actor, permission: Permission = 'users:manage:any'): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, permission)) throw new AppError('FORBIDDEN', { messageKey: 'errors.page.forbidden.title' })
  return actor
}

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
export { isUuid }

/** Any account by id, for admins; NOT_FOUND otherwise. */
export async function getUserForAdmin(db: DbOrTx, actor: Actor, userId: string): Promise<User> {
  requireAdminActor(actor)
  const user = isUuid(userId) ? await unsafeFindUserById(db, userId) : undefined
  if (!user) throw notFound()
  return user
}

export async function searchUsersForAdmin(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; q?: string; status?: UserStatus; role?: Role; page: number },
) {
  requireAdminActor(opts.actor)
  const page = Math.max(1, opts.page)
  const result = await unsafeSearchUsers(deps.database.db, { q: opts.q, status: opts.status, role: opts.role, limit: ADMIN_PAGE_SIZE, offset: (page - 1) * ADMIN_PAGE_SIZE })
  const now = deps.clock.now()
  const rows = result.rows.map(({ throttleFailures, throttleWindowStart, throttleLockedUntil, total: _t, ...row }) => ({
    ...row,
    throttle: throttleState(throttleWindowStart ? { failures: throttleFailures ?? 0, windowStart: throttleWindowStart, lockedUntil: throttleLockedUntil } : undefined, now),
  }))
  return { rows, total: result.total, page, pages: Math.max(1, Math.ceil(result.total / ADMIN_PAGE_SIZE)) }
}
/** Accounts per status, and in all, for the admin home. */
export async function countUsersForAdmin(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<Record<UserStatus, number> & { total: number }> {
  requireAdminActor(opts.actor)
  const byStatus = await unsafeCountUsersByStatus(deps.database.db)
  const counts = Object.fromEntries(USER_STATUSES.map((s) => [s, byStatus.get(s) ?? 0])) as Record<UserStatus, number>
  return { ...counts, total: [...byStatus.values()].reduce((a, b) => a + b, 0) }
}

export type AdminUserRow = Awaited<ReturnType<typeof searchUsersForAdmin>>['rows'][number]

/**
 * Refuses a change that would leave no active admin (inside the caller's transaction; the admin
 * rows stay locked until it ends, so two admins cannot remove each other at once).
 */
export async function assertNotLastActiveAdmin(tx: DbOrTx, target: Pick<User, 'id' | 'role' | 'status'>): Promise<void> {
  if (target.role !== 'admin') return
  const problem = lastActiveAdminProblem(target, await lockActiveAdminIds(tx))
  if (problem) throw new AppError('INVALID_TRANSITION', { messageKey: problem })
}

export type AdminUserView = {
  user: Omit<User, 'passwordHash' | 'totpSecret'>
  entity: Awaited<ReturnType<typeof findEntityById>>
  recoveryCodesLeft: number
  activeSessions: number
  /** Failed sign-ins in the current 5-minute window, and the automatic lock-out if in force. */
  throttle: ThrottleState
  /** Who locked the account (a locked account only). */
  lockedByName: string | undefined
  events: AuditRow[]
  /** Display names of the accounts the events name. */
  names: Map<string, { name: string; username: string }>
}

/** One account with what an admin needs to act on it (never the password hash or the TOTP secret). */
export async function getAdminUserView(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; userId: string }): Promise<AdminUserView> {
  const db = deps.database.db
  const { passwordHash: _p, totpSecret: _s, ...user } = await getUserForAdmin(db, opts.actor, opts.userId)
  const entity = user.entityId ? await findEntityById(db, user.entityId) : undefined
  const recoveryCodesLeft = user.totpEnabledAt ? await countUnusedRecoveryCodes(db, user.id) : 0
  const activeSessions = (await listSessionsOfUser(db, user.id, deps.clock.now())).length
  const throttle = throttleState(await findThrottleCounter(db, { scope: 'account', key: accountThrottleKey(user.id) }), deps.clock.now())
  const events = await listAudit(db, { targetId: user.id, limit: 20 })
  const names = await unsafeUserNames(db, [user.id, user.lockedBy ?? '', ...events.flatMap((r) => [r.actorUserId ?? '', r.targetType === 'user' ? (r.targetId ?? '') : ''])])
  const lockedByName = user.lockedBy ? names.get(user.lockedBy)?.name : undefined
  return { user, entity, recoveryCodesLeft, activeSessions, throttle, lockedByName, events, names }
}

/** Display names of the given accounts (for the audit log). */
export async function unsafeUserNames(db: DbOrTx, ids: string[]): Promise<Map<string, { name: string; username: string }>> {
  const unique = [...new Set(ids.filter(isUuid))]
  if (!unique.length) return new Map()
  const rows = await db.select({ id: users.id, firstName: users.firstName, lastName: users.lastName, username: users.username }).from(users).where(inArray(users.id, unique))
  return new Map(rows.map((r) => [r.id, { name: `${r.firstName} ${r.lastName}`, username: r.username }]))
}
