/**
 * Staff-only read models of the insight pages (R16). Nothing here is scoped to a business: only
 * the use cases in this folder call it, after requireStaffActor. Aggregates are single GROUP BY
 * statements; counts are cast to int and mapped to numbers (PGlite vs pg, R23).
 *
 * "Filed" means the business's assessment of the cycle has been submitted at least once
 * (`assessments.submitted_versions > 0`); the population is every active business in the registry.
 */
import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { ADDRESSEE_COLUMNS } from '#src/identity/users.repo.ts'
import { users } from '#src/identity/users.tables.ts'
import { assessmentReviews } from '#src/review/review.tables.ts'
import { riskScores } from '#src/scoring/scoring.tables.ts'
import { assessmentCycles, assessments, submissions } from '#src/submissions/submissions.tables.ts'
import { FLAG_CODES, type FlagCode } from '#src/scoring/score.model.ts'
import { toBucket, type FilingCount, type RatingBucket, type RatingCountRow } from './insights.model.ts'
import { filingReminders } from './insights.tables.ts'

const rowsOf = <T>(res: unknown): T[] => (res as { rows: T[] }).rows

// ---------------------------------------------------------------------------------------------
// Filing status.

export type FilingCounts = { total: number; filed: number; byType: FilingCount[]; byProvince: FilingCount[] }

/** Active businesses and how many filed, overall, by primary business type and by province (one statement). */
export async function filingCounts(db: DbOrTx, cycleId: string): Promise<FilingCounts> {
  const res = await db.execute(sql`
    select e.primary_business_type as type, e.province as province,
           grouping(e.primary_business_type, e.province)::int as g,
           count(*)::int as total, count(a.id)::int as filed
    from ${reportingEntities} e
    left join ${assessments} a on a.entity_id = e.id and a.cycle_id = ${cycleId} and a.submitted_versions > 0
    where e.status = 'active'
    group by grouping sets ((e.primary_business_type), (e.province), ())`)
  const out: FilingCounts = { total: 0, filed: 0, byType: [], byProvince: [] }
  for (const r of rowsOf<{ type: string | null; province: string | null; g: number | string; total: number | string; filed: number | string }>(res)) {
    const g = Number(r.g)
    const row = { total: Number(r.total), filed: Number(r.filed) }
    if (g === 3) Object.assign(out, row)
    else if (g === 1) out.byType.push({ key: r.type ?? '', ...row })
    else out.byProvince.push({ key: r.province ?? '', ...row })
  }
  out.byProvince.sort((a, b) => a.key.localeCompare(b.key, 'th'))
  return out
}

export type NonFilerFilter = { cycleId: string; businessType?: string | undefined; province?: string | undefined }

/**
 * The business row's id for correlated subqueries, always table-qualified: in a one-table select
 * Drizzle writes a bare "id" in the select list, which inside a subquery would mean the subquery's own id.
 */
const ENTITY_ID = sql`${sql.identifier('reporting_entities')}.${sql.identifier('id')}`

const notFiled = (cycleId: string) =>
  sql`not exists (select 1 from ${assessments} a where a.entity_id = ${ENTITY_ID} and a.cycle_id = ${cycleId} and a.submitted_versions > 0)`
const remindedOn = (cycleId: string, day: string) =>
  sql`exists (select 1 from ${filingReminders} r where r.entity_id = ${ENTITY_ID} and r.cycle_id = ${cycleId} and r.reminded_on = ${day})`
const activeAdmins = sql`(select count(*) from ${users} u where u.entity_id = ${ENTITY_ID} and u.role = 'entity_admin' and u.status = 'active')`

function nonFilerWhere(f: NonFilerFilter): SQL[] {
  const where: SQL[] = [eq(reportingEntities.status, 'active'), notFiled(f.cycleId)]
  if (f.businessType) where.push(eq(reportingEntities.primaryBusinessType, f.businessType))
  if (f.province) where.push(eq(reportingEntities.province, f.province))
  return where
}

export type NonFilerRow = {
  entityId: string
  nameTh: string
  nameEn: string | null
  legalForm: string
  juristicId: string
  businessType: string
  province: string
  admins: number
  lastRemindedAt: Date | null
}

export async function countNonFilers(db: DbOrTx, f: NonFilerFilter): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(reportingEntities)
    .where(and(...nonFilerWhere(f)))
  return row?.n ?? 0
}

