/**
 * Moves a case along its lifecycle (use case; house style R3): every action of
 * case-status.rules.ts TRANSITIONS except the REPORT_ACTIONS, which only the report use cases
 * (send-draft-report.ts, issue-final-report.ts) take, with the report. One transaction: lock the case, decide with the pure rules,
 * write the status and its SLA due date, append the case event and the audit event. A retry with
 * the same idempotency key returns the case as it is.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { decideCaseTransition, isTerminal, REPORT_ACTIONS, type CaseAction } from './case-status.rules.ts'
import { appendCaseEvent, listCaseFindingStates, updateCase, type CaseRow } from './cases.repo.ts'
import { cleanText, lockCaseOnce, requireCaseWorker, storedKey, TEXT_MAX } from './cases.shared.ts'
import { blocksClosing } from './findings.rules.ts'
import { openEnforcementReferral } from './open-enforcement-referral.ts'
import { dueOnAfterTransition } from './sla.rules.ts'

export type ChangeCaseStatusOptions = { actor: Actor; caseId: string; action: CaseAction; reason?: string | null; idempotencyKey: string }

export async function changeCaseStatus(deps: Pick<AppDeps, 'database' | 'clock'>, opts: ChangeCaseStatusOptions): Promise<{ case: CaseRow; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  // The draft and final reports move the case with the report they store, never bare.
  if (REPORT_ACTIONS.has(opts.action)) throw new AppError('INVALID_TRANSITION', { messageKey: 'casework.reports.errors.useForm' })
  const key = storedKey(staff, opts.idempotencyKey)
  const reason = cleanText(opts.reason, TEXT_MAX, false)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { case: found, duplicate }
    const unresolvedFindings = (await listCaseFindingStates(tx, found.id)).filter(blocksClosing).length
    const verdict = decideCaseTransition(found.status, opts.action, { role: staff.role, caseType: found.type, reason, unresolvedFindings })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    const updated = await updateCase(tx, found.id, {
      status: verdict.to,
      statusChangedAt: now,
      dueOn: dueOnAfterTransition({ from: found.status, to: verdict.to, at: now, currentDueOn: found.dueOn, targetDate: found.targetDate }),
      closedAt: isTerminal(verdict.to) ? now : null,
      updatedAt: now,
    })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'status_changed', action: opts.action, from: found.status, to: verdict.to, reason } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.status_changed', caseId: found.id, caseAction: opts.action, from: found.status, to: verdict.to },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    // §8.5: an escalation continues as an enforcement referral case, opened in this transaction;
    // a referral case escalated is finished there (another referral would only repeat it).
    if (verdict.to === 'escalated' && found.type !== 'enforcement_referral') await openEnforcementReferral(tx, updated, { now, by: { userId: staff.id, role: staff.role } })
    return { case: updated, duplicate: false }
  })
}
