/**
 * Queries of the cases module (R16): plain functions over DbOrTx, explicit columns, rows mapped to
 * domain types. Cases are AMLO-internal: every reader takes a staff actor checked by the use case
 * (`requireCaseWorker`); no business user reads these tables through here.
 */
import { and, asc, eq, inArray, isNull, max, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { assessmentReviews } from '#src/review/review.tables.ts'
import { isRating, type Rating } from '#src/review/review.model.ts'
import { riskScores } from '#src/scoring/scoring.tables.ts'
import { assessmentCycles, assessments, submissions } from '#src/submissions/submissions.tables.ts'
import { CaseEvent } from './case-events.model.ts'
import type { CaseStatus, CaseType } from './case-status.rules.ts'
import { caseEvents, caseNotes, cases, findings, informationRequests, remediationActions, supervisionPlanItems, supervisionPlans } from './cases.tables.ts'
import type { PlanItemStatus, PlanStatus } from './cases.model.ts'
import type { EscalationStep, FindingSeverity, FindingState, RemediationStatus } from './findings.rules.ts'
import type { PlanCandidate, PlanReason, PlanScope } from './plan.rules.ts'
import { bangkokDay } from './sla.rules.ts'

export type CaseRow = Omit<typeof cases.$inferSelect, 'type' | 'status' | 'scope'> & { type: CaseType; status: CaseStatus; scope: PlanScope | null }
export type PlanRow = Omit<typeof supervisionPlans.$inferSelect, 'status'> & { status: PlanStatus }
export type PlanItemRow = Omit<typeof supervisionPlanItems.$inferSelect, 'caseType' | 'scope' | 'reason' | 'rating' | 'status'> & {
  caseType: CaseType
  scope: PlanScope
  reason: PlanReason
  rating: Rating
  status: PlanItemStatus
}
export type FindingRow = Omit<typeof findings.$inferSelect, 'severity' | 'escalationStep'> & { severity: FindingSeverity; escalationStep: EscalationStep | null }
export type RemediationRow = Omit<typeof remediationActions.$inferSelect, 'status'> & { status: RemediationStatus }
export type CaseEventRow = Omit<typeof caseEvents.$inferSelect, 'payload'> & { payload: CaseEvent }

// ---------------------------------------------------------------------------------------------
// Cases and their events.

export async function findCase(db: DbOrTx, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId)).limit(1)
  return row as CaseRow | undefined
}

/** The case row, locked until the transaction ends: concurrent changes of one case queue up. */
export async function lockCase(tx: DbOrTx, caseId: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
  return row as CaseRow | undefined
}

export type InboxRow = Pick<CaseRow, 'id' | 'number' | 'type' | 'status' | 'entityId' | 'assigneeUserId' | 'team' | 'dueOn' | 'targetDate' | 'openedAt'> & { entityNameTh: string; entityNameEn: string | null }

/**
 * An inbox: one officer's cases or one team's, in the given statuses, soonest due first (no due
 * date last), then by id. Served by cases_inbox_assignee_idx / cases_inbox_team_idx.
 */
export async function listCaseInbox(db: DbOrTx, of: { assigneeUserId: string } | { team: string }, opts: { statuses: readonly CaseStatus[]; limit: number; offset?: number }): Promise<InboxRow[]> {
  if (!opts.statuses.length) return []
  const owner = 'assigneeUserId' in of ? eq(cases.assigneeUserId, of.assigneeUserId) : eq(cases.team, of.team)
  const rows = await db
    .select({
      id: cases.id,
      number: cases.number,
      type: cases.type,
      status: cases.status,
      entityId: cases.entityId,
      assigneeUserId: cases.assigneeUserId,
      team: cases.team,
      dueOn: cases.dueOn,
      targetDate: cases.targetDate,
      openedAt: cases.openedAt,
      entityNameTh: reportingEntities.nameTh,
      entityNameEn: reportingEntities.nameEn,
    })
    .from(cases)
    .innerJoin(reportingEntities, eq(reportingEntities.id, cases.entityId))
    .where(and(owner, inArray(cases.status, [...opts.statuses])))
    .orderBy(sql`${cases.dueOn} asc nulls last`, asc(cases.id))
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
  return rows as InboxRow[]
}

