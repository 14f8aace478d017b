/**
 * The §6.5 input of risk scoring: per business, its critical findings (of any case) still
 * unresolved after their deadline at `now` (findings.rules.ts openCriticalFindingsPastDeadline).
 * Read by the scoring callers (compute-submission-score.ts) and passed to the pure scorer as
 * `openCriticalFindings`. Not a use case: callers check who may ask.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { unsafeListCriticalFindingStates } from './case-tasks.repo.ts'
import { openCriticalFindingsPastDeadline } from './findings.rules.ts'
import { bangkokDay } from './sla.rules.ts'

export type OpenCriticalFindings = { count: number; oldestDueOn: string }

export async function openCriticalFindingsOf(db: DbOrTx, entityIds: readonly string[], now: Date): Promise<Map<string, OpenCriticalFindings>> {
  const states = await unsafeListCriticalFindingStates(db, [...new Set(entityIds)], bangkokDay(now))
  const out = new Map<string, OpenCriticalFindings>()
  for (const f of openCriticalFindingsPastDeadline(states, now)) {
    const prev = out.get(f.entityId)
    out.set(f.entityId, { count: (prev?.count ?? 0) + 1, oldestDueOn: prev && prev.oldestDueOn < f.dueOn ? prev.oldestDueOn : f.dueOn })
  }
  return out
}
