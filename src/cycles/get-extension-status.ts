/**
 * A business's deadline for a cycle as its task list shows it (use case, entity users): the
 * effective deadline (extension or cycle), its latest extension request or grant, and whether it
 * may ask for an extension now (and if not, why).
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findAssessment, type Cycle } from '#src/submissions/submissions.repo.ts'
import { requireCycle, requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { effectiveDeadline } from './deadline.rules.ts'
import { findGrantedExtension, findLatestExtension, type ExtensionRow } from './cycles.repo.ts'
import { requestBlocker } from './request-extension.ts'

export type ExtensionStatusView = {
  cycle: Cycle
  deadline: Date
  latest: ExtensionRow | undefined
  /** Why a request cannot be made now; undefined when it can. */
  blocker: MessageKey | undefined
}

export async function getExtensionStatus(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; cycleCode: string }): Promise<ExtensionStatusView> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  const cycle = await requireCycle(db, opts.cycleCode)
  const [latest, granted, assessment] = await Promise.all([findLatestExtension(db, actor.entityId, cycle.id), findGrantedExtension(db, actor.entityId, cycle.id), findAssessment(db, actor.entityId, cycle.id)])
  return { cycle, deadline: effectiveDeadline(cycle, granted), latest, blocker: requestBlocker(cycle, assessment?.status, latest?.status === 'requested') }
}
