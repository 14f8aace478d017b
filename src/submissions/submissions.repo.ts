/**
 * Repository of cycles, assessments, answers, attachments, submissions and their events (R16).
 * Every function reading or writing a business's data takes its `entityId` and filters on it
 * (tenant scoping): another business's row is simply not found.
 */
import { and, asc, desc, eq, isNull, lte, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { preparedQuery } from '#src/db/prepared.ts'
import { jsonRowFor, rowsFromJson } from '#src/db/json-rows.ts'
import { deadlineExtensions } from '#src/cycles/cycles.tables.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { ADDRESSEE_COLUMNS } from '#src/identity/users.repo.ts'
import { users } from '#src/identity/users.tables.ts'
import type { AssessmentStatus } from './assessment-status.rules.ts'
import { assessmentAnswers, assessmentCycles, assessmentEvents, assessments, attachments, submissions } from './submissions.tables.ts'

export type Cycle = typeof assessmentCycles.$inferSelect
export type NewCycle = typeof assessmentCycles.$inferInsert
export type Assessment = Omit<typeof assessments.$inferSelect, 'status'> & { status: AssessmentStatus }
export type AttachmentRow = typeof attachments.$inferSelect
export type SubmissionRow = typeof submissions.$inferSelect
export type AssessmentEventKind = 'created' | 'draft_saved' | 'attachment_added' | 'attachment_removed' | 'submitted' | 'returned' | 'accepted'

// ---------------------------------------------------------------------------------------------
// Cycles (not tenant data).

export async function insertCycle(db: DbOrTx, cycle: NewCycle): Promise<Cycle> {
  const [row] = await db.insert(assessmentCycles).values(cycle).returning()
  return row!
}

const cycleByCode = preparedQuery((db) => db.select().from(assessmentCycles).where(eq(assessmentCycles.code, sql.placeholder('code'))).limit(1).prepare('cycle_by_code'))

export async function findCycleByCode(db: DbOrTx, code: string): Promise<Cycle | undefined> {
  const [row] = await cycleByCode(db, { code })
  return row
}

/** The latest cycle that has opened by `now` (its deadline may have passed). */
export async function findCurrentCycle(db: DbOrTx, now: Date): Promise<Cycle | undefined> {
  const [row] = await db.select().from(assessmentCycles).where(lte(assessmentCycles.opensAt, now)).orderBy(desc(assessmentCycles.opensAt)).limit(1)
  return row
}

// ---------------------------------------------------------------------------------------------
// Assessments.

/**
 * Everything a page of the questionnaire (or a draft save, an upload, a submit) reads, in ONE round
 * trip: the cycle; the business's assessment of it (undefined if none yet); its answers by part;
 * its live attachments (oldest first); and the deadline of its latest granted extension, if any.
 * The assessment is joined on the business, and the rest hangs off that assessment.
 */
export type AssessmentBundle = {
  cycle: Cycle
  assessment: Assessment | undefined
  parts: Record<string, Record<string, unknown>>
  attachments: AttachmentRow[]
  extendedDeadline: Date | null
}

// One json column, not ~30: node-postgres spends more on describing many result columns than
// PostgreSQL on building the document. json, not jsonb: the document is only sent, and building it
// as text takes PostgreSQL half the time of building it as jsonb (which takes every stored answer
// apart and puts it together again).
const assessmentBundle = preparedQuery((db) =>
  db
    .select({
      bundle: sql<{ cycle: unknown; assessment: unknown; parts: Record<string, Record<string, unknown> | null> | null; attachments: unknown[] | null; extendedDeadline: string | null }>`json_build_object(
        'cycle', to_json(${assessmentCycles}),
        'assessment', to_json(${assessments}),
        'parts', (select json_object_agg(aa.part_id, aa.answers order by aa.part_id) from ${assessmentAnswers} aa where aa.assessment_id = ${assessments.id}),
        'attachments', (select json_agg(to_json(t) order by t.uploaded_at, t.id) from ${attachments} t
          where t.assessment_id = ${assessments.id} and t.entity_id = ${assessments.entityId} and t.removed_at is null),
        'extendedDeadline', (select e.granted_deadline from ${deadlineExtensions} e
          where e.entity_id = ${sql.placeholder('entityId')} and e.cycle_id = ${assessmentCycles.id} and e.status = 'granted'
          order by e.decided_at desc, e.created_at desc limit 1))`,
    })
    .from(assessmentCycles)
    .leftJoin(assessments, and(eq(assessments.cycleId, assessmentCycles.id), eq(assessments.entityId, sql.placeholder('entityId'))))
    .where(eq(assessmentCycles.code, sql.placeholder('code')))
    .limit(1)
    .prepare('assessment_bundle'),
)

export async function findAssessmentBundle(db: DbOrTx, entityId: string, cycleCode: string): Promise<AssessmentBundle | undefined> {
  const [row] = await assessmentBundle(db, { entityId, code: cycleCode })
  if (!row) return undefined
  const b = row.bundle
  const [cycle] = rowsFromJson(assessmentCycles, [b.cycle])
  const [assessment] = b.assessment ? rowsFromJson(assessments, [b.assessment]) : []
  return {
    cycle: cycle!,
    assessment: assessment && asAssessment(assessment),
    parts: Object.fromEntries(Object.entries(b.parts ?? {}).map(([part, answers]) => [part, answers ?? {}])),
    attachments: rowsFromJson(attachments, b.attachments),
    extendedDeadline: b.extendedDeadline === null ? null : new Date(b.extendedDeadline),
  }
}

const asAssessment = (row: typeof assessments.$inferSelect): Assessment => row as Assessment

const assessmentOfEntity = preparedQuery((db) =>
  db
    .select()
    .from(assessments)
    .where(and(eq(assessments.entityId, sql.placeholder('entityId')), eq(assessments.cycleId, sql.placeholder('cycleId'))))
    .limit(1)
    .prepare('assessment_of_entity'),
)

export async function findAssessment(db: DbOrTx, entityId: string, cycleId: string): Promise<Assessment | undefined> {
  const [row] = await assessmentOfEntity(db, { entityId, cycleId })
  return row && asAssessment(row)
}

/** Staff (any business) — internal: callers check the actor's permission. */
export async function unsafeFindAssessmentById(db: DbOrTx, id: string): Promise<Assessment | undefined> {
  const [row] = await db.select().from(assessments).where(eq(assessments.id, id)).limit(1)
  return row && asAssessment(row)
}

/** Locks the business's assessment row until the transaction ends (SELECT … FOR UPDATE). */
export async function lockAssessment(tx: DbOrTx, entityId: string, assessmentId: string): Promise<Assessment | undefined> {
  const [row] = await tx
    .select()
    .from(assessments)
    .where(and(eq(assessments.id, assessmentId), eq(assessments.entityId, entityId)))
    .for('update')
  return row && asAssessment(row)
}

/** Creates the draft unless it exists (one per business per cycle); undefined when another request won. */
export async function insertAssessmentIfAbsent(tx: DbOrTx, values: { entityId: string; cycleId: string; now: Date }): Promise<Assessment | undefined> {
  const [row] = await tx
    .insert(assessments)
    .values({ entityId: values.entityId, cycleId: values.cycleId, status: 'draft', createdAt: values.now, updatedAt: values.now })
    .onConflictDoNothing({ target: [assessments.entityId, assessments.cycleId] })
    .returning()
  return row && asAssessment(row)
}

export async function updateAssessment(
  tx: DbOrTx,
  entityId: string,
  id: string,
  patch: Partial<Pick<typeof assessments.$inferInsert, 'status' | 'submittedVersions' | 'corrections' | 'lastSavedAt' | 'updatedAt'>>,
): Promise<void> {
  await tx.update(assessments).set(patch).where(and(eq(assessments.id, id), eq(assessments.entityId, entityId)))
}

/**
 * Marks the assessment submitted as `version` only if it is still exactly as it was read (status,
 * versions, last change): one statement instead of lock, compare, update. False when it changed
 * meanwhile (another submit, a save, a return): the caller then locks it and looks why.
 */
export async function markSubmittedIfUnchanged(
  tx: DbOrTx,
  entityId: string,
  was: Pick<Assessment, 'id' | 'status' | 'submittedVersions' | 'updatedAt'>,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(assessments)
    .set({ status: 'submitted', submittedVersions: was.submittedVersions + 1, corrections: null, updatedAt: now })
    .where(
      and(
        eq(assessments.id, was.id),
        eq(assessments.entityId, entityId),
        eq(assessments.status, was.status),
        eq(assessments.submittedVersions, was.submittedVersions),
        // Read back as a Date, the stored time has lost its microseconds.
        sql`date_trunc('milliseconds', ${assessments.updatedAt}) = ${was.updatedAt.toISOString()}::timestamptz`,
      ),
    )
    .returning({ id: assessments.id })
  return rows.length === 1
}

// ---------------------------------------------------------------------------------------------
// Answers (one JSONB document per part).

/** partId → answers of the business's assessment. */
const partAnswersOfEntity = preparedQuery((db) =>
  db
    .select({ partId: assessmentAnswers.partId, answers: assessmentAnswers.answers })
    .from(assessmentAnswers)
    .innerJoin(assessments, eq(assessments.id, assessmentAnswers.assessmentId))
    .where(and(eq(assessmentAnswers.assessmentId, sql.placeholder('assessmentId')), eq(assessments.entityId, sql.placeholder('entityId'))))
    .orderBy(asc(assessmentAnswers.partId))
    .prepare('part_answers_of_entity'),
)

export async function loadPartAnswers(db: DbOrTx, entityId: string, assessmentId: string): Promise<Record<string, Record<string, unknown>>> {
  const rows = await partAnswersOfEntity(db, { entityId, assessmentId })
  return Object.fromEntries(rows.map((r) => [r.partId, (r.answers ?? {}) as Record<string, unknown>]))
}

/** Writes one part's answers; the caller holds the assessment lock (it checked the entity). */
export async function upsertPartAnswers(tx: DbOrTx, args: { assessmentId: string; partId: string; answers: Record<string, unknown>; now: Date; userId: string | null }): Promise<void> {
  await tx
    .insert(assessmentAnswers)
    .values({ assessmentId: args.assessmentId, partId: args.partId, answers: args.answers, updatedAt: args.now, updatedBy: args.userId })
    .onConflictDoUpdate({
      target: [assessmentAnswers.assessmentId, assessmentAnswers.partId],
      set: { answers: args.answers, updatedAt: args.now, updatedBy: args.userId },
    })
}

// ---------------------------------------------------------------------------------------------
// Attachments.

export async function findAttachment(db: DbOrTx, entityId: string, id: string): Promise<AttachmentRow | undefined> {
  const [row] = await db
    .select()
    .from(attachments)
    .where(and(eq(attachments.entityId, entityId), eq(attachments.id, id), isNull(attachments.removedAt)))
    .limit(1)
  return row
}

/** Files and bytes a business keeps (removed attachments do not count). */
export async function attachmentUsage(db: DbOrTx, entityId: string): Promise<{ files: number; bytes: number }> {
  const [row] = await db
    .select({
      files: sql<number>`count(*)::int`.mapWith(Number),
      bytes: sql<number>`coalesce(sum(${attachments.sizeBytes}), 0)::bigint`.mapWith(Number),
    })
    .from(attachments)
    .where(and(eq(attachments.entityId, entityId), isNull(attachments.removedAt)))
  return { files: row?.files ?? 0, bytes: row?.bytes ?? 0 }
}

export async function insertAttachment(tx: DbOrTx, values: typeof attachments.$inferInsert): Promise<AttachmentRow> {
  const [row] = await tx.insert(attachments).values(values).returning()
  return row!
}

export async function markAttachmentRemoved(tx: DbOrTx, entityId: string, id: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(attachments)
    .set({ removedAt: now })
    .where(and(eq(attachments.entityId, entityId), eq(attachments.id, id), isNull(attachments.removedAt)))
    .returning({ id: attachments.id })
  return rows.length === 1
}

/** Whether a submission's snapshot refers to the attachment (its file must then be kept). */
export async function isAttachmentSubmitted(db: DbOrTx, entityId: string, attachmentId: string): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(submissions)
    .where(and(eq(submissions.entityId, entityId), sql`${submissions.snapshot} -> 'attachments' @> ${JSON.stringify([{ id: attachmentId }])}::jsonb`))
  return (row?.n ?? 0) > 0
}

