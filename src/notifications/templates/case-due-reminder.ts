import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import type { MailTemplateFn } from './template.ts'

/** Reminder before the due date of an information request or a remediation action (sendCaseReminders). */
export const caseDueReminderMail: MailTemplateFn<'case_due_reminder'> = (p, t) => ({
  subject: t(p.item === 'information_request' ? 'cases.email.reminder.subjectRequest' : 'cases.email.reminder.subjectAction', { caseRef: p.caseRef, days: p.daysLeft }),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t(p.item === 'information_request' ? 'cases.email.reminder.bodyRequest' : 'cases.email.reminder.bodyAction', { businessName: p.businessName, caseRef: p.caseRef }) },
    {
      kind: 'facts',
      items: [
        { label: t('cases.email.reminder.item'), value: p.title },
        { label: t('cases.email.reminder.dueOn'), value: formatIsoDateLong(p.dueOn, t.locale) },
      ],
    },
    { kind: 'action', label: t('cases.email.reminder.link'), url: p.url },
    { kind: 'note', text: t('cases.email.reminder.note') },
  ],
})
