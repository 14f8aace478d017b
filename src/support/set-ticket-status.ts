/**
 * Support staff close a ticket or reopen a closed one (use case, R3); audited. Closing records the
 * time, which starts the requester's REOPEN_WINDOW_DAYS.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import { auditContext, ticketNotFound, type ClientInfo, type StaffActor, type SupportDeps } from './support-deps.ts'
import { findTicketInQueue, lockTicket, updateTicket } from './support-threads.repo.ts'
import type { SupportQueue } from './support.rules.ts'
import { decideTicketAction, type SupportTicketStatus } from './ticket-status.rules.ts'

export async function setTicketStatus(
  deps: Pick<SupportDeps, 'database' | 'clock'>,
  opts: { actor: StaffActor; queue: SupportQueue; ticketId: string; action: 'close' | 'reopen'; client?: ClientInfo },
): Promise<SupportTicketStatus> {
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    await lockTicket(tx, opts.ticketId)
    const ticket = await findTicketInQueue(tx, opts.queue, opts.ticketId)
    if (!ticket) throw ticketNotFound()
    const verdict = decideTicketAction(ticket.status, opts.action, { closedAt: ticket.closedAt, now })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    await updateTicket(tx, ticket.id, { status: verdict.next, closedAt: verdict.next === 'closed' ? now : null })
    await appendAudit(
      tx,
      auditContext(opts.actor, now, opts.client),
      { action: 'support.status_changed', reference: ticket.reference, from: ticket.status, to: verdict.next },
      { targetType: 'ticket', targetId: ticket.id },
    )
    return verdict.next
  })
}
