/**
 * The requester's side of support tickets: their list (/account/support) and one ticket with its
 * thread and a reply form, reached either signed in or through the signed link (/help/ticket-reply/…),
 * and the page shown when a link is not valid.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeLong } from '#src/platform/i18n/format.ts'
import type { QueueItem } from '#src/support/list-support-queue.ts'
import type { TicketThread } from '#src/support/support-thread.model.ts'
import { REOPEN_WINDOW_DAYS } from '#src/support/ticket-status.rules.ts'
import { ErrorSummary, fieldErrors } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { Table } from '#src/web/components/layout/table.tsx'
import { QUEUE_LABEL, ReplyForm, replyFields, TicketStatusTag, TicketThreadView, TOPIC_LABEL } from '#src/web/components/support/ticket-thread.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export function MyTicketsPage({ ctx, items }: { ctx: PageContext; items: readonly QueueItem[] }) {
  const { t, locale } = ctx
  return (
    <PageLayout ctx={ctx} title={t('support.mine.title')}>
      <h1 class="heading-xl">{t('support.mine.title')}</h1>
      <p class="body">{t('support.mine.lead')}</p>
      <p>
        <a class="button" href="/help/contact">
          {t('support.mine.new')}
        </a>
      </p>
      <div id="tickets">
        <Table
          t={t}
          caption={t('support.mine.caption')}
          captionHidden
          columns={[{ header: t('support.sent.reference') }, { header: t('support.queue.col.topic') }, { header: t('support.queue.col.status') }, { header: t('support.mine.sentAt') }]}
          rows={items.map((r) => [<a href={`/account/support/${r.id}`}>{r.reference}</a>, t(TOPIC_LABEL[r.topic]), <TicketStatusTag t={t} status={r.status} />, formatDateTimeLong(r.createdAt, locale)])}
          emptyText={t('support.mine.empty')}
        />
      </div>
    </PageLayout>
  )
}

export type RequesterTicketPageProps = {
  ctx: PageContext
  thread: TicketThread
  /** Where the reply form posts and files are fetched: /account/support/<id> or the signed link. */
  href: string
  canReply: boolean
  /** Closed longer than the reopen window: the page points to a new ticket instead. */
  closedTooLong: boolean
  maxUploadMb: number
  formId: string
  flash?: Flash
  problem?: MessageKey
  errors?: FormErrors
  values?: RawForm
  /** Signed-in pages link back to the list. */
  backToList?: boolean
}

export function RequesterTicketPage(p: RequesterTicketPageProps) {
  const { ctx, thread } = p
  const { t } = ctx
  const { ticket } = thread
  const errs = fieldErrors(t, p.errors, replyFields(p.maxUploadMb, t))
  const summary = [...(p.problem ? [{ id: 'reply', text: t(p.problem) }] : []), ...errs.summary]
  const title = t('support.ticket.title', { reference: ticket.reference })
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={summary.length > 0}>
      {p.backToList ? (
        <a class="back-link" href="/account/support">
          {t('support.mine.title')}
        </a>
      ) : null}
      <ErrorSummary t={t} items={summary} />
      <FlashBanner t={t} flash={p.flash} />
      <h1 class="heading-xl">{title}</h1>
      <p>
        <TicketStatusTag t={t} status={ticket.status} />
      </p>
      <dl class="summary-list">
        <dt>{t('support.sent.team')}</dt>
        <dd>{t(QUEUE_LABEL[ticket.queue])}</dd>
        <dt>{t('support.queue.col.topic')}</dt>
        <dd>{t(TOPIC_LABEL[ticket.topic])}</dd>
        <dt>{t('support.contact.businessName')}</dt>
        <dd>{ticket.businessName}</dd>
      </dl>
      <h2 class="heading-l">{t('support.thread.heading')}</h2>
      <TicketThreadView ctx={ctx} thread={thread} fileHref={(m) => (m ? `${p.href}/attachments/${m}` : `${p.href}/screenshot`)} />
      <div id="reply">
        {p.canReply ? (
          <>
            <h2 class="heading-m">{t('support.reply.heading')}</h2>
            {ticket.status === 'closed' ? <p class="body">{t('support.reply.reopenNote', { days: REOPEN_WINDOW_DAYS })}</p> : null}
            <ReplyForm ctx={ctx} action={p.href} formId={p.formId} maxUploadMb={p.maxUploadMb} errs={errs} values={p.values} label={t('support.reply.requesterLabel')} submit={t('support.reply.requesterSubmit')} />
          </>
        ) : p.closedTooLong ? (
          <p class="body" id="closed-too-long">
            {t('support.reply.closedTooLong', { days: REOPEN_WINDOW_DAYS })} <a href="/help/contact">{t('support.help.formLink')}</a>
          </p>
        ) : null}
      </div>
    </PageLayout>
  )
}

const REFUSED = {
  invalid: ['support.link.invalid.title', 'support.link.invalid.body'],
  expired: ['support.link.expired.title', 'support.link.expired.body'],
} as const satisfies Record<'invalid' | 'expired', readonly [MessageKey, MessageKey]>

/** A tampered, unknown or expired reply link: what happened and what to do instead. */
export function ReplyLinkRefusedPage({ ctx, reason }: { ctx: PageContext; reason: 'invalid' | 'expired' }) {
  const { t } = ctx
  const [title, body] = REFUSED[reason]
  return (
    <PageLayout ctx={ctx} title={t(title)}>
      <h1 class="heading-xl" data-link-refused={reason}>
        {t(title)}
      </h1>
      <p class="body">{t(body)}</p>
      <p class="body">
        <a href="/auth/login">{t('support.link.signIn')}</a> · <a href="/help/contact">{t('support.help.formLink')}</a>
      </p>
    </PageLayout>
  )
}
