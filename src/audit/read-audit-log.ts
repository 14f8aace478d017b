/**
 * Reading the audit log (query; staff with audit:read:any): newest first, filtered by action and by
 * the account an event is about, keyset-paged by id (stable while new events arrive).
 */
import { isUuid, requireAdminActor, unsafeUserNames } from '#src/identity/admin-users.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { AuditAction } from './audit-events.model.ts'
import { listAudit, type AuditRow } from './audit.repo.ts'

export const AUDIT_PAGE_SIZE = 50

export type AuditLogPage = {
  rows: AuditRow[]
  /** Display names of the actors and target accounts on the page. */
  names: Map<string, { name: string; username: string }>
  /** The `before` cursor of the next (older) page, if there is one. */
  olderBefore?: number
}

/** The accounts an audit row names (actor, and the target when it is an account). */
export const userIdsOf = (rows: AuditRow[]) => rows.flatMap((r) => [r.actorUserId ?? '', r.targetType === 'user' ? (r.targetId ?? '') : '']).filter(isUuid)

export async function readAuditLog(
  deps: Pick<AppDeps, 'database'>,
  opts: { actor: Actor; action?: AuditAction; userId?: string; before?: number; limit?: number },
): Promise<AuditLogPage> {
  requireAdminActor(opts.actor, 'audit:read:any')
  const db = deps.database.db
  const limit = opts.limit ?? AUDIT_PAGE_SIZE
  const found = await listAudit(db, { action: opts.action, targetId: opts.userId, beforeId: opts.before, limit: limit + 1 })
  const rows = found.slice(0, limit)
  const names = await unsafeUserNames(db, userIdsOf(rows))
  return { rows, names, ...(found.length > limit ? { olderBefore: rows[rows.length - 1]!.id } : {}) }
}
