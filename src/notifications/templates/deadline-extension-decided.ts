import type { MailBlock } from '../mail-content.model.ts'
import { bangkokTime, type MailTemplateFn } from './template.ts'

export const deadlineExtensionDecidedMail: MailTemplateFn<'deadline_extension_decided'> = (p, t) => {
  const granted = p.decision === 'granted'
  const facts: MailBlock = {
    kind: 'facts',
    items: [
      { label: t('cycles.email.business'), value: p.businessName },
      { label: t(granted ? 'cycles.email.newDeadline' : 'cycles.email.deadline'), value: bangkokTime(p.deadline, t) },
      ...(p.reason ? [{ label: t(granted ? 'cycles.email.note' : 'cycles.email.reason'), value: p.reason }] : []),
    ],
  }
  return {
    subject: t(granted ? 'cycles.email.grantedSubject' : 'cycles.email.refusedSubject', { cycleName: p.cycleName }),
    greeting: t('email.layout.greeting', { name: p.fullName }),
    blocks: [
      { kind: 'paragraph', text: t(granted ? 'cycles.email.grantedBody' : 'cycles.email.refusedBody', { cycleName: p.cycleName }) },
      facts,
      { kind: 'action', label: t('cycles.email.link'), url: p.assessmentUrl },
    ],
  }
}
