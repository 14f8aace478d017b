/**
 * The risk score of one submission (domain.md §6, house style R10): a pure, deterministic function of
 * (ruleset, questionnaire version, answers, attachments, previous answers, scoring date). Every number
 * it produces carries the answers it came from and a message key + params, so staff see why in Thai
 * or English. The same inputs and ruleset always give the same Score (tests pin this), which is how a
 * stored score is reproduced.
 *
 * Order: consistency flags → six factors (rounded weighted mean of indicators, then adjustments) →
 * IRS and inherent band → eight control areas (0–3) → CE% and control band → matrix → automatic floors.
 */
import { answerValue, attachedFiles, holds, num, readSource, rows, str, strings, type Answers, type ReadContext } from './conditions.rules.ts'
import { consistencyFlags } from './flags.rules.ts'
import {
  CONTROL_AREAS,
  INHERENT_FACTORS,
  maxBand,
  type AppliedFloor,
  type BandEdge,
  type Contribution,
  type ControlArea,
  type ControlBand,
  type ControlItem,
  type ControlScore,
  type FactorScore,
  type Flag,
  type Indicator,
  type InherentFactor,
  type RiskBand,
  type Ruleset,
  type Score,
} from './score.model.ts'

export type ScoreOptions = {
  /** Ids of the submission's attachments; a "yes" whose evidence is not among them counts as partly. */
  attachments?: readonly { id: string }[] | null
  /** Last cycle's answers of the same business, for "changed sharply" flags. */
  previousAnswers?: Answers | null
  /** Recorded in the score so that a reproduction loads the same previous answers. */
  previousSubmissionId?: string | null
  /** `yyyy-mm-dd` the ages of dates are measured from (normally the submission date in Bangkok). */
  asOf?: string | null
  /**
   * §6.5: the business's critical inspection findings still open past their deadline (computed by
   * the caller from the cases tables, src/cases/open-critical-findings.ts). Any → residual at least High.
   */
  openCriticalFindings?: { count: number; oldestDueOn: string } | null
}

/** The band §6.5 sets when a critical finding is still open past its deadline. */
export const OPEN_CRITICAL_FINDING_BAND: RiskBand = 'high'

/** Rounds to `d` decimals, half away from zero, immune to binary noise (0.15 × 2 + … = 1.4999999…). */
export const roundTo = (x: number, d: number) => {
  const f = 10 ** d
  const y = x * f
  // Cleaning y to 12 significant digits moves it by at most 5e-12·|y|, which can change the result
  // only when y lies that close to a rounding boundary (k + 0.5). Elsewhere Math.round(y) is the
  // same answer without printing and parsing a number (a third of a rescoring's scoring time).
  const nearest = Math.floor(y) + 0.5
  if (Math.abs(y - nearest) > 1e-9 * Math.max(1, Math.abs(y))) return Math.round(y) / f
  return Math.round(Number(y.toPrecision(12))) / f
}
const roundHalfUp = (x: number) => Math.floor(roundTo(x, 6) + 0.5)
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x))

/**
 * Scores answers to questionnaire `definitionVersion` (recorded in the score). The caller checks first
 * that the ruleset reads that version (`rulesetReadsDefinition`; computeScore does): answers to a
 * version lacking questions the ruleset reads would score as unanswered, silently.
 */
