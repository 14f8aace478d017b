/**
 * Proposing a cycle's supervision plan from residual ratings (domain.md §7), pure and
 * deterministic. The policy follows §7's table:
 *
 * | residual rating | desk-based review                          | on-site inspection                         |
 * | High            | on receipt (the questionnaire review)      | within 12 months of rating, full scope     |
 * | Medium-High     | yearly                                     | within 24 months, risk-focused scope       |
 * | Medium-Low      | every 2–3 years (none in the last 2 years) | by sampling only                           |
 * | Low             | random sample (5–10 % a year)              | none unless triggered                      |
 *
 * "On receipt" needs no plan item: the review queue does it when the questionnaire arrives. An
 * on-site (or desk review) is not proposed again when the last one is recent enough for the
 * band. Samples are deterministic: a hash of the plan's seed (the cycle) and the business.
 * Items are ordered by rating (High first), then score (the inherent-risk score, higher first),
 * then name, and fill examiners' capacity (cases per period) in that order; what does not fit
 * is returned as over capacity, never silently dropped.
 */
import { RATINGS, type Rating } from '#src/review/review.model.ts'
import type { CaseType } from './case-status.rules.ts'
import { addMonths } from './sla.rules.ts'

export const PLAN_SCOPES = ['full', 'risk_focused', 'standard', 'sample'] as const
export type PlanScope = (typeof PLAN_SCOPES)[number]

export const PLAN_REASONS = ['high_onsite', 'medium_high_onsite', 'medium_high_desk', 'medium_low_desk', 'medium_low_onsite_sample', 'low_desk_sample'] as const
export type PlanReason = (typeof PLAN_REASONS)[number]

export type PlanPolicy = {
  /** On-site within this many months of the rating; absent: on-site only by sampling or trigger. */
  onsiteMonths: Partial<Record<Rating, number>>
  /** A desk review when none happened in this many months; absent: sampling only (or none). */
  deskReviewEveryMonths: Partial<Record<Rating, number>>
  /** Share of the band sampled for an on-site inspection (0–1). */
  onsiteSampleRate: Partial<Record<Rating, number>>
  /** Share of the band sampled for a desk review (0–1). */
  deskSampleRate: Partial<Record<Rating, number>>
  /** Sampled and desk-review items are due within the plan period (months). */
  periodMonths: number
}

export const DEFAULT_PLAN_POLICY = {
  onsiteMonths: { high: 12, medium_high: 24 },
  deskReviewEveryMonths: { medium_high: 12, medium_low: 24 },
  onsiteSampleRate: { medium_low: 0.1 },
  deskSampleRate: { low: 0.1 },
  periodMonths: 12,
} as const satisfies PlanPolicy

export type PlanCandidate = {
  entityId: string
  name: string
  rating: Rating
  /** The inherent-risk score (IRS) of the rating's assessment; null when not scored. */
  score: number | null
  /** Day of the last on-site inspection / desk review case opened (not cancelled), if any. */
  lastOnsiteOn: string | null
  lastDeskReviewOn: string | null
}

export type PlanExaminer = { userId: string; name: string; capacity: number }

export type ProposedItem = {
  entityId: string
  name: string
  rating: Rating
  score: number | null
  caseType: CaseType
  scope: PlanScope
  dueOn: string
  reason: PlanReason
  /** 1-based position in the plan's order. */
  rank: number
  assigneeUserId: string | null
}

export type ProposedPlan = { items: ProposedItem[]; overCapacity: ProposedItem[] }

const RANK = Object.fromEntries(RATINGS.map((r, i) => [r, i])) as Record<Rating, number>

/** FNV-1a with a final avalanche (murmur3 fmix32), as a fraction in [0, 1): a stable "random" draw per (seed, kind, business). */
export function stableDraw(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return (h >>> 0) / 2 ** 32
}

const dueFor = (last: string | null, asOf: string, everyMonths: number) => last === null || addMonths(last, everyMonths) <= asOf

type Draft = Omit<ProposedItem, 'rank' | 'assigneeUserId'>

