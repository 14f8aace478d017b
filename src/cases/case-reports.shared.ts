/**
 * Shared by the case-report use cases: the texts of a report, the mail to the business's users and
 * the "not found" of a report. No use case here.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { CaseReportKind } from './case-reports.model.ts'
import { activeUsersOfEntities } from './case-tasks.repo.ts'
import { caseReference } from './cases.model.ts'

/** A report's texts may be long (several pages); a response too. */
export const REPORT_TEXT_MAX = 20_000

export const reportNotFound = () => new AppError('NOT_FOUND', { messageKey: 'casework.reports.errors.notFound' })

/** The text fields of the report forms (a refusal names its field in `params.field`, like enforcement measures). */
export type ReportField = 'summary' | 'conclusion' | 'responseAssessment' | 'response'

/** NFC, trimmed; VALIDATION naming `field` with `requiredKey` when empty (if given), or when longer than REPORT_TEXT_MAX. */
export function reportText(
  value: string | null | undefined,
  field: ReportField,
  requiredKey?: 'casework.reports.errors.summaryRequired' | 'casework.reports.errors.responseRequired' | 'casework.reports.errors.assessmentRequired',
): string | null {
  const v = (value ?? '').normalize('NFC').trim()
  if (!v && requiredKey) throw new AppError('VALIDATION', { messageKey: requiredKey, params: { field } })
  if (v.length > REPORT_TEXT_MAX) throw new AppError('VALIDATION', { messageKey: 'cases.errors.tooLong', params: { field } })
  return v || null
}

export const portalReportPath = (reportId: string) => `/portal/cases/reports/${reportId}`

/** Mails every active user of the business about a report, in the transaction of the action. */
export async function mailReportToBusiness(tx: DbOrTx, o: { baseUrl: string; entityId: string; caseNumber: number; kind: CaseReportKind; reportId: string; dueOn: string | null; now: Date }): Promise<number> {
  const recipients = await activeUsersOfEntities(tx, [o.entityId])
  for (const r of recipients) {
    await enqueueMail(tx, {
      template: 'case_report_issued',
      to: r.email,
      locale: r.locale === 'en' ? 'en' : 'th',
      now: o.now,
      payload: { fullName: `${r.firstName} ${r.lastName}`, businessName: r.nameTh, kind: o.kind, caseRef: caseReference(o.caseNumber), dueOn: o.dueOn, url: `${o.baseUrl}${portalReportPath(o.reportId)}` },
    })
  }
  return recipients.length
}
