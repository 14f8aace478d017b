import type { MailTemplateFn } from './template.ts'
import { bangkokTime } from './template.ts'

export const staffInvitationMail: MailTemplateFn<'staff_invitation'> = (p, t) => ({
  subject: t('email.staffInvitation.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.staffInvitation.body', { invitedBy: p.invitedBy, role: p.role }) },
    { kind: 'paragraph', text: t('email.staffInvitation.instructions', { expiresAt: bangkokTime(p.expiresAt, t) }) },
    { kind: 'action', label: t('email.staffInvitation.link'), url: p.inviteUrl },
  ],
})
