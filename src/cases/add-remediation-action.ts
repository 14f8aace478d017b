/**
 * Adds one item of the business's action plan to a finding (domain.md §8.4; use case; R3),
 * recorded by staff from the plan the business sent. Its due date defaults to the finding's.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { CASE_WORK } from './case-status.rules.ts'
import { appendCaseEvent, findFinding, insertRemediationAction, type RemediationRow } from './cases.repo.ts'
import { lockCaseOnce, parseDueOn, requireCaseWorker, requiredText, storedKey, TITLE_MAX } from './cases.shared.ts'

export type AddRemediationActionOptions = { actor: Actor; findingId: string; description: string; ownerName: string; dueOn?: string | null; idempotencyKey: string }

export async function addRemediationAction(deps: Pick<AppDeps, 'database' | 'clock'>, opts: AddRemediationActionOptions): Promise<{ action: RemediationRow | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const description = requiredText(opts.description)
  const ownerName = requiredText(opts.ownerName, TITLE_MAX)
  const now = deps.clock.now()
  const dueOn = opts.dueOn ? parseDueOn(opts.dueOn, now) : null
  const db = deps.database.db
  const finding = isUuid(opts.findingId) ? await findFinding(db, opts.findingId) : undefined
  if (!finding || finding.withdrawnAt) throw new AppError('NOT_FOUND', { messageKey: 'cases.errors.findingNotFound' })
  return db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, finding.caseId, key)
    if (duplicate) return { action: null, duplicate }
    if (!CASE_WORK[found.status].remediation) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.remediationClosed' })
    const action = await insertRemediationAction(tx, { findingId: finding.id, caseId: found.id, entityId: found.entityId, description, ownerName, dueOn: dueOn ?? finding.dueOn, createdBy: staff.id, createdAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'remediation_action_added', findingId: finding.id, actionId: action.id, dueOn: action.dueOn } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.remediation_action_added', caseId: found.id, findingId: finding.id, actionId: action.id },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { action, duplicate: false }
  })
}