// ---------------------------------------------------------------------------------------------
// Submissions.

/** Inserts a submission whose every column the caller has (nothing read back: the snapshot is large). */
export async function insertSubmissionRow(tx: DbOrTx, row: SubmissionRow): Promise<void> {
  await tx.insert(submissions).values(row)
}

export async function insertSubmission(tx: DbOrTx, values: typeof submissions.$inferInsert): Promise<SubmissionRow> {
  const [row] = await tx.insert(submissions).values(values).returning()
  return row!
}

/** A row written inside the COMMIT, with the provisional reference replaced by the receipt reference (migration 0028). */
export type RowAtCommit = { table: 'assessment_events' | 'audit_log' | 'outbox'; row: Record<string, unknown> }

/** The provisional reference of a submission until its commit gives it a number (migration 0028). */
export const provisionalReceiptRef = (submissionId: string) => `pending:${submissionId}`

/** An assessment event as a row written inside the COMMIT. */
export function eventRowAtCommit(e: AssessmentEventValues): RowAtCommit {
  return { table: 'assessment_events', row: jsonRowFor(assessmentEvents, e) }
}

/** The receipt reference a committed submission was given. */
export async function findReceiptRef(db: DbOrTx, entityId: string, submissionId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ receiptRef: submissions.receiptRef })
    .from(submissions)
    .where(and(eq(submissions.id, submissionId), eq(submissions.entityId, entityId)))
    .limit(1)
  return row?.receiptRef
}

