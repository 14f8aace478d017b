import type { LocalMailSummary } from '#src/notifications/local-mailbox.repo.ts'
import type { LocalMailView } from '#src/notifications/read-local-mail.ts'
import { formatDateTimeNumeric, formatNumber } from '#src/platform/i18n/format.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { Table } from '#src/web/components/layout/table.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'

export const MAILBOX_PATH = '/dev/mail'

/** /dev/mail: locally kept mail, newest first (time in Bangkok). */
export function MailboxPage({ ctx, mails }: { ctx: PageContext; mails: LocalMailSummary[] }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('dev.mail.title')}>
      <h1 class="heading-xl">{t('dev.mail.title')}</h1>
      <p class="body-l">{t('dev.mail.lead')}</p>
      <Table
        t={t}
        caption={t('dev.mail.caption')}
        columns={[{ header: t('dev.mail.col.time') }, { header: t('dev.mail.col.to') }, { header: t('dev.mail.col.subject') }]}
        rows={mails.map((m) => [
          <time dateTime={m.createdAt.toISOString()}>{formatDateTimeNumeric(m.createdAt)}</time>,
          m.toAddress,
          <a href={`${MAILBOX_PATH}/${m.id}`}>{m.subject}</a>,
        ])}
        emptyText={t('dev.mail.empty')}
      />
    </PageLayout>
  )
}

/** One message: decoded headers, the text part, and downloads (raw .eml, HTML part, attachments). */
export function MailMessagePage({ ctx, mail }: { ctx: PageContext; mail: LocalMailView }) {
  const { t } = ctx
  const subject = mail.headers.find((h) => h.name === 'Subject')?.value ?? ''
  const base = `${MAILBOX_PATH}/${mail.id}`
  return (
    <PageLayout ctx={ctx} title={`${subject} – ${t('dev.mail.title')}`}>
      <p>
        <a href={MAILBOX_PATH}>{t('dev.mail.back')}</a>
      </p>
      <h1 class="heading-l">{subject}</h1>
      <h2 class="heading-m">{t('dev.mail.headers')}</h2>
      <dl class="mail-headers">
        {mail.headers.map((h) => (
          <>
            <dt lang="en">{h.name}</dt>
            <dd>{h.value}</dd>
          </>
        ))}
      </dl>
      <h2 class="heading-m">{t('dev.mail.textPart')}</h2>
      {mail.text ? <pre class="mail-text">{mail.text}</pre> : <p>{t('dev.mail.noText')}</p>}
      <h2 class="heading-m">{t('dev.mail.downloads')}</h2>
      <ul class="list">
        <li>
          <a href={`${base}/raw`} download>
            {t('dev.mail.raw')}
          </a>
        </li>
        {mail.hasHtml && (
          <li>
            <a href={`${base}/html`} download>
              {t('dev.mail.htmlPart')}
            </a>
          </li>
        )}
        {mail.attachments.map((a) => (
          <li>
            <a href={`${base}/attachments/${a.index}`} download>
              {t('dev.mail.attachment', { name: a.filename, size: formatNumber(a.size, ctx.locale) })}
            </a>
          </li>
        ))}
      </ul>
    </PageLayout>
  )
}
