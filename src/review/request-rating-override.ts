/**
 * An officer proposes to override the rating up or down (domain.md §6.5): mandatory justification,
 * optional expiry. It stays pending, and changes nothing, until another supervisor approves it.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findLatestSubmission } from '#src/submissions/submissions.repo.ts'
import { currentRating, type Rating } from './review.model.ts'
import { appendReviewEvent, findReview, hasPendingOverride, insertOverride } from './review.repo.ts'
import { cleanText, staffAndAssessment } from './review-actions.shared.ts'
import { findCurrentScore } from './risk-score.link.ts'

export async function requestRatingOverride(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; assessmentId: string; toRating: Rating; justification: string; expiresAt: Date | null },
): Promise<void> {
  const db = deps.database.db
  const { staff, assessment } = await staffAndAssessment(db, opts.actor, opts.assessmentId)
  const justification = cleanText(opts.justification, 'staff.errors.reasonRequired')!
  const now = deps.clock.now()
  if (opts.expiresAt && opts.expiresAt.getTime() <= now.getTime()) throw new AppError('VALIDATION', { messageKey: 'staff.errors.expiryPast' })
  const latest = await findLatestSubmission(db, assessment.entityId, assessment.id)
  const [score, review] = await Promise.all([latest ? findCurrentScore(db, latest.id) : undefined, findReview(db, assessment.id)])
  const from = currentRating(score?.residual ?? null, { rating: (review?.overrideRating ?? null) as Rating | null, expiresAt: review?.overrideExpiresAt ?? null }, now).rating
  if (from === opts.toRating) throw new AppError('VALIDATION', { messageKey: 'staff.errors.sameRating' })
  await db.transaction(async (tx) => {
    if (await hasPendingOverride(tx, assessment.id)) throw new AppError('CONFLICT', { messageKey: 'staff.errors.overridePending' })
    const row = await insertOverride(tx, { assessmentId: assessment.id, fromRating: from, toRating: opts.toRating, justification, expiresAt: opts.expiresAt, status: 'pending', requestedBy: staff.id, requestedAt: now })
    await appendReviewEvent(tx, { assessmentId: assessment.id, at: now, actorUserId: staff.id, kind: 'override_requested', reason: justification, payload: { overrideId: row.id, from, to: opts.toRating, expiresAt: opts.expiresAt?.toISOString() ?? null } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'rating.override_requested', assessmentId: assessment.id, overrideId: row.id, to: opts.toRating },
      { targetType: 'assessment', targetId: assessment.id, entityId: assessment.entityId },
    )
  })
}
