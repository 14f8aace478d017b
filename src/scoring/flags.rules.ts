/**
 * Consistency checks of domain.md §6.6: flags for the reviewing officer, not scores (a ruleset may
 * still let a flag cost control points or trigger an adjustment). Pure; thresholds come from the ruleset.
 */
import { isValidThaiId13 } from '#src/entities/juristic-id.rules.ts'
import { attachedFiles, num, rows, str, yearsBetween, type Answers, type ReadContext } from './conditions.rules.ts'
import type { Flag, Ruleset } from './score.model.ts'

export function consistencyFlags(ruleset: Ruleset, ctx: ReadContext, previousAnswers: Answers | null): Flag[] {
  const a = ctx.answers
  const flags: Flag[] = []
  const n = (id: string) => num(a, id)

  const d14 = n('D14_count') ?? 0
  if (d14 > 0 && n('C5_2') === 0) {
    flags.push({ code: 'CTR_NOT_FILED', messageKey: 'scoring.flag.CTR_NOT_FILED', params: { cashTransactions: d14 }, fieldIds: ['D14_count', 'C5_2'] })
  }

  const highRisk = (n('D02') ?? 0) + (n('D05') ?? 0)
  if (highRisk > 0 && n('C5_4') === 0) {
    const lastYearToo = previousAnswers !== null && num(previousAnswers, 'C5_4') === 0
    flags.push({
      code: 'STR_NEVER_FILED',
      messageKey: lastYearToo ? 'scoring.flag.STR_NEVER_FILED.years' : 'scoring.flag.STR_NEVER_FILED',
      params: { highRiskCustomers: highRisk },
      fieldIds: ['D02', 'D05', 'C5_4'],
    })
  }

  const d15 = n('D15') ?? 0
  const { ratio, minCount } = ruleset.flags.structuring
  if (d15 >= minCount && d15 >= ratio * d14) {
    flags.push({ code: 'STRUCTURING', messageKey: 'scoring.flag.STRUCTURING', params: { nearThreshold: d15, overThreshold: d14 }, fieldIds: ['D15', 'D14_count'] })
  }

  if (str(a, 'C1_1') === 'yes' && attachedFiles(ctx, 'C1_1_evidence') === 0) {
    flags.push({ code: 'POLICY_NO_EVIDENCE', messageKey: 'scoring.flag.POLICY_NO_EVIDENCE', params: {}, fieldIds: ['C1_1', 'C1_1_evidence'] })
  }

  const approved = str(a, 'C1_1_approvedOn')
  const reviewed = str(a, 'C1_1_reviewedOn')
  const latest = [approved, reviewed].filter((d): d is string => !!d).sort().at(-1)
  if (latest && ctx.asOf && str(a, 'C1_1') !== 'no' && yearsBetween(latest, ctx.asOf) >= ruleset.flags.policyMaxAgeYears) {
    flags.push({
      code: 'POLICY_OUTDATED',
      messageKey: 'scoring.flag.POLICY_OUTDATED',
      params: { date: latest, years: ruleset.flags.policyMaxAgeYears },
      fieldIds: ['C1_1_approvedOn', 'C1_1_reviewedOn'],
    })
  }

  const shares = rows(a, 'B03').reduce((sum, r) => sum + (typeof r.sharePercent === 'number' ? r.sharePercent : 0), 0)
  if (shares > 100) flags.push({ code: 'SHAREHOLDING_OVER_100', messageKey: 'scoring.flag.SHAREHOLDING_OVER_100', params: { total: round2(shares) }, fieldIds: ['B03'] })

  if (rows(a, 'B04').length === 0) flags.push({ code: 'NO_BENEFICIAL_OWNER', messageKey: 'scoring.flag.NO_BENEFICIAL_OWNER', params: {}, fieldIds: ['B04'] })

  const badIds = rows(a, 'B01').filter((r) => r.idType === 'thai_id' && typeof r.thaiId === 'string' && !isValidThaiId13(r.thaiId)).length
  if (badIds > 0) flags.push({ code: 'DIRECTOR_ID_INVALID', messageKey: 'scoring.flag.DIRECTOR_ID_INVALID', params: { count: badIds }, fieldIds: ['B01'] })

  if (previousAnswers) {
    const s = ruleset.flags.sharpChange
    for (const id of s.percentFields) {
      const before = num(previousAnswers, id)
      const now = n(id)
      if (before !== undefined && now !== undefined && Math.abs(now - before) >= s.percentPoints) {
        flags.push({ code: 'SHARP_CHANGE', messageKey: 'scoring.flag.SHARP_CHANGE.percent', params: { field: id, before, now }, fieldIds: [id] })
      }
    }
    for (const id of s.countFields) {
      const before = num(previousAnswers, id)
      const now = n(id)
      if (before === undefined || now === undefined || Math.max(before, now) < s.countMinBase) continue
      const lo = Math.min(before, now)
      if (lo === 0 || Math.max(before, now) / lo >= s.countFactor) {
        flags.push({ code: 'SHARP_CHANGE', messageKey: 'scoring.flag.SHARP_CHANGE.count', params: { field: id, before, now }, fieldIds: [id] })
      }
    }
  }
  return flags
}

const round2 = (x: number) => Math.round(x * 100) / 100