export function scoreSubmission(ruleset: Ruleset, definitionVersion: string, answers: Answers, opts: ScoreOptions = {}): Score {
  const base: Omit<ReadContext, 'flags'> = {
    answers,
    lists: ruleset.lists,
    asOf: opts.asOf ?? null,
    attachmentIds: opts.attachments ? new Set(opts.attachments.map((a) => a.id)) : null,
  }
  const flags = consistencyFlags(ruleset, { ...base, flags: new Set() }, opts.previousAnswers ?? null)
  const ctx: ReadContext = { ...base, flags: new Set(flags.map((f) => f.code)) }

  const factors = INHERENT_FACTORS.map((f) => scoreFactor(ruleset, ctx, f))
  const controls = CONTROL_AREAS.map((c) => scoreControlArea(ruleset, ctx, c, flags))
  const agg = aggregate(
    ruleset,
    Object.fromEntries(factors.map((f) => [f.factor, f.score])) as Record<InherentFactor, number>,
    Object.fromEntries(controls.map((c) => [c.area, c.score])) as Record<ControlArea, number>,
  )
  const automaticFloors: AppliedFloor[] = ruleset.automaticFloors
    .filter((fl) => holds(ctx, fl.when))
    .map((fl): AppliedFloor => ({ code: fl.code, band: fl.band, fieldIds: fl.fieldIds, messageKey: fl.messageKey, params: {} }))
  const open = opts.openCriticalFindings
  if (open && open.count > 0) {
    automaticFloors.push({ code: 'OPEN_CRITICAL_FINDING', band: OPEN_CRITICAL_FINDING_BAND, fieldIds: [], messageKey: 'cases.floor.openCriticalFinding', params: { count: open.count, dueOn: open.oldestDueOn } })
  }
  const residualBand = automaticFloors.reduce<RiskBand>((band, fl) => maxBand(band, fl.band), agg.matrixBand)

  return {
    rulesetVersion: ruleset.version,
    definitionVersion,
    asOf: base.asOf,
    previousSubmissionId: opts.previousAnswers ? (opts.previousSubmissionId ?? null) : null,
    factors,
    irs: agg.irs,
    inherentBand: agg.inherentBand,
    controls,
    cePercent: agg.cePercent,
    controlBand: agg.controlBand,
    matrixBand: agg.matrixBand,
    residualBand,
    automaticFloors,
    flags,
  }
}

/** The aggregation layer alone: factor scores (1–4) and area scores (0–3) → IRS, CE%, bands, matrix cell. */
export function aggregate(ruleset: Ruleset, factorScores: Readonly<Record<InherentFactor, number>>, areaScores: Readonly<Record<ControlArea, number>>) {
  const irs = roundTo(
    INHERENT_FACTORS.reduce((sum, f) => sum + ruleset.factors[f].weight * factorScores[f], 0),
    4,
  )
  const cePercent = roundTo(
    (100 * CONTROL_AREAS.reduce((sum, c) => sum + ruleset.controls[c].weight * areaScores[c], 0)) / 3,
    2,
  )
  const inherentBand = inherentBandOf(ruleset, irs)
  const controlBand = controlBandOf(ruleset, cePercent)
  return { irs, cePercent, inherentBand, controlBand, matrixBand: ruleset.matrix[inherentBand][controlBand] }
}

export function inherentBandOf(ruleset: Ruleset, irs: number): RiskBand {
  let band = ruleset.inherentBands[0]!.band
  for (const edge of ruleset.inherentBands) if (irs >= edge.atLeast) band = edge.band
  return band
}

export function controlBandOf(ruleset: Ruleset, cePercent: number): ControlBand {
  for (const edge of ruleset.controlBands) if (cePercent >= edge.atLeast) return edge.band
  return ruleset.controlBands.at(-1)!.band
}

const pointsFromBands = (bands: readonly BandEdge[], value: number) => bands.reduce((p, b) => (value >= b.atLeast ? b.points : p), bands[0]!.points)

// ---------------------------------------------------------------------------------------------
// Inherent-risk factors