export async function updateCase(tx: DbOrTx, caseId: string, patch: Partial<Omit<typeof cases.$inferInsert, 'id' | 'number'>> & { updatedAt: Date }): Promise<CaseRow> {
  const [row] = await tx.update(cases).set(patch).where(eq(cases.id, caseId)).returning()
  return row as CaseRow
}

export async function insertCases(tx: DbOrTx, rows: (typeof cases.$inferInsert)[]): Promise<CaseRow[]> {
  if (!rows.length) return []
  return (await tx.insert(cases).values(rows).returning()) as CaseRow[]
}

/** Appends one typed event (R8); the payload is validated before it is stored. */
export async function appendCaseEvent(tx: DbOrTx, e: { caseId: string; at: Date; actorUserId: string | null; event: CaseEvent; idempotencyKey: string | null }): Promise<void> {
  const payload = CaseEvent.parse(e.event)
  await tx.insert(caseEvents).values({ caseId: e.caseId, at: e.at, actorUserId: e.actorUserId, kind: payload.kind, payload, idempotencyKey: e.idempotencyKey })
}

export async function appendCaseEvents(tx: DbOrTx, rows: { caseId: string; at: Date; actorUserId: string | null; event: CaseEvent; idempotencyKey: string | null }[]): Promise<void> {
  if (!rows.length) return
  await tx.insert(caseEvents).values(
    rows.map((e) => {
      const payload = CaseEvent.parse(e.event)
      return { caseId: e.caseId, at: e.at, actorUserId: e.actorUserId, kind: payload.kind, payload, idempotencyKey: e.idempotencyKey }
    }),
  )
}

export async function findCaseEventByKey(db: DbOrTx, idempotencyKey: string): Promise<CaseEventRow | undefined> {
  const [row] = await db.select().from(caseEvents).where(eq(caseEvents.idempotencyKey, idempotencyKey)).limit(1)
  return row as CaseEventRow | undefined
}

/** The case's timeline, oldest first. */
export async function listCaseEvents(db: DbOrTx, caseId: string): Promise<CaseEventRow[]> {
  return (await db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(asc(caseEvents.at), asc(caseEvents.id))) as CaseEventRow[]
}

export async function insertCaseNote(tx: DbOrTx, values: typeof caseNotes.$inferInsert): Promise<{ id: string }> {
  const [row] = await tx.insert(caseNotes).values(values).returning({ id: caseNotes.id })
  return row!
}

export async function listCaseNotes(db: DbOrTx, caseId: string) {
  return db.select().from(caseNotes).where(eq(caseNotes.caseId, caseId)).orderBy(asc(caseNotes.at))
}

export async function insertInformationRequest(tx: DbOrTx, values: typeof informationRequests.$inferInsert) {
  const [row] = await tx.insert(informationRequests).values(values).returning()
  return row!
}

export async function listInformationRequests(db: DbOrTx, caseId: string) {
  return db.select().from(informationRequests).where(eq(informationRequests.caseId, caseId)).orderBy(asc(informationRequests.requestedAt))
}

// ---------------------------------------------------------------------------------------------
// Findings and remediation.

export async function insertFinding(tx: DbOrTx, values: typeof findings.$inferInsert): Promise<FindingRow> {
  const [row] = await tx.insert(findings).values(values).returning()
  return row as FindingRow
}

export async function findFinding(db: DbOrTx, findingId: string): Promise<FindingRow | undefined> {
  const [row] = await db.select().from(findings).where(eq(findings.id, findingId)).limit(1)
  return row as FindingRow | undefined
}

export async function insertRemediationAction(tx: DbOrTx, values: typeof remediationActions.$inferInsert): Promise<RemediationRow> {
  const [row] = await tx.insert(remediationActions).values(values).returning()
  return row as RemediationRow
}

