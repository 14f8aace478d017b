/**
 * Support e-mails written into the outbox inside the caller's transaction (R24).
 *
 * Decision (documented): a queue's notices go to every ACTIVE user of the queue's roles
 * (QUEUE_ROLES: admins for the technical queue, examiners and supervisors for the supervision
 * queue), one mail each, in the user's language. No extra configuration; a team that grows large
 * can later get a shared mailbox address instead.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { replyLinkExpiry, replyLinkUrl, signReplyToken } from './reply-link.ts'
import { listActiveStaffOfRoles } from './support-threads.repo.ts'
import { QUEUE_ROLES, type SupportQueue } from './support.rules.ts'

/** Where each queue's pages live (the notice links there). */
export const QUEUE_PATH = { admin: '/admin/support', supervision: '/staff/support' } as const satisfies Record<SupportQueue, string>
export const ACCOUNT_SUPPORT_PATH = '/account/support'

export type MailDeps = { baseUrl: string; sessionSecret: string }

export async function notifyQueue(
  tx: DbOrTx,
  deps: MailDeps,
  args: { queue: SupportQueue; ticket: { id: string; reference: string; businessName: string }; event: 'new' | 'requester_reply' | 'moved_in'; now: Date },
): Promise<number> {
  const staff = await listActiveStaffOfRoles(tx, QUEUE_ROLES[args.queue])
  for (const s of staff) {
    await enqueueMail(tx, {
      template: 'support_queue_notice',
      to: s.email,
      locale: s.locale as Locale,
      now: args.now,
      payload: {
        staffName: [s.firstName, s.lastName].filter(Boolean).join(' '),
        reference: args.ticket.reference,
        event: args.event,
        businessName: args.ticket.businessName,
        ticketUrl: `${deps.baseUrl}${QUEUE_PATH[args.queue]}/${args.ticket.id}`,
      },
    })
  }
  return staff.length
}

/** To the requester after a staff reply: their account page, or a fresh signed link. */
export async function notifyRequester(
  tx: DbOrTx,
  deps: MailDeps,
  args: { ticket: { id: string; reference: string; contactName: string; email: string; locale: Locale; hasAccount: boolean }; now: Date },
): Promise<void> {
  const { ticket } = args
  const expiresAt = ticket.hasAccount ? null : replyLinkExpiry(args.now)
  const replyUrl = expiresAt
    ? replyLinkUrl(deps.baseUrl, signReplyToken(deps.sessionSecret, ticket.id, expiresAt))
    : `${deps.baseUrl}${ACCOUNT_SUPPORT_PATH}/${ticket.id}`
  await enqueueMail(tx, {
    template: 'support_reply',
    to: ticket.email,
    locale: ticket.locale,
    now: args.now,
    payload: { contactName: ticket.contactName, reference: ticket.reference, replyUrl, linkExpiresAt: expiresAt?.toISOString() ?? null },
  })
}
