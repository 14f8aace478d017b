import { bangkokTime, type MailTemplateFn } from './template.ts'

export const submissionReceiptMail: MailTemplateFn<'submission_receipt'> = (p, t) => ({
  subject: t('email.submissionReceipt.subject', { businessName: p.businessName, receiptRef: p.receiptRef }),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    {
      kind: 'paragraph',
      text: t('email.submissionReceipt.body', {
        cycleName: p.cycleName,
        businessName: p.businessName,
        version: p.version,
        submittedAt: bangkokTime(p.submittedAt, t),
        receiptRef: p.receiptRef,
      }),
    },
    { kind: 'action', label: t('email.submissionReceipt.link'), url: p.receiptUrl },
  ],
})
