/**
 * The supervision plan page (issue 8; use case; R3): the cycles, the plan versions of one cycle,
 * and one plan's items with business names, each examiner's capacity (as proposed) and the items
 * assigned to them, and the items over capacity. Read-only.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { listCyclesForPlans, listPlanItemsWithNames, listPlansOfCycle, listUserNames, type PlanItemView } from './case-inbox.repo.ts'
import { findPlan, listCaseWorkers, type CaseWorker, type PlanRow } from './cases.repo.ts'
import { requireCaseWorker } from './cases.shared.ts'

export type CapacityUse = { userId: string; name: string; capacity: number | null; assigned: number }

export type PlanView = {
  cycles: { id: string; code: string; nameTh: string; nameEn: string }[]
  cycle: { id: string; code: string; nameTh: string; nameEn: string } | undefined
  plans: PlanRow[]
  plan: PlanRow | undefined
  items: PlanItemView[]
  capacity: CapacityUse[]
  workers: CaseWorker[]
  names: Map<string, string>
}

const examinersOf = (plan: PlanRow): { userId: string; capacity: number }[] => {
  const p = plan.parameters as { examiners?: unknown }
  return Array.isArray(p.examiners) ? (p.examiners as { userId: string; capacity: number }[]) : []
}

export async function getPlanView(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; cycleCode?: string | undefined; planId?: string | undefined }): Promise<PlanView> {
  requireCaseWorker(opts.actor)
  const db = deps.database.db
  const [cycles, workers] = await Promise.all([listCyclesForPlans(db), listCaseWorkers(db)])
  const asked = opts.planId && isUuid(opts.planId) ? await findPlan(db, opts.planId) : undefined
  const cycle = (asked ? cycles.find((c) => c.id === asked.cycleId) : cycles.find((c) => c.code === opts.cycleCode)) ?? cycles[0]
  const plans = cycle ? await listPlansOfCycle(db, cycle.id) : []
  const plan = (asked ? plans.find((p) => p.id === asked.id) : undefined) ?? plans.find((p) => p.status === 'approved') ?? plans[0]
  const items = plan ? await listPlanItemsWithNames(db, plan.id) : []
  const proposed = plan ? examinersOf(plan) : []
  const names = await listUserNames(db, [...proposed.map((e) => e.userId), ...items.flatMap((i) => (i.assigneeUserId ? [i.assigneeUserId] : [])), ...(plan ? [plan.proposedBy, ...(plan.approvedBy ? [plan.approvedBy] : [])] : [])])
  const assigned = new Map<string, number>()
  for (const i of items) if (i.status === 'planned' && i.assigneeUserId) assigned.set(i.assigneeUserId, (assigned.get(i.assigneeUserId) ?? 0) + 1)
  const ids = [...new Set([...proposed.map((e) => e.userId), ...assigned.keys()])]
  const capacity = ids.map((userId) => ({ userId, name: names.get(userId) ?? '—', capacity: proposed.find((e) => e.userId === userId)?.capacity ?? null, assigned: assigned.get(userId) ?? 0 }))
  return { cycles, cycle, plans, plan, items, capacity, workers, names }
}
