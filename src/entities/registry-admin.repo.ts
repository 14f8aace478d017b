/**
 * Registry queries for the admin (issue 7). Registry data is public (DBD); these functions are
 * for the admin use cases of src/entities only, which check `registry:manage:any` first.
 */
import { and, arrayContains, asc, count, eq, inArray, like, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { users } from '#src/identity/users.tables.ts'
import { riskScores } from '#src/scoring/scoring.tables.ts'
import { filingReminders } from '#src/insights/insights.tables.ts'
import { assessments, attachments, assessmentCycles, submissions } from '#src/submissions/submissions.tables.ts'
import { supportTickets } from '#src/support/support.tables.ts'
import type { EntityStatus } from './business-types.model.ts'
import { reportingEntities } from './entities.tables.ts'
import { normaliseNameForSearch } from './entity-name.rules.ts'
import type { BusinessRecord } from './registry.model.ts'
import { recordOfRow, storedBusinessTypes } from './registry.rules.ts'
import { registryImportBatches } from './registry-imports.tables.ts'

const rowColumns = {
  id: reportingEntities.id,
  juristicId: reportingEntities.juristicId,
  nameTh: reportingEntities.nameTh,
  nameEn: reportingEntities.nameEn,
  legalForm: reportingEntities.legalForm,
  primaryBusinessType: reportingEntities.primaryBusinessType,
  businessTypes: reportingEntities.businessTypes,
  addressLine: reportingEntities.addressLine,
  province: reportingEntities.province,
  district: reportingEntities.district,
  subdistrict: reportingEntities.subdistrict,
  postcode: reportingEntities.postcode,
  status: reportingEntities.status,
  ceasedOn: reportingEntities.ceasedOn,
  mergedIntoId: reportingEntities.mergedIntoId,
  updatedAt: reportingEntities.updatedAt,
}
type Row = { [K in keyof typeof rowColumns]: (typeof reportingEntities.$inferSelect)[K] }

export type RegistryBusiness = BusinessRecord & { id: string; mergedIntoId: string | null; updatedAt: Date }
const toBusiness = (r: Row): RegistryBusiness => ({ ...recordOfRow(r), id: r.id, mergedIntoId: r.mergedIntoId, updatedAt: r.updatedAt })

export type RegistrySearch = { q?: string; status?: EntityStatus; type?: string; page: number; pageSize: number }

function searchWhere(s: RegistrySearch): SQL | undefined {
  const where: SQL[] = []
  if (s.status) where.push(eq(reportingEntities.status, s.status))
  if (s.type) where.push(arrayContains(reportingEntities.businessTypes, [s.type]))
  if (s.q) {
    const esc = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`)
    const digits = s.q.replace(/[\s-]/g, '')
    const parts: SQL[] = []
    if (/^\d{2,13}$/.test(digits)) parts.push(like(reportingEntities.juristicId, `${esc(digits)}%`))
    const key = normaliseNameForSearch(s.q)
    if (key) parts.push(like(reportingEntities.nameSearch, `%${esc(key)}%`))
    parts.push(sql`lower(${reportingEntities.nameEn}) like ${`%${esc(s.q.trim().toLowerCase())}%`}`)
    where.push(or(...parts)!)
  }
  return where.length ? and(...where) : undefined
}

export async function searchRegistry(db: DbOrTx, s: RegistrySearch): Promise<{ rows: RegistryBusiness[]; total: number }> {
  const where = searchWhere(s)
  const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(reportingEntities).where(where)
  const rows = await db
    .select(rowColumns)
    .from(reportingEntities)
    .where(where)
    .orderBy(asc(reportingEntities.nameSearch), asc(reportingEntities.juristicId))
    .limit(s.pageSize)
    .offset((s.page - 1) * s.pageSize)
  return { rows: rows.map(toBusiness), total: n }
}

export async function findRegistryBusiness(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<RegistryBusiness | undefined> {
  const q = db.select(rowColumns).from(reportingEntities).where(eq(reportingEntities.id, id)).limit(1)
  const [row] = opts.lock ? await q.for('update') : await q
  return row && toBusiness(row)
}

export async function findRegistryBusinessesByJuristicIds(db: DbOrTx, ids: readonly string[]): Promise<RegistryBusiness[]> {
  if (!ids.length) return []
  const rows = await db.select(rowColumns).from(reportingEntities).where(inArray(reportingEntities.juristicId, [...ids]))
  return rows.map(toBusiness)
}

/** Businesses whose normalised Thai name is one of `keys` (possible duplicates under another number). */
export async function findBusinessesByNameKeys(db: DbOrTx, keys: readonly string[]): Promise<{ id: string; juristicId: string; nameSearch: string }[]> {
  if (!keys.length) return []
  return db
    .select({ id: reportingEntities.id, juristicId: reportingEntities.juristicId, nameSearch: reportingEntities.nameSearch })
    .from(reportingEntities)
    .where(inArray(reportingEntities.nameSearch, [...keys]))
}

const columnsOf = (r: BusinessRecord) => ({
  juristicId: r.juristicId,
  nameTh: r.nameTh,
  nameEn: r.nameEn,
  legalForm: r.legalForm,
  primaryBusinessType: r.primaryBusinessType,
  businessTypes: storedBusinessTypes(r),
  addressLine: r.addressLine,
  province: r.province,
  district: r.district,
  subdistrict: r.subdistrict,
  postcode: r.postcode,
  status: r.status,
  ceasedOn: r.ceasedOn,
  nameSearch: normaliseNameForSearch(r.nameTh),
})

export async function insertRegistryBusiness(db: DbOrTx, r: BusinessRecord, now: Date): Promise<string> {
  const [row] = await db.insert(reportingEntities).values({ ...columnsOf(r), createdAt: now, updatedAt: now }).returning({ id: reportingEntities.id })
  return row!.id
}

export async function updateRegistryBusiness(db: DbOrTx, id: string, r: BusinessRecord, now: Date): Promise<void> {
  await db.update(reportingEntities).set({ ...columnsOf(r), updatedAt: now }).where(eq(reportingEntities.id, id))
}

export async function deleteRegistryBusiness(db: DbOrTx, id: string): Promise<void> {
  await db.delete(reportingEntities).where(eq(reportingEntities.id, id))
}

export async function markMerged(db: DbOrTx, id: string, into: string, on: string, now: Date): Promise<void> {
  await db.update(reportingEntities).set({ status: 'inactive', ceasedOn: on, mergedIntoId: into, updatedAt: now }).where(eq(reportingEntities.id, id))
}

/** What hangs on a business: users, assessments, support tickets, and duplicates merged into it. */
export type BusinessLinks = { users: number; assessments: number; submissions: number; tickets: number; reminders: number; mergedFrom: number }

export async function countBusinessLinks(db: DbOrTx, id: string): Promise<BusinessLinks> {
  const one = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0
  return {
    users: await one(db.select({ n: count() }).from(users).where(eq(users.entityId, id))),
    assessments: await one(db.select({ n: count() }).from(assessments).where(eq(assessments.entityId, id))),
    submissions: await one(db.select({ n: count() }).from(submissions).where(eq(submissions.entityId, id))),
    tickets: await one(db.select({ n: count() }).from(supportTickets).where(eq(supportTickets.entityId, id))),
    reminders: await one(db.select({ n: count() }).from(filingReminders).where(eq(filingReminders.entityId, id))),
    mergedFrom: await one(db.select({ n: count() }).from(reportingEntities).where(eq(reportingEntities.mergedIntoId, id))),
  }
}

/** Cycles in which both businesses have an assessment (a merge would leave two for one cycle). */
export async function sharedAssessmentCycles(db: DbOrTx, a: string, b: string): Promise<string[]> {
  const rows = await db
    .select({ code: assessmentCycles.code })
    .from(assessments)
    .innerJoin(assessmentCycles, eq(assessmentCycles.id, assessments.cycleId))
    .where(and(eq(assessments.entityId, a), sql`exists (select 1 from ${assessments} other where other.entity_id = ${b} and other.cycle_id = ${assessments.cycleId})`))
    .orderBy(asc(assessmentCycles.code))
  return rows.map((r) => r.code)
}

/** Moves everything that belongs to `from` onto `to`; returns how many users, assessments and tickets moved. */
export async function moveBusinessLinks(db: DbOrTx, from: string, to: string): Promise<{ users: number; assessments: number; tickets: number }> {
  const movedUsers = await db.update(users).set({ entityId: to }).where(eq(users.entityId, from)).returning({ id: users.id })
  const movedAssessments = await db.update(assessments).set({ entityId: to }).where(eq(assessments.entityId, from)).returning({ id: assessments.id })
  await db.update(attachments).set({ entityId: to }).where(eq(attachments.entityId, from))
  await db.update(submissions).set({ entityId: to }).where(eq(submissions.entityId, from))
  await db.update(riskScores).set({ entityId: to }).where(eq(riskScores.entityId, from))
  const movedTickets = await db.update(supportTickets).set({ entityId: to }).where(eq(supportTickets.entityId, from)).returning({ id: supportTickets.id })
  // One reminder per business, cycle and day: a day both were reminded keeps the survivor's row.
  await db
    .update(filingReminders)
    .set({ entityId: to })
    .where(
      and(
        eq(filingReminders.entityId, from),
        sql`not exists (select 1 from ${filingReminders} f2 where f2.entity_id = ${to} and f2.cycle_id = ${filingReminders.cycleId} and f2.reminded_on = ${filingReminders.remindedOn})`,
      ),
    )
  // Duplicates merged earlier into `from` now point at the survivor.
  await db.update(reportingEntities).set({ mergedIntoId: to }).where(eq(reportingEntities.mergedIntoId, from))
  return { users: movedUsers.length, assessments: movedAssessments.length, tickets: movedTickets.length }
}

// ── Import batches ──────────────────────────────────────────────────────────────────────────

export type ImportBatch = typeof registryImportBatches.$inferSelect

export async function insertImportBatch(db: DbOrTx, v: { createdBy: string; createdAt: Date; fileName: string; fileKind: 'csv' | 'xlsx'; fileSha256: string; plan: unknown }): Promise<string> {
  const [row] = await db.insert(registryImportBatches).values(v).returning({ id: registryImportBatches.id })
  return row!.id
}

export async function findImportBatch(db: DbOrTx, id: string, opts: { lock?: boolean } = {}): Promise<ImportBatch | undefined> {
  const q = db.select().from(registryImportBatches).where(eq(registryImportBatches.id, id)).limit(1)
  const [row] = opts.lock ? await q.for('update') : await q
  return row
}

export async function markImportApplied(db: DbOrTx, id: string, by: string, at: Date): Promise<void> {
  await db.update(registryImportBatches).set({ status: 'applied', appliedAt: at, appliedBy: by }).where(eq(registryImportBatches.id, id))
}