function scoreFactor(ruleset: Ruleset, ctx: ReadContext, factor: InherentFactor): FactorScore {
  const rules = ruleset.factors[factor]
  const contributions = rules.indicators.flatMap((ind) => {
    const c = evaluateIndicator(ctx, ind)
    return c ? [{ ...c, weight: ind.weight ?? 1 }] : []
  })
  const totalWeight = contributions.reduce((s, c) => s + c.weight, 0)
  // choice: a factor none of whose indicators was answered scores the lowest, 1.
  const mean = totalWeight ? roundTo(contributions.reduce((s, c) => s + c.weight * c.points, 0) / totalWeight, 4) : 1
  let score = clamp(roundHalfUp(mean), 1, 4)
  let floorApplied = false
  const adjustments: Contribution[] = []
  for (const adj of rules.adjustments) {
    if (!holds(ctx, adj.when)) continue
    const before = score
    if ('add' in adj) {
      score = clamp(score + adj.add, 1, 4)
    } else if (adj.atLeast > score) {
      score = adj.atLeast
      floorApplied = true
    }
    adjustments.push({
      id: adj.id,
      fieldIds: adj.fieldIds,
      value: adj.fieldIds.length === 1 ? answerValue(ctx.answers, adj.fieldIds[0]!) : null,
      points: 'add' in adj ? adj.add : adj.atLeast,
      messageKey: adj.messageKey,
      params: { before, after: score },
    })
  }
  return {
    factor,
    weight: rules.weight,
    mean,
    score,
    contributions: contributions.map(({ weight: _w, ...c }) => c),
    adjustments,
    floorApplied,
  }
}

function evaluateIndicator(ctx: ReadContext, ind: Indicator): Contribution | undefined {
  const a = ctx.answers
  const make = (fieldIds: readonly string[], value: Contribution['value'], points: number, params: Contribution['params']): Contribution => ({
    id: ind.id,
    fieldIds,
    value,
    points: roundTo(points, 4),
    messageKey: ind.messageKey,
    params,
  })
  switch (ind.kind) {
    case 'bands': {
      const v = readSource(a, ind.source)
      if (v === undefined) return undefined
      const points = pointsFromBands(ind.bands, v)
      return make(ind.fieldIds, roundTo(v, 2), points, { value: roundTo(v, 2), points })
    }
    case 'choice': {
      const v = str(a, ind.field)
      if (v === undefined || !Object.hasOwn(ind.points, v)) return undefined
      return make([ind.field], v, ind.points[v]!, { answer: v, points: ind.points[v]! })
    }
    case 'mix': {
      const m = mixMean(a, ind.shares)
      return m === undefined ? undefined : make(Object.keys(ind.shares), null, m, { mean: roundTo(m, 2) })
    }
    case 'groupMix': {
      const rs = rows(a, ind.group)
      const total = rs.reduce((s, r) => s + (typeof r[ind.shareColumn] === 'number' ? (r[ind.shareColumn] as number) : 0), 0)
      if (!total) return undefined
      const weighted = rs.reduce((s, r) => {
        const share = typeof r[ind.shareColumn] === 'number' ? (r[ind.shareColumn] as number) : 0
        const item = r[ind.itemColumn]
        const w = typeof item === 'string' && Object.hasOwn(ind.points, item) ? ind.points[item]! : ind.otherwise
        return s + share * w
      }, 0)
      const m = weighted / total
      return make([ind.group], rs.length, m, { mean: roundTo(m, 2), lines: rs.length })
    }
    case 'sectorBaseline': {
      const sector = str(a, ind.field)
      if (sector === undefined || !Object.hasOwn(ind.baseline, sector)) return undefined
      const mix = Object.hasOwn(ind.mixes, sector) ? ind.mixes[sector]! : undefined
      const m = mix ? mixMean(a, mix) : undefined
      if (m !== undefined) return make([ind.field, ...Object.keys(mix!)], sector, m, { sector, mean: roundTo(m, 2), byMix: 'yes' })
      return make([ind.field], sector, ind.baseline[sector]!, { sector, mean: ind.baseline[sector]!, byMix: 'no' })
    }
    case 'condition': {
      const held = holds(ctx, ind.when)
      return make(ind.fieldIds, held, held ? ind.points : ind.otherwise, { held: held ? 'yes' : 'no', points: held ? ind.points : ind.otherwise })
    }
  }
}

/** Weighted mean of item weights by the percentages answered in `shares`' fields; undefined if none > 0. */
function mixMean(a: Answers, shares: Readonly<Record<string, number>>): number | undefined {
  let total = 0
  let weighted = 0
  for (const [field, w] of Object.entries(shares)) {
    const pct = num(a, field) ?? 0
    total += pct
    weighted += pct * w
  }
  return total > 0 ? weighted / total : undefined
}

