/**
 * Repository of assessment cycles as admins manage them, and of deadline extensions (R16).
 * Cycles are not tenant data. Extension reads that take an `entityId` are a business's own rows;
 * the `unsafe…` and list functions serve staff use cases, which check the actor first.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { preparedQuery } from '#src/db/prepared.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { assessmentCycles, assessments } from '#src/submissions/submissions.tables.ts'
import type { Cycle } from '#src/submissions/submissions.repo.ts'
import type { CycleStatus } from './cycle-status.rules.ts'
import type { ExtensionStatus } from './deadline.rules.ts'
import { deadlineExtensions } from './cycles.tables.ts'

export type CycleListRow = {
  id: string
  code: string
  nameTh: string
  nameEn: string
  status: CycleStatus
  definitionVersion: string
  opensAt: Date
  deadline: Date
  periodStart: string
  periodEnd: string
  assessments: number
  submitted: number
  pendingExtensions: number
}

/**
 * The cycle row's id for correlated subqueries, table-qualified: in a one-table select Drizzle
 * writes a bare "id", which inside a subquery would mean the subquery's own id (as in insights.repo.ts).
 */
const CYCLE_ID = sql`${sql.identifier('assessment_cycles')}.${sql.identifier('id')}`

/** Every cycle, newest first, with how many businesses started it and how many submitted. */
export async function listCyclesWithCounts(db: DbOrTx): Promise<CycleListRow[]> {
  const rows = await db
    .select({
      id: assessmentCycles.id,
      code: assessmentCycles.code,
      nameTh: assessmentCycles.nameTh,
      nameEn: assessmentCycles.nameEn,
      status: assessmentCycles.status,
      definitionVersion: assessmentCycles.definitionVersion,
      opensAt: assessmentCycles.opensAt,
      deadline: assessmentCycles.deadline,
      periodStart: assessmentCycles.periodStart,
      periodEnd: assessmentCycles.periodEnd,
      assessments: sql<number>`(select count(*) from ${assessments} a where a.cycle_id = ${CYCLE_ID})::int`.mapWith(Number),
      submitted: sql<number>`(select count(*) from ${assessments} a where a.cycle_id = ${CYCLE_ID} and a.submitted_versions > 0)::int`.mapWith(Number),
      pendingExtensions: sql<number>`(select count(*) from ${deadlineExtensions} x where x.cycle_id = ${CYCLE_ID} and x.status = 'requested')::int`.mapWith(Number),
    })
    .from(assessmentCycles)
    .orderBy(desc(assessmentCycles.opensAt), desc(assessmentCycles.code))
  return rows.map((r) => ({ ...r, status: r.status as CycleStatus }))
}

export async function countAssessmentsOfCycle(db: DbOrTx, cycleId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(assessments)
    .where(eq(assessments.cycleId, cycleId))
  return row?.n ?? 0
}

/** Locks the cycle row until the transaction ends. */
export async function lockCycle(tx: DbOrTx, code: string): Promise<Cycle | undefined> {
  const [row] = await tx.select().from(assessmentCycles).where(eq(assessmentCycles.code, code)).for('update')
  return row
}

export async function updateCycle(
  tx: DbOrTx,
  id: string,
  patch: Partial<Pick<typeof assessmentCycles.$inferInsert, 'nameTh' | 'nameEn' | 'definitionVersion' | 'opensAt' | 'deadline' | 'periodStart' | 'periodEnd' | 'status' | 'statusChangedAt'>>,
): Promise<Cycle> {
  const [row] = await tx.update(assessmentCycles).set(patch).where(eq(assessmentCycles.id, id)).returning()
  return row!
}

// ---------------------------------------------------------------------------------------------
// Deadline extensions.

export type ExtensionRow = Omit<typeof deadlineExtensions.$inferSelect, 'status'> & { status: ExtensionStatus }
const asExtension = (row: typeof deadlineExtensions.$inferSelect): ExtensionRow => row as ExtensionRow

