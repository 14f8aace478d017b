/**
 * Repository of AMLO's review workspace (staff only: callers check `staff:access:any`). The queue
 * is one row per assessment of a cycle that has been submitted at least once: its review row
 * (every submitted assessment has one), which carries the maintained queue copy — cycle, latest
 * submission time, computed rating, flags and the rating in force (see review.tables.ts; written
 * only by `syncQueueRatings` / `expireQueueOverrides` below) — joined to the assessment, its latest
 * submission (`submissions.version = assessments.submitted_versions`, a unique index) and the registry.
 */
import { and, asc, desc, eq, gte, inArray, isNull, like, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { assessmentCycles, assessmentEvents, assessments, submissions } from '#src/submissions/submissions.tables.ts'
import type { AssessmentStatus } from '#src/submissions/assessment-status.rules.ts'
import { assessmentReviews, ratingOverrides, reviewEvents, reviewNotes, savedFilters } from './review.tables.ts'
import { type OverrideStatus, type Rating, type ReviewEventKind } from './review.model.ts'

export const QUEUE_SORTS = ['submitted', 'name', 'rating', 'flags', 'status', 'province'] as const
export type QueueSort = (typeof QUEUE_SORTS)[number]

export type QueueFilter = {
  cycleId: string
  status?: AssessmentStatus | undefined
  businessType?: string | undefined
  province?: string | undefined
  rating?: Rating | 'none' | undefined
  flags?: 'yes' | 'no' | undefined
  /** Instants (Bangkok dates already turned into UTC bounds by the caller). */
  submittedFrom?: Date | undefined
  submittedBefore?: Date | undefined
  assignee?: { kind: 'user'; id: string } | { kind: 'unassigned' } | undefined
  /** Juristic-number prefix (digits) or a normalised name fragment. */
  search?: { kind: 'juristic'; digits: string } | { kind: 'name'; text: string } | undefined
  sort: QueueSort
  dir: 'asc' | 'desc'
}

export type QueueRow = {
  assessmentId: string
  entityId: string
  nameTh: string
  nameEn: string | null
  legalForm: string
  juristicId: string
  businessType: string
  province: string
  status: AssessmentStatus
  submittedAt: Date
  receiptRef: string
  rating: Rating | null
  ratingSource: 'computed' | 'override'
  flagsCount: number | null
  assigneeId: string | null
  assigneeFirstName: string | null
  assigneeLastName: string | null
}

const assignee = alias(users, 'assignee')
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/** Whether the approved override is in force (the stored rating in force says which rating; this says why). */
const overrideInForce = (now: Date) => sql`(${assessmentReviews.overrideRating} is not null and (${assessmentReviews.overrideExpiresAt} is null or ${assessmentReviews.overrideExpiresAt} > ${now}))`
const r = assessmentReviews

function conditions(f: QueueFilter): SQL[] {
  const where: SQL[] = [eq(r.cycleId, f.cycleId)]
  if (f.status) where.push(eq(assessments.status, f.status))
  if (f.businessType) where.push(eq(reportingEntities.primaryBusinessType, f.businessType))
  if (f.province) where.push(eq(reportingEntities.province, f.province))
  if (f.rating === 'none') where.push(isNull(r.effectiveRating))
  else if (f.rating) where.push(eq(r.effectiveRating, f.rating))
  if (f.flags === 'yes') where.push(sql`coalesce(${r.flagsCount}, 0) > 0`)
  if (f.flags === 'no') where.push(sql`coalesce(${r.flagsCount}, 0) = 0`)
  if (f.submittedFrom) where.push(gte(r.submittedAt, f.submittedFrom))
  if (f.submittedBefore) where.push(lt(r.submittedAt, f.submittedBefore))
  if (f.assignee?.kind === 'user') where.push(eq(assessmentReviews.assigneeUserId, f.assignee.id))
  if (f.assignee?.kind === 'unassigned') where.push(isNull(assessmentReviews.assigneeUserId))
  if (f.search?.kind === 'juristic') where.push(like(reportingEntities.juristicId, `${escapeLike(f.search.digits)}%`))
  if (f.search?.kind === 'name') {
    const pattern = `%${escapeLike(f.search.text)}%`
    where.push(or(like(reportingEntities.nameSearch, pattern), sql`lower(${reportingEntities.nameEn}) like ${pattern}`)!)
  }
  return where
}

function orderBy(f: QueueFilter): SQL[] {
  const d = f.dir === 'asc' ? asc : desc
  const nulls = (e: SQL) => (f.dir === 'asc' ? sql`${e} asc nulls first` : sql`${e} desc nulls last`)
  const primary = {
    submitted: d(r.submittedAt),
    name: d(reportingEntities.nameSearch),
    rating: nulls(sql`${r.effectiveRank}`),
    flags: nulls(sql`${r.flagsCount}`),
    status: d(assessments.status),
    province: d(reportingEntities.province),
  } satisfies Record<QueueSort, SQL>
  return [primary[f.sort], desc(r.submittedAt), asc(r.assessmentId)]
}

function baseQuery(db: DbOrTx, columns: Record<string, unknown>) {
  return db
    .select(columns as never)
    .from(assessmentReviews)
    .innerJoin(assessments, eq(assessments.id, r.assessmentId))
    .innerJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
    .innerJoin(reportingEntities, eq(reportingEntities.id, assessments.entityId))
    .$dynamic()
}

export async function queueRows(db: DbOrTx, f: QueueFilter, now: Date, page: { limit: number; offset: number }): Promise<QueueRow[]> {
  const columns = {
    assessmentId: assessments.id,
    entityId: assessments.entityId,
    nameTh: reportingEntities.nameTh,
    nameEn: reportingEntities.nameEn,
    legalForm: reportingEntities.legalForm,
    juristicId: reportingEntities.juristicId,
    businessType: reportingEntities.primaryBusinessType,
    province: reportingEntities.province,
    status: assessments.status,
    submittedAt: submissions.submittedAt,
    receiptRef: submissions.receiptRef,
    rating: r.effectiveRating,
    overridden: sql<boolean>`${overrideInForce(now)}`,
    flagsCount: r.flagsCount,
    assigneeId: assessmentReviews.assigneeUserId,
    assigneeFirstName: assignee.firstName,
    assigneeLastName: assignee.lastName,
  }
  const rows = (await baseQuery(db, columns)
    .leftJoin(assignee, eq(assignee.id, assessmentReviews.assigneeUserId))
    .where(and(...conditions(f)))
    .orderBy(...orderBy(f))
    .limit(page.limit)
    .offset(page.offset)) as unknown as (Omit<QueueRow, 'ratingSource'> & { overridden: boolean })[]
  return rows.map(({ overridden, ...row }) => ({ ...row, ratingSource: overridden ? 'override' : 'computed' }))
}

/** The queue counts exactly up to this many rows; beyond it the page says "more than 10,000". */
export const QUEUE_COUNT_CAP = 10_000

/**
 * The number of queue rows, counted up to `cap + 1` (an exact count of 100,000 rows costs more
 * than the page itself: scripts/bench/queue-100k.ts). It joins only what the filter reads: every
 * review row of the queue has its assessment and entity (foreign keys), so leaving a join out never
 * changes the number.
 */
export async function countQueue(db: DbOrTx, f: QueueFilter, cap = QUEUE_COUNT_CAP): Promise<number> {
  let q = db.select({ one: sql`1` }).from(assessmentReviews).$dynamic()
  if (f.status || f.businessType || f.province || f.search) q = q.innerJoin(assessments, eq(assessments.id, r.assessmentId))
  if (f.businessType || f.province || f.search) q = q.innerJoin(reportingEntities, eq(reportingEntities.id, assessments.entityId))
  const capped = q.where(and(...conditions(f))).limit(cap + 1).as('capped')
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(capped)
  return row?.n ?? 0
}

/**
 * Refreshes the queue copy on the review rows (creating them) of the given latest submissions or
 * assessments from the sources of truth: the latest submission, its current score and the approved
 * override. Every use case that changes one of them calls this in its transaction.
 */
export async function syncQueueRatings(tx: DbOrTx, of: { submissionIds: readonly string[] } | { assessmentIds: readonly string[] }, now: Date): Promise<void> {
  const ids = 'submissionIds' in of ? of.submissionIds : of.assessmentIds
  if (!ids.length) return
  const list = sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)
  const which = 'submissionIds' in of ? sql`s.id in (${list})` : sql`a.id in (${list})`
  const at = sql`${now.toISOString()}::timestamptz`
  await tx.execute(sql`
    insert into assessment_reviews (assessment_id, updated_at, cycle_id, submitted_at, computed_rating, flags_count, effective_rating)
    select a.id, ${at}, a.cycle_id, s.submitted_at, rs.residual_band, rs.flags_count, rs.residual_band
    from submissions s
    join assessments a on a.id = s.assessment_id and a.submitted_versions = s.version
    left join risk_scores rs on rs.submission_id = s.id and rs.is_current
    where ${which}
    on conflict (assessment_id) do update set
      cycle_id = excluded.cycle_id, submitted_at = excluded.submitted_at,
      computed_rating = excluded.computed_rating, flags_count = excluded.flags_count,
      effective_rating = case
        when assessment_reviews.override_rating is not null and (assessment_reviews.override_expires_at is null or assessment_reviews.override_expires_at > ${at})
        then assessment_reviews.override_rating else excluded.computed_rating end`)
}

