/**
 * Shared by previewRescore and activateRescore: score the latest submission of every assessment of
 * a cycle with a ruleset, reusing each stored score's inputs (previous submission, scoring date) so
 * the only difference is the ruleset. No use case here.
 *
 * A cycle can hold 100,000 submissions of ~4 kB answers each (issue 6), so the submissions are read
 * and scored in keyset pages of `chunkSize` (in receipt order) and handed to the caller one chunk at
 * a time: memory stays at about three pages whatever the size of the cycle.
 *
 * A cycle of more than one page is scored on a second thread (score-pool.ts) while this one reads
 * the next page and the caller writes the previous one; a page's scores are the same either way.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { requireCycle } from '#src/submissions/submissions.shared.ts'
import { unsafeListCriticalFindingStates } from '#src/cases/case-tasks.repo.ts'
import { openCriticalFindingsPastDeadline } from '#src/cases/findings.rules.ts'
import { bangkokDay } from '#src/cases/sla.rules.ts'
import { findPreviousInput, requireRulesetReads } from './compute-submission-score.ts'
import { scoreItem, startScorePool, type ScoreItem, type ScorePool } from './score-pool.ts'
import type { RiskBand, Ruleset } from './score.model.ts'
import { unsafeFindSnapshotTexts, unsafeListCycleSubmissionsPage, type CycleSubmissionForRescore } from './scoring.repo.ts'
import type { StoredScore } from './stored-score.ts'

export type Rescored = { submission: CycleSubmissionForRescore; stored: StoredScore; from: RiskBand | null; to: RiskBand }
/** One page of rescored submissions; `last` is true on the final one (also when the cycle has none). */
export type RescoredChunk = { rescored: Rescored[]; last: boolean }

export const DEFAULT_RESCORE_CHUNK = 2000

/** `auto`: a scoring thread once the cycle has more than one page; `always`/`never` (tests compare both). */
export type RescoreThread = 'auto' | 'always' | 'never'

/**
 * Finds the cycle (NOT_FOUND at once) and returns its chunks as a lazy sequence: each page is read
 * only when the caller asks for the next chunk, so a caller may write one chunk before the next
 * page is read (nothing is read while the caller's transaction is open). The scoring thread, if
 * any, stops when the sequence ends or the caller leaves the loop.
 */
export async function rescoreCycle(
  db: DbOrTx,
  cycleCode: string,
  ruleset: Ruleset,
  opts: { chunkSize?: number; now?: Date; thread?: RescoreThread } = {},
): Promise<{ cycleId: string; chunks: AsyncGenerator<RescoredChunk, void> }> {
  const cycle = await requireCycle(db, cycleCode)
  const size = Math.max(1, opts.chunkSize ?? DEFAULT_RESCORE_CHUNK)
  return { cycleId: cycle.id, chunks: rescoreChunks(db, cycle.id, ruleset, size, opts.now ?? null, opts.thread ?? 'auto') }
}

async function* rescoreChunks(db: DbOrTx, cycleId: string, ruleset: Ruleset, size: number, now: Date | null, thread: RescoreThread): AsyncGenerator<RescoredChunk, void> {
  let pool: ScorePool | null = null
  try {
    let page = await unsafeListCycleSubmissionsPage(db, cycleId, { afterReceiptRef: null, limit: size })
    for (;;) {
      const more = page.length === size
      if (!pool && (thread === 'always' || (thread === 'auto' && more))) pool = startScorePool(ruleset)
      // Score this page (on the thread, if any) while the next one is read: the caller learns
      // which chunk is the last (where its audit event goes) and the two overlap.
      const [rescored, next] = await Promise.all([
        scorePage(db, page, ruleset, now, pool),
        more ? unsafeListCycleSubmissionsPage(db, cycleId, { afterReceiptRef: page.at(-1)!.receiptRef, limit: size }) : Promise.resolve([]),
      ])
      yield { rescored, last: next.length === 0 }
      if (!next.length) return
      page = next
    }
  } finally {
    await pool?.close()
  }
}

/** `now`: the §6.5 open-critical-finding floor is judged at this instant (absent: at each submission's time). */
async function scorePage(db: DbOrTx, page: readonly CycleSubmissionForRescore[], ruleset: Ruleset, now: Date | null, pool: ScorePool | null): Promise<Rescored[]> {
  // The same refusal as computeScore, before anything is scored (the thread knows only the ruleset).
  for (const v of new Set(page.map((s) => s.definitionVersion))) requireRulesetReads(ruleset, v)
  // §6.5 floor, one query per page: judged at `now`, else at each submission's time.
  const latest = page.reduce((max, s) => (s.submittedAt > max ? s.submittedAt : max), now ?? new Date(0))
  const critical = await unsafeListCriticalFindingStates(db, page.map((s) => s.entityId), bangkokDay(latest))
  const openFor = (s: CycleSubmissionForRescore) => {
    const open = openCriticalFindingsPastDeadline(critical.filter((f) => f.entityId === s.entityId), now ?? s.submittedAt)
    return open.length ? { count: open.length, oldestDueOn: open[0]!.dueOn } : null
  }
  const previousIds = page.flatMap((s) => (s.current?.previousSubmissionId ? [s.current.previousSubmissionId] : []))
  const snapshots = await unsafeFindSnapshotTexts(db, [...new Set(previousIds)])
  const items: ScoreItem[] = []
  for (const s of page) {
    const prevId = s.current?.previousSubmissionId
    let previous: ScoreItem['previous'] = null
    if (!s.current) {
      // Never scored: compare with the last accepted submission, as at submission.
      const found = await findPreviousInput(db, s)
      previous = found ? { submissionId: found.submissionId, snapshotJson: JSON.stringify(found.snapshot) } : null
    } else if (prevId && snapshots.has(prevId)) {
      previous = { submissionId: prevId, snapshotJson: snapshots.get(prevId)! }
    }
    items.push({ snapshotJson: s.snapshotJson, submittedAt: s.submittedAt.toISOString(), previous, asOf: s.current?.asOf ?? null, openCriticalFindings: openFor(s) })
  }
  const stored = pool ? await pool.score(items) : items.map((it) => scoreItem(ruleset, it))
  return page.map((s, i) => ({ submission: s, stored: stored[i]!, from: (s.current?.residualBand as RiskBand | undefined) ?? null, to: stored[i]!.residualBand }))
}
