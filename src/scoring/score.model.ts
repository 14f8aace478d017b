/**
 * The risk-scoring model's shapes (domain.md §6): a versioned RULESET that is pure data (weights,
 * thresholds, bands, matrix, floors, flag thresholds) and the SCORE it produces, which explains
 * itself with message keys and params only (rendered in Thai or English by the staff views).
 *
 * A stored Score is JSON (risk_scores.score): everything here is plain data, JSON round-trips, and
 * changing a shape needs a data migration of stored scores.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'

export const INHERENT_FACTORS = ['CUS', 'PRD', 'CHN', 'GEO', 'TXN', 'ORG'] as const
export type InherentFactor = (typeof INHERENT_FACTORS)[number]
export const CONTROL_AREAS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'] as const
export type ControlArea = (typeof CONTROL_AREAS)[number]

/** Risk bands in increasing order (inherent and residual). */
export const RISK_BANDS = ['low', 'medium_low', 'medium_high', 'high'] as const
export type RiskBand = (typeof RISK_BANDS)[number]
/** Control bands from best to worst. */
export const CONTROL_BANDS = ['strong', 'adequate', 'needs_improvement', 'weak'] as const
export type ControlBand = (typeof CONTROL_BANDS)[number]

export const maxBand = (a: RiskBand, b: RiskBand): RiskBand => (RISK_BANDS.indexOf(a) >= RISK_BANDS.indexOf(b) ? a : b)

// ---------------------------------------------------------------------------------------------
// The small condition language of a ruleset (data, read by conditions.rules.ts).

/** A number read from the answers: one field, a sum, or `part` as a percentage of `whole`. */
export type Source = { field: string } | { sum: readonly string[] } | { percentOf: { part: readonly string[]; whole: readonly string[] } }

export type Condition =
  | { source: Source; atLeast: number }
  | { source: Source; above: number }
  | { source: Source; atMost: number }
  | { field: string; equals: string }
  /** A single choice that is one of `in`, or a multiple choice with one of `in` ticked. */
  | { field: string; in: readonly string[] }
  /** A multiple choice with at least one ticked value other than `except`. */
  | { field: string; anyTickedExcept: readonly string[] }
  /** A group with at least one row whose `column` is one of `in`. */
  | { group: string; column: string; in: readonly string[] }
  /** A group with at least one row whose text `column` is NOT a name in the ruleset list. */
  | { group: string; column: string; notInList: RulesetListName }
  /** A group with at least one row whose text `column` is a name in the ruleset list. */
  | { group: string; column: string; inList: RulesetListName }
  | { groupEmpty: string }
  /** Head office (A10) or a branch (B09) in a province of the ruleset list. */
  | { provinceInList: RulesetListName }
  /** A date answer more than `years` before the scoring date (never true without one). */
  | { field: string; olderThanYears: number }
  /** A date answer less than `years` before the scoring date (never true without one). */
  | { field: string; youngerThanYears: number }
  /** A consistency flag of this submission was raised (flags are computed first). */
  | { flag: FlagCode }
  | { all: readonly Condition[] }
  | { any: readonly Condition[] }

export type RulesetListName = 'fatfCallForAction' | 'fatfIncreasedMonitoring' | 'borderTouristProvinces' | 'thailandNames'

/** `value ≥ atLeast` scores `points`; the highest matching edge wins. Edges ascend; the first is 0. */
export type BandEdge = { atLeast: number; points: number }

export type Indicator = { id: string; messageKey: MessageKey; weight?: number } & (
  | { kind: 'bands'; source: Source; bands: readonly BandEdge[]; fieldIds: readonly string[] }
  | { kind: 'choice'; field: string; points: Readonly<Record<string, number>> }
  /** Weighted mean of item weights by the percentages of several fields (G01, V01, R01). */
  | { kind: 'mix'; shares: Readonly<Record<string, number>> }
  /** Weighted mean of item weights over a group's rows (D09: product × share). */
  | { kind: 'groupMix'; group: string; itemColumn: string; shareColumn: string; points: Readonly<Record<string, number>>; otherwise: number }
  /** The primary sector's baseline, or its module's product mix when answered. */
  | { kind: 'sectorBaseline'; field: string; baseline: Readonly<Record<string, number>>; mixes: Readonly<Record<string, Readonly<Record<string, number>>>> }
  /** `points` when the condition holds, else `otherwise`. */
  | { kind: 'condition'; when: Condition; points: number; otherwise: number; fieldIds: readonly string[] }
)