export async function findSubmissionByIdempotencyKey(db: DbOrTx, entityId: string, key: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.entityId, entityId), eq(submissions.idempotencyKey, key)))
    .limit(1)
  return row
}

export async function findLatestSubmission(db: DbOrTx, entityId: string, assessmentId: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.entityId, entityId), eq(submissions.assessmentId, assessmentId)))
    .orderBy(desc(submissions.version))
    .limit(1)
  return row
}

export async function listSubmissions(db: DbOrTx, entityId: string, assessmentId: string): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(submissions)
    .where(and(eq(submissions.entityId, entityId), eq(submissions.assessmentId, assessmentId)))
    .orderBy(asc(submissions.version))
}

export async function findSubmission(db: DbOrTx, entityId: string, by: { submissionId: string } | { receiptRef: string }): Promise<SubmissionRow | undefined> {
  const match = 'submissionId' in by ? eq(submissions.id, by.submissionId) : eq(submissions.receiptRef, by.receiptRef)
  const [row] = await db
    .select()
    .from(submissions)
    .where(and(eq(submissions.entityId, entityId), match))
    .limit(1)
  return row
}

/** The latest submission of the business's last ACCEPTED assessment of another cycle. */
export async function findLastAcceptedSubmission(db: DbOrTx, entityId: string, exceptCycleId: string): Promise<SubmissionRow | undefined> {
  const [row] = await db
    .select({ s: submissions })
    .from(submissions)
    .innerJoin(assessments, eq(assessments.id, submissions.assessmentId))
    .where(and(eq(submissions.entityId, entityId), eq(assessments.entityId, entityId), eq(assessments.status, 'accepted'), ne(assessments.cycleId, exceptCycleId)))
    .orderBy(desc(submissions.submittedAt), desc(submissions.version))
    .limit(1)
  return row?.s
}

