/**
 * Word between the server processes of one deployment (node:cluster, WEB_CONCURRENCY > 1): a
 * process that changed something others keep in memory announces it, the primary passes it on to
 * every other worker, and each runs its handler (e.g. load a newly published questionnaire
 * version). Outside a cluster (one process, tests) announcing does nothing: there is no one else.
 *
 * Only in-memory copies of database state travel this way; the database stays the truth, and a
 * process that starts later reads it at start-up.
 */
import cluster from 'node:cluster'

export const ANNOUNCEMENTS = ['questionnaire-published'] as const
export type Announcement = (typeof ANNOUNCEMENTS)[number]

const TYPE = 'amrac:announce'
type Message = { type: typeof TYPE; what: Announcement }
const isMessage = (m: unknown): m is Message =>
  typeof m === 'object' && m !== null && (m as Message).type === TYPE && (ANNOUNCEMENTS as readonly string[]).includes((m as Message).what)

/** Tell the other server processes (no-op outside a cluster worker). */
export function announceToOtherProcesses(what: Announcement): void {
  if (cluster.isWorker && process.send) process.send({ type: TYPE, what } satisfies Message)
}

/** In a worker: run `handler` when another process announces `what`. */
export function onAnnouncement(what: Announcement, handler: () => void | Promise<void>, onError: (err: Error) => void): void {
  if (!cluster.isWorker) return
  process.on('message', (m: unknown) => {
    if (isMessage(m) && m.what === what) Promise.resolve().then(handler).catch(onError)
  })
}

/** In the primary: pass every worker's announcement on to the other workers. */
export function relayAnnouncements(): void {
  cluster.on('message', (from, m: unknown) => {
    if (!isMessage(m)) return
    for (const w of Object.values(cluster.workers ?? {})) if (w && w !== from && w.isConnected()) w.send(m)
  })
}