/** After the rounded mean: +points (capped at 4) or a minimum score, when the condition holds. */
export type Adjustment = { id: string; when: Condition; fieldIds: readonly string[]; messageKey: MessageKey } & ({ add: number } | { atLeast: number })

export type FactorRules = { weight: number; indicators: readonly Indicator[]; adjustments: readonly Adjustment[] }

export type ControlItem = { id: string; field: string; weight: number; messageKey: MessageKey } & (
  /** yes = 1, partly = ½, no = 0; "yes" without an attachment in `evidenceField` counts as partly. */
  | { kind: 'ynp'; evidenceField?: string }
  /** Option → fraction 0–1; values in `notApplicable` leave the item out of the area. */
  | { kind: 'choice'; points: Readonly<Record<string, number>>; notApplicable?: readonly string[] }
  /** Share of `good` options ticked (`any: true`: one is enough). */
  | { kind: 'multi'; good: readonly string[]; any?: boolean }
  /** A percentage answer / 100. */
  | { kind: 'percent' }
  /** A number at least `atLeast` = 1. */
  | { kind: 'atLeast'; atLeast: number }
  /** A money answer (satang) at most `atMost` = 1, at most `partlyAtMost` = ½ — only when answered. */
  | { kind: 'atMost'; atMost: number; partlyAtMost: number }
  /** A group with a row, or a file question with an attachment. */
  | { kind: 'present' }
)

export type ControlRules = { weight: number; items: readonly ControlItem[]; penalties: readonly { flag: FlagCode; points: number }[] }

export type AutomaticFloor = { code: AutomaticFloorCode; when: Condition; band: RiskBand; fieldIds: readonly string[]; messageKey: MessageKey }
/**
 * `OPEN_CRITICAL_FINDING` (§6.5: a previous inspection's critical finding still open past its
 * deadline) comes from the cases module, not from the answers: the caller passes it as
 * ScoreOptions.openCriticalFindings, and no ruleset declares it.
 */
export const AUTOMATIC_FLOOR_CODES = ['LEGAL_HISTORY', 'NO_OFFICER_NO_POLICY', 'DESIGNATED_MATCH_NOT_REPORTED', 'OPEN_CRITICAL_FINDING'] as const
export type AutomaticFloorCode = (typeof AUTOMATIC_FLOOR_CODES)[number]

export const FLAG_CODES = [
  'CTR_NOT_FILED',
  'STR_NEVER_FILED',
  'STRUCTURING',
  'POLICY_NO_EVIDENCE',
  'POLICY_OUTDATED',
  'SHAREHOLDING_OVER_100',
  'NO_BENEFICIAL_OWNER',
  'DIRECTOR_ID_INVALID',
  'SHARP_CHANGE',
] as const
export type FlagCode = (typeof FLAG_CODES)[number]

export type FlagRules = {
  /** D15 (near-threshold) ≥ ratio × D14 and ≥ minCount → possible structuring. */
  structuring: { ratio: number; minCount: number }
  /** Written policy approval (or last review) older than this many years. */
  policyMaxAgeYears: number
  /** Percentage answers moving by ≥ points, counts moving by ≥ factor (from ≥ minBase), vs last year. */
  sharpChange: { percentFields: readonly string[]; percentPoints: number; countFields: readonly string[]; countFactor: number; countMinBase: number }
}

