/**
 * The case inbox (/staff/cases): my cases, a team's, or all; counts per status; filters (GET);
 * the table with days open, due date and overdue mark; pages; bulk assign and bulk close (one
 * checkbox form, JavaScript off); CSV export of the filtered list. Pure view.
 */
import { CASE_STATUSES, CASE_TYPES, type CaseStatus } from '#src/cases/case-status.rules.ts'
import { CASE_STATUS_LABEL, CASE_TYPE_LABEL, caseReference, SLA_TIMER_LABEL } from '#src/cases/cases.model.ts'
import type { CaseList, CaseListRow } from '#src/cases/list-cases.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatIsoDateLong, formatNumber } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { Button, Form, Select, TextInput, Textarea } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'

/** The inbox's GET parameters as the page echoes them ('' = any). */
export type InboxQuery = Record<'view' | 'assignee' | 'team' | 'type' | 'status' | 'overdue' | 'q', string> & { dir: 'asc' | 'desc'; page: number }

export const inboxHref = (q: InboxQuery, over: Partial<InboxQuery> = {}, path = '/staff/cases') => {
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...q, ...over })) {
    if (v === '' || v === undefined || (k === 'page' && v === 1) || (k === 'dir' && v === 'asc') || (k === 'view' && v === 'mine')) continue
    p.set(k, String(v))
  }
  const s = p.toString()
  return `${path}${s ? `?${s}` : ''}`
}

export const caseHref = (id: string) => `/staff/cases/${id}`

/** The due-date cell: the date, the timer, and "overdue by n days" / "n days left". */
export function SlaCell({ t, locale, sla }: { t: Translator; locale: PageContext['locale']; sla: CaseListRow['sla'] }) {
  if (!sla) return <span class="hint">{t('casework.sla.none')}</span>
  return (
    <>
      {formatIsoDateLong(sla.dueOn, locale)}
      <br />
      <span class="hint">{t(SLA_TIMER_LABEL[sla.timer])}</span>
      <br />
      {sla.overdue ? (
        <strong class="tag tag--red" data-overdue="true">
          {t('casework.sla.overdue', { days: -sla.daysLeft })}
        </strong>
      ) : (
        <span class="hint">{t('casework.sla.daysLeft', { days: sla.daysLeft })}</span>
      )}
    </>
  )
}

export type BulkRefusal = { number: number | null; messageKey: MessageKey }

export type InboxPageProps = { ctx: PageContext; query: InboxQuery; list: CaseList; bulkKey: string; flash?: Flash | undefined; refused?: BulkRefusal[] | undefined; canClose: boolean }

