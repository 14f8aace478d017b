import { bangkokTime, type MailTemplateFn } from './template.ts'

export const filingReminderMail: MailTemplateFn<'filing_reminder'> = (p, t) => ({
  subject: t('email.filingReminder.subject', { cycleCode: p.cycleCode }),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.filingReminder.body', { businessName: p.businessName, cycleCode: p.cycleCode }) },
    { kind: 'facts', items: [{ label: t('email.filingReminder.deadline'), value: bangkokTime(p.deadline, t) }] },
    { kind: 'action', label: t('email.filingReminder.link'), url: p.assessmentUrl },
    { kind: 'note', text: t('email.filingReminder.note') },
  ],
})
