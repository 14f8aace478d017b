/**
 * Issues the final inspection report (use case; R3; domain.md §8.3): the summary, the conclusion,
 * the examiner's view of the business's response (required when the business responded) and the
 * case's findings as they stand (snapshotted). Only a supervisor may issue it (case-status.rules.ts:
 * issue_final_report). One transaction: lock the case, decide with the pure rules, store the final
 * report, move the case to final_report (the action-plan timer starts), the case events, the audit
 * rows and a mail to each of the business's users. A retry with the same key is a no-op.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { insertCaseReport, listReportsOfCase, snapshotFindings } from './case-reports.repo.ts'
import { mailReportToBusiness, reportText } from './case-reports.shared.ts'
import { decideCaseTransition } from './case-status.rules.ts'
import { appendCaseEvent, updateCase } from './cases.repo.ts'
import { lockCaseOnce, requireCaseWorker, storedKey } from './cases.shared.ts'
import { dueOnAfterTransition } from './sla.rules.ts'

export type IssueFinalReportOptions = { actor: Actor; caseId: string; summary: string; conclusion?: string | null; responseAssessment?: string | null; idempotencyKey: string }

export async function issueFinalReport(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: IssueFinalReportOptions): Promise<{ reportId: string | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { reportId: null, duplicate }
    // Who may issue it comes first: an examiner is told it is a supervisor's step, whatever was typed.
    const verdict = decideCaseTransition(found.status, 'issue_final_report', { role: staff.role, caseType: found.type })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    const reports = await listReportsOfCase(tx, found.id)
    if (reports.some((r) => r.report.kind === 'final')) throw new AppError('CONFLICT', { messageKey: 'casework.reports.errors.finalExists' })
    const responded = reports.some((r) => r.report.kind === 'draft' && r.response)
    const summary = reportText(opts.summary, 'summary', 'casework.reports.errors.summaryRequired')!
    const conclusion = reportText(opts.conclusion, 'conclusion')
    const responseAssessment = reportText(opts.responseAssessment, 'responseAssessment', responded ? 'casework.reports.errors.assessmentRequired' : undefined)
    const report = await insertCaseReport(tx, { caseId: found.id, entityId: found.entityId, kind: 'final', summary, conclusion, findings: await snapshotFindings(tx, found.id), responseDueOn: null, responseAssessment, issuedBy: staff.id, issuedAt: now })
    await updateCase(tx, found.id, {
      status: verdict.to,
      statusChangedAt: now,
      dueOn: dueOnAfterTransition({ from: found.status, to: verdict.to, at: now, currentDueOn: found.dueOn, targetDate: found.targetDate }),
      closedAt: null,
      updatedAt: now,
    })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: null, event: { kind: 'status_changed', action: 'issue_final_report', from: found.status, to: verdict.to, reason: null } })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'final_report_issued', reportId: report.id } })
    const who = { at: now, actorUserId: staff.id, actorRole: staff.role }
    const target = { targetType: 'case', targetId: found.id, entityId: found.entityId } as const
    await appendAudit(tx, who, { action: 'case.status_changed', caseId: found.id, caseAction: 'issue_final_report', from: found.status, to: verdict.to }, target)
    await appendAudit(tx, who, { action: 'case.report_issued', caseId: found.id, reportId: report.id, kind: 'final' }, target)
    await mailReportToBusiness(tx, { baseUrl: deps.config.baseUrl, entityId: found.entityId, caseNumber: found.number, kind: 'final', reportId: report.id, dueOn: null, now })
    return { reportId: report.id, duplicate: false }
  })
}
