import type { MailTemplateFn } from './template.ts'

/** To the entity administrator: a new registrant of their business waits for approval. */
export const approvalNeededMail: MailTemplateFn<'approval_needed'> = (p, t) => ({
  subject: t('email.approvalNeeded.subject', { registrantName: p.registrantName }),
  greeting: t('email.layout.greeting', { name: p.approverName }),
  blocks: [
    {
      kind: 'paragraph',
      text: t('email.approvalNeeded.body', { registrantName: p.registrantName, registrantUsername: p.registrantUsername, businessName: p.businessName }),
    },
    { kind: 'action', label: t('email.approvalNeeded.link'), url: p.reviewUrl },
    { kind: 'note', text: t('email.approvalNeeded.caution') },
  ],
})
