/**
 * Deadline extensions for AMLO staff (/staff/extensions): pending requests and recent decisions,
 * one request with its grant and refuse forms, and the form extending one business's deadline
 * directly. Also the filing page's deadline cell (effective deadline, extended, late). Pure views.
 */
import { REASON_MAX } from '#src/cycles/cycles.schemas.ts'
import type { ExtensionListRow } from '#src/cycles/cycles.repo.ts'
import { bangkokDay, type ExtensionStatus } from '#src/cycles/deadline.rules.ts'
import type { CycleChoice } from '#src/cycles/list-extensions.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { isoToDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { formatDateLong, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { Button, DateInput, ErrorSummary, Form, Select, TextInput, Textarea, dateBoxId, dateBoxesInError, datePartsValue, fieldErrors, textValue, type PageField } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const EXTENSION_STATUS_LABELS = {
  requested: 'cycles.extension.status.requested',
  granted: 'cycles.extension.status.granted',
  refused: 'cycles.extension.status.refused',
} as const satisfies Record<ExtensionStatus, MessageKey>

export const EXTENSION_STATUS_TONES = {
  requested: 'yellow',
  granted: 'green',
  refused: 'red',
} as const satisfies Record<ExtensionStatus, Tone>

export const extensionPath = (id: string) => `/staff/extensions/${id}`

const businessName = (r: Pick<ExtensionListRow, 'nameTh' | 'nameEn' | 'legalForm'>, locale: Locale) => registeredName(r.nameTh, r.legalForm as LegalForm, locale, r.nameEn)

/** The deadline column of the filing page's non-filers: the effective deadline, marked when extended or passed. */
export function FilingDeadlineCell({ t, locale, deadline, extended, late }: { t: Translator; locale: Locale; deadline: Date; extended: boolean; late: boolean }) {
  return (
    <td data-deadline={bangkokDay(deadline)}>
      {formatDateLong(deadline, locale)}
      {extended ? (
        <>
          <br />
          <span class="hint">{t('cycles.filing.extended')}</span>
        </>
      ) : null}
      {late ? (
        <>
          <br />
          <strong class="tag tag--red">{t('cycles.filing.late')}</strong>
        </>
      ) : null}
    </td>
  )
}

function ExtensionsTable({ ctx, rows, id, caption }: { ctx: PageContext; rows: ExtensionListRow[]; id: string; caption: string }) {
  const { t, locale } = ctx
  return (
    <table class="table" id={id}>
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('staff.col.business')}</th>
          <th scope="col">{t('cycles.col.cycle')}</th>
          <th scope="col">{t('cycles.extension.col.requested')}</th>
          <th scope="col">{t('cycles.col.status')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colspan={4} class="table__empty">
              {t('cycles.extension.none')}
            </td>
          </tr>
        ) : (
          rows.map((r) => (
            <tr key={r.id}>
              <td>
                <a href={extensionPath(r.id)}>{businessName(r, locale)}</a>
                <br />
                <span class="hint">{r.juristicId}</span>
              </td>
              <td>{r.cycleCode}</td>
              <td>{r.requestedDeadline ? formatDateLong(r.requestedDeadline, locale) : t('cycles.extension.direct')}</td>
              <td>
                <StatusTag t={t} status={r.status} tones={EXTENSION_STATUS_TONES} labels={EXTENSION_STATUS_LABELS} />
                {r.grantedDeadline ? (
                  <>
                    <br />
                    <span class="hint">{t('cycles.extension.until', { date: formatDateLong(r.grantedDeadline, locale) })}</span>
                  </>
                ) : null}
              </td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}

export function ExtensionsListPage({ ctx, pending, recent, flash }: { ctx: PageContext; pending: ExtensionListRow[]; recent: ExtensionListRow[]; flash?: Flash | undefined }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('cycles.extensions.title')}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('cycles.extensions.title')}</h1>
      <p class="body">{t('cycles.extensions.lead')}</p>
      <p class="body">
        <a class="button" role="button" href="/staff/extensions/new">
          {t('cycles.extend.title')}
        </a>
      </p>
      <h2 class="heading-l">{t('cycles.extensions.pending', { count: pending.length })}</h2>
      <ExtensionsTable ctx={ctx} rows={pending} id="pending" caption={t('cycles.extensions.pending', { count: pending.length })} />
      <h2 class="heading-l">{t('cycles.extensions.recent')}</h2>
      <ExtensionsTable ctx={ctx} rows={recent} id="recent" caption={t('cycles.extensions.recent')} />
    </PageLayout>
  )
}

