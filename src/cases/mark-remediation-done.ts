/**
 * The business reports a remediation action done, with a note and evidence files (use case; R3;
 * findings.rules.ts decideRemediation: at least one file). Files were stored by the route; the
 * caller removes them if this throws. Looked up by the business's own entity id (another
 * business's action is NOT_FOUND). After a rejection the business may report it done again: the
 * new files are added to the earlier ones.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { MAX_CASE_FILES } from './answer-information-request.ts'
import { CASE_WORK } from './case-status.rules.ts'
import { findActionOfEntity, setActionDone, type CaseFile } from './case-tasks.repo.ts'
import { appendCaseEvent } from './cases.repo.ts'
import { cleanText, lockCaseOnce, storedKey, TEXT_MAX } from './cases.shared.ts'
import { decideRemediation } from './findings.rules.ts'

export type MarkRemediationDoneOptions = { actor: Actor; actionId: string; note?: string | null; files: readonly CaseFile[]; idempotencyKey: string }

export const actionNotFound = () => new AppError('NOT_FOUND', { messageKey: 'cases.errors.actionNotFound' })

export async function markRemediationDone(deps: Pick<AppDeps, 'database' | 'clock'>, opts: MarkRemediationDoneOptions): Promise<{ duplicate: boolean }> {
  const actor = requireEntityActor(opts.actor)
  const key = storedKey(actor, opts.idempotencyKey)
  const note = cleanText(opts.note, TEXT_MAX, false)
  if (opts.files.length > MAX_CASE_FILES) throw new AppError('VALIDATION', { messageKey: 'cases.errors.tooManyFiles', params: { max: MAX_CASE_FILES } })
  const now = deps.clock.now()
  const db = deps.database.db
  if (!isUuid(opts.actionId)) throw actionNotFound()
  const seen = await findActionOfEntity(db, actor.entityId, opts.actionId)
  if (!seen) throw actionNotFound()
  return db.transaction(async (tx) => {
    const { duplicate } = await lockCaseOnce(tx, seen.caseId, key)
    if (duplicate) return { duplicate }
    const action = await findActionOfEntity(tx, actor.entityId, opts.actionId, true)
    if (!action) throw actionNotFound()
    if (!CASE_WORK[action.caseStatus].remediation) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.remediationClosed' })
    const verdict = decideRemediation(action.status, 'mark_done', { by: 'business', evidenceCount: opts.files.length })
    if (!verdict.ok) throw new AppError(verdict.messageKey === 'cases.errors.evidenceRequired' ? 'VALIDATION' : 'INVALID_TRANSITION', { messageKey: verdict.messageKey })
    await setActionDone(tx, action.id, { evidence: [...action.evidence, ...opts.files], doneNote: note, doneBy: actor.id, doneAt: now })
    await appendCaseEvent(tx, { caseId: action.caseId, at: now, actorUserId: actor.id, idempotencyKey: key, event: { kind: 'remediation_marked_done', actionId: action.id, files: opts.files.length } })
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role },
      { action: 'case.remediation_marked_done', caseId: action.caseId, actionId: action.id, files: opts.files.length },
      { targetType: 'case', targetId: action.caseId, entityId: actor.entityId },
    )
    return { duplicate: false }
  })
}
