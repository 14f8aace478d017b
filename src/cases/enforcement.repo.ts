/**
 * Queries of escalation and enforcement (§8.5; R16): the open cases with findings past their
 * deadline (the hourly runner, `unsafe…`: every business, run by the system), who is told of the
 * steps taken, the cases linked by an escalation, and enforcement measures.
 */
import { and, asc, desc, eq, exists, inArray, isNull, lt, ne, not, notExists, notInArray, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { TERMINAL_STATUSES, type CaseStatus } from './case-status.rules.ts'
import { cases, findings, remediationActions } from './cases.tables.ts'
import type { AppealStatus, PaymentStatus } from './enforcement.model.ts'
import { enforcementMeasures } from './enforcement.tables.ts'
import { ESCALATION_CEILING, FINDING_SEVERITIES, type EscalationStep } from './findings.rules.ts'

/** Findings already at the highest step their severity allows: nothing more to take. */
const AT_CEILING = or(...FINDING_SEVERITIES.flatMap((s) => (ESCALATION_CEILING[s] ? [and(eq(findings.severity, s), eq(findings.escalationStep, ESCALATION_CEILING[s]))] : [])))

/**
 * Open cases with a finding to remediate (not withdrawn, not an observation, not resolved — it has
 * no remediation action or one not yet verified, findings.rules.ts isResolved — below its ceiling)
 * due before `today`.
 */
export async function unsafeListCasesWithOverdueFindings(db: DbOrTx, today: string): Promise<string[]> {
  const actionsOf = (open: boolean) =>
    db
      .select({ one: sql`1` })
      .from(remediationActions)
      .where(and(eq(remediationActions.findingId, findings.id), open ? ne(remediationActions.status, 'verified') : undefined))
  const unresolved = or(notExists(actionsOf(false)), exists(actionsOf(true)))
  const rows = await db
    .selectDistinct({ id: cases.id })
    .from(findings)
    .innerJoin(cases, eq(cases.id, findings.caseId))
    .where(and(notInArray(cases.status, [...TERMINAL_STATUSES]), isNull(findings.withdrawnAt), ne(findings.severity, 'observation'), unresolved, lt(findings.dueOn, today), or(isNull(findings.escalationStep), not(AT_CEILING!))))
    .orderBy(asc(cases.id))
  return rows.map((r) => r.id)
}

export type StaffRecipient = { id: string; email: string; locale: string; firstName: string; lastName: string }

const recipientColumns = { id: users.id, email: users.email, locale: users.locale, firstName: users.firstName, lastName: users.lastName }

/** The case's assignee if still an active examiner or supervisor; else every active supervisor. */
export async function escalationRecipients(db: DbOrTx, assigneeUserId: string | null): Promise<StaffRecipient[]> {
  if (assigneeUserId) {
    const [me] = await db
      .select(recipientColumns)
      .from(users)
      .where(and(eq(users.id, assigneeUserId), inArray(users.role, ['examiner', 'supervisor']), eq(users.status, 'active')))
    if (me) return [me]
  }
  return db
    .select(recipientColumns)
    .from(users)
    .where(and(eq(users.role, 'supervisor'), eq(users.status, 'active')))
    .orderBy(asc(users.createdAt))
}

export type LinkedCase = { id: string; number: number; status: CaseStatus }

/** The referral cases opened from `caseId`, oldest first. */
export async function listReferralCases(db: DbOrTx, caseId: string): Promise<LinkedCase[]> {
  return (await db.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(eq(cases.parentCaseId, caseId)).orderBy(asc(cases.openedAt), asc(cases.number))) as LinkedCase[]
}

export async function findLinkedCase(db: DbOrTx, caseId: string): Promise<LinkedCase | undefined> {
  const [row] = await db.select({ id: cases.id, number: cases.number, status: cases.status }).from(cases).where(eq(cases.id, caseId)).limit(1)
  return row as LinkedCase | undefined
}

export type MeasureRow = Omit<typeof enforcementMeasures.$inferSelect, 'measure' | 'paymentStatus' | 'appealStatus'> & { measure: EscalationStep; paymentStatus: PaymentStatus; appealStatus: AppealStatus }

export async function insertMeasure(tx: DbOrTx, values: typeof enforcementMeasures.$inferInsert): Promise<MeasureRow> {
  const [row] = await tx.insert(enforcementMeasures).values(values).returning()
  return row as MeasureRow
}

export async function lockMeasure(tx: DbOrTx, measureId: string): Promise<MeasureRow | undefined> {
  const [row] = await tx.select().from(enforcementMeasures).where(eq(enforcementMeasures.id, measureId)).for('update')
  return row as MeasureRow | undefined
}

export async function updateMeasureStatus(tx: DbOrTx, measureId: string, v: { paymentStatus: PaymentStatus; appealStatus: AppealStatus; updatedAt: Date }): Promise<void> {
  await tx.update(enforcementMeasures).set(v).where(eq(enforcementMeasures.id, measureId))
}

export async function listCaseMeasures(db: DbOrTx, caseId: string): Promise<MeasureRow[]> {
  return (await db.select().from(enforcementMeasures).where(eq(enforcementMeasures.caseId, caseId)).orderBy(asc(enforcementMeasures.decidedOn), asc(enforcementMeasures.recordedAt))) as MeasureRow[]
}

export type MeasureExportRow = MeasureRow & { caseNumber: number; juristicId: string; nameTh: string; nameEn: string | null; legalForm: string }

/** Every measure with its business, newest decision first (the statistics export). */
export async function listAllMeasures(db: DbOrTx): Promise<MeasureExportRow[]> {
  const rows = await db
    .select({
      m: enforcementMeasures,
      caseNumber: cases.number,
      juristicId: reportingEntities.juristicId,
      nameTh: reportingEntities.nameTh,
      nameEn: reportingEntities.nameEn,
      legalForm: reportingEntities.legalForm,
    })
    .from(enforcementMeasures)
    .innerJoin(cases, eq(cases.id, enforcementMeasures.caseId))
    .innerJoin(reportingEntities, eq(reportingEntities.id, enforcementMeasures.entityId))
    .orderBy(desc(enforcementMeasures.decidedOn), desc(enforcementMeasures.recordedAt))
  return rows.map(({ m, ...rest }) => ({ ...(m as MeasureRow), ...rest }))
}