export function InboxPage({ ctx, query: q, list, bulkKey, flash, refused, canClose }: InboxPageProps) {
  const { t, locale } = ctx
  const workerName = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`.trim()
  const statusCount = (s: CaseStatus) => list.counts.get(s) ?? 0
  return (
    <PageLayout ctx={ctx} title={t('casework.inbox.title')}>
      <FlashBanner t={t} flash={flash} />
      {refused?.length ? (
        <NotificationBanner t={t} title={t('casework.bulk.refusedHeading', { count: refused.length })} titleId="bulk-refused-title">
          <ul class="list" id="bulk-refused">
            {refused.map((r, i) => (
              <li key={i}>
                {r.number === null ? t('casework.bulk.unknownCase') : caseReference(r.number)}: {t(r.messageKey)}
              </li>
            ))}
          </ul>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{t('casework.inbox.title')}</h1>
      <nav aria-label={t('casework.inbox.views')}>
        <ul class="list" id="inbox-views">
          <li>{q.view === 'mine' ? <strong>{t('casework.inbox.mine')}</strong> : <a href="/staff/cases">{t('casework.inbox.mine')}</a>}</li>
          <li>{q.view === 'all' && !q.team ? <strong>{t('casework.inbox.all')}</strong> : <a href="/staff/cases?view=all">{t('casework.inbox.all')}</a>}</li>
          {list.teams.map((team) => (
            <li key={team}>{q.view === 'all' && q.team === team ? <strong>{t('casework.inbox.team', { team })}</strong> : <a href={inboxHref({ ...q, view: 'all', team, page: 1, assignee: '' })}>{t('casework.inbox.team', { team })}</a>}</li>
          ))}
        </ul>
      </nav>
      <table class="table" id="status-counts">
        <caption>{t('casework.inbox.countsCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('casework.col.status')}</th>
            <th scope="col" class="numeric">
              {t('casework.col.count')}
            </th>
          </tr>
        </thead>
        <tbody>
          {CASE_STATUSES.filter((s) => statusCount(s) > 0).map((s) => (
            <tr key={s} data-status={s}>
              <td>
                <a href={inboxHref(q, { status: s, page: 1 })}>{t(CASE_STATUS_LABEL[s])}</a>
              </td>
              <td class="numeric">{formatNumber(statusCount(s), locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="get" action="/staff/cases" class="filters" role="search">
        <Select t={t} id="view" label={t('casework.filter.view')} value={q.view} options={[{ value: 'mine', label: t('casework.inbox.mine') }, { value: 'all', label: t('casework.inbox.all') }]} />
        <Select
          t={t}
          id="assignee"
          label={t('casework.filter.assignee')}
          hint={t('casework.filter.assigneeHint')}
          value={q.assignee}
          placeholder={t('casework.filter.anyone')}
          options={[{ value: 'unassigned', label: t('casework.filter.unassigned') }, ...list.workers.map((w) => ({ value: w.id, label: workerName(w) }))]}
        />
        <Select t={t} id="team" label={t('casework.filter.team')} value={q.team} placeholder={t('casework.filter.any')} options={list.teams.map((v) => ({ value: v, label: v }))} />
        <Select t={t} id="type" label={t('casework.filter.type')} value={q.type} placeholder={t('casework.filter.any')} options={CASE_TYPES.map((v) => ({ value: v, label: t(CASE_TYPE_LABEL[v]) }))} />
        <Select
          t={t}
          id="status"
          label={t('casework.filter.status')}
          value={q.status}
          placeholder={t('casework.filter.open')}
          options={[{ value: 'any', label: t('casework.filter.anyStatus') }, ...CASE_STATUSES.map((s) => ({ value: s, label: t(CASE_STATUS_LABEL[s]) }))]}
        />
        <Select t={t} id="overdue" label={t('casework.filter.overdue')} value={q.overdue} placeholder={t('casework.filter.any')} options={[{ value: 'yes', label: t('casework.filter.overdueOnly') }]} />
        <TextInput t={t} id="q" type="search" label={t('casework.filter.q')} hint={t('casework.filter.qHint')} value={q.q} maxLength={200} spellcheck={false} />
        <Select t={t} id="dir" label={t('casework.filter.dir')} value={q.dir} options={[{ value: 'asc', label: t('casework.filter.dirAsc') }, { value: 'desc', label: t('casework.filter.dirDesc') }]} />
        <div class="form-group">
          <Button variant="secondary">{t('casework.filter.submit')}</Button>
        </div>
      </form>
      <p class="body" role="status" id="inbox-count">
        {t('casework.inbox.count', { count: list.total })}
      </p>
      <p class="body">
        <a href={inboxHref(q, { page: 1 }, '/staff/cases/export.csv')} download id="export-csv">
          {t('casework.inbox.exportCsv')}
        </a>
      </p>
      <Form ctx={ctx} action="/staff/cases/bulk" id="bulk-form">
        <input type="hidden" name="idempotencyKey" value={bulkKey} />
        <input type="hidden" name="back" value={inboxHref(q)} />
        <table class="table" id="cases">
          <caption>{t(q.dir === 'asc' ? 'casework.inbox.captionAsc' : 'casework.inbox.captionDesc')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span class="visually-hidden">{t('casework.bulk.select')}</span>
              </th>
              <th scope="col">{t('casework.col.case')}</th>
              <th scope="col">{t('casework.col.business')}</th>
              <th scope="col">{t('casework.col.type')}</th>
              <th scope="col">{t('casework.col.status')}</th>
              <th scope="col">{t('casework.col.assignee')}</th>
              <th scope="col" class="numeric">
                {t('casework.col.daysOpen')}
              </th>
              <th scope="col">{t('casework.col.due')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.length === 0 ? (
              <tr>
                <td colspan={8} class="table__empty">
                  {t('casework.inbox.empty')}
                </td>
              </tr>
            ) : (
              list.rows.map((r) => (
                <tr key={r.id} data-case={caseReference(r.number)}>
                  <td>
                    <input type="checkbox" name="caseId" value={r.id} id={`select-${r.id}`} />
                    <label for={`select-${r.id}`} class="visually-hidden">
                      {t('casework.bulk.selectCase', { case: caseReference(r.number) })}
                    </label>
                  </td>
                  <td>
                    <a href={caseHref(r.id)}>{caseReference(r.number)}</a>
                  </td>
                  <td>
                    {registeredName(r.nameTh, r.legalForm as LegalForm, locale, r.nameEn)}
                    <br />
                    <span class="hint">{r.juristicId}</span>
                  </td>
                  <td>{t(CASE_TYPE_LABEL[r.type])}</td>
                  <td>{t(CASE_STATUS_LABEL[r.status])}</td>
                  <td>
                    {r.assigneeUserId ? `${r.assigneeFirstName ?? ''} ${r.assigneeLastName ?? ''}`.trim() : t('casework.filter.unassigned')}
                    {r.team ? (
                      <>
                        <br />
                        <span class="hint">{r.team}</span>
                      </>
                    ) : null}
                  </td>
                  <td class="numeric">{formatNumber(r.daysOpen, locale)}</td>
                  <td>
                    <SlaCell t={t} locale={locale} sla={r.sla} />
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('casework.bulk.legend')}</legend>
          <Select t={t} id="bulkAssignee" name="assignee" label={t('casework.bulk.assignee')} placeholder={t('casework.bulk.nobody')} options={list.workers.map((w) => ({ value: w.id, label: workerName(w) }))} />
          <Button variant="secondary" name="op" value="assign">
            {t('casework.bulk.assign')}
          </Button>
          {canClose ? (
            <>
              <Textarea t={t} id="bulkReason" name="reason" label={t('casework.bulk.reason')} maxLength={5000} optional />
              <Button variant="secondary" name="op" value="close">
                {t('casework.bulk.close')}
              </Button>
            </>
          ) : null}
        </fieldset>
      </Form>
      {list.pages > 1 ? (
        <nav aria-label={t('casework.inbox.pages')}>
          <ul class="pagination">
            {list.page > 1 ? (
              <li>
                <a href={inboxHref(q, { page: list.page - 1 })} rel="prev">
                  {t('casework.inbox.previous')}
                </a>
              </li>
            ) : null}
            <li aria-current="page">{t('casework.inbox.pageOf', { page: list.page, pages: list.pages })}</li>
            {list.page < list.pages ? (
              <li>
                <a href={inboxHref(q, { page: list.page + 1 })} rel="next">
                  {t('casework.inbox.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </PageLayout>
  )
}
