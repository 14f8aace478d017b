import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { MailPayloads } from '../mail-templates.model.ts'
import { bangkokTime, type MailTemplateFn } from './template.ts'

export const supportReplyMail: MailTemplateFn<'support_reply'> = (p, t) => ({
  subject: t('support.mail.reply.subject', { reference: p.reference }),
  greeting: t('email.layout.greeting', { name: p.contactName }),
  blocks: [
    { kind: 'paragraph', text: t('support.mail.reply.body', { reference: p.reference }) },
    { kind: 'action', label: t('support.mail.reply.link'), url: p.replyUrl },
    ...(p.linkExpiresAt ? [{ kind: 'note' as const, text: t('support.mail.reply.linkNote', { expiresAt: bangkokTime(p.linkExpiresAt, t) }) }] : []),
  ],
})

const NOTICE_BODY = {
  new: 'support.mail.notice.new',
  requester_reply: 'support.mail.notice.requesterReply',
  moved_in: 'support.mail.notice.movedIn',
} as const satisfies Record<MailPayloads['support_queue_notice']['event'], MessageKey>

export const supportQueueNoticeMail: MailTemplateFn<'support_queue_notice'> = (p, t) => ({
  subject: t('support.mail.notice.subject', { reference: p.reference }),
  greeting: t('email.layout.greeting', { name: p.staffName }),
  blocks: [
    { kind: 'paragraph', text: t(NOTICE_BODY[p.event], { reference: p.reference, businessName: p.businessName }) },
    { kind: 'action', label: t('support.mail.notice.link'), url: p.ticketUrl },
  ],
})
