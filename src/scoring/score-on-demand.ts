/**
 * Staff compute a submission's score on demand, with the current ruleset or a named one. It never
 * replaces a stored current score (that is rescoring's job, with its preview and audit); a submission
 * that has no score yet (submitted before scoring existed) gets this one stored as its current score.
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { syncQueueRatings } from '#src/review/review.repo.ts'
import { notFound, requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { computeScore, findOpenCriticalFindings, findPreviousInput, requireRuleset, type RulesetDeps } from './compute-submission-score.ts'
import { CURRENT_RULESET_VERSION } from './rulesets/index.ts'
import type { Score } from './score.model.ts'
import { findCurrentScore, insertCurrentScore, unsafeFindScorableSubmission } from './scoring.repo.ts'

export type ScoreOnDemandOptions = { actor: Actor; submissionId: string; rulesetVersion?: string }
export type ScoreOnDemandResult = { score: Score; stored: boolean; current: Score | null }

export async function scoreOnDemand(deps: Pick<AppDeps, 'database' | 'clock'> & RulesetDeps, opts: ScoreOnDemandOptions): Promise<ScoreOnDemandResult> {
  const actor = requireStaffActor(opts.actor)
  const ruleset = requireRuleset(opts.rulesetVersion ?? CURRENT_RULESET_VERSION, deps.rulesets)
  const db = deps.database.db
  const submission = await unsafeFindScorableSubmission(db, opts.submissionId)
  if (!submission) throw notFound()
  const current = await findCurrentScore(db, submission.id)
  // The same inputs as the stored score (previous submission, scoring date), so only the ruleset differs.
  const previous = await findPreviousInput(db, submission, current?.score.previousSubmissionId)
  const open = await findOpenCriticalFindings(db, submission.entityId, deps.clock.now())
  const score = computeScore(ruleset, submission, previous, current?.score.asOf, open)
  if (current) return { score, stored: false, current: current.score }
  const stored = await db.transaction(async (tx) => {
    if (await findCurrentScore(tx, submission.id)) return false
    await insertCurrentScore(tx, { submission, score, computedAt: deps.clock.now(), computedBy: actor.id })
    await syncQueueRatings(tx, { submissionIds: [submission.id] }, deps.clock.now())
    return true
  })
  return { score, stored, current: stored ? score : ((await findCurrentScore(db, submission.id))?.score ?? null) }
}
