/**
 * The body of a rescoring thread (score-pool.ts; entry score-worker.mjs): receives pages of
 * snapshots as JSON text with their scoring inputs, scores each with the ruleset it was started
 * with (score-snapshot.ts, as the server does) and answers with StoredScores, whose JSON is made
 * here so the main thread neither parses snapshots nor serialises scores.
 */
import { parentPort, workerData } from 'node:worker_threads'
import type { Ruleset } from './score.model.ts'
import { scoreItem, type ScoreJob, type ScoreJobResult } from './score-pool.ts'

const ruleset = (workerData as { ruleset: Ruleset }).ruleset

parentPort!.on('message', (job: ScoreJob) => {
  let reply: ScoreJobResult
  try {
    reply = { id: job.id, stored: job.items.map((it) => scoreItem(ruleset, it)) }
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) }
  }
  parentPort!.postMessage(reply)
})
