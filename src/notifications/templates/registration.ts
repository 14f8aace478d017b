import type { MailTemplateFn } from './template.ts'
import { bangkokTime } from './template.ts'

/** After registration: the user name (never the password), the confirmation link, the attached form. */
export const registrationMail: MailTemplateFn<'registration'> = (p, t) => ({
  subject: t('email.registration.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.registration.intro', { businessName: p.businessName }) },
    {
      kind: 'facts',
      items: [
        { label: t('email.registration.username'), value: p.username },
        { label: t('email.registration.business'), value: p.businessName },
        { label: t('email.registration.juristicId'), value: p.juristicId },
      ],
    },
    { kind: 'paragraph', text: t('email.registration.confirm', { expiresAt: bangkokTime(p.expiresAt, t) }) },
    { kind: 'action', label: t('email.registration.confirmLink'), url: p.confirmUrl },
    { kind: 'heading', text: t('email.registration.form.heading') },
    { kind: 'paragraph', text: t('email.registration.form.intro') },
    {
      kind: 'steps',
      items: [t('serviceRequest.steps.1'), t('serviceRequest.steps.2'), t('serviceRequest.steps.3'), t('serviceRequest.steps.4')],
    },
    { kind: 'note', text: t('email.registration.notYou') },
  ],
})
