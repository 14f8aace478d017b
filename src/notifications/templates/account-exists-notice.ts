import type { MailTemplateFn } from './template.ts'

/**
 * Someone tried to register with this address, which already has an account. Sent here instead of
 * telling the registrant, so registration never reveals which addresses have accounts.
 */
export const accountExistsNoticeMail: MailTemplateFn<'account_exists_notice'> = (p, t) => ({
  subject: t('email.accountExistsNotice.subject'),
  greeting: t('email.layout.greeting', { name: p.fullName }),
  blocks: [
    { kind: 'paragraph', text: t('email.accountExistsNotice.body') },
    { kind: 'action', label: t('email.accountExistsNotice.login'), url: p.loginUrl },
    { kind: 'paragraph', text: t('email.accountExistsNotice.forgot') },
    { kind: 'action', label: t('email.accountExistsNotice.forgotLink'), url: p.forgotUrl },
    { kind: 'note', text: t('email.accountExistsNotice.notYou') },
  ],
})
