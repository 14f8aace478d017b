/**
 * Called by submitAssessment: `scoreNewSubmission` before its transaction, `storeSubmissionScore`
 * inside it, storing the new submission's current score with the current ruleset. Pure computation plus one insert; no
 * network or file work. A business never sees the result (staff pages only). It also refreshes the
 * review queue's copy of the rating in force (src/review/review.tables.ts) in the same transaction.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { syncQueueRatings } from '#src/review/review.repo.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { computeScore, findPreviousInput, requireRuleset } from './compute-submission-score.ts'
import { CURRENT_RULESET_VERSION } from './rulesets/index.ts'
import { insertCurrentScore, type RiskScoreRow } from './scoring.repo.ts'
import type { Score } from './score.model.ts'

/**
 * The score of a submission about to be stored, computed BEFORE the submit transaction (reads and
 * CPU only), so the transaction — which holds the cycle's receipt counter — stays short.
 */
export async function scoreNewSubmission(db: DbOrTx, submission: { entityId: string; cycleId: string; submittedAt: Date; snapshot: SubmissionSnapshot }): Promise<Score> {
  const previous = await findPreviousInput(db, submission)
  return computeScore(requireRuleset(CURRENT_RULESET_VERSION), submission, previous)
}

export async function storeSubmissionScore(
  tx: DbOrTx,
  submission: { id: string; entityId: string; cycleId: string; submittedAt: Date; snapshot: unknown },
  precomputed?: Score,
): Promise<RiskScoreRow> {
  const scorable = { ...submission, snapshot: submission.snapshot as SubmissionSnapshot }
  const score = precomputed ?? computeScore(requireRuleset(CURRENT_RULESET_VERSION), scorable, await findPreviousInput(tx, scorable))
  const row = await insertCurrentScore(tx, { submission: scorable, score, computedAt: submission.submittedAt, computedBy: null })
  await syncQueueRatings(tx, { submissionIds: [submission.id] }, submission.submittedAt)
  return row
}
