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
    .select({
      entityId: reportingEntities.id,
      email: users.email,
      locale: users.locale,
      title: users.title,
      firstName: users.firstName,
      lastName: users.lastName,
      nameTh: reportingEntities.nameTh,
      nameEn: reportingEntities.nameEn,
      legalForm: reportingEntities.legalForm,
    })
    .from(users)
    .innerJoin(reportingEntities, eq(reportingEntities.id, users.entityId))
    .where(and(inArray(users.entityId, [...entityIds]), eq(users.role, 'entity_admin'), eq(users.status, 'active')))
    .orderBy(asc(reportingEntities.id), asc(users.createdAt))
}

// ---------------------------------------------------------------------------------------------
// Dashboard.

/**
 * The whole dashboard in ONE statement and one GROUP BY: every active business, whether it filed
 * the cycle, and for the filed ones the rating in force (approved override, else the current
 * computed band of the latest submission) and how many carry each consistency flag. Flags are
 * read from `risk_scores.flag_codes` (a small generated column), never from the large score JSON.
 */
export async function dashboardCounts(db: DbOrTx, cycleId: string, now: Date): Promise<{ total: number; filed: number; ratings: RatingCountRow[]; flags: { code: FlagCode; count: number }[] }> {
  const flagged = (code: FlagCode) => sql<number>`count(*) filter (where ${riskScores.flagsCount} > 0 and jsonb_exists(${riskScores.flagCodes}, ${code}))::int`.mapWith(Number)
  const overrideInForce = sql<boolean>`(${assessmentReviews.overrideExpiresAt} is null or ${assessmentReviews.overrideExpiresAt} > ${now})`
  // Grouped by plain columns (good estimates → one hash aggregate); the rating in force is decided below.
  const rows = (await db
    .select({
      businessType: reportingEntities.primaryBusinessType,
      province: reportingEntities.province,
      computed: riskScores.residualBand,
      override: assessmentReviews.overrideRating,
      overrideInForce,
      total: sql<number>`count(*)::int`.mapWith(Number),
      filed: sql<number>`count(${assessments.id})::int`.mapWith(Number),
      ...Object.fromEntries(FLAG_CODES.map((code) => [code, flagged(code)])),
    })
    .from(reportingEntities)
    .leftJoin(assessments, and(eq(assessments.entityId, reportingEntities.id), eq(assessments.cycleId, cycleId), sql`${assessments.submittedVersions} > 0`))
    .leftJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
    .leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true)))
    .leftJoin(assessmentReviews, eq(assessmentReviews.assessmentId, assessments.id))
    .where(eq(reportingEntities.status, 'active'))
    // By position: the in-force expression carries a parameter, so repeating it would not match the select list.
    .groupBy(sql`1`, sql`2`, sql`3`, sql`4`, sql`5`)) as unknown as ({ businessType: string; province: string; computed: string | null; override: string | null; overrideInForce: boolean | null; total: number; filed: number } & Record<FlagCode, number>)[]
  const flags = FLAG_CODES.map((code) => ({ code, count: rows.reduce((n, r) => n + Number(r[code] ?? 0), 0) }))
    .filter((f) => f.count > 0)
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code))
  const ratings = rows
    .filter((r) => r.filed > 0)
    .map((r) => ({ businessType: r.businessType, province: r.province, bucket: toBucket(r.override && r.overrideInForce ? r.override : r.computed), count: r.filed }))
  return { total: rows.reduce((n, r) => n + r.total, 0), filed: rows.reduce((n, r) => n + r.filed, 0), ratings, flags }
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
