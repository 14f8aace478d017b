/**
 * A business's deadline extension (issue 7): the task list's deadline section (its effective
 * deadline, its latest request or grant, the link to ask for more time, and a clear notice once
 * the cycle is closed) and the request page (/portal/assessments/:cycle/extension). Pure views.
 */
import type { ExtensionStatusView } from '#src/cycles/get-extension-status.ts'
import { REASON_MAX } from '#src/cycles/cycles.schemas.ts'
import { formatDateLong, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { Button, DateInput, ErrorSummary, Form, Textarea, dateBoxId, dateBoxesInError, datePartsValue, fieldErrors, textValue, type PageField } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const extensionRequestPath = (cycleCode: string) => `/portal/assessments/${encodeURIComponent(cycleCode)}/extension`

/** What the business sees about its deadline on the task list. */
export function DeadlineSection({ ctx, view }: { ctx: PageContext; view: ExtensionStatusView }) {
  const { t, locale } = ctx
  const { latest, cycle } = view
  if (cycle.status === 'closed') {
    return (
      <NotificationBanner t={t} title={t('cycles.portal.closedTitle')} titleId="cycle-closed-title">
        <p class="body">{t('cycles.portal.closedBody')}</p>
      </NotificationBanner>
    )
  }
  return (
    <section aria-labelledby="deadline-heading" id="deadline-section">
      <h2 class="heading-m" id="deadline-heading">
        {t('cycles.portal.heading')}
      </h2>
      <p class="body" id="effective-deadline">
        {t('cycles.portal.deadline', { date: formatDateLong(view.deadline, locale) })}
      </p>
      {latest?.status === 'requested' && latest.requestedDeadline ? (
        <p class="body" id="extension-outcome">
          {t('cycles.portal.pending', { date: formatDateLong(latest.requestedDeadline, locale), at: formatDateTimeNumeric(latest.requestedAt ?? latest.createdAt) })}
        </p>
      ) : null}
      {latest?.status === 'granted' && latest.grantedDeadline ? (
        <p class="body" id="extension-outcome">
          {t('cycles.portal.granted', { date: formatDateLong(latest.grantedDeadline, locale) })}
          {latest.decisionReason ? ` ${t('cycles.portal.note', { note: latest.decisionReason })}` : null}
        </p>
      ) : null}
      {latest?.status === 'refused' ? (
        <p class="body" id="extension-outcome">
          {t('cycles.portal.refused', { reason: latest.decisionReason ?? '' })}
        </p>
      ) : null}
      {view.blocker ? null : (
        <p class="body">
          <a class="link" href={extensionRequestPath(cycle.code)} id="request-extension">
            {t('cycles.portal.askLink')}
          </a>
        </p>
      )}
    </section>
  )
}

const REQUEST_FIELDS: readonly PageField[] = [{ path: 'deadlineOn', id: dateBoxId('deadlineOn', 'day') }, { path: 'reason', params: { max: REASON_MAX } }]

export type ExtensionRequestPageProps = {
  ctx: PageContext
  view: ExtensionStatusView
  taskListHref: string
  values?: RawForm | undefined
  errors?: FormErrors | undefined
}

export function ExtensionRequestPage({ ctx, view, taskListHref, values, errors }: ExtensionRequestPageProps) {
  const { t, locale } = ctx
  const errs = fieldErrors(t, errors, REQUEST_FIELDS)
  const date = datePartsValue(values, 'deadlineOn')
  return (
    <PageLayout ctx={ctx} title={t('cycles.request.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <span class="caption-l">{locale === 'en' ? view.cycle.nameEn : view.cycle.nameTh}</span>
      <h1 class="heading-xl">{t('cycles.request.title')}</h1>
      <p class="body" id="cycle-deadline">
        {t('cycles.request.cycleDeadline', { date: formatDateLong(view.cycle.deadline, locale) })}
      </p>
      {view.blocker ? (
        <p class="body" id="request-blocked">
          {t(view.blocker)}
        </p>
      ) : (
        <>
          <p class="body">{t('cycles.request.lead')}</p>
          <Form ctx={ctx} action={extensionRequestPath(view.cycle.code)} id="extension-form">
            <DateInput t={t} id="deadlineOn" legend={t('cycles.request.date')} hint={t('cycles.request.dateHint')} error={errs.text('deadlineOn')} errorBoxes={dateBoxesInError(date, errs.key('deadlineOn'))} value={date} />
            <Textarea t={t} id="reason" label={t('cycles.request.reason')} hint={t('cycles.request.reasonHint')} error={errs.text('reason')} value={textValue(values, 'reason')} maxLength={REASON_MAX} required />
            <Button>{t('cycles.request.submit')}</Button>
          </Form>
        </>
      )}
      <p class="body">
        <a href={taskListHref}>{t('cycles.request.back')}</a>
      </p>
    </PageLayout>
  )
}