/** The business's latest GRANTED extension of the cycle (the one that sets its deadline). */
const grantedExtension = preparedQuery((db) =>
  db
    .select()
    .from(deadlineExtensions)
    .where(and(eq(deadlineExtensions.entityId, sql.placeholder('entityId')), eq(deadlineExtensions.cycleId, sql.placeholder('cycleId')), eq(deadlineExtensions.status, 'granted')))
    .orderBy(desc(deadlineExtensions.decidedAt), desc(deadlineExtensions.createdAt))
    .limit(1)
    .prepare('granted_extension'),
)

export async function findGrantedExtension(db: DbOrTx, entityId: string, cycleId: string): Promise<ExtensionRow | undefined> {
  const [row] = await grantedExtension(db, { entityId, cycleId })
  return row && asExtension(row)
}

/** The business's latest extension row of the cycle, whatever its status (what its task list shows). */
export async function findLatestExtension(db: DbOrTx, entityId: string, cycleId: string): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .select()
    .from(deadlineExtensions)
    .where(and(eq(deadlineExtensions.entityId, entityId), eq(deadlineExtensions.cycleId, cycleId)))
    .orderBy(desc(deadlineExtensions.createdAt), desc(deadlineExtensions.id))
    .limit(1)
  return row && asExtension(row)
}

export async function findPendingExtension(db: DbOrTx, entityId: string, cycleId: string): Promise<ExtensionRow | undefined> {
  const [row] = await db
    .select()
    .from(deadlineExtensions)
    .where(and(eq(deadlineExtensions.entityId, entityId), eq(deadlineExtensions.cycleId, cycleId), eq(deadlineExtensions.status, 'requested')))
    .limit(1)
  return row && asExtension(row)
}

/** Staff only — callers check the actor's permission. Locks the row until the transaction ends. */
export async function unsafeLockExtension(tx: DbOrTx, id: string): Promise<ExtensionRow | undefined> {
  const [row] = await tx.select().from(deadlineExtensions).where(eq(deadlineExtensions.id, id)).for('update')
  return row && asExtension(row)
}

/** Inserts a request; undefined when the business already has a pending one (unique index). */
export async function insertExtensionRequest(tx: DbOrTx, values: typeof deadlineExtensions.$inferInsert): Promise<ExtensionRow | undefined> {
  const [row] = await tx.insert(deadlineExtensions).values(values).onConflictDoNothing().returning()
  return row && asExtension(row)
}

export async function insertExtension(tx: DbOrTx, values: typeof deadlineExtensions.$inferInsert): Promise<ExtensionRow> {
  const [row] = await tx.insert(deadlineExtensions).values(values).returning()
  return asExtension(row!)
}

export async function updateExtension(
  tx: DbOrTx,
  id: string,
  patch: Pick<typeof deadlineExtensions.$inferInsert, 'status' | 'grantedDeadline' | 'decisionReason' | 'decidedBy' | 'decidedAt'>,
): Promise<ExtensionRow> {
  const [row] = await tx.update(deadlineExtensions).set(patch).where(eq(deadlineExtensions.id, id)).returning()
  return asExtension(row!)
}

export type ExtensionListRow = {
  id: string
  status: ExtensionStatus
  cycleCode: string
  cycleDeadline: Date
  entityId: string
  nameTh: string
  nameEn: string | null
  legalForm: string
  juristicId: string
  requestedDeadline: Date | null
  requestReason: string | null
  requestedAt: Date | null
  requesterName: string | null
  grantedDeadline: Date | null
  decisionReason: string | null
  decidedAt: Date | null
}

const requester = sql<string | null>`(select u.first_name || ' ' || u.last_name from ${users} u where u.id = ${deadlineExtensions.requestedBy})`

