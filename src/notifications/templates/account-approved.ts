import type { MailTemplateFn } from './template.ts'

export const accountApprovedMail: MailTemplateFn<'account_approved'> = (p, t) => ({
  subject: t('email.accountApproved.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.accountApproved.body', { businessName: p.businessName }) },
    { kind: 'action', label: t('email.accountApproved.link'), url: p.loginUrl },
  ],
})
