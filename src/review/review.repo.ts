/**
 * Repository of AMLO's review workspace (staff only: callers check `staff:access:any`). The queue
 * is one row per assessment of a cycle that has been submitted at least once, joined to its latest
 * submission (`submissions.version = assessments.submitted_versions`, a unique index), the
 * registry, the review state and the current score.
 */
import { and, asc, desc, eq, gte, inArray, isNull, like, lt, ne, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { assessmentCycles, assessmentEvents, assessments, submissions } from '#src/submissions/submissions.tables.ts'
import type { AssessmentStatus } from '#src/submissions/assessment-status.rules.ts'
import { assessmentReviews, ratingOverrides, reviewEvents, reviewNotes, savedFilters } from './review.tables.ts'
import { RATINGS, type OverrideStatus, type Rating, type ReviewEventKind } from './review.model.ts'
import { computedRatingSql, flagsCountSql, joinCurrentScore } from './risk-score.link.ts'

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

/** The approved override while in force, else the computed rating. */
const overrideInForce = (now: Date) => sql`(${assessmentReviews.overrideRating} is not null and (${assessmentReviews.overrideExpiresAt} is null or ${assessmentReviews.overrideExpiresAt} > ${now}))`
const ratingSql = (now: Date) => sql<Rating | null>`case when ${overrideInForce(now)} then ${assessmentReviews.overrideRating} else ${computedRatingSql} end`
const ratingRank = (now: Date) => sql`array_position(array[${sql.raw(RATINGS.map((r) => `'${r}'`).join(','))}]::text[], ${ratingSql(now)})`

function conditions(f: QueueFilter, now: Date): SQL[] {
  // The submission's cycle is the assessment's; saying both lets the page use submissions' (cycle, date) index.
  const where: SQL[] = [eq(assessments.cycleId, f.cycleId), eq(submissions.cycleId, f.cycleId)]
  if (f.status) where.push(eq(assessments.status, f.status))
  if (f.businessType) where.push(eq(reportingEntities.primaryBusinessType, f.businessType))
  if (f.province) where.push(eq(reportingEntities.province, f.province))
  if (f.rating === 'none') where.push(sql`${ratingSql(now)} is null`)
  else if (f.rating) where.push(sql`${ratingSql(now)} = ${f.rating}`)
  if (f.flags === 'yes') where.push(sql`coalesce(${flagsCountSql}, 0) > 0`)
  if (f.flags === 'no') where.push(sql`coalesce(${flagsCountSql}, 0) = 0`)
  if (f.submittedFrom) where.push(gte(submissions.submittedAt, f.submittedFrom))
  if (f.submittedBefore) where.push(lt(submissions.submittedAt, f.submittedBefore))
  if (f.assignee?.kind === 'user') where.push(eq(assessmentReviews.assigneeUserId, f.assignee.id))
  if (f.assignee?.kind === 'unassigned') where.push(isNull(assessmentReviews.assigneeUserId))
  if (f.search?.kind === 'juristic') where.push(like(reportingEntities.juristicId, `${escapeLike(f.search.digits)}%`))
  if (f.search?.kind === 'name') {
    const pattern = `%${escapeLike(f.search.text)}%`
    where.push(or(like(reportingEntities.nameSearch, pattern), sql`lower(${reportingEntities.nameEn}) like ${pattern}`)!)
  }
  return where
}

function orderBy(f: QueueFilter, now: Date): SQL[] {
  const d = f.dir === 'asc' ? asc : desc
  const nulls = (e: SQL) => (f.dir === 'asc' ? sql`${e} asc nulls first` : sql`${e} desc nulls last`)
  const primary = {
    submitted: d(submissions.submittedAt),
    name: d(reportingEntities.nameSearch),
    rating: nulls(ratingRank(now)),
    flags: nulls(sql`${flagsCountSql}`),
    status: d(assessments.status),
    province: d(reportingEntities.province),
  } satisfies Record<QueueSort, SQL>
  return [primary[f.sort], desc(submissions.submittedAt), asc(assessments.id)]
}

function baseQuery(db: DbOrTx, columns: Record<string, unknown>) {
  const q = db
    .select(columns as never)
    .from(assessments)
    .innerJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
    .innerJoin(reportingEntities, eq(reportingEntities.id, assessments.entityId))
    .leftJoin(assessmentReviews, eq(assessmentReviews.assessmentId, assessments.id))
    .$dynamic()
  return joinCurrentScore(q)
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
    rating: ratingSql(now),
    overridden: sql<boolean>`${overrideInForce(now)}`,
    flagsCount: flagsCountSql,
    assigneeId: assessmentReviews.assigneeUserId,
    assigneeFirstName: assignee.firstName,
    assigneeLastName: assignee.lastName,
  }
  const rows = (await baseQuery(db, columns)
    .leftJoin(assignee, eq(assignee.id, assessmentReviews.assigneeUserId))
    .where(and(...conditions(f, now)))
    .orderBy(...orderBy(f, now))
    .limit(page.limit)
    .offset(page.offset)) as unknown as (Omit<QueueRow, 'ratingSource'> & { overridden: boolean })[]
  return rows.map(({ overridden, ...r }) => ({ ...r, ratingSource: overridden ? 'override' : 'computed' }))
}

/**
 * The count joins only what the filter reads: every assessment has its entity (foreign key) and at
 * most one review row and one current score (unique keys), so leaving a join out never changes the
 * number, and counting 100,000 rows without them stays fast (scripts/bench/queue-100k.ts).
 */
export async function countQueue(db: DbOrTx, f: QueueFilter, now: Date): Promise<number> {
  let q = db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(assessments)
    .innerJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
    .$dynamic()
  if (f.businessType || f.province || f.search) q = q.innerJoin(reportingEntities, eq(reportingEntities.id, assessments.entityId))
  if (f.rating || f.assignee) q = q.leftJoin(assessmentReviews, eq(assessmentReviews.assessmentId, assessments.id))
  if (f.rating || f.flags) q = joinCurrentScore(q)
  const [row] = await q.where(and(...conditions(f, now)))
  return row?.n ?? 0
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
