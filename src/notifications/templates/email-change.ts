import type { MailTemplateFn } from './template.ts'
import { bangkokTime } from './template.ts'

/** Sent to the NEW address to confirm it. */
export const emailChangeMail: MailTemplateFn<'email_change'> = (p, t) => ({
  subject: t('email.emailChange.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.emailChange.body', { expiresAt: bangkokTime(p.expiresAt, t) }) },
    { kind: 'action', label: t('email.emailChange.link'), url: p.confirmUrl },
    { kind: 'note', text: t('email.emailChange.notYou') },
  ],
})