export type Ruleset = {
  version: string
  // No list of questionnaire versions: a ruleset reads any version that has the questions it reads
  // (rulesetReadsDefinition in ruleset-reads.rules.ts).
  factors: Readonly<Record<InherentFactor, FactorRules>>
  controls: Readonly<Record<ControlArea, ControlRules>>
  /** IRS ≥ atLeast → band; ascending, the first is 0. */
  inherentBands: readonly { atLeast: number; band: RiskBand }[]
  /** CE% ≥ atLeast → band; descending. */
  controlBands: readonly { atLeast: number; band: ControlBand }[]
  matrix: Readonly<Record<RiskBand, Readonly<Record<ControlBand, RiskBand>>>>
  automaticFloors: readonly AutomaticFloor[]
  flags: FlagRules
  lists: Readonly<Record<RulesetListName, readonly string[]>>
}

// ---------------------------------------------------------------------------------------------
// The score.

export type Params = Record<string, string | number>
/** A JSON-safe summary of the answer(s) read. */
export type AnswerValue = string | number | boolean | null | readonly string[]

export type Contribution = { id: string; fieldIds: readonly string[]; value: AnswerValue; points: number; messageKey: MessageKey; params: Params }

export type FactorScore = {
  factor: InherentFactor
  weight: number
  /** Unrounded weighted mean of the indicators. */
  mean: number
  score: number
  contributions: readonly Contribution[]
  /** Adjustments (modifiers and floors) that changed or held the score. */
  adjustments: readonly Contribution[]
  floorApplied: boolean
}

export type ControlScore = { area: ControlArea; weight: number; fraction: number; score: number; contributions: readonly Contribution[]; penalties: readonly Contribution[] }

export type AppliedFloor = { code: AutomaticFloorCode; band: RiskBand; fieldIds: readonly string[]; messageKey: MessageKey; params: Params }

export type Flag = { code: FlagCode; messageKey: MessageKey; params: Params; fieldIds: readonly string[] }

export type Score = {
  rulesetVersion: string
  definitionVersion: string
  /** The date that "older than" and "years since" questions were measured from, if any. */
  asOf: string | null
  /** The earlier submission whose answers the "changed sharply" flags compared with, if any. */
  previousSubmissionId: string | null
  factors: readonly FactorScore[]
  irs: number
  inherentBand: RiskBand
  controls: readonly ControlScore[]
  cePercent: number
  controlBand: ControlBand
  /** The matrix cell before automatic floors. */
  matrixBand: RiskBand
  residualBand: RiskBand
  automaticFloors: readonly AppliedFloor[]
  flags: readonly Flag[]
}

/** Message keys of the bands and names (Thai / English labels as in domain.md §6.2–6.3). */
export const RISK_BAND_LABELS = {
  low: 'scoring.band.low',
  medium_low: 'scoring.band.medium_low',
  medium_high: 'scoring.band.medium_high',
  high: 'scoring.band.high',
} as const satisfies Record<RiskBand, MessageKey>

export const CONTROL_BAND_LABELS = {
  strong: 'scoring.controlBand.strong',
  adequate: 'scoring.controlBand.adequate',
  needs_improvement: 'scoring.controlBand.needs_improvement',
  weak: 'scoring.controlBand.weak',
} as const satisfies Record<ControlBand, MessageKey>

export const FACTOR_LABELS = {
  CUS: 'scoring.factor.CUS',
  PRD: 'scoring.factor.PRD',
  CHN: 'scoring.factor.CHN',
  GEO: 'scoring.factor.GEO',
  TXN: 'scoring.factor.TXN',
  ORG: 'scoring.factor.ORG',
} as const satisfies Record<InherentFactor, MessageKey>

export const CONTROL_AREA_LABELS = {
  C1: 'scoring.area.C1',
  C2: 'scoring.area.C2',
  C3: 'scoring.area.C3',
  C4: 'scoring.area.C4',
  C5: 'scoring.area.C5',
  C6: 'scoring.area.C6',
  C7: 'scoring.area.C7',
  C8: 'scoring.area.C8',
} as const satisfies Record<ControlArea, MessageKey>
