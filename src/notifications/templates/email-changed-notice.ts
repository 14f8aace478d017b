import type { MailTemplateFn } from './template.ts'

/** Sent to the OLD address after the change. */
export const emailChangedNoticeMail: MailTemplateFn<'email_changed_notice'> = (p, t) => ({
  subject: t('email.emailChangedNotice.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.emailChangedNotice.body', { newEmail: p.newEmailMasked }) },
    { kind: 'note', text: t('email.emailChangedNotice.notYou') },
  ],
})
