/**
 * The business side of cases (R16): what a business may see of its own cases — open information
 * requests and remediation actions — and the rows its answers change. EVERY function taking an
 * `entityId` filters by it in SQL: a business user only ever reaches its own entity's rows, and
 * another business's id reads as "not found". Only business-facing columns are selected: no case
 * notes, no assignee, no other business's findings. The reminder queries at the end are for the
 * system job (sendCaseReminders) and are named `unsafe…` (they read every business).
 */
import { and, asc, eq, gte, inArray, lte, notInArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { TERMINAL_STATUSES, type CaseStatus } from './case-status.rules.ts'
import { caseReminders, cases, caseVisits, findings, informationRequests, remediationActions, type CaseReminderItemKind } from './cases.tables.ts'
import type { InformationRequestStatus } from './cases.model.ts'
import type { EscalationStep, FindingSeverity, FindingState, RemediationStatus } from './findings.rules.ts'

/** A file sent by the business, as stored in the JSONB columns (FileStore key + display data). */
export type CaseFile = { fileKey: string; displayName: string; mediaType: string; sizeBytes: number; sha256: string }

export type BusinessRequest = {
  id: string
  caseId: string
  caseNumber: number
  caseStatus: CaseStatus
  subject: string
  body: string
  dueOn: string
  status: InformationRequestStatus
  requestedAt: Date
  answerText: string | null
  answerAttachments: CaseFile[]
  answeredAt: Date | null
}

export type BusinessAction = {
  id: string
  caseId: string
  caseNumber: number
  caseStatus: CaseStatus
  findingId: string
  findingTitle: string
  findingSeverity: FindingSeverity
  /** The obligation breached (finding legal basis). */
  legalBasis: string
  requiredAction: string
  description: string
  ownerName: string
  dueOn: string
  status: RemediationStatus
  evidence: CaseFile[]
  doneNote: string | null
  doneAt: Date | null
  /** Why AMLO found the evidence not enough (shown to the business so it can do better). */
  rejectionReason: string | null
}

const OPEN_CASE = notInArray(cases.status, [...TERMINAL_STATUSES])

const requestColumns = {
  id: informationRequests.id,
  caseId: informationRequests.caseId,
  caseNumber: cases.number,
  caseStatus: cases.status,
  subject: informationRequests.subject,
  body: informationRequests.body,
  dueOn: informationRequests.dueOn,
  status: informationRequests.status,
  requestedAt: informationRequests.requestedAt,
  answerText: informationRequests.answerText,
  answerAttachments: informationRequests.answerAttachments,
  answeredAt: informationRequests.answeredAt,
}

const actionColumns = {
  id: remediationActions.id,
  caseId: remediationActions.caseId,
  caseNumber: cases.number,
  caseStatus: cases.status,
  findingId: findings.id,
  findingTitle: findings.title,
  findingSeverity: findings.severity,
  legalBasis: findings.legalBasis,
  requiredAction: findings.requiredAction,
  description: remediationActions.description,
  ownerName: remediationActions.ownerName,
  dueOn: remediationActions.dueOn,
  status: remediationActions.status,
  evidence: remediationActions.evidence,
  doneNote: remediationActions.doneNote,
  doneAt: remediationActions.doneAt,
  rejectionReason: remediationActions.rejectionReason,
}

/** The business's open requests (open cases), soonest due first. */
export async function listOpenRequestsOfEntity(db: DbOrTx, entityId: string): Promise<BusinessRequest[]> {
  const rows = await db
    .select(requestColumns)
    .from(informationRequests)
    .innerJoin(cases, eq(cases.id, informationRequests.caseId))
    .where(and(eq(informationRequests.entityId, entityId), eq(informationRequests.status, 'open'), OPEN_CASE))
    .orderBy(asc(informationRequests.dueOn), asc(informationRequests.id))
  return rows as BusinessRequest[]
}

/** The business's remediation actions still to do (open, or rejected and to redo), soonest due first. */
export async function listOpenActionsOfEntity(db: DbOrTx, entityId: string): Promise<BusinessAction[]> {
  const rows = await db
    .select(actionColumns)
    .from(remediationActions)
    .innerJoin(cases, eq(cases.id, remediationActions.caseId))
    .innerJoin(findings, eq(findings.id, remediationActions.findingId))
    .where(and(eq(remediationActions.entityId, entityId), inArray(remediationActions.status, ['open', 'rejected']), OPEN_CASE, sql`${findings.withdrawnAt} is null`))
    .orderBy(asc(remediationActions.dueOn), asc(remediationActions.id))
  return rows as BusinessAction[]
}

/** One request of this business (any status); `lock` holds the row until the transaction ends. */
export async function findRequestOfEntity(db: DbOrTx, entityId: string, requestId: string, lock = false): Promise<BusinessRequest | undefined> {
  const q = db
    .select(requestColumns)
    .from(informationRequests)
    .innerJoin(cases, eq(cases.id, informationRequests.caseId))
    .where(and(eq(informationRequests.id, requestId), eq(informationRequests.entityId, entityId)))
    .limit(1)
  const [row] = lock ? await q.for('update', { of: informationRequests }) : await q
  return row as BusinessRequest | undefined
}

/** One remediation action of this business (withdrawn findings excluded). */
export async function findActionOfEntity(db: DbOrTx, entityId: string, actionId: string, lock = false): Promise<BusinessAction | undefined> {
  const q = db
    .select(actionColumns)
    .from(remediationActions)
    .innerJoin(cases, eq(cases.id, remediationActions.caseId))
    .innerJoin(findings, eq(findings.id, remediationActions.findingId))
    .where(and(eq(remediationActions.id, actionId), eq(remediationActions.entityId, entityId), sql`${findings.withdrawnAt} is null`))
    .limit(1)
  const [row] = lock ? await q.for('update', { of: remediationActions }) : await q
  return row as BusinessAction | undefined
}

export async function setRequestAnswered(tx: DbOrTx, requestId: string, v: { answerText: string; answerAttachments: CaseFile[]; answeredBy: string; answeredAt: Date }): Promise<void> {
  await tx.update(informationRequests).set({ ...v, status: 'answered' }).where(and(eq(informationRequests.id, requestId), eq(informationRequests.status, 'open')))
}

export async function setActionDone(tx: DbOrTx, actionId: string, v: { evidence: CaseFile[]; doneNote: string | null; doneBy: string; doneAt: Date }): Promise<void> {
  await tx.update(remediationActions).set({ ...v, status: 'done_by_business', rejectionReason: null }).where(eq(remediationActions.id, actionId))
}

// ---------------------------------------------------------------------------------------------
// Staff side of remediation and visits (the use cases check the staff actor).

export type RemediationForStaff = { id: string; caseId: string; entityId: string; findingId: string; status: RemediationStatus; evidenceCount: number }

export async function unsafeFindRemediationAction(db: DbOrTx, actionId: string): Promise<RemediationForStaff | undefined> {
  const [row] = await db
    .select({ id: remediationActions.id, caseId: remediationActions.caseId, entityId: remediationActions.entityId, findingId: remediationActions.findingId, status: remediationActions.status, evidence: remediationActions.evidence })
    .from(remediationActions)
    .where(eq(remediationActions.id, actionId))
    .limit(1)
  if (!row) return undefined
  return { id: row.id, caseId: row.caseId, entityId: row.entityId, findingId: row.findingId, status: row.status as RemediationStatus, evidenceCount: (row.evidence as CaseFile[]).length }
}

export async function setActionDecided(tx: DbOrTx, actionId: string, v: { status: 'verified' | 'rejected'; decidedBy: string; decidedAt: Date; rejectionReason: string | null }): Promise<void> {
  await tx.update(remediationActions).set(v).where(eq(remediationActions.id, actionId))
}

export async function insertVisit(tx: DbOrTx, values: typeof caseVisits.$inferInsert): Promise<{ id: string }> {
  const [row] = await tx.insert(caseVisits).values(values).returning({ id: caseVisits.id })
  return row!
}

export async function listVisits(db: DbOrTx, caseId: string) {
  return db.select().from(caseVisits).where(eq(caseVisits.caseId, caseId)).orderBy(asc(caseVisits.visitedOn))
}

export async function setFindingEscalationStep(tx: DbOrTx, findingId: string, step: string): Promise<void> {
  await tx.update(findings).set({ escalationStep: step }).where(eq(findings.id, findingId))
}

// ---------------------------------------------------------------------------------------------
// Reminders (system job over every business).

export type ReminderItem = { kind: CaseReminderItemKind; id: string; entityId: string; caseNumber: number; title: string; dueOn: string; sent: string[] }

/** Open requests and actions to do of open cases due between `fromDay` and `toDay`, with the steps already sent. */
export async function unsafeListReminderItems(db: DbOrTx, fromDay: string, toDay: string): Promise<ReminderItem[]> {
  const reqs = await db
    .select({ id: informationRequests.id, entityId: informationRequests.entityId, caseNumber: cases.number, title: informationRequests.subject, dueOn: informationRequests.dueOn })
    .from(informationRequests)
    .innerJoin(cases, eq(cases.id, informationRequests.caseId))
    .where(and(eq(informationRequests.status, 'open'), OPEN_CASE, gte(informationRequests.dueOn, fromDay), lte(informationRequests.dueOn, toDay)))
  const acts = await db
    .select({ id: remediationActions.id, entityId: remediationActions.entityId, caseNumber: cases.number, title: remediationActions.description, dueOn: remediationActions.dueOn })
    .from(remediationActions)
    .innerJoin(cases, eq(cases.id, remediationActions.caseId))
    .where(and(inArray(remediationActions.status, ['open', 'rejected']), OPEN_CASE, gte(remediationActions.dueOn, fromDay), lte(remediationActions.dueOn, toDay)))
  const items: ReminderItem[] = [
    ...reqs.map((r) => ({ ...r, kind: 'information_request' as const, sent: [] as string[] })),
    ...acts.map((r) => ({ ...r, kind: 'remediation_action' as const, sent: [] as string[] })),
  ]
  if (!items.length) return items
  const sent = await db
    .select()
    .from(caseReminders)
    .where(inArray(caseReminders.itemId, items.map((i) => i.id)))
  for (const s of sent) items.find((i) => i.id === s.itemId && i.kind === s.itemKind)?.sent.push(s.step)
  return items
}

/** Records steps as sent; returns the items whose steps were new (a parallel run loses the race quietly). */
export async function insertReminderSteps(tx: DbOrTx, rows: { itemKind: CaseReminderItemKind; itemId: string; step: string; sentAt: Date }[]): Promise<Set<string>> {
  if (!rows.length) return new Set()
  const inserted = await tx.insert(caseReminders).values(rows).onConflictDoNothing().returning({ itemId: caseReminders.itemId })
  return new Set(inserted.map((r) => r.itemId))
}

export type BusinessRecipient = { entityId: string; email: string; locale: string; firstName: string; lastName: string; nameTh: string }

/** The active users (entity_user and entity_admin) of these businesses. */
export async function activeUsersOfEntities(db: DbOrTx, entityIds: readonly string[]): Promise<BusinessRecipient[]> {
  if (!entityIds.length) return []
  return db
    .select({ entityId: reportingEntities.id, email: users.email, locale: users.locale, firstName: users.firstName, lastName: users.lastName, nameTh: reportingEntities.nameTh })
    .from(users)
    .innerJoin(reportingEntities, eq(reportingEntities.id, users.entityId))
    .where(and(inArray(users.entityId, [...entityIds]), inArray(users.role, ['entity_user', 'entity_admin']), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt))
}

// ---------------------------------------------------------------------------------------------
// §6.5 floor: critical findings of these businesses (any case), with their actions' statuses.

export async function unsafeListCriticalFindingStates(db: DbOrTx, entityIds: readonly string[], beforeDay: string): Promise<(FindingState & { entityId: string })[]> {
  if (!entityIds.length) return []
  const rows = await db
    .select({ id: findings.id, entityId: findings.entityId, dueOn: findings.dueOn, escalationStep: findings.escalationStep, actionStatus: remediationActions.status })
    .from(findings)
    .leftJoin(remediationActions, eq(remediationActions.findingId, findings.id))
    .where(and(inArray(findings.entityId, [...entityIds]), eq(findings.severity, 'critical'), sql`${findings.withdrawnAt} is null`, sql`${findings.dueOn} < ${beforeDay}`))
    .orderBy(asc(findings.dueOn), asc(findings.id))
  const byId = new Map<string, FindingState & { entityId: string; actions: { status: RemediationStatus }[] }>()
  for (const r of rows) {
    let f = byId.get(r.id)
    if (!f) {
      f = { id: r.id, entityId: r.entityId, severity: 'critical', dueOn: r.dueOn, escalationStep: r.escalationStep as EscalationStep | null, actions: [] }
      byId.set(r.id, f)
    }
    if (r.actionStatus) f.actions.push({ status: r.actionStatus as RemediationStatus })
  }
  return [...byId.values()]
}
