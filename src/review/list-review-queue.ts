/**
 * The staff review queue (use case): the filtered, sorted page of a cycle's submitted assessments,
 * or every filtered row for an export. Staff see every business (`staff:access:any`).
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findCurrentCycle } from '#src/submissions/submissions.repo.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { countQueue, expireQueueOverrides, listCycles, QUEUE_COUNT_CAP, queueRows, type QueueFilter, type QueueRow } from './review.repo.ts'

export const QUEUE_PAGE_SIZE = 50
/** An export holds at most this many rows (the whole registry is ~100,000 businesses). */
export const EXPORT_MAX_ROWS = 200_000

export type QueueCriteria = Omit<QueueFilter, 'cycleId' | 'assignee'> & { cycleId?: string | undefined; assignee?: 'me' | 'unassigned' | undefined }

type Deps = Pick<AppDeps, 'database' | 'clock'>

async function resolve(deps: Deps, actor: Actor, criteria: QueueCriteria) {
  const staff = requireStaffActor(actor)
  const db = deps.database.db
  const cycles = await listCycles(db)
  const now = deps.clock.now()
  const cycle = cycles.find((c) => c.id === criteria.cycleId) ?? (await findCurrentCycle(db, now)) ?? cycles[0]
  const assignee = criteria.assignee === 'me' ? ({ kind: 'user', id: staff.id } as const) : criteria.assignee === 'unassigned' ? ({ kind: 'unassigned' } as const) : undefined
  const filter: QueueFilter | undefined = cycle ? { ...criteria, cycleId: cycle.id, assignee } : undefined
  // Overrides that expired since the last read stop being the rating in force (no nightly job).
  if (cycle) await expireQueueOverrides(db, cycle.id, now)
  return { db, cycles, cycle, filter, now }
}

export async function listReviewQueue(deps: Deps, opts: { actor: Actor; criteria: QueueCriteria; page: number }) {
  const { db, cycles, cycle, filter, now } = await resolve(deps, opts.actor, opts.criteria)
  if (!filter) return { cycles, cycle, rows: [] as QueueRow[], total: 0, moreThanTotal: false, pages: 0, page: 1 }
  // Counted up to the cap: beyond it the page says "more than 10,000" and offers the first 200 pages.
  const counted = await countQueue(db, filter)
  const moreThanTotal = counted > QUEUE_COUNT_CAP
  const total = Math.min(counted, QUEUE_COUNT_CAP)
  const pages = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE))
  const page = Math.min(Math.max(1, opts.page), pages)
  const rows = await queueRows(db, filter, now, { limit: QUEUE_PAGE_SIZE, offset: (page - 1) * QUEUE_PAGE_SIZE })
  return { cycles, cycle, rows, total, moreThanTotal, pages, page }
}

export async function exportReviewQueue(deps: Deps, opts: { actor: Actor; criteria: QueueCriteria }) {
  const { db, cycle, filter, now } = await resolve(deps, opts.actor, opts.criteria)
  if (!filter || !cycle) return { cycle, rows: [] as QueueRow[] }
  return { cycle, rows: await queueRows(db, filter, now, { limit: EXPORT_MAX_ROWS, offset: 0 }) }
}
