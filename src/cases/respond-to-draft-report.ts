/**
 * The business responds to the draft inspection report (use case; R3; domain.md §8.6 comment
 * window): its written response (คำชี้แจง) and the files it uploaded (already stored by the route
 * through receiveUpload; the caller removes them if this throws). The report is looked up by the
 * business's own entity id, so another business's report is NOT_FOUND. Once, while the case waits
 * for it (entity_response); a response after the due date is accepted and marked late. One
 * transaction: the response, a case event, an audit row.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { MAX_CASE_FILES } from './answer-information-request.ts'
import { isLateResponse } from './case-reports.model.ts'
import { findReportOfEntity, insertReportResponse } from './case-reports.repo.ts'
import { reportNotFound, reportText } from './case-reports.shared.ts'
import type { CaseFile } from './case-tasks.repo.ts'
import { appendCaseEvent } from './cases.repo.ts'
import { lockCaseOnce, storedKey } from './cases.shared.ts'

export type RespondToDraftReportOptions = { actor: Actor; reportId: string; body: string; files: readonly CaseFile[]; idempotencyKey: string }

export async function respondToDraftReport(deps: Pick<AppDeps, 'database' | 'clock'>, opts: RespondToDraftReportOptions): Promise<{ duplicate: boolean; late: boolean }> {
  const actor = requireEntityActor(opts.actor)
  const key = storedKey(actor, opts.idempotencyKey)
  const body = reportText(opts.body, 'response', 'casework.reports.errors.responseRequired')!
  if (opts.files.length > MAX_CASE_FILES) throw new AppError('VALIDATION', { messageKey: 'cases.errors.tooManyFiles', params: { max: MAX_CASE_FILES } })
  const now = deps.clock.now()
  const db = deps.database.db
  if (!isUuid(opts.reportId)) throw reportNotFound()
  const seen = await findReportOfEntity(db, actor.entityId, opts.reportId)
  if (!seen || seen.report.kind !== 'draft') throw reportNotFound()
  return db.transaction(async (tx) => {
    const { duplicate } = await lockCaseOnce(tx, seen.report.caseId, key)
    if (duplicate) return { duplicate, late: false }
    // Read again under the case lock: a second response, or the final report, may have come first.
    const found = (await findReportOfEntity(tx, actor.entityId, opts.reportId))!
    if (found.response) throw new AppError('INVALID_TRANSITION', { messageKey: 'casework.reports.errors.alreadyResponded' })
    if (found.caseStatus !== 'entity_response') throw new AppError('INVALID_TRANSITION', { messageKey: 'casework.reports.errors.responseClosed' })
    const late = isLateResponse(found.report.responseDueOn!, now)
    const { caseId } = found.report
    await insertReportResponse(tx, { reportId: found.report.id, caseId, entityId: actor.entityId, body, attachments: [...opts.files], submittedBy: actor.id, submittedAt: now })
    await appendCaseEvent(tx, { caseId, at: now, actorUserId: actor.id, idempotencyKey: key, event: { kind: 'entity_response_received', reportId: found.report.id, files: opts.files.length, late } })
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role },
      { action: 'case.report_response_received', caseId, reportId: found.report.id, files: opts.files.length, late },
      { targetType: 'case', targetId: caseId, entityId: actor.entityId },
    )
    return { duplicate: false, late }
  })
}
