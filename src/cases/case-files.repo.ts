/**
 * The files a business sent on a case, for staff (R16): the answer attachments of one information
 * request, the evidence of one remediation action and the files of its response to the draft report, each looked up by its id AND its case id in
 * SQL, so an id that belongs to another case reads as "not found".
 */
import { and, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { caseReportResponses } from './case-reports.tables.ts'
import type { CaseFile } from './case-tasks.repo.ts'
import { informationRequests, remediationActions } from './cases.tables.ts'

export type CaseFilesOf = { id: string; caseId: string; entityId: string; files: CaseFile[] }

export async function findRequestFilesOfCase(db: DbOrTx, caseId: string, requestId: string): Promise<CaseFilesOf | undefined> {
  const [row] = await db
    .select({ id: informationRequests.id, caseId: informationRequests.caseId, entityId: informationRequests.entityId, files: informationRequests.answerAttachments })
    .from(informationRequests)
    .where(and(eq(informationRequests.id, requestId), eq(informationRequests.caseId, caseId)))
    .limit(1)
  return row ? { ...row, files: row.files as CaseFile[] } : undefined
}

export async function findEvidenceOfCase(db: DbOrTx, caseId: string, actionId: string): Promise<CaseFilesOf | undefined> {
  const [row] = await db
    .select({ id: remediationActions.id, caseId: remediationActions.caseId, entityId: remediationActions.entityId, files: remediationActions.evidence })
    .from(remediationActions)
    .where(and(eq(remediationActions.id, actionId), eq(remediationActions.caseId, caseId)))
    .limit(1)
  return row ? { ...row, files: row.files as CaseFile[] } : undefined
}

/** The files of the business's response to a draft report of the case (`reportId`: the draft). */
export async function findResponseFilesOfCase(db: DbOrTx, caseId: string, reportId: string): Promise<CaseFilesOf | undefined> {
  const [row] = await db
    .select({ id: caseReportResponses.reportId, caseId: caseReportResponses.caseId, entityId: caseReportResponses.entityId, files: caseReportResponses.attachments })
    .from(caseReportResponses)
    .where(and(eq(caseReportResponses.reportId, reportId), eq(caseReportResponses.caseId, caseId)))
    .limit(1)
  return row ? { ...row, files: row.files as CaseFile[] } : undefined
}
