/** Assigns a submitted assessment to an examiner or supervisor, or removes the assignment (use case). */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendReviewEvent, listReviewers, upsertReview } from './review.repo.ts'
import { cleanText, staffAndAssessment } from './review-actions.shared.ts'

export async function assignAssessment(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; assessmentId: string; assigneeUserId: string | null; reason?: string | undefined }): Promise<void> {
  const db = deps.database.db
  const { staff, assessment } = await staffAndAssessment(db, opts.actor, opts.assessmentId)
  if (opts.assigneeUserId && !(await listReviewers(db)).some((u) => u.id === opts.assigneeUserId)) throw new AppError('VALIDATION', { messageKey: 'staff.errors.assignee' })
  const reason = cleanText(opts.reason, 'staff.errors.reasonRequired', false)
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    await upsertReview(tx, assessment.id, { assigneeUserId: opts.assigneeUserId, assignedAt: opts.assigneeUserId ? now : null, updatedAt: now })
    await appendReviewEvent(tx, { assessmentId: assessment.id, at: now, actorUserId: staff.id, kind: 'assigned', reason, payload: { assigneeUserId: opts.assigneeUserId } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'assessment.assigned', assessmentId: assessment.id, assigneeUserId: opts.assigneeUserId },
      { targetType: 'assessment', targetId: assessment.id, entityId: assessment.entityId },
    )
  })
}
