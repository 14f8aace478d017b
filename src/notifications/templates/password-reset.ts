import type { MailTemplateFn } from './template.ts'
import { bangkokTime } from './template.ts'

/** Requested by the user (ลืมรหัสผ่าน) or started by an administrator: the same link either way. */
export const passwordResetMail: MailTemplateFn<'password_reset'> = (p, t) => ({
  subject: t('email.passwordReset.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: p.byAdmin ? t('email.passwordReset.byAdmin') : t('email.passwordReset.bySelf') },
    { kind: 'paragraph', text: t('email.passwordReset.body', { expiresAt: bangkokTime(p.expiresAt, t) }) },
    { kind: 'action', label: t('email.passwordReset.link'), url: p.resetUrl },
    { kind: 'note', text: t('email.passwordReset.notYou') },
  ],
})
