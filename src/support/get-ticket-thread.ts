/**
 * A ticket with its thread, as each side may see it (query use case). Staff of the ticket's queue
 * see the whole thread including move notes; the requester (their own ticket, or the one ticket a
 * verified link names) sees the messages only. Anything else is "not found".
 */
import { isUuid } from '#src/platform/ids.ts'
import { ticketNotFound, type SupportDeps } from './support-deps.ts'
import { requesterView, type TicketThread } from './support-thread.model.ts'
import { findOwnTicket, findTicketInQueue, listTicketMessages, unsafeFindTicketById, type LoadedTicket } from './support-threads.repo.ts'
import type { SupportQueue } from './support.rules.ts'

export type TicketScope = { kind: 'queue'; queue: SupportQueue } | { kind: 'account'; userId: string } | { kind: 'link' }

export async function findScopedTicket(deps: Pick<SupportDeps, 'database'>, scope: TicketScope, ticketId: string): Promise<LoadedTicket | undefined> {
  if (!isUuid(ticketId)) return undefined
  const db = deps.database.db
  switch (scope.kind) {
    case 'queue':
      return findTicketInQueue(db, scope.queue, ticketId)
    case 'account':
      return findOwnTicket(db, scope.userId, ticketId)
    case 'link':
      return unsafeFindTicketById(db, ticketId)
  }
}

export async function getTicketThread(deps: Pick<SupportDeps, 'database'>, opts: { scope: TicketScope; ticketId: string }): Promise<TicketThread> {
  const ticket = await findScopedTicket(deps, opts.scope, opts.ticketId)
  if (!ticket) throw ticketNotFound()
  const messages = await listTicketMessages(deps.database.db, ticket.id)
  return { ticket, messages: opts.scope.kind === 'queue' ? messages : requesterView(messages) }
}
