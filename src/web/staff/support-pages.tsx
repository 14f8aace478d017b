/**
 * Support queue pages for staff (shared by /admin/support and /staff/support): the queue with
 * counts per status and ageing, and a ticket page with the thread, reply form, close/reopen and
 * the move to the other team.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeLong } from '#src/platform/i18n/format.ts'
import type { SupportQueueView } from '#src/support/list-support-queue.ts'
import { OTHER_QUEUE, type SupportQueue } from '#src/support/support.rules.ts'
import type { TicketThread } from '#src/support/support-thread.model.ts'
import { MOVE_REASON_MAX } from '#src/support/support-thread.schemas.ts'
import { SUPPORT_TICKET_STATUSES, type TicketAction } from '#src/support/ticket-status.rules.ts'
import { Button, ErrorSummary, fieldErrors, Form, Textarea, textValue } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { Table } from '#src/web/components/layout/table.tsx'
import { ageText, QUEUE_LABEL, ReplyForm, replyFields, TicketStatusTag, TicketThreadView, TOPIC_LABEL, TICKET_STATUS_LABEL } from '#src/web/components/support/ticket-thread.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const QUEUE_TITLE = { admin: 'support.queue.title.admin', supervision: 'support.queue.title.supervision' } as const satisfies Record<SupportQueue, MessageKey>
const FILTERS = ['open', 'answered', 'closed', 'all'] as const

export function SupportQueuePage({ ctx, queue, base, view, flash }: { ctx: PageContext; queue: SupportQueue; base: string; view: SupportQueueView; flash?: Flash }) {
  const { t, locale } = ctx
  const title = t(QUEUE_TITLE[queue])
  return (
    <PageLayout ctx={ctx} title={title}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{title}</h1>
      <ul class="summary-counts" id="ticket-counts">
        {SUPPORT_TICKET_STATUSES.map((s) => (
          <li key={s} data-status={s}>
            {t(TICKET_STATUS_LABEL[s])}: <strong data-count>{view.counts[s]}</strong>
          </li>
        ))}
      </ul>
      <form method="get" action={base} class="filters">
        <div class="form-group">
          <label class="label" for="status">
            {t('support.queue.filter')}
          </label>
          <select class="select" id="status" name="status">
            {FILTERS.map((f) => (
              <option key={f} value={f} selected={view.filter === f}>
                {f === 'all' ? t('support.queue.filterAll') : t(TICKET_STATUS_LABEL[f])}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button--secondary">
          {t('support.queue.apply')}
        </button>
      </form>
      <div id="tickets">
        <Table
          t={t}
          caption={t('support.queue.caption')}
          columns={[
            { header: t('support.sent.reference') },
            { header: t('support.queue.col.business') },
            { header: t('support.queue.col.topic') },
            { header: t('support.queue.col.status') },
            { header: t('support.queue.col.opened') },
            { header: t('support.queue.col.waiting') },
          ]}
          rows={view.items.map((r) => [
            <a href={`${base}/${r.id}`}>{r.reference}</a>,
            r.businessName,
            t(TOPIC_LABEL[r.topic]),
            <TicketStatusTag t={t} status={r.status} />,
            <span title={formatDateTimeLong(r.createdAt, locale)}>{ageText(t, r.hoursOpen)}</span>,
            r.status === 'open' ? ageText(t, r.hoursSinceRequester) : '–',
          ])}
          emptyText={t('support.queue.empty')}
        />
      </div>
    </PageLayout>
  )
}

export type StaffTicketPageProps = {
  ctx: PageContext
  queue: SupportQueue
  base: string
  thread: TicketThread
  actions: readonly TicketAction[]
  hoursOpen: number
  maxUploadMb: number
  formId: string
  flash?: Flash
  /** A refused action (e.g. the ticket changed meanwhile). */
  problem?: MessageKey
  replyErrors?: FormErrors
  moveErrors?: FormErrors
  values?: RawForm
}