/**
 * Expiry without a job: an approved override stops being the rating in force when it expires, so
 * the queue calls this before reading; it touches only the cycle's rows with an expired override
 * whose copy still shows it (a partial index finds them).
 */
export async function expireQueueOverrides(db: DbOrTx, cycleId: string, now: Date): Promise<void> {
  await db
    .update(assessmentReviews)
    .set({ effectiveRating: sql`${r.computedRating}` })
    .where(and(eq(r.cycleId, cycleId), sql`${r.overrideExpiresAt} is not null`, sql`${r.overrideExpiresAt} <= ${now}`, sql`${r.effectiveRating} is distinct from ${r.computedRating}`))
}

// ---------------------------------------------------------------------------------------------
// Cycles and staff users.

export async function listCycles(db: DbOrTx) {
  return db.select({ id: assessmentCycles.id, code: assessmentCycles.code, nameTh: assessmentCycles.nameTh, nameEn: assessmentCycles.nameEn }).from(assessmentCycles).orderBy(desc(assessmentCycles.opensAt))
}

export async function findCycleById(db: DbOrTx, id: string) {
  const [row] = await db.select().from(assessmentCycles).where(eq(assessmentCycles.id, id)).limit(1)
  return row
}

export type StaffUser = { id: string; firstName: string; lastName: string; role: string }
/** Active examiners and supervisors (who can be assigned a review). */
export async function listReviewers(db: DbOrTx): Promise<StaffUser[]> {
  return db
    .select({ id: users.id, firstName: users.firstName, lastName: users.lastName, role: users.role })
    .from(users)
    .where(and(inArray(users.role, ['examiner', 'supervisor']), eq(users.status, 'active')))
    .orderBy(asc(users.firstName), asc(users.lastName))
}

