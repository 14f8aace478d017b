import { and, desc, eq, lt, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { auditLog } from './audit.tables.ts'
import { AuditEvent } from './audit-events.model.ts'

export type AuditContext = {
  at: Date
  actorUserId?: string | null
  actorRole?: string | null
  ip?: string | null
  userAgent?: string | null
}

export type AuditTarget = { targetType?: 'user' | 'entity' | 'session' | 'ticket' | 'assessment' | 'cycle'; targetId?: string | null; entityId?: string | null }

/** Appends one event; call it inside the transaction of the change it records (R8). */
export async function appendAudit(db: DbOrTx, ctx: AuditContext, event: AuditEvent, target: AuditTarget = {}): Promise<void> {
  const payload = AuditEvent.parse(event)
  await db.insert(auditLog).values({
    at: ctx.at,
    action: payload.action,
    actorUserId: ctx.actorUserId ?? null,
    actorRole: ctx.actorRole ?? null,
    targetType: target.targetType ?? null,
    targetId: target.targetId ?? null,
    entityId: target.entityId ?? null,
    ip: ctx.ip?.slice(0, 100) ?? null,
    userAgent: ctx.userAgent?.slice(0, 300) ?? null,
    payload,
  })
}

export type AuditRow = typeof auditLog.$inferSelect

/** Staff-only reading of the log (admin audit page); newest first, keyset-paged by id. */
export async function listAudit(
  db: DbOrTx,
  args: { targetId?: string; actorUserId?: string; action?: string; beforeId?: number; limit: number },
): Promise<AuditRow[]> {
  const where: SQL[] = []
  if (args.targetId) where.push(eq(auditLog.targetId, args.targetId))
  if (args.actorUserId) where.push(eq(auditLog.actorUserId, args.actorUserId))
  if (args.action) where.push(eq(auditLog.action, args.action))
  if (args.beforeId) where.push(lt(auditLog.id, args.beforeId))
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(args.limit)
}