export function StaffTicketPage(p: StaffTicketPageProps) {
  const { ctx, queue, base, thread, actions } = p
  const { t, locale } = ctx
  const { ticket } = thread
  const href = `${base}/${ticket.id}`
  const replyErrs = fieldErrors(t, p.replyErrors, replyFields(p.maxUploadMb, t))
  const moveErrs = fieldErrors(t, p.moveErrors, [{ path: 'reason', params: { max: MOVE_REASON_MAX } }])
  const summary = [...(p.problem ? [{ id: 'ticket-actions', text: t(p.problem) }] : []), ...replyErrs.summary, ...moveErrs.summary]
  const title = t('support.ticket.title', { reference: ticket.reference })
  const registryLink =
    queue === 'admin' && ticket.topic === 'business_not_found'
      ? `/admin/businesses/new?${new URLSearchParams({ name: ticket.businessName, juristicId: ticket.juristicId ?? '', businessTypeCode: ticket.businessTypeCode ?? '' }).toString()}`
      : undefined
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={summary.length > 0}>
      <a class="back-link" href={base}>
        {t(QUEUE_TITLE[queue])}
      </a>
      <ErrorSummary t={t} items={summary} />
      <FlashBanner t={t} flash={p.flash} />
      <h1 class="heading-xl">{title}</h1>
      <p>
        <TicketStatusTag t={t} status={ticket.status} />
      </p>
      <dl class="summary-list" id="ticket-details">
        <dt>{t('support.queue.col.topic')}</dt>
        <dd>{t(TOPIC_LABEL[ticket.topic])}</dd>
        <dt>{t('support.contact.businessName')}</dt>
        <dd>{ticket.businessName}</dd>
        <dt>{t('support.contact.juristicId')}</dt>
        <dd>{ticket.juristicId ?? '–'}</dd>
        <dt>{t('support.contact.contactName')}</dt>
        <dd>{ticket.contactName}</dd>
        <dt>{t('support.contact.phone')}</dt>
        <dd>{ticket.phone}</dd>
        <dt>{t('support.contact.email')}</dt>
        <dd>{ticket.email}</dd>
        <dt>{t('support.ticket.account')}</dt>
        <dd>{t(ticket.hasAccount ? 'support.ticket.account.yes' : 'support.ticket.account.no')}</dd>
        <dt>{t('support.queue.col.opened')}</dt>
        <dd>
          {formatDateTimeLong(ticket.createdAt, locale)} ({ageText(t, p.hoursOpen)})
        </dd>
      </dl>
      {registryLink ? (
        <p>
          <a class="button button--secondary" href={registryLink} id="add-to-registry">
            {t('support.ticket.addToRegistry')}
          </a>
        </p>
      ) : null}
      <h2 class="heading-l">{t('support.thread.heading')}</h2>
      <TicketThreadView ctx={ctx} thread={thread} fileHref={(m) => (m ? `${href}/attachments/${m}` : `${href}/screenshot`)} />
      <div id="ticket-actions">
        {actions.includes('staff_reply') ? (
          <>
            <h2 class="heading-m">{t('support.reply.heading')}</h2>
            <ReplyForm ctx={ctx} action={`${href}/reply`} formId={p.formId} maxUploadMb={p.maxUploadMb} errs={replyErrs} values={p.values} label={t('support.reply.staffLabel')} submit={t('support.reply.staffSubmit')} />
          </>
        ) : null}
        {actions.includes('close') ? (
          <Form ctx={ctx} action={`${href}/close`} id="close-form">
            <Button variant="secondary">{t('support.ticket.close')}</Button>
          </Form>
        ) : null}
        {actions.includes('reopen') ? (
          <Form ctx={ctx} action={`${href}/reopen`} id="reopen-form">
            <Button variant="secondary">{t('support.ticket.reopen')}</Button>
          </Form>
        ) : null}
        {actions.includes('move') ? (
          <>
            <h2 class="heading-m">{t('support.move.heading', { team: t(QUEUE_LABEL[OTHER_QUEUE[queue]]) })}</h2>
            <Form ctx={ctx} action={`${href}/move`} id="move-form">
              <Textarea t={t} id="reason" label={t('support.move.reason')} hint={t('support.move.hint')} error={moveErrs.text('reason')} value={textValue(p.values ?? {}, 'reason')} maxLength={MOVE_REASON_MAX} rows={3} required />
              <Button variant="secondary">{t('support.move.submit')}</Button>
            </Form>
          </>
        ) : null}
      </div>
    </PageLayout>
  )
}
