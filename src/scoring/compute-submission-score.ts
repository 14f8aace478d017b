/**
 * Scoring a stored submission: its immutable snapshot (answers, attachments, questionnaire version)
 * plus the business's last accepted submission of another cycle (for "changed sharply" flags) and
 * the submission date in Bangkok → a Score. Used at submission, on demand and when rescoring.
 * Not a use case: callers check who may ask.
 */
import { openCriticalFindingsOf, type OpenCriticalFindings } from '#src/cases/open-critical-findings.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { findLastAcceptedSubmission } from '#src/submissions/submissions.repo.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { AppError } from '#src/platform/errors.ts'
import { CURRENT_RULESET_VERSION, RULESETS } from './rulesets/index.ts'
import { missingReadId, rulesetForDefinition, rulesetReadsDefinition, type RulesetReads, type ScoringFor } from './ruleset-reads.rules.ts'
import type { Ruleset, Score } from './score.model.ts'
import { scoreSnapshot } from './score-snapshot.ts'
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

/**
 * Whether `ruleset` reads questionnaire `definitionVersion` (`v1`, `v2`; a version this process knows).
 * Worked out once per ruleset and version (both are immutable once in use): rescoring a cycle asks
 * for every one of its 100,000 submissions.
 */
const readsCache = new WeakMap<Ruleset, Map<string, RulesetReads>>()
export function rulesetReadsVersion(ruleset: Ruleset, definitionVersion: string): RulesetReads {
  let byVersion = readsCache.get(ruleset)
  if (!byVersion) readsCache.set(ruleset, (byVersion = new Map()))
  let reads = byVersion.get(definitionVersion)
  if (!reads) byVersion.set(definitionVersion, (reads = rulesetReadsDefinition(ruleset, definitionForVersion(definitionVersion))))
  return reads
}

/** Which ruleset scores new answers to questionnaire `definitionVersion` (rulesetForDefinition). */
export const scoringFor = (definitionVersion: string, rulesets: Readonly<Record<string, Ruleset>> = RULESETS): ScoringFor =>
  rulesetForDefinition(rulesets, CURRENT_RULESET_VERSION, definitionForVersion(definitionVersion))

/**
 * §6.5 input for one business: its critical findings open past their deadline at `now`
 * (the submission time when scoring a new submission; the present when scoring on demand or rescoring).
 */
export async function findOpenCriticalFindings(db: DbOrTx, entityId: string, now: Date): Promise<OpenCriticalFindings | null> {
  return (await openCriticalFindingsOf(db, [entityId], now)).get(entityId) ?? null
}

/** CONFLICT (with the missing questions) when `ruleset` cannot read questionnaire `definitionVersion`. */
export function requireRulesetReads(ruleset: Ruleset, definitionVersion: string): void {
  const reads = rulesetReadsVersion(ruleset, definitionVersion)
  if (!reads.ok) {
    throw new AppError('CONFLICT', {
      messageKey: 'scoring.errors.rulesetCannotRead',
      params: { ruleset: ruleset.version, version: definitionVersion, missing: reads.missing.map(missingReadId).join(', ') },
    })
  }
}

/** Scores a submission; CONFLICT (with the missing questions) when the ruleset cannot read its version. */
export function computeScore(
  ruleset: Ruleset,
  submission: Pick<ScorableSubmission, 'snapshot' | 'submittedAt'>,
  previous: PreviousInput,
  asOf?: string | null,
  openCriticalFindings?: OpenCriticalFindings | null,
): Score {
  requireRulesetReads(ruleset, submission.snapshot.definitionVersion)
  return scoreSnapshot(ruleset, submission, previous, asOf, openCriticalFindings)
}
