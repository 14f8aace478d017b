/**
 * Everything the staff submission view shows (use case): the latest submission's snapshot and
 * attachments, the current score and rating (override in force or computed), the business's
 * other cycles, the previous submission to diff against, overrides, notes and the audit trail.
 */
import { listAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { findRegistryRowForPrefill, listSubmissions, unsafeFindAssessmentById } from '#src/submissions/submissions.repo.ts'
import { definitionForVersion, notFound, requireStaffActor } from '#src/submissions/submissions.shared.ts'
import type { Corrections } from '#src/submissions/get-assessment.ts'
import { currentRating } from './review.model.ts'
import { findCycleById, findReview, listEntityHistory, listNotes, listOverrides, listReviewers, listTimeline, namesOfUsers } from './review.repo.ts'
import { findCurrentScore, scoringOfVersion } from './risk-score.link.ts'

export async function getSubmissionReview(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; assessmentId: string }) {
  requireStaffActor(opts.actor)
  if (!isUuid(opts.assessmentId)) throw notFound()
  const db = deps.database.db
  const assessment = await unsafeFindAssessmentById(db, opts.assessmentId)
  if (!assessment || assessment.submittedVersions === 0) throw notFound()
  const [entity, cycle, subs, review, history, overrides, notes, timeline, audit, reviewers] = await Promise.all([
    findRegistryRowForPrefill(db, assessment.entityId),
    findCycleById(db, assessment.cycleId),
    listSubmissions(db, assessment.entityId, assessment.id),
    findReview(db, assessment.id),
    listEntityHistory(db, assessment.entityId),
    listOverrides(db, assessment.id),
    listNotes(db, assessment.id),
    listTimeline(db, assessment.id),
    listAudit(db, { targetId: assessment.id, limit: 200 }),
    listReviewers(db),
  ])
  const latest = subs.at(-1)
  if (!entity || !cycle || !latest) throw notFound()
  // The previous submission: the earlier version of this cycle, else the latest of the cycle before.
  let previous: { label: { code: string; version: number }; snapshot: SubmissionSnapshot } | undefined
  const earlierVersion = subs.at(-2)
  if (earlierVersion) previous = { label: { code: cycle.code, version: earlierVersion.version }, snapshot: earlierVersion.snapshot as SubmissionSnapshot }
  else {
    const idx = history.findIndex((h) => h.assessmentId === assessment.id)
    const before = history.slice(idx + 1).find((h) => h.receiptRef)
    if (before) {
      const prevSubs = await listSubmissions(db, assessment.entityId, before.assessmentId)
      const last = prevSubs.at(-1)
      if (last) previous = { label: { code: before.cycleCode, version: last.version }, snapshot: last.snapshot as SubmissionSnapshot }
    }
  }
  const score = await findCurrentScore(db, latest.id)
  const now = deps.clock.now()
  const rating = currentRating(score?.residual ?? null, { rating: (review?.overrideRating ?? null) as never, expiresAt: review?.overrideExpiresAt ?? null }, now)
  const names = await namesOfUsers(db, [
    ...timeline.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])),
    ...overrides.flatMap((o) => [o.requestedBy, ...(o.decidedBy ? [o.decidedBy] : [])]),
    ...notes.map((n) => n.authorUserId),
    ...audit.flatMap((a) => (a.actorUserId ? [a.actorUserId] : [])),
    ...(review?.assigneeUserId ? [review.assigneeUserId] : []),
  ])
  const snapshot = latest.snapshot as SubmissionSnapshot
  return {
    assessment: { ...assessment, corrections: (assessment.corrections as Corrections | null) ?? null },
    entity,
    cycle,
    submission: latest,
    submissions: subs,
    snapshot,
    definition: definitionForVersion(snapshot.definitionVersion),
    previous: previous && { ...previous, definition: definitionForVersion(previous.snapshot.definitionVersion) },
    score,
    /** Without a score: whether a ruleset reads the answered version (if none, the view says so). */
    scoring: score ? null : scoringOfVersion(snapshot.definitionVersion),
    rating,
    review,
    history: history.filter((h) => h.assessmentId !== assessment.id),
    overrides,
    notes,
    timeline,
    audit,
    reviewers,
    names,
  }
}
export type SubmissionReview = Awaited<ReturnType<typeof getSubmissionReview>>
