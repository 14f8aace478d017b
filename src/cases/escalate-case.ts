/**
 * Takes the escalation steps due on a case (domain.md §8.5; use case; R3): for each unresolved
 * finding past its deadline, the next step of the ladder whose threshold is reached
 * (findings.rules.ts escalationsDue — one step per finding per run). Each step is stored on the
 * finding and gets a case event and an audit row, in one transaction. Nothing due: an empty list.
 * `takeDueEscalations` is the body shared with the hourly runner (run-due-escalations.ts), which
 * takes the steps as the system (no actor).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { DbOrTx } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { isTerminal } from './case-status.rules.ts'
import { setFindingEscalationStep } from './case-tasks.repo.ts'
import { appendCaseEvent, listCaseFindingStates, type CaseRow } from './cases.repo.ts'
import { lockCaseOnce, requireCaseWorker, storedKey } from './cases.shared.ts'
import { escalationsDue, type EscalationDue } from './findings.rules.ts'

export type EscalateCaseOptions = { actor: Actor; caseId: string; idempotencyKey: string }

export async function escalateCase(deps: Pick<AppDeps, 'database' | 'clock'>, opts: EscalateCaseOptions): Promise<{ steps: EscalationDue[]; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { steps: [], duplicate }
    if (isTerminal(found.status)) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.finished' })
    return { steps: await takeDueEscalations(tx, found, { now, by: { userId: staff.id, role: staff.role }, key }), duplicate: false }
  })
}

/**
 * Inside the transaction that locked `found` (open, not yet applied under `key`): takes the steps
 * due at `now`. `by` null: the system (case events and audit rows without an actor).
 */
export async function takeDueEscalations(tx: DbOrTx, found: CaseRow, opts: { now: Date; by: { userId: string; role: string } | null; key: string }): Promise<EscalationDue[]> {
  const { now, by, key } = opts
  const steps = escalationsDue(await listCaseFindingStates(tx, found.id), now)
  for (const [i, s] of steps.entries()) {
    await setFindingEscalationStep(tx, s.findingId, s.step)
    // The key marks the request once (on its first event); a retry then finds it and does nothing.
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: by?.userId ?? null, idempotencyKey: i === 0 ? key : null, event: { kind: 'finding_escalated', findingId: s.findingId, step: s.step, daysOverdue: s.daysOverdue } })
    await appendAudit(
      tx,
      by ? { at: now, actorUserId: by.userId, actorRole: by.role } : { at: now },
      { action: 'case.finding_escalated', caseId: found.id, findingId: s.findingId, step: s.step },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
  }
  return steps
}
