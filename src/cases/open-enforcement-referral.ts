/**
 * An escalated case continues as an enforcement referral case (domain.md §8.5; the header of
 * case-status.rules.ts). Called by changeCaseStatus inside the transaction that moves the case to
 * 'escalated': a new case of type enforcement_referral on the same business, planned, linked by
 * `parent_case_id`, with the same assignee, team and cycle, due at the end of the action-plan
 * timer (sla.rules.ts referralTargetDate); an `enforcement_case_opened` event on
 * both cases and one audit row. Not a use case of its own.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { appendCaseEvents, insertCases, type CaseRow } from './cases.repo.ts'
import { dueOnAfterTransition, referralTargetDate } from './sla.rules.ts'

export async function openEnforcementReferral(tx: DbOrTx, from: CaseRow, opts: { now: Date; by: { userId: string; role: string } }): Promise<CaseRow> {
  const { now, by } = opts
  const targetDate = referralTargetDate(now)
  const [referral] = await insertCases(tx, [
    {
      type: 'enforcement_referral',
      status: 'planned',
      entityId: from.entityId,
      cycleId: from.cycleId,
      submissionId: from.submissionId,
      assigneeUserId: from.assigneeUserId,
      team: from.team,
      targetDate,
      dueOn: dueOnAfterTransition({ from: null, to: 'planned', at: now, currentDueOn: null, targetDate }),
      statusChangedAt: now,
      openedAt: now,
      openedBy: by.userId,
      updatedAt: now,
      parentCaseId: from.id,
    },
  ])
  const event = { kind: 'enforcement_case_opened' as const, fromCaseId: from.id, fromCaseNumber: from.number, referralCaseId: referral!.id, referralCaseNumber: referral!.number }
  await appendCaseEvents(tx, [
    { caseId: from.id, at: now, actorUserId: by.userId, idempotencyKey: null, event },
    { caseId: referral!.id, at: now, actorUserId: by.userId, idempotencyKey: null, event },
  ])
  await appendAudit(
    tx,
    { at: now, actorUserId: by.userId, actorRole: by.role },
    { action: 'case.enforcement_case_opened', caseId: referral!.id, fromCaseId: from.id },
    { targetType: 'case', targetId: referral!.id, entityId: from.entityId },
  )
  return referral!
}
