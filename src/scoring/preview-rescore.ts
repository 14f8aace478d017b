/**
 * Preview of rescoring a cycle with another ruleset: every submission whose residual rating would
 * change (from → to), in receipt order. Writes nothing. Reads and scores the cycle a page at a time
 * and keeps only the changes.
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { requireRuleset, type RulesetDeps } from './compute-submission-score.ts'
import { rescoreCycle, type RescoreThread } from './rescore.shared.ts'
import type { RiskBand } from './score.model.ts'

export type PreviewRescoreOptions = { actor: Actor; cycleCode: string; rulesetVersion: string; chunkSize?: number; thread?: RescoreThread }
export type RatingChange = { submissionId: string; entityId: string; receiptRef: string; from: RiskBand | null; to: RiskBand }
export type RescorePreview = { cycleCode: string; rulesetVersion: string; scored: number; changes: RatingChange[] }

export async function previewRescore(deps: Pick<AppDeps, 'database' | 'clock'> & RulesetDeps, opts: PreviewRescoreOptions): Promise<RescorePreview> {
  requireStaffActor(opts.actor)
  const ruleset = requireRuleset(opts.rulesetVersion, deps.rulesets)
  const { chunks } = await rescoreCycle(deps.database.db, opts.cycleCode, ruleset, { chunkSize: opts.chunkSize, now: deps.clock.now(), thread: opts.thread })
  let scored = 0
  const changes: RatingChange[] = []
  for await (const { rescored } of chunks) {
    scored += rescored.length
    for (const r of rescored) {
      if (r.from !== r.to) changes.push({ submissionId: r.submission.id, entityId: r.submission.entityId, receiptRef: r.submission.receiptRef, from: r.from, to: r.to })
    }
  }
  return { cycleCode: opts.cycleCode, rulesetVersion: ruleset.version, scored, changes }
}