export async function namesOfUsers(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = await db.select({ id: users.id, firstName: users.firstName, lastName: users.lastName }).from(users).where(inArray(users.id, unique))
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]))
}

// ---------------------------------------------------------------------------------------------
// One assessment: history, review state, overrides, notes, events.

/** Every assessment of the business with its latest submission (earlier cycles), newest cycle first. */
export async function listEntityHistory(db: DbOrTx, entityId: string) {
  return db
    .select({
      assessmentId: assessments.id,
      cycleId: assessments.cycleId,
      cycleCode: assessmentCycles.code,
      cycleNameTh: assessmentCycles.nameTh,
      cycleNameEn: assessmentCycles.nameEn,
      status: assessments.status,
      submittedAt: submissions.submittedAt,
      receiptRef: submissions.receiptRef,
      overrideRating: assessmentReviews.overrideRating,
    })
    .from(assessments)
    .innerJoin(assessmentCycles, eq(assessmentCycles.id, assessments.cycleId))
    .leftJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
    .leftJoin(assessmentReviews, eq(assessmentReviews.assessmentId, assessments.id))
    .where(eq(assessments.entityId, entityId))
    .orderBy(desc(assessmentCycles.opensAt))
}

export async function findReview(db: DbOrTx, assessmentId: string) {
  const [row] = await db.select().from(assessmentReviews).where(eq(assessmentReviews.assessmentId, assessmentId)).limit(1)
  return row
}

export async function upsertReview(tx: DbOrTx, assessmentId: string, patch: Partial<Omit<typeof assessmentReviews.$inferInsert, 'assessmentId'>> & { updatedAt: Date }): Promise<void> {
  await tx
    .insert(assessmentReviews)
    .values({ assessmentId, ...patch })
    .onConflictDoUpdate({ target: assessmentReviews.assessmentId, set: patch })
}

export type OverrideRow = Omit<typeof ratingOverrides.$inferSelect, 'status' | 'toRating' | 'fromRating'> & { status: OverrideStatus; toRating: Rating; fromRating: Rating | null }

