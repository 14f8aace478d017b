/**
 * Shared by previewRescore and activateRescore: score the latest submission of every assessment of
 * a cycle with a ruleset, reusing each stored score's inputs (previous submission, scoring date) so
 * the only difference is the ruleset. No use case here.
 */
import type { DbOrTx } from '#src/db/client.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { requireCycle } from '#src/submissions/submissions.shared.ts'
import { computeScore, findPreviousInput } from './compute-submission-score.ts'
import type { RiskBand, Ruleset, Score } from './score.model.ts'
import { unsafeFindSnapshots, unsafeListCycleSubmissions, type CycleSubmissionForRescore } from './scoring.repo.ts'

export type Rescored = { submission: CycleSubmissionForRescore; score: Score; from: RiskBand | null; to: RiskBand }

export async function rescoreCycle(db: DbOrTx, cycleCode: string, ruleset: Ruleset): Promise<{ cycleId: string; rescored: Rescored[] }> {
  const cycle = await requireCycle(db, cycleCode)
  const list = await unsafeListCycleSubmissions(db, cycle.id)
  const previousIds = list.flatMap((s) => (s.current?.previousSubmissionId ? [s.current.previousSubmissionId] : []))
  const snapshots: Map<string, SubmissionSnapshot> = await unsafeFindSnapshots(db, [...new Set(previousIds)])
  const rescored: Rescored[] = []
  for (const s of list) {
    const prevId = s.current?.previousSubmissionId
    const previous = s.current
      ? prevId && snapshots.has(prevId)
        ? { submissionId: prevId, snapshot: snapshots.get(prevId)! }
        : null
      : await findPreviousInput(db, s)
    const score = computeScore(ruleset, s, previous, s.current?.asOf)
    rescored.push({ submission: s, score, from: (s.current?.residualBand as RiskBand | undefined) ?? null, to: score.residualBand })
  }
  return { cycleId: cycle.id, rescored }
}
