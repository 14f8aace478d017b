/** Assigns a case to an examiner or supervisor (or removes the assignee), and optionally its team (use case; R3). */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { decideAssignment } from './case-status.rules.ts'
import { appendCaseEvent, listCaseWorkers, updateCase, type CaseRow } from './cases.repo.ts'
import { cleanText, lockCaseOnce, requireCaseWorker, storedKey } from './cases.shared.ts'

const TEAM_MAX = 100

export type AssignCaseOptions = {
  actor: Actor
  caseId: string
  assigneeUserId: string | null
  /** The team's shared inbox; absent: unchanged, null or empty: none. */
  team?: string | null
  idempotencyKey: string
}

export async function assignCase(deps: Pick<AppDeps, 'database' | 'clock'>, opts: AssignCaseOptions): Promise<{ case: CaseRow; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const team = opts.team === undefined ? undefined : cleanText(opts.team, TEAM_MAX, false)
  const db = deps.database.db
  if (opts.assigneeUserId !== null && (!isUuid(opts.assigneeUserId) || (await listCaseWorkers(db, [opts.assigneeUserId])).length !== 1)) {
    throw new AppError('VALIDATION', { messageKey: 'cases.errors.assignee' })
  }
  const now = deps.clock.now()
  return db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { case: found, duplicate }
    const verdict = decideAssignment(found.status, { role: staff.role, actorId: staff.id, currentAssigneeId: found.assigneeUserId, newAssigneeId: opts.assigneeUserId })
    if (!verdict.ok) throw new AppError(verdict.messageKey === 'cases.errors.finished' ? 'INVALID_TRANSITION' : 'FORBIDDEN', { messageKey: verdict.messageKey })
    const updated = await updateCase(tx, found.id, { assigneeUserId: opts.assigneeUserId, ...(team === undefined ? {} : { team }), updatedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'assigned', from: found.assigneeUserId, to: opts.assigneeUserId, team: updated.team } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.assigned', caseId: found.id, assigneeUserId: opts.assigneeUserId },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { case: updated, duplicate: false }
  })
}