const GRANT_FIELDS: readonly PageField[] = [{ path: 'deadlineOn', id: dateBoxId('deadlineOn', 'day') }, { path: 'reason', params: { max: REASON_MAX } }]
const REFUSE_FIELDS: readonly PageField[] = [{ path: 'refuseReason', params: { max: REASON_MAX } }]

export type ExtensionPageProps = {
  ctx: PageContext
  row: ExtensionListRow
  /** After a failed grant or refusal. */
  form?: { kind: 'grant' | 'refuse'; values: RawForm; errors: FormErrors } | undefined
  flash?: Flash | undefined
}

export function ExtensionPage({ ctx, row, form, flash }: ExtensionPageProps) {
  const { t, locale } = ctx
  const era = locale === 'th' ? 'BE' : 'CE'
  const grantErrs = fieldErrors(t, form?.kind === 'grant' ? form.errors : undefined, GRANT_FIELDS)
  // The refusal reason is posted as `reason`; on this page its field is `refuseReason`.
  const refuseErrs = fieldErrors(t, form?.kind === 'refuse' ? Object.fromEntries(Object.entries(form.errors).map(([k, v]) => [k === 'reason' ? 'refuseReason' : k, v])) : undefined, REFUSE_FIELDS)
  const grantValues: RawForm = form?.kind === 'grant' ? form.values : { deadlineOn: row.requestedDeadline ? isoToDateParts(bangkokDay(row.requestedDeadline), era) : undefined }
  const date = datePartsValue(grantValues, 'deadlineOn')
  const name = businessName(row, locale)
  const title = t('cycles.extension.title', { business: name })
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={grantErrs.hasErrors || refuseErrs.hasErrors}>
      <FlashBanner t={t} flash={flash} />
      <ErrorSummary t={t} items={[...grantErrs.summary, ...refuseErrs.summary]} />
      <span class="caption-l">{t('cycles.extension.caption', { code: row.cycleCode })}</span>
      <h1 class="heading-xl">{title}</h1>
      <dl class="summary-list" id="extension-facts">
        <div>
          <dt>{t('cycles.col.status')}</dt>
          <dd>
            <StatusTag t={t} status={row.status} tones={EXTENSION_STATUS_TONES} labels={EXTENSION_STATUS_LABELS} />
          </dd>
        </div>
        <div>
          <dt>{t('cycles.extension.cycleDeadline')}</dt>
          <dd>{formatDateLong(row.cycleDeadline, locale)}</dd>
        </div>
        {row.requestedDeadline ? (
          <div>
            <dt>{t('cycles.extension.col.requested')}</dt>
            <dd id="requested-date">{formatDateLong(row.requestedDeadline, locale)}</dd>
          </div>
        ) : null}
        {row.requestReason ? (
          <div>
            <dt>{t('cycles.extension.requestReason')}</dt>
            <dd id="request-reason">{row.requestReason}</dd>
          </div>
        ) : null}
        {row.requestedAt ? (
          <div>
            <dt>{t('cycles.extension.requestedBy')}</dt>
            <dd>
              {row.requesterName ?? ''} · {formatDateTimeNumeric(row.requestedAt)}
            </dd>
          </div>
        ) : null}
        {row.grantedDeadline ? (
          <div>
            <dt>{t('cycles.extension.grantedDeadline')}</dt>
            <dd>{formatDateLong(row.grantedDeadline, locale)}</dd>
          </div>
        ) : null}
        {row.decisionReason ? (
          <div>
            <dt>{t('cycles.extension.decisionReason')}</dt>
            <dd>{row.decisionReason}</dd>
          </div>
        ) : null}
      </dl>
      {row.status === 'requested' ? (
        <>
          <h2 class="heading-l">{t('cycles.extension.grant.heading')}</h2>
          <Form ctx={ctx} action={`${extensionPath(row.id)}/grant`} id="grant-form">
            <DateInput
              t={t}
              id="deadlineOn"
              legend={t('cycles.extension.grant.date')}
              hint={t('cycles.extension.grant.dateHint')}
              error={grantErrs.text('deadlineOn')}
              errorBoxes={dateBoxesInError(date, grantErrs.key('deadlineOn'))}
              value={date}
            />
            <Textarea t={t} id="reason" label={t('cycles.extension.grant.note')} error={grantErrs.text('reason')} value={textValue(grantValues, 'reason')} maxLength={REASON_MAX} optional />
            <Button>{t('cycles.extension.grant.submit')}</Button>
          </Form>
          <h2 class="heading-l">{t('cycles.extension.refuse.heading')}</h2>
          <Form ctx={ctx} action={`${extensionPath(row.id)}/refuse`} id="refuse-form">
            <Textarea
              t={t}
              id="refuseReason"
              name="reason"
              label={t('cycles.extension.refuse.reason')}
              hint={t('cycles.extension.refuse.reasonHint')}
              error={refuseErrs.text('refuseReason')}
              value={form?.kind === 'refuse' ? textValue(form.values, 'reason') : ''}
              maxLength={REASON_MAX}
              required
            />
            <Button variant="secondary">{t('cycles.extension.refuse.submit')}</Button>
          </Form>
        </>
      ) : null}
      <p class="body">
        <a href="/staff/extensions">{t('cycles.extensions.back')}</a>
      </p>
    </PageLayout>
  )
}

