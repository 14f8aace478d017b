import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { jsonRowFor } from '#src/db/json-rows.ts'
import { auditLog } from './audit.tables.ts'
import { AuditEvent } from './audit-events.model.ts'

export type AuditContext = {
  at: Date
  actorUserId?: string | null
  actorRole?: string | null
  ip?: string | null
  userAgent?: string | null
}

export type AuditTarget = { targetType?: 'user' | 'entity' | 'session' | 'ticket' | 'assessment' | 'cycle' | 'questionnaire_version' | 'case' | 'plan'; targetId?: string | null; entityId?: string | null }

/**
 * appendAudit as a row written later, inside the COMMIT (validated now): submitAssessment's audit
 * row carries the receipt number, which is given out at commit (migration 0028).
 */
export function auditRowAtCommit(ctx: AuditContext, event: AuditEvent, target: AuditTarget = {}): { table: 'audit_log'; row: Record<string, unknown> } {
  return { table: 'audit_log', row: jsonRowFor(auditLog, auditValues(ctx, event, target)) }
}

/** Appends one event; call it inside the transaction of the change it records (R8). */
export async function appendAudit(db: DbOrTx, ctx: AuditContext, event: AuditEvent, target: AuditTarget = {}): Promise<void> {
  await db.insert(auditLog).values(auditValues(ctx, event, target))
}

/** The audit row of an event (validated). */
function auditValues(ctx: AuditContext, event: AuditEvent, target: AuditTarget): typeof auditLog.$inferInsert {
  const payload = AuditEvent.parse(event)
  return {
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
  }
}

export type AuditRow = typeof auditLog.$inferSelect

/** Filters of the audit viewer; every one optional. Text searches are already trimmed. */
export type AuditQuery = {
  targetId?: string
  actorUserId?: string
  action?: string
  /** Part of the actor's name, username or e-mail. */
  actorText?: string
  /** Part of a business's Thai or English name, or the start of its juristic number. */
  businessText?: string
  /** Instants: `at >= from` and `at < toExclusive`. */
  from?: Date
  toExclusive?: Date
}

/** `%text%` for ILIKE with the wildcards in the text escaped. */
const contains = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`

function auditWhere(args: AuditQuery): SQL[] {
  const where: SQL[] = []
  if (args.targetId) where.push(eq(auditLog.targetId, args.targetId))
  if (args.actorUserId) where.push(eq(auditLog.actorUserId, args.actorUserId))
  if (args.action) where.push(eq(auditLog.action, args.action))
  if (args.from) where.push(gte(auditLog.at, args.from))
  if (args.toExclusive) where.push(lt(auditLog.at, args.toExclusive))
  if (args.actorText) {
    const p = contains(args.actorText)
    where.push(
      inArray(
        auditLog.actorUserId,
        sql`(select ${users.id} from ${users} where (${users.firstName} || ' ' || ${users.lastName}) ilike ${p} or ${users.username} ilike ${p} or ${users.email} ilike ${p})`,
      ),
    )
  }
  if (args.businessText) {
    const p = contains(args.businessText)
    const digits = args.businessText.replace(/[\s-]/g, '')
    const byNumber = /^\d{1,13}$/.test(digits) ? sql` or ${reportingEntities.juristicId} like ${`${digits}%`}` : sql``
    const ids = sql`(select ${reportingEntities.id} from ${reportingEntities} where ${reportingEntities.nameTh} ilike ${p} or ${reportingEntities.nameEn} ilike ${p}${byNumber})`
    where.push(or(inArray(auditLog.entityId, ids), and(eq(auditLog.targetType, 'entity'), inArray(auditLog.targetId, sql`(select id::text from ${ids} as e(id))`)))!)
  }
  return where
}

/** Staff-only reading of the log (admin audit page and export); newest first, keyset-paged by id. */
export async function listAudit(db: DbOrTx, args: AuditQuery & { beforeId?: number; limit: number }): Promise<AuditRow[]> {
  const where = auditWhere(args)
  if (args.beforeId) where.push(lt(auditLog.id, args.beforeId))
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(args.limit)
}

export type EntityLabel = { nameTh: string; nameEn: string | null; legalForm: string; juristicId: string }

/** Names and juristic numbers of the businesses audit rows name (for the audit viewer). */
export async function unsafeEntityLabels(db: DbOrTx, ids: string[]): Promise<Map<string, EntityLabel>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = await db
    .select({ id: reportingEntities.id, nameTh: reportingEntities.nameTh, nameEn: reportingEntities.nameEn, legalForm: reportingEntities.legalForm, juristicId: reportingEntities.juristicId })
    .from(reportingEntities)
    .where(inArray(reportingEntities.id, unique))
  return new Map(rows.map(({ id, ...label }) => [id, label]))
}
