/**
 * Filing status of a cycle (use case, staff only): who has not filed, counts by business type and
 * province, and one page of non-filers matching the filters.
 */
import { unsafeGrantedDeadlines } from '#src/cycles/cycles.repo.ts'
import { effectiveDeadline, isAfterDeadline } from '#src/cycles/deadline.rules.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { daysUntil } from './insights.model.ts'
import { countNonFilers, filingCounts, listNonFilers, type FilingCounts, type NonFilerRow } from './insights.repo.ts'
import { resolveCycle, type CycleOption } from './insights.shared.ts'

export const NON_FILERS_PAGE_SIZE = 50

export type FilingFilters = { businessType?: string | undefined; province?: string | undefined }

export type FilingStatus = {
  cycles: CycleOption[]
  cycle: { id: string; code: string; nameTh: string; nameEn: string; deadline: Date } | undefined
  daysLeft: number
  counts: FilingCounts
  /** `deadline`: the business's effective deadline (extension or cycle); `late` once it has passed. */
  nonFilers: (NonFilerRow & { deadline: Date; extended: boolean; late: boolean })[]
  /** Non-filers matching the filters. */
  matching: number
  page: number
  pages: number
}

type Deps = Pick<AppDeps, 'database' | 'clock'>

export async function getFilingStatus(deps: Deps, opts: { actor: Actor; cycleCode?: string | undefined; filters: FilingFilters; page: number }): Promise<FilingStatus> {
  requireStaffActor(opts.actor)
  const db = deps.database.db
  const now = deps.clock.now()
  const { cycle, cycles } = await resolveCycle(db, opts.cycleCode, now)
  if (!cycle) return { cycles, cycle: undefined, daysLeft: 0, counts: { total: 0, filed: 0, byType: [], byProvince: [] }, nonFilers: [], matching: 0, page: 1, pages: 1 }
  const filter = { cycleId: cycle.id, ...opts.filters }
  const [counts, matching] = await Promise.all([filingCounts(db, cycle.id), countNonFilers(db, filter)])
  const pages = Math.max(1, Math.ceil(matching / NON_FILERS_PAGE_SIZE))
  const page = Math.min(Math.max(1, opts.page), pages)
  const rows = await listNonFilers(db, filter, { limit: NON_FILERS_PAGE_SIZE, offset: (page - 1) * NON_FILERS_PAGE_SIZE })
  const granted = await unsafeGrantedDeadlines(db, cycle.id, rows.map((r) => r.entityId))
  const nonFilers = rows.map((r) => {
    const g = granted.get(r.entityId)
    const deadline = effectiveDeadline(cycle, g ? { status: 'granted', grantedDeadline: g } : undefined)
    return { ...r, deadline, extended: !!g, late: isAfterDeadline(now, deadline) }
  })
  return { cycles, cycle, daysLeft: daysUntil(cycle.deadline, now), counts, nonFilers, matching, page, pages }
}