/** An extension as staff see it: with its cycle, business and requester (list and detail pages). */
const EXTENSION_VIEW = {
  id: deadlineExtensions.id,
  status: deadlineExtensions.status,
  cycleCode: assessmentCycles.code,
  cycleDeadline: assessmentCycles.deadline,
  entityId: reportingEntities.id,
  nameTh: reportingEntities.nameTh,
  nameEn: reportingEntities.nameEn,
  legalForm: reportingEntities.legalForm,
  juristicId: reportingEntities.juristicId,
  requestedDeadline: deadlineExtensions.requestedDeadline,
  requestReason: deadlineExtensions.requestReason,
  requestedAt: deadlineExtensions.requestedAt,
  requesterName: requester,
  grantedDeadline: deadlineExtensions.grantedDeadline,
  decisionReason: deadlineExtensions.decisionReason,
  decidedAt: deadlineExtensions.decidedAt,
}

/** Staff only: extensions with their business, pending requests oldest first (optionally of one status / cycle). */
export async function unsafeListExtensions(db: DbOrTx, args: { status?: ExtensionStatus; cycleId?: string; limit: number }): Promise<ExtensionListRow[]> {
  const where = [args.status ? eq(deadlineExtensions.status, args.status) : undefined, args.cycleId ? eq(deadlineExtensions.cycleId, args.cycleId) : undefined].filter((w) => w !== undefined)
  const rows = await db
    .select(EXTENSION_VIEW)
    .from(deadlineExtensions)
    .innerJoin(assessmentCycles, eq(assessmentCycles.id, deadlineExtensions.cycleId))
    .innerJoin(reportingEntities, eq(reportingEntities.id, deadlineExtensions.entityId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(args.status === 'requested' ? asc(deadlineExtensions.requestedAt) : desc(deadlineExtensions.createdAt), asc(deadlineExtensions.id))
    .limit(args.limit)
  return rows.map((r) => ({ ...r, status: r.status as ExtensionStatus }))
}

/** Staff only: one extension with its business and cycle. */
export async function unsafeFindExtensionView(db: DbOrTx, id: string): Promise<ExtensionListRow | undefined> {
  const [row] = await db
    .select(EXTENSION_VIEW)
    .from(deadlineExtensions)
    .innerJoin(assessmentCycles, eq(assessmentCycles.id, deadlineExtensions.cycleId))
    .innerJoin(reportingEntities, eq(reportingEntities.id, deadlineExtensions.entityId))
    .where(eq(deadlineExtensions.id, id))
    .limit(1)
  return row && { ...row, status: row.status as ExtensionStatus }
}

/** Staff only: the granted deadlines of the given businesses in a cycle (latest grant each). */
export async function unsafeGrantedDeadlines(db: DbOrTx, cycleId: string, entityIds: readonly string[]): Promise<Map<string, Date>> {
  if (!entityIds.length) return new Map()
  const rows = await db
    .selectDistinctOn([deadlineExtensions.entityId], { entityId: deadlineExtensions.entityId, grantedDeadline: deadlineExtensions.grantedDeadline })
    .from(deadlineExtensions)
    .where(and(eq(deadlineExtensions.cycleId, cycleId), eq(deadlineExtensions.status, 'granted'), inArray(deadlineExtensions.entityId, [...entityIds])))
    .orderBy(deadlineExtensions.entityId, desc(deadlineExtensions.decidedAt), desc(deadlineExtensions.createdAt))
  return new Map(rows.flatMap((r) => (r.grantedDeadline ? [[r.entityId, r.grantedDeadline] as const] : [])))
}

/** Active entity administrators and the requester of a business (who hear about a decision). */
export async function extensionRecipients(db: DbOrTx, entityId: string, requesterId: string | null) {
  const rows = await db
    .select({ id: users.id, email: users.email, locale: users.locale, firstName: users.firstName, lastName: users.lastName, role: users.role })
    .from(users)
    .where(and(eq(users.entityId, entityId), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt))
  return rows.filter((u) => u.role === 'entity_admin' || u.id === requesterId)
}

export async function findCycleById(db: DbOrTx, id: string): Promise<Cycle | undefined> {
  const [row] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.id, id)).limit(1)
  return row
}