const EXTEND_FIELDS: readonly PageField[] = ['cycle', 'juristicId', { path: 'deadlineOn', id: dateBoxId('deadlineOn', 'day') }, { path: 'reason', params: { max: REASON_MAX } }]

export function ExtendDeadlinePage({ ctx, cycles, values, errors }: { ctx: PageContext; cycles: CycleChoice[]; values?: RawForm | undefined; errors?: FormErrors | undefined }) {
  const { t, locale } = ctx
  const errs = fieldErrors(t, errors, EXTEND_FIELDS)
  const date = datePartsValue(values, 'deadlineOn')
  return (
    <PageLayout ctx={ctx} title={t('cycles.extend.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('cycles.extend.title')}</h1>
      <p class="body">{t('cycles.extend.lead')}</p>
      <Form ctx={ctx} action="/staff/extensions" id="extend-form">
        <Select
          t={t}
          id="cycle"
          label={t('cycles.col.cycle')}
          error={errs.text('cycle')}
          value={textValue(values, 'cycle') || cycles[0]?.code}
          options={cycles.map((c) => ({ value: c.code, label: `${c.code} — ${t('cycles.dueOn', { date: formatDateLong(c.deadline, locale) })}` }))}
          required
        />
        <TextInput t={t} id="juristicId" label={t('cycles.extend.juristicId')} hint={t('cycles.extend.juristicIdHint')} error={errs.text('juristicId')} value={textValue(values, 'juristicId')} inputMode="numeric" maxLength={13} width={10} spellcheck={false} required />
        <DateInput t={t} id="deadlineOn" legend={t('cycles.extension.grant.date')} hint={t('cycles.extension.grant.dateHint')} error={errs.text('deadlineOn')} errorBoxes={dateBoxesInError(date, errs.key('deadlineOn'))} value={date} />
        <Textarea t={t} id="reason" label={t('cycles.extend.reason')} error={errs.text('reason')} value={textValue(values, 'reason')} maxLength={REASON_MAX} required />
        <Button>{t('cycles.extend.submit')}</Button>
      </Form>
      <p class="body">
        <a href="/staff/extensions">{t('cycles.extensions.back')}</a>
      </p>
    </PageLayout>
  )
}
