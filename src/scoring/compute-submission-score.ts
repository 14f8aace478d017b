/**
 * Scoring a stored submission: its immutable snapshot (answers, attachments, questionnaire version)
 * plus the business's last accepted submission of another cycle (for "changed sharply" flags) and
 * the submission date in Bangkok → a Score. Used at submission, on demand and when rescoring.
 * Not a use case: callers check who may ask.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { findLastAcceptedSubmission } from '#src/submissions/submissions.repo.ts'
import { bangkokToday } from '#src/submissions/submissions.shared.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { AppError } from '#src/platform/errors.ts'
import { RULESETS } from './rulesets/index.ts'
import type { Ruleset, Score } from './score.model.ts'
import { scoreSubmission } from './score.rules.ts'
import { unsafeFindSnapshots, type ScorableSubmission } from './scoring.repo.ts'

export type PreviousInput = { submissionId: string; snapshot: SubmissionSnapshot } | null

/** Which rulesets a use case may use: the registry, unless a test passes its own (e.g. a draft v1.1). */
export type RulesetDeps = { rulesets?: Readonly<Record<string, Ruleset>> }

export function requireRuleset(version: string, rulesets: Readonly<Record<string, Ruleset>> = RULESETS): Ruleset {
  const ruleset = Object.hasOwn(rulesets, version) ? rulesets[version] : undefined
  if (!ruleset) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  return ruleset
}

/** The previous submission to compare with: the one a stored score used, else the last accepted one. */
export async function findPreviousInput(db: DbOrTx, submission: Pick<ScorableSubmission, 'entityId' | 'cycleId'>, storedPreviousId?: string | null): Promise<PreviousInput> {
  if (storedPreviousId) {
    const snap = (await unsafeFindSnapshots(db, [storedPreviousId])).get(storedPreviousId)
    return snap ? { submissionId: storedPreviousId, snapshot: snap } : null
  }
  const last = await findLastAcceptedSubmission(db, submission.entityId, submission.cycleId)
  return last ? { submissionId: last.id, snapshot: last.snapshot as SubmissionSnapshot } : null
}

export function computeScore(ruleset: Ruleset, submission: Pick<ScorableSubmission, 'snapshot' | 'submittedAt'>, previous: PreviousInput, asOf?: string | null): Score {
  const { snapshot } = submission
  return scoreSubmission(ruleset, snapshot.definitionVersion, snapshot.answers, {
    attachments: snapshot.attachments,
    previousAnswers: previous?.snapshot.answers ?? null,
    previousSubmissionId: previous?.submissionId ?? null,
    asOf: asOf ?? bangkokToday(submission.submittedAt),
  })
}
