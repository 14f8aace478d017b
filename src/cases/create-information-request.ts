/**
 * Asks the business for information or documents by a due date (use case; R3). The business
 * answers (text and files) in the portal, in a later round. No e-mail yet: the notification
 * template arrives with the pages.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { CASE_WORK } from './case-status.rules.ts'
import { appendCaseEvent, insertInformationRequest } from './cases.repo.ts'
import { lockCaseOnce, parseDueOn, requireCaseWorker, requiredText, storedKey, TITLE_MAX } from './cases.shared.ts'

export type CreateInformationRequestOptions = { actor: Actor; caseId: string; subject: string; body: string; dueOn: string; idempotencyKey: string }

export async function createInformationRequest(deps: Pick<AppDeps, 'database' | 'clock'>, opts: CreateInformationRequestOptions): Promise<{ requestId: string | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const subject = requiredText(opts.subject, TITLE_MAX)
  const body = requiredText(opts.body)
  const now = deps.clock.now()
  const dueOn = parseDueOn(opts.dueOn, now)
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { requestId: null, duplicate }
    if (!CASE_WORK[found.status].informationRequests) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.requestsNotAllowed' })
    const request = await insertInformationRequest(tx, { caseId: found.id, entityId: found.entityId, subject, body, dueOn, requestedBy: staff.id, requestedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'information_requested', requestId: request.id, dueOn } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.information_requested', caseId: found.id, requestId: request.id },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { requestId: request.id, duplicate: false }
  })
}