/** Findings (not withdrawn) with their actions' statuses, for the pure rules (resolution, §6.5, escalation). */
async function findingStates(db: DbOrTx, where: ReturnType<typeof eq>): Promise<(FindingState & { caseId: string })[]> {
  const rows = await db
    .select({ id: findings.id, caseId: findings.caseId, severity: findings.severity, dueOn: findings.dueOn, escalationStep: findings.escalationStep, actionStatus: remediationActions.status })
    .from(findings)
    .leftJoin(remediationActions, eq(remediationActions.findingId, findings.id))
    .where(and(where, isNull(findings.withdrawnAt)))
    .orderBy(asc(findings.recordedAt), asc(findings.id))
  const byId = new Map<string, FindingState & { caseId: string; actions: { status: RemediationStatus }[] }>()
  for (const r of rows) {
    let f = byId.get(r.id)
    if (!f) {
      f = { id: r.id, caseId: r.caseId, severity: r.severity as FindingSeverity, dueOn: r.dueOn, escalationStep: r.escalationStep as EscalationStep | null, actions: [] }
      byId.set(r.id, f)
    }
    if (r.actionStatus) f.actions.push({ status: r.actionStatus as RemediationStatus })
  }
  return [...byId.values()]
}

export const listCaseFindingStates = (db: DbOrTx, caseId: string) => findingStates(db, eq(findings.caseId, caseId))
/** Every finding of a business across its cases (the §6.5 floor reads this through openCriticalFindingsPastDeadline). */
export const listEntityFindingStates = (db: DbOrTx, entityId: string) => findingStates(db, eq(findings.entityId, entityId))

export async function listFindings(db: DbOrTx, caseId: string): Promise<FindingRow[]> {
  return (await db.select().from(findings).where(eq(findings.caseId, caseId)).orderBy(asc(findings.recordedAt))) as FindingRow[]
}

export async function listRemediationActions(db: DbOrTx, findingId: string): Promise<RemediationRow[]> {
  return (await db.select().from(remediationActions).where(eq(remediationActions.findingId, findingId)).orderBy(asc(remediationActions.createdAt))) as RemediationRow[]
}

// ---------------------------------------------------------------------------------------------
// Staff who work cases.

export type CaseWorker = { id: string; role: 'examiner' | 'supervisor'; firstName: string; lastName: string }

/** Active examiners and supervisors among `ids` (all of them when `ids` is absent). */
export async function listCaseWorkers(db: DbOrTx, ids?: readonly string[]): Promise<CaseWorker[]> {
  if (ids && ids.length === 0) return []
  const rows = await db
    .select({ id: users.id, role: users.role, firstName: users.firstName, lastName: users.lastName })
    .from(users)
    .where(and(inArray(users.role, ['examiner', 'supervisor']), eq(users.status, 'active'), ids ? inArray(users.id, [...ids]) : undefined))
    .orderBy(asc(users.firstName), asc(users.lastName))
  return rows as CaseWorker[]
}

// ---------------------------------------------------------------------------------------------
// Plans.

export async function findCycleByCode(db: DbOrTx, code: string) {
  const [row] = await db.select({ id: assessmentCycles.id, code: assessmentCycles.code }).from(assessmentCycles).where(eq(assessmentCycles.code, code)).limit(1)
  return row
}

export async function findCycleCodeById(db: DbOrTx, cycleId: string): Promise<string | undefined> {
  const [row] = await db.select({ code: assessmentCycles.code }).from(assessmentCycles).where(eq(assessmentCycles.id, cycleId)).limit(1)
  return row?.code
}

export async function findPlanByKey(db: DbOrTx, idempotencyKey: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(supervisionPlans).where(eq(supervisionPlans.idempotencyKey, idempotencyKey)).limit(1)
  return row as PlanRow | undefined
}

export async function lockPlan(tx: DbOrTx, planId: string): Promise<PlanRow | undefined> {
  const [row] = await tx.select().from(supervisionPlans).where(eq(supervisionPlans.id, planId)).for('update')
  return row as PlanRow | undefined
}

export async function findPlan(db: DbOrTx, planId: string): Promise<PlanRow | undefined> {
  const [row] = await db.select().from(supervisionPlans).where(eq(supervisionPlans.id, planId)).limit(1)
  return row as PlanRow | undefined
}

export async function hasApprovedPlan(db: DbOrTx, cycleId: string): Promise<boolean> {
  const [row] = await db.select({ id: supervisionPlans.id }).from(supervisionPlans).where(and(eq(supervisionPlans.cycleId, cycleId), eq(supervisionPlans.status, 'approved'))).limit(1)
  return !!row
}

