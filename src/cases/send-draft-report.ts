/**
 * Sends the draft inspection report to the business (use case; R3; domain.md §8.3, §8.6): the
 * summary, the conclusion and recommendations, the case's findings as they stand (snapshotted) and
 * the last day of the business's comment window (default: today + the entity_comment timer). One
 * transaction: lock the case, decide send_draft_report with the pure rules, store the draft, move the
 * case to entity_response (its due date is the comment window's end), the case events, the audit
 * rows and a mail to each of the business's users. A retry with the same key is a no-op.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { defaultResponseDueOn } from './case-reports.model.ts'
import { insertCaseReport, listReportsOfCase, snapshotFindings } from './case-reports.repo.ts'
import { mailReportToBusiness, reportText } from './case-reports.shared.ts'
import { decideCaseTransition } from './case-status.rules.ts'
import { appendCaseEvent, updateCase } from './cases.repo.ts'
import { lockCaseOnce, parseDueOn, requireCaseWorker, storedKey } from './cases.shared.ts'

export type SendDraftReportOptions = { actor: Actor; caseId: string; summary: string; conclusion?: string | null; responseDueOn?: string | null; idempotencyKey: string }

export async function sendDraftReport(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: SendDraftReportOptions): Promise<{ reportId: string | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const summary = reportText(opts.summary, 'summary', 'casework.reports.errors.summaryRequired')!
  const conclusion = reportText(opts.conclusion, 'conclusion')
  const now = deps.clock.now()
  const dueOn = (opts.responseDueOn ?? '').trim() ? parseDueOn(opts.responseDueOn, now) : defaultResponseDueOn(now)
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { reportId: null, duplicate }
    const verdict = decideCaseTransition(found.status, 'send_draft_report', { role: staff.role, caseType: found.type })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    if ((await listReportsOfCase(tx, found.id)).some((r) => r.report.kind === 'draft')) throw new AppError('CONFLICT', { messageKey: 'casework.reports.errors.draftExists' })
    const report = await insertCaseReport(tx, { caseId: found.id, entityId: found.entityId, kind: 'draft', summary, conclusion, findings: await snapshotFindings(tx, found.id), responseDueOn: dueOn, issuedBy: staff.id, issuedAt: now })
    await updateCase(tx, found.id, { status: verdict.to, statusChangedAt: now, dueOn, closedAt: null, updatedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: null, event: { kind: 'status_changed', action: 'send_draft_report', from: found.status, to: verdict.to, reason: null } })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'draft_report_sent', reportId: report.id, dueOn } })
    const who = { at: now, actorUserId: staff.id, actorRole: staff.role }
    const target = { targetType: 'case', targetId: found.id, entityId: found.entityId } as const
    await appendAudit(tx, who, { action: 'case.status_changed', caseId: found.id, caseAction: 'send_draft_report', from: found.status, to: verdict.to }, target)
    await appendAudit(tx, who, { action: 'case.report_issued', caseId: found.id, reportId: report.id, kind: 'draft' }, target)
    await mailReportToBusiness(tx, { baseUrl: deps.config.baseUrl, entityId: found.entityId, caseNumber: found.number, kind: 'draft', reportId: report.id, dueOn, now })
    return { reportId: report.id, duplicate: false }
  })
}
