/** Shared by the insight use cases: the cycle a page is about (by its code, else the current one). */
import type { DbOrTx } from '#src/db/client.ts'
import { AppError } from '#src/platform/errors.ts'
import { listCycles } from '#src/review/review.repo.ts'
import { findCurrentCycle, findCycleByCode, type Cycle } from '#src/submissions/submissions.repo.ts'

export type CycleOption = { id: string; code: string; nameTh: string; nameEn: string }

/**
 * `?cycle=2569` → that cycle (NOT_FOUND if unknown); no code → the latest cycle that has opened,
 * else the newest one; undefined when no cycle exists yet.
 */
export async function resolveCycle(db: DbOrTx, code: string | undefined, now: Date): Promise<{ cycle: Cycle | undefined; cycles: CycleOption[] }> {
  const cycles = await listCycles(db)
  if (code) {
    const cycle = await findCycleByCode(db, code)
    if (!cycle) throw new AppError('NOT_FOUND', { messageKey: 'insights.errors.cycleNotFound' })
    return { cycle, cycles }
  }
  const newest = cycles[0] ? await findCycleByCode(db, cycles[0].code) : undefined
  return { cycle: (await findCurrentCycle(db, now)) ?? newest, cycles }
}
