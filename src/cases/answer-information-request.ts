/**
 * The business answers one of its information requests (use case; R3): a text answer and the
 * files it uploaded (already stored by the route through receiveUpload; the caller removes them if
 * this throws). The request is looked up by the business's own entity id, so another business's
 * request is NOT_FOUND. One transaction: the answer, a case event, an audit row.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { CASE_WORK } from './case-status.rules.ts'
import { findRequestOfEntity, setRequestAnswered, type CaseFile } from './case-tasks.repo.ts'
import { appendCaseEvent } from './cases.repo.ts'
import { lockCaseOnce, requiredText, storedKey } from './cases.shared.ts'

/** At most this many files with one answer or one report of remediation done. */
export const MAX_CASE_FILES = 5

export type AnswerInformationRequestOptions = { actor: Actor; requestId: string; answerText: string; files: readonly CaseFile[]; idempotencyKey: string }

export const requestNotFound = () => new AppError('NOT_FOUND', { messageKey: 'cases.errors.requestNotFound' })

export async function answerInformationRequest(deps: Pick<AppDeps, 'database' | 'clock'>, opts: AnswerInformationRequestOptions): Promise<{ duplicate: boolean }> {
  const actor = requireEntityActor(opts.actor)
  const key = storedKey(actor, opts.idempotencyKey)
  const answerText = requiredText(opts.answerText)
  if (opts.files.length > MAX_CASE_FILES) throw new AppError('VALIDATION', { messageKey: 'cases.errors.tooManyFiles', params: { max: MAX_CASE_FILES } })
  const now = deps.clock.now()
  const db = deps.database.db
  if (!isUuid(opts.requestId)) throw requestNotFound()
  const seen = await findRequestOfEntity(db, actor.entityId, opts.requestId)
  if (!seen) throw requestNotFound()
  return db.transaction(async (tx) => {
    const { duplicate } = await lockCaseOnce(tx, seen.caseId, key)
    if (duplicate) return { duplicate }
    const request = await findRequestOfEntity(tx, actor.entityId, opts.requestId, true)
    if (!request) throw requestNotFound()
    if (request.status !== 'open') throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.requestNotOpen' })
    if (!CASE_WORK[request.caseStatus].informationRequests) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.requestNotOpen' })
    await setRequestAnswered(tx, request.id, { answerText, answerAttachments: [...opts.files], answeredBy: actor.id, answeredAt: now })
    await appendCaseEvent(tx, { caseId: request.caseId, at: now, actorUserId: actor.id, idempotencyKey: key, event: { kind: 'information_answered', requestId: request.id, files: opts.files.length } })
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role },
      { action: 'case.information_answered', caseId: request.caseId, requestId: request.id, files: opts.files.length },
      { targetType: 'case', targetId: request.caseId, entityId: actor.entityId },
    )
    return { duplicate: false }
  })
}
