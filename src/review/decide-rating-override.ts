/**
 * A supervisor approves or rejects a pending rating override (four eyes: never the proposer's own,
 * also enforced by a CHECK constraint). Approved, it becomes the rating in force until it expires
 * (and the queue's stored copy of the rating in force is refreshed in the same transaction).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { can, type Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { notFound } from '#src/submissions/submissions.shared.ts'
import { decideOverride } from './review.model.ts'
import { appendReviewEvent, lockOverride, setOverrideDecision, syncQueueRatings, upsertReview } from './review.repo.ts'
import { cleanText, staffAndAssessment } from './review-actions.shared.ts'

export async function decideRatingOverride(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; assessmentId: string; overrideId: string; decision: 'approved' | 'rejected'; note?: string | undefined },
): Promise<void> {
  const db = deps.database.db
  const { staff, assessment } = await staffAndAssessment(db, opts.actor, opts.assessmentId)
  if (!can(staff, 'reviews:approve:any')) throw new AppError('FORBIDDEN', { messageKey: 'staff.errors.fourEyes' })
  if (!isUuid(opts.overrideId)) throw notFound()
  const note = cleanText(opts.note, 'staff.errors.reasonRequired', opts.decision === 'rejected')
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    const found = await lockOverride(tx, assessment.id, opts.overrideId)
    if (!found) throw notFound()
    const verdict = decideOverride(found, staff.id, now)
    if (!verdict.ok) throw new AppError(verdict.messageKey === 'staff.errors.fourEyes' ? 'FORBIDDEN' : 'INVALID_TRANSITION', { messageKey: verdict.messageKey })
    await setOverrideDecision(tx, found.id, { status: opts.decision, decidedBy: staff.id, decidedAt: now, decisionNote: note })
    if (opts.decision === 'approved') {
      await upsertReview(tx, assessment.id, { overrideRating: found.toRating, overrideExpiresAt: found.expiresAt, updatedAt: now })
      await syncQueueRatings(tx, { assessmentIds: [assessment.id] }, now)
    }
    await appendReviewEvent(tx, {
      assessmentId: assessment.id,
      at: now,
      actorUserId: staff.id,
      kind: opts.decision === 'approved' ? 'override_approved' : 'override_rejected',
      reason: note,
      payload: { overrideId: found.id, to: found.toRating },
    })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'rating.override_decided', assessmentId: assessment.id, overrideId: found.id, decision: opts.decision },
      { targetType: 'assessment', targetId: assessment.id, entityId: assessment.entityId },
    )
  })
}
