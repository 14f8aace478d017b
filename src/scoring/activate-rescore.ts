/**
 * Activating a rescoring: every latest submission of the cycle gets a new current score computed with
 * the ruleset (the old rows stay as history), and one audit event records who did it, with which
 * ruleset, and how many ratings changed. A supervisor or an admin decides (it changes the ratings of
 * a whole cycle); examiners may only preview.
 *
 * The cycle is read and scored a page at a time (rescore.shared.ts); each page is written in one
 * short transaction of a few statements (clear the old current rows, one multi-row INSERT, the
 * queue's copy of the ratings) while the next page is scored, and the audit event goes into the last
 * page's transaction. 100,000
 * submissions: see scripts/bench/rescore-100k.ts.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { syncQueueRatings } from '#src/review/review.repo.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { requireRuleset, type RulesetDeps } from './compute-submission-score.ts'
import { rescoreCycle, type RescoreThread } from './rescore.shared.ts'
import { insertCurrentScores } from './scoring.repo.ts'

export type ActivateRescoreOptions = { actor: Actor; cycleCode: string; rulesetVersion: string; batchSize?: number; thread?: RescoreThread }
export type ActivateRescoreResult = { cycleCode: string; rulesetVersion: string; scored: number; changed: number }

export async function activateRescore(deps: Pick<AppDeps, 'database' | 'clock'> & RulesetDeps, opts: ActivateRescoreOptions): Promise<ActivateRescoreResult> {
  const actor = requireStaffActor(opts.actor)
  if (actor.role !== 'supervisor' && actor.role !== 'admin') throw new AppError('FORBIDDEN', { messageKey: 'questionnaire.errors.notAllowed' })
  const ruleset = requireRuleset(opts.rulesetVersion, deps.rulesets)
  const db = deps.database.db
  const { cycleId, chunks } = await rescoreCycle(db, opts.cycleCode, ruleset, { chunkSize: opts.batchSize, now: deps.clock.now(), thread: opts.thread })
  const now = deps.clock.now()
  let scored = 0
  let changed = 0
  // Pipelined: a page's write transaction runs in PostgreSQL while the next page is read and scored
  // here (the generator advances when the loop body returns); pages are still written one at a
  // time and in order, and a failed write stops the loop at the next page.
  let writing: Promise<void> = Promise.resolve()
  for await (const { rescored, last } of chunks) {
    await writing
    scored += rescored.length
    changed += rescored.filter((r) => r.from !== r.to).length
    const totals = { scored, changed }
    writing = db.transaction(async (tx) => {
      await insertCurrentScores(tx, rescored, { computedAt: now, computedBy: actor.id })
      // The review queue's copy of the rating in force follows the new scores (same transaction).
      await syncQueueRatings(tx, { submissionIds: rescored.map((r) => r.submission.id) }, now)
      if (last) {
        await appendAudit(
          tx,
          { at: now, actorUserId: actor.id, actorRole: actor.role },
          { action: 'risk.rescored', cycleCode: opts.cycleCode, rulesetVersion: ruleset.version, ...totals },
          { targetType: 'cycle', targetId: cycleId },
        )
      }
    })
    // Awaited at the next page or after the loop; this only stops an "unhandled rejection" meanwhile.
    writing.catch(() => undefined)
  }
  await writing
  return { cycleCode: opts.cycleCode, rulesetVersion: ruleset.version, scored, changed }
}
