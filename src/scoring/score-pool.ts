/**
 * A thread that scores for a rescoring (issue 6: a cycle of 100,000 submissions in under 30 s on a
 * 2-core machine). The main thread reads and writes pages while the thread scores the page between
 * them, so scoring no longer waits for the database nor the database for scoring. Snapshots travel
 * as the JSON text PostgreSQL printed and scores come back serialised (StoredScore), so neither is
 * parsed or copied as an object graph on the main thread.
 *
 * Scoring is pure (score-snapshot.ts): the thread gives exactly the score the server would. Callers
 * check first that the ruleset reads every questionnaire version involved (requireRulesetReads):
 * the thread knows only the ruleset, not the questionnaire registry.
 */
import { Worker } from 'node:worker_threads'
import type { OpenCriticalFindings } from '#src/cases/open-critical-findings.ts'
import type { Ruleset } from './score.model.ts'
import { scoreSnapshot } from './score-snapshot.ts'
import { toStoredScore, type StoredScore } from './stored-score.ts'

export type ScoreItem = {
  snapshotJson: string
  /** ISO instant. */
  submittedAt: string
  previous: { submissionId: string; snapshotJson: string } | null
  asOf: string | null
  openCriticalFindings: OpenCriticalFindings | null
}
export type ScoreJob = { id: number; items: ScoreItem[] }
export type ScoreJobResult = { id: number; stored: StoredScore[] } | { id: number; error: string }

/** Scores one item: what the thread does, and what a one-page rescoring does without a thread. */
export const scoreItem = (ruleset: Ruleset, it: ScoreItem): StoredScore =>
  toStoredScore(
    scoreSnapshot(
      ruleset,
      { snapshot: JSON.parse(it.snapshotJson), submittedAt: new Date(it.submittedAt) },
      it.previous ? { submissionId: it.previous.submissionId, snapshot: JSON.parse(it.previous.snapshotJson) } : null,
      it.asOf,
      it.openCriticalFindings,
    ),
  )

export type ScorePool = {
  score(items: ScoreItem[]): Promise<StoredScore[]>
  close(): Promise<void>
}

export function startScorePool(ruleset: Ruleset): ScorePool {
  const worker = new Worker(new URL('./score-worker.mjs', import.meta.url), { workerData: { ruleset } })
  const pending = new Map<number, { resolve: (s: StoredScore[]) => void; reject: (e: Error) => void }>()
  let nextId = 1
  let failed: Error | null = null
  const failAll = (e: Error) => {
    failed = e
    for (const p of pending.values()) p.reject(e)
    pending.clear()
  }
  worker.on('message', (r: ScoreJobResult) => {
    const p = pending.get(r.id)
    if (!p) return
    pending.delete(r.id)
    if ('error' in r) p.reject(new Error(`rescoring thread: ${r.error}`))
    else p.resolve(r.stored)
  })
  worker.on('error', (e) => failAll(e))
  worker.on('exit', (code) => failAll(new Error(`rescoring thread stopped (exit code ${code})`)))
  return {
    score(items) {
      if (failed) return Promise.reject(failed)
      const id = nextId++
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject })
        worker.postMessage({ id, items } satisfies ScoreJob)
      })
    },
    async close() {
      worker.removeAllListeners('exit')
      await worker.terminate()
    },
  }
}
