/**
 * THE one place where the review workspace reads the scoring module (src/scoring). Everything else
 * in src/review and src/web/staff goes through these things:
 *   - `joinCurrentScore(query)` left-joins the current score (`risk_scores.is_current`) of the
 *     latest submission to a query that already joins `submissions` (an unscored submission still shows);
 *   - `computedRatingSql` / `flagsCountSql`: the residual band and the number of flags, as SQL;
 *   - `findCurrentScore(db, submissionId)`: the stored score with its explanation for the view;
 *   - `scoringOfVersion(definitionVersion)`: whether a ruleset reads a questionnaire version (why a
 *     submission is unscored).
 * The scoring module's residual band and the review module's Rating are the same four values
 * (checked at compile time below), so the band is the computed rating as it is.
 */
import { and, eq, sql, type SQL } from 'drizzle-orm'
import type { PgSelect } from 'drizzle-orm/pg-core'
import type { DbOrTx } from '#src/db/client.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { scoringFor } from '#src/scoring/compute-submission-score.ts'
import { missingReadId, type ScoringFor } from '#src/scoring/ruleset-reads.rules.ts'
import { CONTROL_AREA_LABELS, CONTROL_BAND_LABELS, FACTOR_LABELS, type Contribution, type RiskBand } from '#src/scoring/score.model.ts'
import { findCurrentScore as findCurrentScoreRow } from '#src/scoring/scoring.repo.ts'
import { riskScores } from '#src/scoring/scoring.tables.ts'
import { submissions } from '#src/submissions/submissions.tables.ts'
import type { Rating } from './review.model.ts'

// Both enums must stay the same set: a new band in one fails to compile here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never
const BANDS_ARE_RATINGS: Same<RiskBand, Rating> = true
void BANDS_ARE_RATINGS

/** One reason behind a number: the questions it read, its points and the sentence (key + params). */
export type ScoreExplanationLine = {
  code: string
  band?: Rating | undefined
  points?: number | undefined
  /** The most points the line could give (control items: their weight). */
  maxPoints?: number | undefined
  messageKey?: MessageKey | undefined
  params?: Record<string, string | number> | undefined
  fieldIds?: readonly string[] | undefined
}

/** A factor (score 1–4) or control area (score 0–3) with its weight and the lines that made it. */
export type ScoreGroup = {
  code: string
  nameKey: MessageKey
  weight: number
  score: number
  maxScore: number
  lines: ScoreExplanationLine[]
}

export type CurrentScore = {
  rulesetVersion: string
  residual: Rating
  inherent: Rating
  /** The matrix cell before automatic floors. */
  matrix: Rating
  control: string
  controlKey: MessageKey
  irs: number
  cePercent: number
  flagsCount: number
  factors: ScoreGroup[]
  controls: ScoreGroup[]
  flags: ScoreExplanationLine[]
  floors: ScoreExplanationLine[]
}

export const computedRatingSql: SQL<Rating | null> = sql<Rating | null>`${riskScores.residualBand}`
export const flagsCountSql: SQL<number | null> = sql<number | null>`${riskScores.flagsCount}`

export function joinCurrentScore<Q extends PgSelect>(query: Q): Q {
  return query.leftJoin(riskScores, and(eq(riskScores.submissionId, submissions.id), sql`${riskScores.isCurrent}`)) as unknown as Q
}

const line = (c: Contribution, maxPoints?: number): ScoreExplanationLine => ({ code: c.id, points: c.points, maxPoints, messageKey: c.messageKey, params: c.params, fieldIds: c.fieldIds })

export async function findCurrentScore(db: DbOrTx, submissionId: string): Promise<CurrentScore | undefined> {
  const row = await findCurrentScoreRow(db, submissionId)
  if (!row) return undefined
  const s = row.score
  return {
    rulesetVersion: row.rulesetVersion,
    residual: s.residualBand,
    inherent: s.inherentBand,
    matrix: s.matrixBand,
    control: s.controlBand,
    controlKey: CONTROL_BAND_LABELS[s.controlBand],
    irs: s.irs,
    cePercent: s.cePercent,
    flagsCount: s.flags.length,
    factors: s.factors.map((f) => ({
      code: f.factor,
      nameKey: FACTOR_LABELS[f.factor],
      weight: f.weight,
      score: f.score,
      maxScore: 4,
      lines: [...f.contributions.map((c) => line(c, 4)), ...f.adjustments.map((c) => ({ ...line(c), points: undefined }))],
    })),
    controls: s.controls.map((c) => ({
      code: c.area,
      nameKey: CONTROL_AREA_LABELS[c.area],
      weight: c.weight,
      score: c.score,
      maxScore: 3,
      lines: [...c.contributions.map((x) => line(x, typeof x.params.max === 'number' ? x.params.max : undefined)), ...c.penalties.map((x) => line(x))],
    })),
    flags: s.flags.map((f) => ({ code: f.code, messageKey: f.messageKey, params: f.params, fieldIds: f.fieldIds })),
    floors: s.automaticFloors.map((f) => ({ code: f.code, band: f.band, messageKey: f.messageKey, params: f.params, fieldIds: f.fieldIds })),
  }
}

/** Which ruleset scores answers to a questionnaire version (`v2`), or none and what the current one lacks. */
export type VersionScoring = { ok: true; rulesetVersion: string } | { ok: false; definitionVersion: string; currentRuleset: string; missing: readonly string[] }
export function scoringOfVersion(definitionVersion: string): VersionScoring {
  const s: ScoringFor = scoringFor(definitionVersion)
  return s.ok ? s : { ok: false, definitionVersion, currentRuleset: s.currentRuleset, missing: s.missing.map(missingReadId) }
}
