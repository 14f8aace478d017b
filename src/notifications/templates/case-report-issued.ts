import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import type { MailTemplateFn } from './template.ts'

/** The draft inspection report was sent to the business (comment by the due date), or the final report issued (issueFinalReport). */
export const caseReportIssuedMail: MailTemplateFn<'case_report_issued'> = (p, t) => ({
  subject: t(p.kind === 'draft' ? 'casework.reports.email.subjectDraft' : 'casework.reports.email.subjectFinal', { caseRef: p.caseRef }),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t(p.kind === 'draft' ? 'casework.reports.email.bodyDraft' : 'casework.reports.email.bodyFinal', { businessName: p.businessName, caseRef: p.caseRef }) },
    ...(p.dueOn ? [{ kind: 'facts' as const, items: [{ label: t('casework.reports.email.dueOn'), value: formatIsoDateLong(p.dueOn, t.locale) }] }] : []),
    { kind: 'action', label: t('casework.reports.email.link'), url: p.url },
  ],
})
