/**
 * Support staff move a ticket to the other queue with a reason (use case, R3): the queue changes,
 * the reason is kept as a staff-only note in the thread, the move is audited and the other team
 * is e-mailed. The status stays.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import { notifyQueue } from './notify-support.ts'
import { auditContext, ticketNotFound, type ClientInfo, type StaffActor, type SupportDeps } from './support-deps.ts'
import { findTicketInQueue, insertTicketMessage, lockTicket, updateTicket } from './support-threads.repo.ts'
import { OTHER_QUEUE, type SupportQueue } from './support.rules.ts'
import { decideTicketAction } from './ticket-status.rules.ts'

export async function moveTicket(
  deps: SupportDeps,
  opts: { actor: StaffActor; queue: SupportQueue; ticketId: string; reason: string; client?: ClientInfo },
): Promise<SupportQueue> {
  const now = deps.clock.now()
  const to = OTHER_QUEUE[opts.queue]
  return deps.database.db.transaction(async (tx) => {
    await lockTicket(tx, opts.ticketId)
    const ticket = await findTicketInQueue(tx, opts.queue, opts.ticketId)
    if (!ticket) throw ticketNotFound()
    const verdict = decideTicketAction(ticket.status, 'move', { closedAt: ticket.closedAt, now })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    await updateTicket(tx, ticket.id, { queue: to })
    await insertTicketMessage(tx, {
      ticketId: ticket.id,
      kind: 'move_note',
      authorKind: 'staff',
      authorUserId: opts.actor.id,
      body: opts.reason,
      movedToQueue: to,
      createdAt: now,
    })
    await appendAudit(
      tx,
      auditContext(opts.actor, now, opts.client),
      { action: 'support.moved', reference: ticket.reference, from: opts.queue, to, reason: opts.reason },
      { targetType: 'ticket', targetId: ticket.id },
    )
    await notifyQueue(tx, deps.config, { queue: to, ticket, event: 'moved_in', now })
    return to
  })
}
