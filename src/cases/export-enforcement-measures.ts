/** Every enforcement measure with its business, for the statistics CSV (§8.5; use case; R3). Staff who work cases. */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireCaseWorker } from './cases.shared.ts'
import { listAllMeasures, type MeasureExportRow } from './enforcement.repo.ts'

export async function exportEnforcementMeasures(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<MeasureExportRow[]> {
  requireCaseWorker(opts.actor)
  return listAllMeasures(deps.database.db)
}
