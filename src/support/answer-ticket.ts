/**
 * Support staff reply to a ticket of their queue (use case, R3): the message, the status
 * (→ answered), an audit event and the requester's e-mail, in one transaction. A repeated
 * idempotency key (double submit) changes nothing.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import { notifyRequester } from './notify-support.ts'
import { attachmentColumns, auditContext, ticketNotFound, type ClientInfo, type StaffActor, type SupportDeps } from './support-deps.ts'
import type { TicketAttachmentInput } from './support-thread.model.ts'
import { findTicketInQueue, hasMessageWithKey, insertTicketMessage, lockTicket, updateTicket } from './support-threads.repo.ts'
import type { SupportQueue } from './support.rules.ts'
import { decideTicketAction } from './ticket-status.rules.ts'

export type AnswerTicketOptions = {
  actor: StaffActor
  queue: SupportQueue
  ticketId: string
  body: string
  attachment?: TicketAttachmentInput
  idempotencyKey: string
  client?: ClientInfo
}

export async function answerTicket(deps: SupportDeps, opts: AnswerTicketOptions): Promise<{ isNew: boolean }> {
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    if (await hasMessageWithKey(tx, opts.idempotencyKey)) return { isNew: false }
    await lockTicket(tx, opts.ticketId)
    const ticket = await findTicketInQueue(tx, opts.queue, opts.ticketId)
    if (!ticket) throw ticketNotFound()
    const verdict = decideTicketAction(ticket.status, 'staff_reply', { closedAt: ticket.closedAt, now })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    const id = await insertTicketMessage(tx, {
      ticketId: ticket.id,
      kind: 'message',
      authorKind: 'staff',
      authorUserId: opts.actor.id,
      body: opts.body,
      ...attachmentColumns(opts.attachment),
      idempotencyKey: opts.idempotencyKey,
      createdAt: now,
    })
    if (!id) return { isNew: false }
    await updateTicket(tx, ticket.id, { status: verdict.next })
    await appendAudit(
      tx,
      auditContext(opts.actor, now, opts.client),
      { action: 'support.replied', reference: ticket.reference, by: 'staff', viaLink: false, from: ticket.status, to: verdict.next },
      { targetType: 'ticket', targetId: ticket.id },
    )
    await notifyRequester(tx, deps.config, { ticket, now })
    return { isNew: true }
  })
}