// ---------------------------------------------------------------------------------------------
// Events (R8).

type AssessmentEventValues = { assessmentId: string; at: Date; actorUserId: string | null; kind: AssessmentEventKind; payload: Record<string, unknown> }

export async function appendAssessmentEvent(tx: DbOrTx, event: AssessmentEventValues): Promise<void> {
  await tx.insert(assessmentEvents).values(event)
}

export async function listAssessmentEvents(db: DbOrTx, entityId: string, assessmentId: string) {
  return db
    .select({ kind: assessmentEvents.kind, at: assessmentEvents.at, actorUserId: assessmentEvents.actorUserId, payload: assessmentEvents.payload })
    .from(assessmentEvents)
    .innerJoin(assessments, eq(assessments.id, assessmentEvents.assessmentId))
    .where(and(eq(assessmentEvents.assessmentId, assessmentId), eq(assessments.entityId, entityId)))
    .orderBy(asc(assessmentEvents.id))
}

// ---------------------------------------------------------------------------------------------
// Registry row for pre-filling part ก (read-only).

/**
 * What the receipt e-mail needs, in one round trip: the submitting user (address, language, name)
 * and their business's registered names. Undefined unless the user belongs to that business.
 */
export async function findReceiptAddressee(db: DbOrTx, userId: string, entityId: string) {
  const [row] = await db
    .select(ADDRESSEE_COLUMNS)
    .from(users)
    .innerJoin(reportingEntities, eq(reportingEntities.id, users.entityId))
    .where(and(eq(users.id, userId), eq(users.entityId, entityId)))
    .limit(1)
  return row
}

export async function findRegistryRowForPrefill(db: DbOrTx, entityId: string) {
  const [row] = await db.select().from(reportingEntities).where(eq(reportingEntities.id, entityId)).limit(1)
  return row
}
