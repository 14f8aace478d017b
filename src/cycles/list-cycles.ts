/** The admin list of cycles (use case, cycle admins only): counts of assessments, submissions and pending extension requests. */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { listCyclesWithCounts, type CycleListRow } from './cycles.repo.ts'
import { requireActorWith } from './cycles.shared.ts'

export async function listCyclesForAdmin(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<CycleListRow[]> {
  requireActorWith(opts.actor, 'cycles:manage:any')
  return listCyclesWithCounts(deps.database.db)
}
