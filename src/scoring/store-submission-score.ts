/**
 * Called by submitAssessment: `scoreNewSubmission` before its transaction, `storeSubmissionScore`
 * inside it, storing the new submission's current score with the current ruleset — or, when that
 * ruleset cannot read the submission's questionnaire version, another that can; none when no
 * ruleset reads it (ruleset-reads.rules.ts). Pure computation plus one insert; no
 * network or file work. A business never sees the result (staff pages only). It also refreshes the
 * review queue's copy of the rating in force (src/review/review.tables.ts) in the same transaction.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { syncQueueRatings } from '#src/review/review.repo.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { computeScore, findOpenCriticalFindings, findPreviousInput, requireRuleset, scoringFor } from './compute-submission-score.ts'
import { insertFirstScore } from './scoring.repo.ts'
import type { Score } from './score.model.ts'

/**
 * The score of a submission about to be stored, computed BEFORE the submit transaction (reads and
 * CPU only), so the transaction — which holds the cycle's receipt counter — stays short.
 * `null` when the current ruleset cannot read the submission's questionnaire version: a submission
 * never fails because of scoring; it is stored unscored and the staff view says why.
 */
export async function scoreNewSubmission(db: DbOrTx, submission: { entityId: string; cycleId: string; submittedAt: Date; snapshot: SubmissionSnapshot }): Promise<Score | null> {
  const scoring = scoringFor(submission.snapshot.definitionVersion)
  if (!scoring.ok) return null
  const previous = await findPreviousInput(db, submission)
  const open = await findOpenCriticalFindings(db, submission.entityId, submission.submittedAt)
  return computeScore(requireRuleset(scoring.rulesetVersion), submission, previous, undefined, open)
}

/**
 * Stores the score of a submission inserted in the same transaction (`precomputed` by
 * scoreNewSubmission; null: unscored) and refreshes the review queue's copy of the rating.
 */
export async function storeSubmissionScore(
  tx: DbOrTx,
  submission: { id: string; entityId: string; cycleId: string; submittedAt: Date },
  precomputed: Score | null,
): Promise<void> {
  // Unscored: no score row, but the review queue still gets the submission (with no computed rating).
  if (precomputed) await insertFirstScore(tx, { submission, score: precomputed, computedAt: submission.submittedAt })
  await syncQueueRatings(tx, { submissionIds: [submission.id] }, submission.submittedAt)
}