// ---------------------------------------------------------------------------------------------
// Control areas

function scoreControlArea(ruleset: Ruleset, ctx: ReadContext, area: ControlArea, flags: readonly Flag[]): ControlScore {
  const rules = ruleset.controls[area]
  let earned = 0
  let possible = 0
  const contributions: Contribution[] = []
  for (const item of rules.items) {
    const r = evaluateControlItem(ctx, item)
    if (r === 'not_applicable') continue
    possible += item.weight
    earned += item.weight * r.fraction
    contributions.push({
      id: item.id,
      fieldIds: r.fieldIds,
      value: answerValue(ctx.answers, item.field),
      points: roundTo(item.weight * r.fraction, 4),
      messageKey: item.messageKey,
      params: { ...r.params, max: item.weight },
    })
  }
  const exact = possible ? earned / possible : 0
  const fraction = roundTo(exact, 4)
  let score = clamp(roundHalfUp(3 * exact), 0, 3)
  const penalties: Contribution[] = []
  for (const p of rules.penalties) {
    const flag = flags.find((f) => f.code === p.flag)
    if (!flag) continue
    const before = score
    score = clamp(score - p.points, 0, 3)
    penalties.push({ id: `${area}.${p.flag}`, fieldIds: flag.fieldIds, value: null, points: -p.points, messageKey: 'scoring.penalty.flag', params: { before, after: score, flag: p.flag } })
  }
  return { area, weight: rules.weight, fraction, score, contributions, penalties }
}

type ItemResult = { fraction: number; fieldIds: readonly string[]; params: Contribution['params'] } | 'not_applicable'

function evaluateControlItem(ctx: ReadContext, item: ControlItem): ItemResult {
  const a = ctx.answers
  const only = (fraction: number, params: Contribution['params']): ItemResult => ({ fraction, fieldIds: [item.field], params })
  switch (item.kind) {
    case 'ynp': {
      const v = str(a, item.field)
      if (v === 'yes' && item.evidenceField && attachedFiles(ctx, item.evidenceField) === 0) {
        return { fraction: 0.5, fieldIds: [item.field, item.evidenceField], params: { answer: 'yes_no_evidence' } }
      }
      const fraction = v === 'yes' ? 1 : v === 'partly' ? 0.5 : 0
      return { fraction, fieldIds: item.evidenceField ? [item.field, item.evidenceField] : [item.field], params: { answer: v ?? 'unanswered' } }
    }
    case 'choice': {
      const v = str(a, item.field)
      if (v !== undefined && item.notApplicable?.includes(v)) return 'not_applicable'
      return only(v !== undefined && Object.hasOwn(item.points, v) ? item.points[v]! : 0, { answer: v ?? 'unanswered' })
    }
    case 'multi': {
      const ticked = strings(a, item.field).filter((v) => item.good.includes(v)).length
      const fraction = item.any ? (ticked > 0 ? 1 : 0) : ticked / item.good.length
      return only(fraction, { ticked, of: item.any ? 1 : item.good.length })
    }
    case 'percent': {
      const v = num(a, item.field) ?? 0
      return only(clamp(v / 100, 0, 1), { value: v })
    }
    case 'atLeast': {
      const v = num(a, item.field)
      return only(v !== undefined && v >= item.atLeast ? 1 : 0, { value: v ?? 0, min: item.atLeast })
    }
    case 'atMost': {
      const v = num(a, item.field)
      if (v === undefined) return 'not_applicable'
      return only(v <= item.atMost ? 1 : v <= item.partlyAtMost ? 0.5 : 0, { baht: v / 100 })
    }
    case 'present': {
      const v = a[item.field]
      const count = Array.isArray(v) ? (rows(a, item.field).some((r) => 'attachmentId' in r) ? attachedFiles(ctx, item.field) : v.length) : 0
      return only(count > 0 ? 1 : 0, { count })
    }
  }
}
