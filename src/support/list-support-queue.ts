/**
 * A support queue's page data (query use case): counts per status, and the tickets of one status
 * (open by default: those waiting for staff) oldest first, each with its ageing in hours.
 */
import type { SupportDeps } from './support-deps.ts'
import { countQueueByStatus, listQueueTickets, listTicketsOfUser, type QueueRow } from './support-threads.repo.ts'
import type { SupportQueue } from './support.rules.ts'
import { hoursBetween, type SupportTicketStatus } from './ticket-status.rules.ts'

export type QueueItem = QueueRow & { hoursOpen: number; hoursSinceRequester: number }
export type SupportQueueView = { counts: Record<SupportTicketStatus, number>; filter: SupportTicketStatus | 'all'; items: QueueItem[] }

const withAgeing = (rows: QueueRow[], now: Date): QueueItem[] =>
  rows.map((r) => ({ ...r, hoursOpen: hoursBetween(r.createdAt, now), hoursSinceRequester: hoursBetween(r.lastRequesterAt, now) }))

export async function listSupportQueue(deps: Pick<SupportDeps, 'database' | 'clock'>, opts: { queue: SupportQueue; status?: SupportTicketStatus | 'all' }): Promise<SupportQueueView> {
  const db = deps.database.db
  const filter = opts.status ?? 'open'
  const [counts, rows] = [await countQueueByStatus(db, opts.queue), await listQueueTickets(db, { queue: opts.queue, status: filter === 'all' ? undefined : filter })]
  return { counts, filter, items: withAgeing(rows, deps.clock.now()) }
}

export async function listOwnTickets(deps: Pick<SupportDeps, 'database' | 'clock'>, opts: { userId: string }): Promise<QueueItem[]> {
  return withAgeing(await listTicketsOfUser(deps.database.db, opts.userId), deps.clock.now())
}
