/**
 * Proposes a cycle's supervision plan (domain.md §7; use case; R3): reads the rating in force of
 * every rated business of the cycle (assessment_reviews: an approved override until it expires,
 * else the computed rating) with its inherent-risk score and its last on-site / desk review,
 * computes the plan with the pure plan.rules.ts, and stores it as a new version with its items in
 * one transaction. Nothing is opened until a supervisor approves it (approvePlan).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findCycleByCode, findPlanByKey, insertPlan, insertPlanItems, listCaseWorkers, listPlanCandidates, nextPlanVersion, type PlanRow } from './cases.repo.ts'
import { parseDueOn, requireCaseWorker, storedKey } from './cases.shared.ts'
import { DEFAULT_PLAN_POLICY, proposeSupervisionPlan, type PlanPolicy, type ProposedItem } from './plan.rules.ts'
import { bangkokDay } from './sla.rules.ts'

const CAPACITY_MAX = 1000

export type ProposePlanOptions = {
  actor: Actor
  cycleCode: string
  /** Examiners (or supervisors) who take cases, with how many cases each can take in the period. */
  examiners: readonly { userId: string; capacity: number }[]
  /** The day due dates count from; default today in Bangkok. */
  asOf?: string
  policy?: PlanPolicy
  idempotencyKey: string
}

export type ProposePlanResult = { plan: PlanRow; items: ProposedItem[]; overCapacity: ProposedItem[]; duplicate: boolean }

export async function proposePlan(deps: Pick<AppDeps, 'database' | 'clock'>, opts: ProposePlanOptions): Promise<ProposePlanResult> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const db = deps.database.db
  const now = deps.clock.now()
  const asOf = opts.asOf ? parseDueOn(opts.asOf, now) : bangkokDay(now)
  const ids = opts.examiners.map((e) => e.userId)
  if (new Set(ids).size !== ids.length || opts.examiners.some((e) => !Number.isInteger(e.capacity) || e.capacity < 0 || e.capacity > CAPACITY_MAX)) {
    throw new AppError('VALIDATION', { messageKey: 'cases.errors.examiners' })
  }
  const workers = await listCaseWorkers(db, ids.filter(isUuid))
  if (workers.length !== ids.length) throw new AppError('VALIDATION', { messageKey: 'cases.errors.examiners' })
  const cycle = await findCycleByCode(db, opts.cycleCode)
  if (!cycle) throw new AppError('NOT_FOUND', { messageKey: 'cases.errors.cycleNotFound' })

  const again = await findPlanByKey(db, key)
  if (again) return { plan: again, items: [], overCapacity: [], duplicate: true }

  const policy = opts.policy ?? DEFAULT_PLAN_POLICY
  const nameOf = new Map(workers.map((w) => [w.id, `${w.firstName} ${w.lastName}`]))
  const examiners = opts.examiners.map((e) => ({ userId: e.userId, name: nameOf.get(e.userId)!, capacity: e.capacity }))
  const candidates = await listPlanCandidates(db, cycle.id, now)
  const proposed = proposeSupervisionPlan({ candidates, examiners, asOf, seed: cycle.code, policy })

  return db.transaction(async (tx) => {
    const raced = await findPlanByKey(tx, key)
    if (raced) return { plan: raced, items: [], overCapacity: [], duplicate: true }
    const version = await nextPlanVersion(tx, cycle.id)
    const plan = await insertPlan(tx, {
      cycleId: cycle.id,
      version,
      asOf,
      parameters: { examiners: opts.examiners, policy },
      proposedBy: staff.id,
      proposedAt: now,
      idempotencyKey: key,
    })
    const row = (i: ProposedItem, status: 'planned' | 'over_capacity') => ({
      planId: plan.id,
      entityId: i.entityId,
      caseType: i.caseType,
      scope: i.scope,
      reason: i.reason,
      rating: i.rating,
      score: i.score,
      rank: i.rank,
      dueOn: i.dueOn,
      status,
      assigneeUserId: i.assigneeUserId,
    })
    await insertPlanItems(tx, [...proposed.items.map((i) => row(i, 'planned')), ...proposed.overCapacity.map((i) => row(i, 'over_capacity'))])
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'plan.proposed', planId: plan.id, cycleCode: cycle.code, version, items: proposed.items.length, overCapacity: proposed.overCapacity.length },
      { targetType: 'plan', targetId: plan.id },
    )
    return { plan, items: proposed.items, overCapacity: proposed.overCapacity, duplicate: false }
  })
}
