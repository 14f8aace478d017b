/**
 * The scoring of one stored snapshot, once the ruleset is known to read its questionnaire version
 * (compute-submission-score.ts requireRulesetReads): answers, attachments, the previous answers it
 * is compared with, the scoring date and the §6.5 open-critical-finding input → a Score. Pure; it
 * is what computeScore runs in the server and what the rescoring threads run (score-worker.ts), so
 * both give the same score.
 */
import type { OpenCriticalFindings } from '#src/cases/open-critical-findings.ts'
import { bangkokToday } from '#src/submissions/submissions.shared.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import type { Ruleset, Score } from './score.model.ts'
import { scoreSubmission } from './score.rules.ts'

export function scoreSnapshot(
  ruleset: Ruleset,
  submission: { snapshot: SubmissionSnapshot; submittedAt: Date },
  previous: { submissionId: string; snapshot: SubmissionSnapshot } | null,
  asOf?: string | null,
  openCriticalFindings?: OpenCriticalFindings | null,
): Score {
  const { snapshot } = submission
  return scoreSubmission(ruleset, snapshot.definitionVersion, snapshot.answers, {
    attachments: snapshot.attachments,
    previousAnswers: previous?.snapshot.answers ?? null,
    previousSubmissionId: previous?.submissionId ?? null,
    asOf: asOf ?? bangkokToday(submission.submittedAt),
    openCriticalFindings: openCriticalFindings ?? null,
  })
}
