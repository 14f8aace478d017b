/**
 * Queries of the staff case pages (R16): the filtered inbox (one page, counts per status, export),
 * the case page's reads, and the plan page's reads. Plain functions over DbOrTx; the use cases
 * (list-cases.ts, get-case-view.ts, get-plan-view.ts) check the actor first.
 *
 * The inbox stays fast over 20,000+ cases: the owner filters lead the indexes of migration 0020
 * (cases_inbox_assignee_idx / cases_inbox_team_idx: owner, status, due_on, id; cases_open_due_idx
 * for all open cases by due date); the page is a LIMIT with a bounded OFFSET (INBOX_MAX_PAGE), and
 * counts are one GROUP BY status over the same filter.
 */
import { and, asc, count, desc, eq, inArray, isNotNull, isNull, like, lt, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { assessmentCycles, assessments, submissions } from '#src/submissions/submissions.tables.ts'
import type { CaseStatus, CaseType } from './case-status.rules.ts'
import { cases, supervisionPlanItems, supervisionPlans } from './cases.tables.ts'
import type { PlanItemRow, PlanRow } from './cases.repo.ts'

export const INBOX_PAGE_SIZE = 50
/** Offset paging stops here (50 × 200 = 10,000 rows): narrow the filter to see further. */
export const INBOX_MAX_PAGE = 200
export const INBOX_EXPORT_MAX = 20_000

export type InboxFilter = {
  assigneeUserId?: string | undefined
  unassigned?: boolean | undefined
  team?: string | undefined
  type?: CaseType | undefined
  statuses: readonly CaseStatus[]
  /** Due before this Bangkok day (`yyyy-mm-dd`): overdue. */
  dueBefore?: string | undefined
  search?: { kind: 'juristic'; digits: string } | { kind: 'name'; text: string } | undefined
  dir: 'asc' | 'desc'
}

export type InboxListRow = {
  id: string
  number: number
  type: CaseType
  status: CaseStatus
  entityId: string
  juristicId: string
  nameTh: string
  nameEn: string | null
  legalForm: string
  assigneeUserId: string | null
  assigneeFirstName: string | null
  assigneeLastName: string | null
  team: string | null
  dueOn: string | null
  openedAt: Date
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

function whereOf(f: Omit<InboxFilter, 'statuses' | 'dir'>): SQL[] {
  const where: SQL[] = []
  if (f.assigneeUserId) where.push(eq(cases.assigneeUserId, f.assigneeUserId))
  if (f.unassigned) where.push(isNull(cases.assigneeUserId))
  if (f.team) where.push(eq(cases.team, f.team))
  if (f.type) where.push(eq(cases.type, f.type))
  if (f.dueBefore) where.push(lt(cases.dueOn, f.dueBefore))
  if (f.search?.kind === 'juristic') where.push(like(reportingEntities.juristicId, `${escapeLike(f.search.digits)}%`))
  if (f.search?.kind === 'name') {
    const pattern = `%${escapeLike(f.search.text)}%`
    where.push(or(like(reportingEntities.nameSearch, pattern), sql`lower(${reportingEntities.nameEn}) like ${pattern}`)!)
  }
  return where
}

/** One page of the inbox, soonest due first (or last), no due date last, then by case id. */
export async function listInboxPage(db: DbOrTx, f: InboxFilter, page: { limit: number; offset: number }): Promise<InboxListRow[]> {
  if (!f.statuses.length) return []
  const rows = await db
    .select({
      id: cases.id,
      number: cases.number,
      type: cases.type,
      status: cases.status,
      entityId: cases.entityId,
      juristicId: reportingEntities.juristicId,
      nameTh: reportingEntities.nameTh,
      nameEn: reportingEntities.nameEn,
      legalForm: reportingEntities.legalForm,
      assigneeUserId: cases.assigneeUserId,
      assigneeFirstName: users.firstName,
      assigneeLastName: users.lastName,
      team: cases.team,
      dueOn: cases.dueOn,
      openedAt: cases.openedAt,
    })
    .from(cases)
    .innerJoin(reportingEntities, eq(reportingEntities.id, cases.entityId))
    .leftJoin(users, eq(users.id, cases.assigneeUserId))
    .where(and(...whereOf(f), inArray(cases.status, [...f.statuses])))
    .orderBy(f.dir === 'asc' ? sql`${cases.dueOn} asc nulls last` : sql`${cases.dueOn} desc nulls last`, f.dir === 'asc' ? asc(cases.id) : desc(cases.id))
    .limit(page.limit)
    .offset(page.offset)
  return rows as InboxListRow[]
}

/** Cases per status under the filter (every status, whatever the status filter). */
export async function countInboxByStatus(db: DbOrTx, f: Omit<InboxFilter, 'statuses' | 'dir'>): Promise<Map<CaseStatus, number>> {
  const where = whereOf(f)
  const base = db.select({ status: cases.status, n: count() }).from(cases)
  const q = f.search ? base.innerJoin(reportingEntities, eq(reportingEntities.id, cases.entityId)) : base
  const rows = await q.where(where.length ? and(...where) : undefined).groupBy(cases.status)
  return new Map(rows.map((r) => [r.status as CaseStatus, Number(r.n)]))
}

/** The teams that have cases (the team filter's choices). */
export async function listCaseTeams(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectDistinct({ team: cases.team }).from(cases).where(isNotNull(cases.team)).orderBy(asc(cases.team))
  return rows.map((r) => r.team!)
}

/** Statuses of the given cases (bulk actions report the ones not found). */
export async function listCaseRefs(db: DbOrTx, ids: readonly string[]): Promise<{ id: string; number: number; status: CaseStatus }[]> {
  if (!ids.length) return []
  return (await db.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(inArray(cases.id, [...ids]))) as { id: string; number: number; status: CaseStatus }[]
}

// ---------------------------------------------------------------------------------------------
// The case page.

export async function findCaseEntity(db: DbOrTx, entityId: string) {
  const [row] = await db
    .select({ id: reportingEntities.id, juristicId: reportingEntities.juristicId, nameTh: reportingEntities.nameTh, nameEn: reportingEntities.nameEn, legalForm: reportingEntities.legalForm })
    .from(reportingEntities)
    .where(eq(reportingEntities.id, entityId))
    .limit(1)
  return row
}

/** The assessment a case links to: its submission's, else the business's assessment of the case's cycle. */
export async function findCaseAssessment(db: DbOrTx, c: { submissionId: string | null; entityId: string; cycleId: string | null }): Promise<{ assessmentId: string; cycleCode: string } | undefined> {
  const cond = c.submissionId
    ? eq(assessments.id, sql`(select ${submissions.assessmentId} from ${submissions} where ${submissions.id} = ${c.submissionId})`)
    : c.cycleId
      ? and(eq(assessments.entityId, c.entityId), eq(assessments.cycleId, c.cycleId))
      : undefined
  if (!cond) return undefined
  const [row] = await db.select({ assessmentId: assessments.id, cycleCode: assessmentCycles.code }).from(assessments).innerJoin(assessmentCycles, eq(assessmentCycles.id, assessments.cycleId)).where(cond).limit(1)
  return row
}

/** Display names of users (timeline, notes). */
export async function listUserNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)]
  if (!unique.length) return new Map()
  const rows = await db.select({ id: users.id, firstName: users.firstName, lastName: users.lastName }).from(users).where(inArray(users.id, unique))
  return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`.trim()]))
}

// ---------------------------------------------------------------------------------------------
// Plans.

export async function listCyclesForPlans(db: DbOrTx) {
  return db.select({ id: assessmentCycles.id, code: assessmentCycles.code, nameTh: assessmentCycles.nameTh, nameEn: assessmentCycles.nameEn }).from(assessmentCycles).orderBy(desc(assessmentCycles.code))
}

export async function listPlansOfCycle(db: DbOrTx, cycleId: string): Promise<PlanRow[]> {
  return (await db.select().from(supervisionPlans).where(eq(supervisionPlans.cycleId, cycleId)).orderBy(desc(supervisionPlans.version))) as PlanRow[]
}

export type PlanItemView = PlanItemRow & { juristicId: string; nameTh: string; nameEn: string | null; legalForm: string }

export async function listPlanItemsWithNames(db: DbOrTx, planId: string): Promise<PlanItemView[]> {
  const rows = await db
    .select({ item: supervisionPlanItems, juristicId: reportingEntities.juristicId, nameTh: reportingEntities.nameTh, nameEn: reportingEntities.nameEn, legalForm: reportingEntities.legalForm })
    .from(supervisionPlanItems)
    .innerJoin(reportingEntities, eq(reportingEntities.id, supervisionPlanItems.entityId))
    .where(eq(supervisionPlanItems.planId, planId))
    .orderBy(asc(supervisionPlanItems.rank))
  return rows.map((r) => ({ ...(r.item as PlanItemRow), juristicId: r.juristicId, nameTh: r.nameTh, nameEn: r.nameEn, legalForm: r.legalForm }))
}

export async function findPlanItem(db: DbOrTx, itemId: string): Promise<PlanItemRow | undefined> {
  const [row] = await db.select().from(supervisionPlanItems).where(eq(supervisionPlanItems.id, itemId)).limit(1)
  return row as PlanItemRow | undefined
}

export async function updatePlanItem(tx: DbOrTx, itemId: string, patch: Partial<Pick<typeof supervisionPlanItems.$inferInsert, 'caseType' | 'assigneeUserId' | 'dueOn' | 'status' | 'reason' | 'scope'>>): Promise<void> {
  await tx.update(supervisionPlanItems).set(patch).where(eq(supervisionPlanItems.id, itemId))
}

export async function deletePlanItem(tx: DbOrTx, itemId: string): Promise<void> {
  await tx.delete(supervisionPlanItems).where(eq(supervisionPlanItems.id, itemId))
}

export async function insertPlanItem(tx: DbOrTx, values: typeof supervisionPlanItems.$inferInsert): Promise<void> {
  await tx.insert(supervisionPlanItems).values(values)
}

export async function maxPlanRank(db: DbOrTx, planId: string): Promise<number> {
  const [row] = await db.select({ r: sql<number | null>`max(${supervisionPlanItems.rank})` }).from(supervisionPlanItems).where(eq(supervisionPlanItems.planId, planId))
  return Number(row?.r ?? 0)
}

export async function findEntityByJuristicId(db: DbOrTx, juristicId: string) {
  const [row] = await db.select({ id: reportingEntities.id }).from(reportingEntities).where(eq(reportingEntities.juristicId, juristicId)).limit(1)
  return row
}

/** The business's registered address (the notification letter's addressee). */
export async function findEntityAddress(db: DbOrTx, entityId: string) {
  const [row] = await db
    .select({ addressLine: reportingEntities.addressLine, subdistrict: reportingEntities.subdistrict, district: reportingEntities.district, province: reportingEntities.province, postcode: reportingEntities.postcode })
    .from(reportingEntities)
    .where(eq(reportingEntities.id, entityId))
    .limit(1)
  return row
}