export async function listOverrides(db: DbOrTx, assessmentId: string): Promise<OverrideRow[]> {
  return (await db.select().from(ratingOverrides).where(eq(ratingOverrides.assessmentId, assessmentId)).orderBy(desc(ratingOverrides.requestedAt))) as OverrideRow[]
}

export async function lockOverride(tx: DbOrTx, assessmentId: string, id: string): Promise<OverrideRow | undefined> {
  const [row] = await tx
    .select()
    .from(ratingOverrides)
    .where(and(eq(ratingOverrides.id, id), eq(ratingOverrides.assessmentId, assessmentId)))
    .for('update')
  return row as OverrideRow | undefined
}

export async function hasPendingOverride(tx: DbOrTx, assessmentId: string): Promise<boolean> {
  const [row] = await tx
    .select({ id: ratingOverrides.id })
    .from(ratingOverrides)
    .where(and(eq(ratingOverrides.assessmentId, assessmentId), eq(ratingOverrides.status, 'pending')))
    .limit(1)
  return !!row
}

export async function insertOverride(tx: DbOrTx, values: typeof ratingOverrides.$inferInsert): Promise<OverrideRow> {
  const [row] = await tx.insert(ratingOverrides).values(values).returning()
  return row as OverrideRow
}

export async function setOverrideDecision(tx: DbOrTx, id: string, patch: { status: Exclude<OverrideStatus, 'pending'>; decidedBy: string; decidedAt: Date; decisionNote: string | null }): Promise<void> {
  await tx
    .update(ratingOverrides)
    .set(patch)
    .where(and(eq(ratingOverrides.id, id), eq(ratingOverrides.status, 'pending'), ne(ratingOverrides.requestedBy, patch.decidedBy)))
}

export async function insertNote(tx: DbOrTx, values: typeof reviewNotes.$inferInsert): Promise<void> {
  await tx.insert(reviewNotes).values(values)
}

export async function listNotes(db: DbOrTx, assessmentId: string) {
  return db.select().from(reviewNotes).where(eq(reviewNotes.assessmentId, assessmentId)).orderBy(desc(reviewNotes.at))
}

export async function appendReviewEvent(tx: DbOrTx, event: { assessmentId: string; at: Date; actorUserId: string; kind: ReviewEventKind; reason: string | null; payload: Record<string, unknown> }): Promise<void> {
  await tx.insert(reviewEvents).values(event)
}

export type TimelineEntry = { source: 'assessment' | 'review'; kind: string; at: Date; actorUserId: string | null; reason: string | null; payload: unknown }

/** The assessment's own events and the staff-only review events, oldest first. */
export async function listTimeline(db: DbOrTx, assessmentId: string): Promise<TimelineEntry[]> {
  const [a, r] = await Promise.all([
    db.select().from(assessmentEvents).where(eq(assessmentEvents.assessmentId, assessmentId)).orderBy(asc(assessmentEvents.id)),
    db.select().from(reviewEvents).where(eq(reviewEvents.assessmentId, assessmentId)).orderBy(asc(reviewEvents.id)),
  ])
  const all: TimelineEntry[] = [
    ...a.map((e) => ({ source: 'assessment' as const, kind: e.kind, at: e.at, actorUserId: e.actorUserId, reason: null, payload: e.payload })),
    ...r.map((e) => ({ source: 'review' as const, kind: e.kind, at: e.at, actorUserId: e.actorUserId, reason: e.reason, payload: e.payload })),
  ]
  return all.sort((x, y) => x.at.getTime() - y.at.getTime())
}

// ---------------------------------------------------------------------------------------------
// Saved filters (per staff user).

export async function listSavedFilters(db: DbOrTx, userId: string) {
  return db.select().from(savedFilters).where(eq(savedFilters.userId, userId)).orderBy(asc(savedFilters.name))
}

/** Saves (or replaces) the user's filter of that name. */
export async function upsertSavedFilter(db: DbOrTx, values: { userId: string; name: string; query: string; createdAt: Date }): Promise<void> {
  await db
    .insert(savedFilters)
    .values(values)
    .onConflictDoUpdate({ target: [savedFilters.userId, savedFilters.name], set: { query: values.query, createdAt: values.createdAt } })
}

export async function deleteSavedFilter(db: DbOrTx, userId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(savedFilters)
    .where(and(eq(savedFilters.id, id), eq(savedFilters.userId, userId)))
    .returning({ id: savedFilters.id })
  return rows.length === 1
}

export async function countSavedFilters(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int`.mapWith(Number) }).from(savedFilters).where(eq(savedFilters.userId, userId))
  return row?.n ?? 0
}