/** The items §7 asks for one business (on-site first). */
export function itemsFor(c: PlanCandidate, asOf: string, seed: string, policy: PlanPolicy = DEFAULT_PLAN_POLICY): Draft[] {
  const base = { entityId: c.entityId, name: c.name, rating: c.rating, score: c.score }
  const out: Draft[] = []
  const onsite = policy.onsiteMonths[c.rating]
  const onsiteRate = policy.onsiteSampleRate[c.rating]
  if (onsite !== undefined) {
    if (dueFor(c.lastOnsiteOn, asOf, onsite)) {
      out.push({ ...base, caseType: 'onsite_inspection', scope: c.rating === 'high' ? 'full' : 'risk_focused', dueOn: addMonths(asOf, onsite), reason: c.rating === 'high' ? 'high_onsite' : 'medium_high_onsite' })
    }
  } else if (onsiteRate !== undefined && stableDraw(`${seed}:onsite:${c.entityId}`) < onsiteRate && dueFor(c.lastOnsiteOn, asOf, policy.periodMonths)) {
    out.push({ ...base, caseType: 'onsite_inspection', scope: 'sample', dueOn: addMonths(asOf, policy.periodMonths), reason: 'medium_low_onsite_sample' })
  }
  const desk = policy.deskReviewEveryMonths[c.rating]
  const deskRate = policy.deskSampleRate[c.rating]
  if (desk !== undefined) {
    if (dueFor(c.lastDeskReviewOn, asOf, desk)) {
      out.push({ ...base, caseType: 'desk_review', scope: 'standard', dueOn: addMonths(asOf, policy.periodMonths), reason: c.rating === 'medium_high' ? 'medium_high_desk' : 'medium_low_desk' })
    }
  } else if (deskRate !== undefined && stableDraw(`${seed}:desk:${c.entityId}`) < deskRate && dueFor(c.lastDeskReviewOn, asOf, policy.periodMonths)) {
    out.push({ ...base, caseType: 'desk_review', scope: 'sample', dueOn: addMonths(asOf, policy.periodMonths), reason: 'low_desk_sample' })
  }
  return out
}

const TYPE_ORDER = { onsite_inspection: 0, desk_review: 1, thematic_review: 2, follow_up: 3, enforcement_referral: 4 } as const satisfies Record<CaseType, number>

/** Rating (High first), score (higher first, unscored last), name (Thai order), then id; on-site before desk review. */
export function compareItems(a: Draft, b: Draft): number {
  return (
    RANK[b.rating] - RANK[a.rating] ||
    (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
    a.name.localeCompare(b.name, 'th') ||
    (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0) ||
    TYPE_ORDER[a.caseType] - TYPE_ORDER[b.caseType]
  )
}

/**
 * The plan: every item §7 asks for, in order, assigned to examiners within their capacity. A
 * business's second item goes to the examiner of its first when they have room (one contact per
 * business); otherwise to the examiner with the most room left (then by name). Items beyond all
 * capacity are returned in `overCapacity` with no assignee.
 */
export function proposeSupervisionPlan(args: { candidates: readonly PlanCandidate[]; examiners: readonly PlanExaminer[]; asOf: string; seed: string; policy?: PlanPolicy }): ProposedPlan {
  const drafts = args.candidates.flatMap((c) => itemsFor(c, args.asOf, args.seed, args.policy)).sort(compareItems)
  const room = new Map(args.examiners.map((e) => [e.userId, Math.max(0, Math.floor(e.capacity))]))
  const examiners = [...args.examiners].sort((a, b) => a.name.localeCompare(b.name, 'th') || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
  const byEntity = new Map<string, string>()
  const items: ProposedItem[] = []
  const overCapacity: ProposedItem[] = []
  drafts.forEach((d, i) => {
    const previous = byEntity.get(d.entityId)
    let chosen = previous !== undefined && (room.get(previous) ?? 0) > 0 ? previous : undefined
    if (chosen === undefined) {
      let best = 0
      for (const e of examiners) {
        const left = room.get(e.userId) ?? 0
        if (left > best) {
          best = left
          chosen = e.userId
        }
      }
    }
    if (chosen === undefined) {
      overCapacity.push({ ...d, rank: i + 1, assigneeUserId: null })
      return
    }
    room.set(chosen, room.get(chosen)! - 1)
    byEntity.set(d.entityId, chosen)
    items.push({ ...d, rank: i + 1, assigneeUserId: chosen })
  })
  return { items, overCapacity }
}