export async function listNonFilers(db: DbOrTx, f: NonFilerFilter, page: { limit: number; offset: number }): Promise<NonFilerRow[]> {
  return db
    .select({
      entityId: reportingEntities.id,
      nameTh: reportingEntities.nameTh,
      nameEn: reportingEntities.nameEn,
      legalForm: reportingEntities.legalForm,
      juristicId: reportingEntities.juristicId,
      businessType: reportingEntities.primaryBusinessType,
      province: reportingEntities.province,
      admins: sql<number>`${activeAdmins}::int`.mapWith(Number),
      lastRemindedAt: sql<Date | null>`(select max(r.sent_at) from ${filingReminders} r where r.entity_id = ${ENTITY_ID} and r.cycle_id = ${f.cycleId})`.mapWith((v: unknown) => (v ? new Date(v as string) : null)),
    })
    .from(reportingEntities)
    .where(and(...nonFilerWhere(f)))
    .orderBy(asc(reportingEntities.nameSearch), asc(reportingEntities.id))
    .limit(page.limit)
    .offset(page.offset)
}

/** How the non-filers matching a filter stand for a reminder batch on `day` (a Bangkok date). */
export async function reminderCandidates(db: DbOrTx, f: NonFilerFilter, day: string, max: number) {
  const [counts] = await db
    .select({
      remindedToday: sql<number>`count(*) filter (where ${remindedOn(f.cycleId, day)})::int`.mapWith(Number),
      withoutAdmin: sql<number>`count(*) filter (where not ${remindedOn(f.cycleId, day)} and ${activeAdmins} = 0)::int`.mapWith(Number),
      due: sql<number>`count(*) filter (where not ${remindedOn(f.cycleId, day)} and ${activeAdmins} > 0)::int`.mapWith(Number),
    })
    .from(reportingEntities)
    .where(and(...nonFilerWhere(f)))
  const ids = await db
    .select({ id: reportingEntities.id })
    .from(reportingEntities)
    .where(and(...nonFilerWhere(f), sql`not ${remindedOn(f.cycleId, day)}`, sql`${activeAdmins} > 0`))
    .orderBy(asc(reportingEntities.nameSearch), asc(reportingEntities.id))
    .limit(max)
  return { remindedToday: counts?.remindedToday ?? 0, withoutAdmin: counts?.withoutAdmin ?? 0, due: counts?.due ?? 0, entityIds: ids.map((r) => r.id) }
}

/** Records today's reminder for each business; returns the businesses recorded now (others were already reminded today). */
export async function insertReminders(tx: DbOrTx, rows: { entityId: string; recipients: number }[], args: { cycleId: string; day: string; at: Date; by: string }): Promise<Set<string>> {
  if (!rows.length) return new Set()
  const inserted = await tx
    .insert(filingReminders)
    .values(rows.map((r) => ({ entityId: r.entityId, cycleId: args.cycleId, remindedOn: args.day, sentAt: args.at, sentBy: args.by, recipients: r.recipients })))
    .onConflictDoNothing()
    .returning({ entityId: filingReminders.entityId })
  return new Set(inserted.map((r) => r.entityId))
}

export type ReminderRecipient = { entityId: string; email: string; locale: string; title: string | null; firstName: string; lastName: string; nameTh: string; nameEn: string | null; legalForm: string }

/** Active entity administrators of the given businesses, with the business's name. */
export async function entityAdmins(db: DbOrTx, entityIds: readonly string[]): Promise<ReminderRecipient[]> {
  if (!entityIds.length) return []
  return db
    .select({ entityId: reportingEntities.id, ...ADDRESSEE_COLUMNS })
    .from(users)
    .innerJoin(reportingEntities, eq(reportingEntities.id, users.entityId))
    .where(and(inArray(users.entityId, [...entityIds]), eq(users.role, 'entity_admin'), eq(users.status, 'active')))
    .orderBy(asc(reportingEntities.id), asc(users.createdAt))
}

// ---------------------------------------------------------------------------------------------
// Dashboard.

/**
 * The dashboard's figures in three small statements run side by side on the pool (issue 6: one
 * GROUP BY with four joins over 100,000 businesses was too slow):
 * - the population: active businesses by business type × province (the registry alone);
 * - the filed ones by type × province × rating in force, read from the review row's queue copy
 *   (`assessment_reviews`, one row per submitted assessment, review.tables.ts) alone: it also keeps
 *   a copy of the business's type, province and standing (triggers of migration 0022). The rating in force
 *   is decided here from the same row — the approved override while it has not expired, else the
 *   current computed band — so an override that expired since the queue last refreshed its copy
 *   (`expireQueueOverrides`) never shows, and the page stays a pure read;
 * - the flags of the flagged ones: `risk_scores.flag_codes` (a small column written with the score, never the
 *   large score JSON) of the current score of each latest submission, each code counted once per
 *   business; only flagged scores are read (a partial index, migration 0013_dashboard_flags_index).
 * Businesses that have not filed are the population minus the filed ones (no join needed).
 */
