/**
 * Filing status of a cycle (use case, staff only): who has not filed, counts by business type and
 * province, and one page of non-filers matching the filters.
 */
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
  nonFilers: NonFilerRow[]
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
  const nonFilers = await listNonFilers(db, filter, { limit: NON_FILERS_PAGE_SIZE, offset: (page - 1) * NON_FILERS_PAGE_SIZE })
  return { cycles, cycle, daysLeft: daysUntil(cycle.deadline, now), counts, nonFilers, matching, page, pages }
}
