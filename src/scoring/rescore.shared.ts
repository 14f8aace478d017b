/**
 * Shared by previewRescore and activateRescore: score the latest submission of every assessment of
 * a cycle with a ruleset, reusing each stored score's inputs (previous submission, scoring date) so
 * the only difference is the ruleset. No use case here.
 *
 * A cycle can hold 100,000 submissions of ~4 kB answers each (issue 6), so the submissions are read
 * and scored in keyset pages of `chunkSize` (in receipt order) and handed to the caller one chunk at
 * a time: memory stays at about two pages whatever the size of the cycle.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { requireCycle } from '#src/submissions/submissions.shared.ts'
import { unsafeListCriticalFindingStates } from '#src/cases/case-tasks.repo.ts'
import { openCriticalFindingsPastDeadline } from '#src/cases/findings.rules.ts'
import { bangkokDay } from '#src/cases/sla.rules.ts'
import { computeScore, findPreviousInput } from './compute-submission-score.ts'
import type { RiskBand, Ruleset, Score } from './score.model.ts'
import { unsafeFindSnapshots, unsafeListCycleSubmissionsPage, type CycleSubmissionForRescore } from './scoring.repo.ts'

export type Rescored = { submission: CycleSubmissionForRescore; score: Score; from: RiskBand | null; to: RiskBand }
/** One page of rescored submissions; `last` is true on the final one (also when the cycle has none). */
export type RescoredChunk = { rescored: Rescored[]; last: boolean }

export const DEFAULT_RESCORE_CHUNK = 2000

/**
 * Finds the cycle (NOT_FOUND at once) and returns its chunks as a lazy sequence: each page is read
 * only when the caller asks for the next chunk, so a caller may write one chunk before the next
 * page is read (nothing is read while the caller's transaction is open).
 */
export async function rescoreCycle(
  db: DbOrTx,
  cycleCode: string,
  ruleset: Ruleset,
  opts: { chunkSize?: number; now?: Date } = {},
): Promise<{ cycleId: string; chunks: AsyncGenerator<RescoredChunk, void> }> {
  const cycle = await requireCycle(db, cycleCode)
  return { cycleId: cycle.id, chunks: rescoreChunks(db, cycle.id, ruleset, Math.max(1, opts.chunkSize ?? DEFAULT_RESCORE_CHUNK), opts.now ?? null) }
}

async function* rescoreChunks(db: DbOrTx, cycleId: string, ruleset: Ruleset, size: number, now: Date | null): AsyncGenerator<RescoredChunk, void> {
  let page = await unsafeListCycleSubmissionsPage(db, cycleId, { afterReceiptRef: null, limit: size })
  for (;;) {
    const rescored = await scorePage(db, page, ruleset, now)
    // Read ahead one page, so the caller knows which chunk is the last (where its audit event goes).
    const next = page.length < size ? [] : await unsafeListCycleSubmissionsPage(db, cycleId, { afterReceiptRef: page.at(-1)!.receiptRef, limit: size })
    yield { rescored, last: next.length === 0 }
    if (!next.length) return
    page = next
  }
}

/** `now`: the §6.5 open-critical-finding floor is judged at this instant (absent: at each submission's time). */
async function scorePage(db: DbOrTx, page: readonly CycleSubmissionForRescore[], ruleset: Ruleset, now: Date | null): Promise<Rescored[]> {
  // §6.5 floor, one query per page: judged at `now`, else at each submission's time.
  const latest = page.reduce((max, s) => (s.submittedAt > max ? s.submittedAt : max), now ?? new Date(0))
  const critical = await unsafeListCriticalFindingStates(db, page.map((s) => s.entityId), bangkokDay(latest))
  const openFor = (s: CycleSubmissionForRescore) => {
    const open = openCriticalFindingsPastDeadline(critical.filter((f) => f.entityId === s.entityId), now ?? s.submittedAt)
    return open.length ? { count: open.length, oldestDueOn: open[0]!.dueOn } : null
  }
  const previousIds = page.flatMap((s) => (s.current?.previousSubmissionId ? [s.current.previousSubmissionId] : []))
  const snapshots = await unsafeFindSnapshots(db, [...new Set(previousIds)])
  const rescored: Rescored[] = []
  for (const s of page) {
    const prevId = s.current?.previousSubmissionId
    const previous = s.current
      ? prevId && snapshots.has(prevId)
        ? { submissionId: prevId, snapshot: snapshots.get(prevId)! }
        : null
      : await findPreviousInput(db, s)
    const score = computeScore(ruleset, s, previous, s.current?.asOf, openFor(s))
    rescored.push({ submission: s, score, from: (s.current?.residualBand as RiskBand | undefined) ?? null, to: score.residualBand })
  }
  return rescored
}
