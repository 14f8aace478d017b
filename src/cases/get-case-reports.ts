/**
 * Reading case reports (queries; R3): the staff case page's view of a case's draft, the business's
 * response and the final report; the business's own report (scoped by its entity in SQL: another
 * business's id is NOT_FOUND); and the data a report's PDF prints (staff: any case; business: its
 * own reports only). The business never sees notes, visits or assignees: reports carry only the
 * texts written for it and the findings snapshot.
 */
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import type { DbOrTx } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { findCaseEntity, findEntityAddress } from './case-inbox.repo.ts'
import { defaultResponseDueOn, isLateResponse, type CaseReportKind, type ReportFinding } from './case-reports.model.ts'
import { findDraftResponseOfCase, findReportOfEntity, listReportsOfCase, type BusinessReport, type CaseReportRow, type ReportResponseRow } from './case-reports.repo.ts'
import { reportNotFound } from './case-reports.shared.ts'
import type { CaseType } from './case-status.rules.ts'
import { caseReference } from './cases.model.ts'
import { findCase } from './cases.repo.ts'
import { caseNotFound, requireCaseWorker } from './cases.shared.ts'

type Deps = Pick<AppDeps, 'database' | 'clock'>

export type StaffCaseReports = {
  draft: { report: CaseReportRow; response: ReportResponseRow | null; late: boolean } | null
  final: CaseReportRow | null
  /** What the draft form's due date is pre-filled with: today + the comment window. */
  defaultDueOn: string
}

/** For the staff case page (getCaseView has checked the officer). */
export async function caseReportsForStaff(db: DbOrTx, caseId: string, now: Date): Promise<StaffCaseReports> {
  const rows = await listReportsOfCase(db, caseId)
  const d = rows.find((r) => r.report.kind === 'draft')
  const f = rows.find((r) => r.report.kind === 'final')
  return {
    draft: d ? { ...d, late: d.response ? isLateResponse(d.report.responseDueOn!, d.response.submittedAt) : false } : null,
    final: f?.report ?? null,
    defaultDueOn: defaultResponseDueOn(now),
  }
}

/** One of the business's own reports (draft or final) with its response. */
export async function getBusinessReport(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; reportId: string }): Promise<BusinessReport> {
  const actor = requireEntityActor(opts.actor)
  const found = isUuid(opts.reportId) ? await findReportOfEntity(deps.database.db, actor.entityId, opts.reportId) : undefined
  if (!found) throw reportNotFound()
  return found
}

export type CaseReportDocumentData = {
  kind: CaseReportKind
  caseRef: string
  caseType: CaseType
  businessName: string
  juristicId: string
  address: string
  issuedAt: Date
  summary: string
  conclusion: string | null
  findings: ReportFinding[]
  /** Draft: the last day to respond. */
  responseDueOn: string | null
  /** Final: what the business answered to the draft (null: no response) and the examiner's view of it. */
  response: { body: string; files: string[]; submittedAt: Date; late: boolean } | null
  responseAssessment: string | null
}

async function documentOf(db: DbOrTx, report: CaseReportRow): Promise<CaseReportDocumentData> {
  const found = (await findCase(db, report.caseId))!
  const [entity, address, draft] = await Promise.all([findCaseEntity(db, report.entityId), findEntityAddress(db, report.entityId), report.kind === 'final' ? findDraftResponseOfCase(db, report.caseId) : undefined])
  const response = draft?.response
  return {
    kind: report.kind,
    caseRef: caseReference(found.number),
    caseType: found.type,
    businessName: registeredName(entity!.nameTh, entity!.legalForm as LegalForm, 'th'),
    juristicId: entity!.juristicId,
    address: address ? `${address.addressLine} ${address.subdistrict} ${address.district} ${address.province} ${address.postcode}` : '',
    issuedAt: report.issuedAt,
    summary: report.summary,
    conclusion: report.conclusion,
    findings: report.findings,
    responseDueOn: report.responseDueOn,
    response: response ? { body: response.body, files: response.attachments.map((f) => f.displayName), submittedAt: response.submittedAt, late: isLateResponse(draft.report.responseDueOn!, response.submittedAt) } : null,
    responseAssessment: report.responseAssessment,
  }
}

/** Staff: a report of a case, for its PDF. */
export async function getCaseReportDocument(deps: Deps, opts: { actor: Actor; caseId: string; reportId: string }): Promise<CaseReportDocumentData> {
  requireCaseWorker(opts.actor)
  if (!isUuid(opts.caseId)) throw caseNotFound()
  if (!isUuid(opts.reportId)) throw reportNotFound()
  const row = (await listReportsOfCase(deps.database.db, opts.caseId)).find((r) => r.report.id === opts.reportId)
  if (!row) throw reportNotFound()
  return documentOf(deps.database.db, row.report)
}

/** The business: one of its own reports, for its PDF. */
export async function getBusinessReportDocument(deps: Deps, opts: { actor: Actor; reportId: string }): Promise<CaseReportDocumentData> {
  const { report } = await getBusinessReport(deps, opts)
  return documentOf(deps.database.db, report)
}