export async function nextPlanVersion(tx: DbOrTx, cycleId: string): Promise<number> {
  const [row] = await tx.select({ v: max(supervisionPlans.version) }).from(supervisionPlans).where(eq(supervisionPlans.cycleId, cycleId))
  return (row?.v ?? 0) + 1
}

export async function insertPlan(tx: DbOrTx, values: typeof supervisionPlans.$inferInsert): Promise<PlanRow> {
  const [row] = await tx.insert(supervisionPlans).values(values).returning()
  return row as PlanRow
}

export async function setPlanApproved(tx: DbOrTx, planId: string, by: string, at: Date): Promise<void> {
  await tx.update(supervisionPlans).set({ status: 'approved', approvedBy: by, approvedAt: at }).where(and(eq(supervisionPlans.id, planId), eq(supervisionPlans.status, 'proposed')))
}

/** Inserts in pages (PostgreSQL caps a statement at 65,535 parameters). */
export async function insertPlanItems(tx: DbOrTx, rows: (typeof supervisionPlanItems.$inferInsert)[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(supervisionPlanItems).values(rows.slice(i, i + 2000))
}

export async function listPlanItems(db: DbOrTx, planId: string): Promise<PlanItemRow[]> {
  return (await db.select().from(supervisionPlanItems).where(eq(supervisionPlanItems.planId, planId)).orderBy(asc(supervisionPlanItems.rank))) as PlanItemRow[]
}

export async function linkPlanItemsToCases(tx: DbOrTx, links: { itemId: string; caseId: string }[]): Promise<void> {
  for (let i = 0; i < links.length; i += 2000) {
    const page = links.slice(i, i + 2000)
    const values = sql.join(page.map((l) => sql`(${l.itemId}::uuid, ${l.caseId}::uuid)`), sql`, `)
    await tx.execute(sql`update supervision_plan_items p set case_id = v.case_id from (values ${values}) as v(item_id, case_id) where p.id = v.item_id`)
  }
}

/**
 * The businesses of a cycle with a rating in force at `now` (an approved override until it
 * expires, else the computed rating: the same rule as review.model.ts `currentRating`), with the
 * inherent-risk score of their latest submission and the day of their last on-site / desk review
 * (any case of that type not cancelled).
 */
export async function listPlanCandidates(db: DbOrTx, cycleId: string, now: Date): Promise<PlanCandidate[]> {
  const r = assessmentReviews
  const rating = sql<string | null>`case when ${r.overrideRating} is not null and (${r.overrideExpiresAt} is null or ${r.overrideExpiresAt} > ${now}) then ${r.overrideRating} else ${r.computedRating} end`
  const rows = await db
    .select({ entityId: assessments.entityId, name: reportingEntities.nameTh, rating, score: riskScores.irs })
    .from(r)
    .innerJoin(assessments, eq(assessments.id, r.assessmentId))
    .innerJoin(reportingEntities, eq(reportingEntities.id, assessments.entityId))
    .leftJoin(submissions, and(eq(submissions.assessmentId, assessments.id), eq(submissions.version, assessments.submittedVersions)))
    .leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), eq(riskScores.isCurrent, true)))
    .where(eq(assessments.cycleId, cycleId))
  const last = await db
    .select({ entityId: cases.entityId, type: cases.type, at: max(cases.openedAt) })
    .from(cases)
    .where(and(inArray(cases.type, ['onsite_inspection', 'desk_review']), ne(cases.status, 'cancelled')))
    .groupBy(cases.entityId, cases.type)
  const lastOf = new Map(last.map((l) => [`${l.entityId}:${l.type}`, l.at]))
  const day = (d: Date | null | undefined) => (d ? bangkokDay(d) : null)
  return rows.flatMap((row) =>
    isRating(row.rating)
      ? [{ entityId: row.entityId, name: row.name, rating: row.rating, score: row.score, lastOnsiteOn: day(lastOf.get(`${row.entityId}:onsite_inspection`)), lastDeskReviewOn: day(lastOf.get(`${row.entityId}:desk_review`)) }]
      : [],
  )
}
