/**
 * Queries of case reports (R16). Staff readers take a case id (the use case checks the staff actor);
 * EVERY function taking an `entityId` filters by it in SQL, so a business only reaches its own
 * reports and another business's id reads as "not found". Reports hold business-facing text only.
 */
import { and, asc, desc, eq, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { caseReportResponses, caseReports } from './case-reports.tables.ts'
import type { CaseReportKind, ReportFinding } from './case-reports.model.ts'
import type { CaseStatus } from './case-status.rules.ts'
import type { CaseFile } from './case-tasks.repo.ts'
import { cases, findings } from './cases.tables.ts'
import type { FindingSeverity } from './findings.rules.ts'

export type CaseReportRow = Omit<typeof caseReports.$inferSelect, 'kind' | 'findings'> & { kind: CaseReportKind; findings: ReportFinding[] }
export type ReportResponseRow = Omit<typeof caseReportResponses.$inferSelect, 'attachments'> & { attachments: CaseFile[] }

export async function insertCaseReport(tx: DbOrTx, values: Omit<typeof caseReports.$inferInsert, 'findings'> & { kind: CaseReportKind; findings: ReportFinding[] }): Promise<CaseReportRow> {
  const [row] = await tx.insert(caseReports).values(values).returning()
  return row as CaseReportRow
}

export async function insertReportResponse(tx: DbOrTx, values: Omit<typeof caseReportResponses.$inferInsert, 'attachments'> & { attachments: CaseFile[] }): Promise<{ id: string }> {
  const [row] = await tx.insert(caseReportResponses).values(values).returning({ id: caseReportResponses.id })
  return row!
}

/** The case's reports by kind, each with the business's response (a draft's). */
export async function listReportsOfCase(db: DbOrTx, caseId: string): Promise<{ report: CaseReportRow; response: ReportResponseRow | null }[]> {
  const rows = await db
    .select({ report: caseReports, response: caseReportResponses })
    .from(caseReports)
    .leftJoin(caseReportResponses, eq(caseReportResponses.reportId, caseReports.id))
    .where(eq(caseReports.caseId, caseId))
    .orderBy(asc(caseReports.issuedAt))
  return rows.map((r) => ({ report: r.report as CaseReportRow, response: (r.response as ReportResponseRow | null) ?? null }))
}

/** The findings of the case as a report states them (withdrawn ones left out), oldest first. */
export async function snapshotFindings(db: DbOrTx, caseId: string): Promise<ReportFinding[]> {
  const rows = await db
    .select({ title: findings.title, severity: findings.severity, controlArea: findings.controlArea, legalBasis: findings.legalBasis, requiredAction: findings.requiredAction, dueOn: findings.dueOn })
    .from(findings)
    .where(and(eq(findings.caseId, caseId), isNull(findings.withdrawnAt)))
    .orderBy(asc(findings.recordedAt), asc(findings.id))
  return rows.map((r) => ({ ...r, severity: r.severity as FindingSeverity }))
}

// ---------------------------------------------------------------------------------------------
// The business side (scoped by entity in SQL).

export type BusinessReport = {
  report: CaseReportRow
  caseNumber: number
  caseStatus: CaseStatus
  response: ReportResponseRow | null
}

/** One report of this business with its case's number and status and its response (a draft's). */
export async function findReportOfEntity(db: DbOrTx, entityId: string, reportId: string): Promise<BusinessReport | undefined> {
  const [row] = await db
    .select({ report: caseReports, caseNumber: cases.number, caseStatus: cases.status, response: caseReportResponses })
    .from(caseReports)
    .innerJoin(cases, eq(cases.id, caseReports.caseId))
    .leftJoin(caseReportResponses, eq(caseReportResponses.reportId, caseReports.id))
    .where(and(eq(caseReports.id, reportId), eq(caseReports.entityId, entityId)))
    .limit(1)
  if (!row) return undefined
  return { report: row.report as CaseReportRow, caseNumber: row.caseNumber, caseStatus: row.caseStatus as CaseStatus, response: (row.response as ReportResponseRow | null) ?? null }
}

/** The response to the draft report of a case of this business (for the final report's PDF). */
export async function findDraftResponseOfCase(db: DbOrTx, caseId: string): Promise<{ report: CaseReportRow; response: ReportResponseRow | null } | undefined> {
  return (await listReportsOfCase(db, caseId)).find((r) => r.report.kind === 'draft')
}

export type BusinessReportItem = { id: string; kind: CaseReportKind; caseId: string; caseNumber: number; responseDueOn: string | null; issuedAt: Date }

/**
 * What the portal home lists: drafts still waiting for the business's response (case in
 * entity_response, nothing sent yet), soonest due first; then every final report, newest first.
 */
export async function listReportItemsOfEntity(db: DbOrTx, entityId: string): Promise<{ awaiting: BusinessReportItem[]; finals: BusinessReportItem[] }> {
  const columns = { id: caseReports.id, kind: caseReports.kind, caseId: caseReports.caseId, caseNumber: cases.number, responseDueOn: caseReports.responseDueOn, issuedAt: caseReports.issuedAt }
  const awaiting = await db
    .select(columns)
    .from(caseReports)
    .innerJoin(cases, eq(cases.id, caseReports.caseId))
    .leftJoin(caseReportResponses, eq(caseReportResponses.reportId, caseReports.id))
    .where(and(eq(caseReports.entityId, entityId), eq(caseReports.kind, 'draft'), isNull(caseReportResponses.id), eq(cases.status, 'entity_response')))
    .orderBy(asc(caseReports.responseDueOn), asc(caseReports.id))
  const finals = await db
    .select(columns)
    .from(caseReports)
    .innerJoin(cases, eq(cases.id, caseReports.caseId))
    .where(and(eq(caseReports.entityId, entityId), eq(caseReports.kind, 'final')))
    .orderBy(desc(caseReports.issuedAt), asc(caseReports.id))
  return { awaiting: awaiting as BusinessReportItem[], finals: finals as BusinessReportItem[] }
}
