/**
 * A computed score as it is written to risk_scores: the columns SQL reads plus the whole Score as
 * its JSON text (scoring.tables.ts jsonText). The rescoring threads hand scores back in this form,
 * so the Score object is serialised once, where it was computed.
 */
import type { Score } from './score.model.ts'

export type StoredScore = {
  rulesetVersion: string
  residualBand: Score['residualBand']
  inherentBand: Score['inherentBand']
  controlBand: Score['controlBand']
  irs: number
  cePercent: number
  flagCodes: string[]
  previousSubmissionId: string | null
  asOf: string | null
  /** JSON.stringify(score): exactly what the jsonText column stores. */
  json: string
}

export const toStoredScore = (s: Score): StoredScore => ({
  rulesetVersion: s.rulesetVersion,
  residualBand: s.residualBand,
  inherentBand: s.inherentBand,
  controlBand: s.controlBand,
  irs: s.irs,
  cePercent: s.cePercent,
  flagCodes: s.flags.map((f) => f.code),
  previousSubmissionId: s.previousSubmissionId,
  asOf: s.asOf,
  json: JSON.stringify(s),
})
