/**
 * Shared by verifyRemediation and rejectRemediation (no use case here): an examiner or supervisor
 * decides on a remediation action the business reported done (findings.rules.ts decideRemediation).
 * One transaction: the decision, a case event, an audit row.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { CASE_WORK } from './case-status.rules.ts'
import { setActionDecided, unsafeFindRemediationAction } from './case-tasks.repo.ts'
import { appendCaseEvent } from './cases.repo.ts'
import { cleanText, lockCaseOnce, requireCaseWorker, storedKey, TEXT_MAX } from './cases.shared.ts'
import { decideRemediation } from './findings.rules.ts'

export type RemediationDecisionOptions = { actor: Actor; actionId: string; reason?: string | null; idempotencyKey: string }

export async function decideRemediationAsStaff(deps: Pick<AppDeps, 'database' | 'clock'>, decision: 'verify' | 'reject', opts: RemediationDecisionOptions): Promise<{ duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const reason = cleanText(opts.reason, TEXT_MAX, false)
  const now = deps.clock.now()
  const db = deps.database.db
  const notFound = () => new AppError('NOT_FOUND', { messageKey: 'cases.errors.actionNotFound' })
  const seen = isUuid(opts.actionId) ? await unsafeFindRemediationAction(db, opts.actionId) : undefined
  if (!seen) throw notFound()
  return db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, seen.caseId, key)
    if (duplicate) return { duplicate }
    const action = (await unsafeFindRemediationAction(tx, seen.id))!
    if (!CASE_WORK[found.status].remediation) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.remediationClosed' })
    const verdict = decideRemediation(action.status, decision, { by: 'staff', evidenceCount: action.evidenceCount, reason })
    if (!verdict.ok) throw new AppError(verdict.messageKey === 'cases.errors.reasonRequired' ? 'VALIDATION' : 'INVALID_TRANSITION', { messageKey: verdict.messageKey })
    const status = decision === 'verify' ? 'verified' : 'rejected'
    await setActionDecided(tx, action.id, { status, decidedBy: staff.id, decidedAt: now, rejectionReason: decision === 'reject' ? reason : null })
    await appendCaseEvent(tx, {
      caseId: found.id,
      at: now,
      actorUserId: staff.id,
      idempotencyKey: key,
      event: decision === 'verify' ? { kind: 'remediation_verified', actionId: action.id } : { kind: 'remediation_rejected', actionId: action.id },
    })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.remediation_decided', caseId: found.id, actionId: action.id, decision: status },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { duplicate: false }
  })
}
