/**
 * The person who wrote in replies (use case, R3), either signed in (their own ticket) or through
 * the signed link (the one ticket the verified token names). The reply reopens the ticket
 * (→ open; a closed one only within REOPEN_WINDOW_DAYS) and the queue's staff are e-mailed.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { notifyQueue } from './notify-support.ts'
import { attachmentColumns, auditContext, ticketNotFound, type ClientInfo, type SupportDeps } from './support-deps.ts'
import type { TicketAttachmentInput } from './support-thread.model.ts'
import { findOwnTicket, hasMessageWithKey, insertTicketMessage, lockTicket, unsafeFindTicketById, updateTicket } from './support-threads.repo.ts'
import { decideTicketAction } from './ticket-status.rules.ts'

/** How the requester reached the ticket: their account, or a link already verified by verifyReplyToken. */
export type RequesterAccess = { kind: 'account'; userId: string } | { kind: 'link' }

export type ReplyAsRequesterOptions = {
  actor: Actor
  access: RequesterAccess
  ticketId: string
  body: string
  attachment?: TicketAttachmentInput
  idempotencyKey: string
  client?: ClientInfo
}

export async function replyAsRequester(deps: SupportDeps, opts: ReplyAsRequesterOptions): Promise<{ isNew: boolean }> {
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    if (await hasMessageWithKey(tx, opts.idempotencyKey)) return { isNew: false }
    await lockTicket(tx, opts.ticketId)
    const ticket = opts.access.kind === 'account' ? await findOwnTicket(tx, opts.access.userId, opts.ticketId) : await unsafeFindTicketById(tx, opts.ticketId)
    if (!ticket) throw ticketNotFound()
    const verdict = decideTicketAction(ticket.status, 'requester_reply', { closedAt: ticket.closedAt, now })
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    const id = await insertTicketMessage(tx, {
      ticketId: ticket.id,
      kind: 'message',
      authorKind: 'requester',
      authorUserId: opts.access.kind === 'account' ? opts.access.userId : null,
      body: opts.body,
      ...attachmentColumns(opts.attachment),
      idempotencyKey: opts.idempotencyKey,
      createdAt: now,
    })
    if (!id) return { isNew: false }
    await updateTicket(tx, ticket.id, { status: verdict.next, closedAt: null, lastRequesterAt: now })
    await appendAudit(
      tx,
      auditContext(opts.actor, now, opts.client),
      { action: 'support.replied', reference: ticket.reference, by: 'requester', viaLink: opts.access.kind === 'link', from: ticket.status, to: verdict.next },
      { targetType: 'ticket', targetId: ticket.id },
    )
    await notifyQueue(tx, deps.config, { queue: ticket.queue, ticket, event: 'requester_reply', now })
    return { isNew: true }
  })
}