export async function dashboardCounts(db: DbOrTx, cycleId: string, now: Date): Promise<{ total: number; filed: number; ratings: RatingCountRow[]; flags: { code: FlagCode; count: number }[] }> {
  const r = assessmentReviews
  const ratingInForce = sql`case when ${r.overrideRating} is not null and (${r.overrideExpiresAt} is null or ${r.overrideExpiresAt} > ${now}) then ${r.overrideRating} else ${r.computedRating} end`
  const [population, filedRows, flagRows] = await Promise.all([
    db
      .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
      .from(reportingEntities)
      .where(eq(reportingEntities.status, 'active')),
    db.execute(sql`
      select ${r.businessType} as "businessType", ${r.province} as province, ${ratingInForce} as rating, count(*)::int as count
      from ${assessmentReviews}
      where ${r.cycleId} = ${cycleId} and ${r.entityActive}
      group by 1, 2, 3`),
    db
      .select(Object.fromEntries(FLAG_CODES.map((code) => [code, sql<number>`count(*) filter (where jsonb_exists(${riskScores.flagCodes}, ${code}))::int`.mapWith(Number)])))
      .from(assessmentReviews)
      .innerJoin(assessments, eq(assessments.id, r.assessmentId))
      .innerJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
      .innerJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true), sql`${riskScores.flagsCount} > 0`))
      .where(and(eq(r.cycleId, cycleId), sql`${r.flagsCount} > 0`, eq(r.entityActive, true))),
  ])
  const ratings = rowsOf<{ businessType: string; province: string; rating: string | null; count: number | string }>(filedRows).map((row) => ({
    businessType: row.businessType,
    province: row.province,
    bucket: toBucket(row.rating),
    count: Number(row.count),
  }))
  const counted = (flagRows[0] ?? {}) as Partial<Record<FlagCode, number>>
  const flags = FLAG_CODES.map((code) => ({ code, count: counted[code] ?? 0 }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
  return { total: population[0]?.n ?? 0, filed: ratings.reduce((n, row) => n + row.count, 0), ratings, flags }
}

// ---------------------------------------------------------------------------------------------
// Business profile.

export async function findEntityProfile(db: DbOrTx, entityId: string) {
  const [row] = await db
    .select({
      id: reportingEntities.id,
      juristicId: reportingEntities.juristicId,
      nameTh: reportingEntities.nameTh,
      nameEn: reportingEntities.nameEn,
      tradingName: reportingEntities.tradingName,
      legalForm: reportingEntities.legalForm,
      primaryBusinessType: reportingEntities.primaryBusinessType,
      businessTypes: reportingEntities.businessTypes,
      status: reportingEntities.status,
      registeredOn: reportingEntities.registeredOn,
      addressLine: reportingEntities.addressLine,
      subdistrict: reportingEntities.subdistrict,
      district: reportingEntities.district,
      province: reportingEntities.province,
      postcode: reportingEntities.postcode,
      phone: reportingEntities.phone,
      email: reportingEntities.email,
    })
    .from(reportingEntities)
    .where(eq(reportingEntities.id, entityId))
    .limit(1)
  return row
}

/** The business's accounts: who they are and their standing, never credentials. */
export async function listEntityUsers(db: DbOrTx, entityId: string) {
  return db
    .select({ id: users.id, title: users.title, firstName: users.firstName, lastName: users.lastName, username: users.username, email: users.email, role: users.role, status: users.status, lastLoginAt: users.lastLoginAt })
    .from(users)
    .where(eq(users.entityId, entityId))
    .orderBy(asc(users.firstName), asc(users.lastName))
}

/** Every cycle, newest first, with the business's assessment of it (if any). */
export async function listCyclesWithAssessment(db: DbOrTx, entityId: string) {
  return db
    .select({
      cycleId: assessmentCycles.id,
      code: assessmentCycles.code,
      nameTh: assessmentCycles.nameTh,
      nameEn: assessmentCycles.nameEn,
      deadline: assessmentCycles.deadline,
      assessmentId: assessments.id,
      status: assessments.status,
      submittedVersions: assessments.submittedVersions,
      overrideRating: assessmentReviews.overrideRating,
      overrideExpiresAt: assessmentReviews.overrideExpiresAt,
    })
    .from(assessmentCycles)
    .leftJoin(assessments, and(eq(assessments.cycleId, assessmentCycles.id), eq(assessments.entityId, entityId)))
    .leftJoin(assessmentReviews, eq(assessmentReviews.assessmentId, assessments.id))
    .orderBy(desc(assessmentCycles.opensAt))
}

/** Every submission of the business with its current computed band (if scored), oldest version first. */
export async function listEntitySubmissions(db: DbOrTx, entityId: string) {
  const rows = await db
    .select({ cycleId: submissions.cycleId, version: submissions.version, receiptRef: submissions.receiptRef, submittedAt: submissions.submittedAt, residualBand: riskScores.residualBand })
    .from(submissions)
    .leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true)))
    .where(eq(submissions.entityId, entityId))
    .orderBy(asc(submissions.submittedAt), asc(submissions.version))
  return rows.map((r) => ({ ...r, bucket: toBucket(r.residualBand) as RatingBucket }))
}
