/** One cycle as its admin page shows it (use case, cycle admins only): whether its questionnaire version may still change. */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findCycleByCode, type Cycle } from '#src/submissions/submissions.repo.ts'
import { canChangeQuestionnaireVersion } from './cycle-status.rules.ts'
import { countAssessmentsOfCycle } from './cycles.repo.ts'
import { cycleNotFound, publishedQuestionnaireVersions, requireActorWith } from './cycles.shared.ts'

export type AdminCycleView = { cycle: Cycle; assessments: number; versionLocked: boolean; versions: string[] }

export async function getCycleForAdmin(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; code: string }): Promise<AdminCycleView> {
  requireActorWith(opts.actor, 'cycles:manage:any')
  const db = deps.database.db
  const cycle = await findCycleByCode(db, opts.code)
  if (!cycle) throw cycleNotFound()
  const assessments = await countAssessmentsOfCycle(db, cycle.id)
  const versions = await publishedQuestionnaireVersions(deps)
  return { cycle, assessments, versionLocked: !canChangeQuestionnaireVersion(assessments), versions: versions.includes(cycle.definitionVersion) ? versions : [cycle.definitionVersion, ...versions] }
}
