/**
 * Activating a rescoring: every latest submission of the cycle gets a new current score computed with
 * the ruleset (the old rows stay as history), written in one transaction per batch, and one audit
 * event records who did it, with which ruleset, and how many ratings changed. A supervisor or an
 * admin decides (it changes the ratings of a whole cycle); examiners may only preview.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { syncQueueRatings } from '#src/review/review.repo.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { requireRuleset, type RulesetDeps } from './compute-submission-score.ts'
import { rescoreCycle } from './rescore.shared.ts'
import { insertCurrentScore } from './scoring.repo.ts'

export type ActivateRescoreOptions = { actor: Actor; cycleCode: string; rulesetVersion: string; batchSize?: number }
export type ActivateRescoreResult = { cycleCode: string; rulesetVersion: string; scored: number; changed: number }

const DEFAULT_BATCH = 500

export async function activateRescore(deps: Pick<AppDeps, 'database' | 'clock'> & RulesetDeps, opts: ActivateRescoreOptions): Promise<ActivateRescoreResult> {
  const actor = requireStaffActor(opts.actor)
  if (actor.role !== 'supervisor' && actor.role !== 'admin') throw new AppError('FORBIDDEN', { messageKey: 'questionnaire.errors.notAllowed' })
  const ruleset = requireRuleset(opts.rulesetVersion, deps.rulesets)
  const db = deps.database.db
  const { cycleId, rescored } = await rescoreCycle(db, opts.cycleCode, ruleset)
  const now = deps.clock.now()
  const size = Math.max(1, opts.batchSize ?? DEFAULT_BATCH)
  const changed = rescored.filter((r) => r.from !== r.to).length
  for (let at = 0; at < rescored.length || at === 0; at += size) {
    const batch = rescored.slice(at, at + size)
    const last = at + size >= rescored.length
    await db.transaction(async (tx) => {
      for (const r of batch) await insertCurrentScore(tx, { submission: r.submission, score: r.score, computedAt: now, computedBy: actor.id })
      // The review queue's copy of the rating in force follows the new scores (same transaction).
      await syncQueueRatings(tx, { submissionIds: batch.map((r) => r.submission.id) }, now)
      if (last) {
        await appendAudit(
          tx,
          { at: now, actorUserId: actor.id, actorRole: actor.role },
          { action: 'risk.rescored', cycleCode: opts.cycleCode, rulesetVersion: ruleset.version, scored: rescored.length, changed },
          { targetType: 'cycle', targetId: cycleId },
        )
      }
    })
  }
  return { cycleCode: opts.cycleCode, rulesetVersion: ruleset.version, scored: rescored.length, changed }
}
