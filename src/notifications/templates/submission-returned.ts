import type { MailTemplateFn } from './template.ts'

export const submissionReturnedMail: MailTemplateFn<'submission_returned'> = (p, t) => ({
  subject: t('email.submissionReturned.subject', { cycleName: p.cycleName }),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.submissionReturned.body', { cycleName: p.cycleName }) },
    { kind: 'action', label: t('email.submissionReturned.link'), url: p.assessmentUrl },
  ],
})
