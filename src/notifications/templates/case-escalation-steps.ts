import { ESCALATION_STEP_LABEL } from '#src/cases/cases.model.ts'
import { isEscalationStep } from '#src/cases/findings.rules.ts'
import type { MailTemplateFn } from './template.ts'

/** The escalation steps the hourly runner took on one case, to its assignee or the supervisors (runDueEscalations). */
export const caseEscalationStepsMail: MailTemplateFn<'case_escalation_steps'> = (p, t) => ({
  subject: t('enforcement.email.subject', { caseRef: p.caseRef, count: p.steps.length }),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('enforcement.email.body', { caseRef: p.caseRef, businessName: p.businessName, count: p.steps.length }) },
    {
      kind: 'steps',
      items: p.steps.map((s) => t('enforcement.email.step', { title: s.title, step: isEscalationStep(s.step) ? t(ESCALATION_STEP_LABEL[s.step]) : s.step, days: s.daysOverdue })),
    },
    { kind: 'action', label: t('enforcement.email.link'), url: p.url },
    { kind: 'note', text: t('enforcement.email.note') },
  ],
})
