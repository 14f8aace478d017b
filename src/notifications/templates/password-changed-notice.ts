import type { MailTemplateFn } from './template.ts'
import { bangkokTime } from './template.ts'

export const passwordChangedNoticeMail: MailTemplateFn<'password_changed_notice'> = (p, t) => ({
  subject: t('email.passwordChangedNotice.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.passwordChangedNotice.body', { at: bangkokTime(p.at, t) }) },
    { kind: 'note', text: t('email.passwordChangedNotice.notYou') },
  ],
})
