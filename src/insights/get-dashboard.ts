/**
 * The supervision dashboard of a cycle (use case, staff only): filing rate against the deadline,
 * ratings in force by business type, a province × rating table and the most frequent flags of
 * the active businesses in the registry.
 * Three small aggregate statements run side by side give every figure (insights.repo.ts `dashboardCounts`).
 */
import { listActiveBusinessTypes, type BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { FlagCode } from '#src/scoring/score.model.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { daysUntil, foldRatings, type RatingTable } from './insights.model.ts'
import { dashboardCounts } from './insights.repo.ts'
import { resolveCycle, type CycleOption } from './insights.shared.ts'

/** The dashboard lists this many flags, most frequent first. */
export const TOP_FLAGS = 10

export type Dashboard = {
  cycles: CycleOption[]
  cycle: { id: string; code: string; nameTh: string; nameEn: string; deadline: Date } | undefined
  daysLeft: number
  filing: { total: number; filed: number }
  byType: RatingTable[]
  byProvince: RatingTable[]
  flags: { code: FlagCode; count: number }[]
  businessTypes: BusinessTypeOption[]
}

type Deps = Pick<AppDeps, 'database' | 'clock'>

export async function getDashboard(deps: Deps, opts: { actor: Actor; cycleCode?: string | undefined }): Promise<Dashboard> {
  requireStaffActor(opts.actor)
  const db = deps.database.db
  const now = deps.clock.now()
  const [{ cycle, cycles }, businessTypes] = await Promise.all([resolveCycle(db, opts.cycleCode, now), listActiveBusinessTypes(db)])
  if (!cycle) return { cycles, cycle: undefined, daysLeft: 0, filing: { total: 0, filed: 0 }, byType: [], byProvince: [], flags: [], businessTypes }
  const { total, filed, ratings, flags } = await dashboardCounts(db, cycle.id, now)
  return {
    cycles,
    cycle,
    daysLeft: daysUntil(cycle.deadline, now),
    filing: { total, filed },
    byType: foldRatings(ratings, 'businessType', businessTypes.map((b) => b.code)),
    byProvince: foldRatings(ratings, 'province'),
    flags: flags.slice(0, TOP_FLAGS),
    businessTypes,
  }
}
