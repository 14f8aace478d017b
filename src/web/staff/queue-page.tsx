/** The review queue page: filters (GET), saved filters, the table with sort links, pages, exports. */
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatDateTimeNumeric, formatNumber } from '#src/platform/i18n/format.ts'
import { RATINGS } from '#src/review/review.model.ts'
import { QUEUE_SORTS, type QueueRow, type QueueSort } from '#src/review/review.repo.ts'
import { ASSESSMENT_STATUSES } from '#src/submissions/assessment-status.rules.ts'
import { Button, Form, Select, TextInput } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { ASSESSMENT_STATUS_LABELS } from '#src/web/portal/assessment-pages.tsx'
import { RATING_LABELS } from './staff-labels.ts'

/** The queue's GET parameters as the page echoes them back (strings, '' = any). */
export type QueueQuery = Record<'cycle' | 'status' | 'type' | 'province' | 'rating' | 'flags' | 'from' | 'to' | 'assignee' | 'q', string> & { sort: QueueSort; dir: 'asc' | 'desc'; page: number }

export const queueHref = (q: QueueQuery, over: Partial<QueueQuery> = {}, path = '/staff/submissions') => {
  const all = { ...q, ...over }
  const p = new URLSearchParams()
  for (const [k, v] of Object.entries(all)) {
    if (v === '' || v === undefined) continue
    if ((k === 'page' && v === 1) || (k === 'sort' && v === 'submitted') || (k === 'dir' && v === 'desc')) continue
    p.set(k, String(v))
  }
  const s = p.toString()
  return `${path}${s ? `?${s}` : ''}`
}

export type QueuePageProps = {
  ctx: PageContext
  query: QueueQuery
  cycles: { id: string; code: string; nameTh: string; nameEn: string }[]
  cycleId: string | undefined
  rows: QueueRow[]
  total: number
  /** The count stopped at its cap (`total`): there are more rows than that. */
  moreThanTotal: boolean
  pages: number
  businessTypes: { code: string; nameTh: string; nameEn: string }[]
  provinces: string[]
  savedFilters: { id: string; name: string; query: string }[]
  flash?: Flash | undefined
}

const SORT_LABEL = {
  submitted: 'staff.col.submittedAt',
  name: 'staff.col.business',
  rating: 'staff.col.rating',
  flags: 'staff.col.flags',
  status: 'staff.col.status',
  province: 'staff.col.province',
} as const satisfies Record<QueueSort, string>

export function QueuePage(p: QueuePageProps) {
  const { ctx, query: q } = p
  const { t, locale } = ctx
  const typeName = (code: string) => {
    const bt = p.businessTypes.find((b) => b.code === code)
    return bt ? (locale === 'en' ? bt.nameEn : bt.nameTh) : code
  }
  const sortHeader = (key: QueueSort, label: string) => {
    const active = q.sort === key
    const dir = active && q.dir === 'desc' ? 'asc' : 'desc'
    return (
      <th scope="col" aria-sort={active ? (q.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
        <a href={queueHref(q, { sort: key, dir, page: 1 })}>{label}</a>
      </th>
    )
  }
  return (
    <PageLayout ctx={ctx} title={t('staff.queue.title')}>
      <FlashBanner t={t} flash={p.flash} />
      <h1 class="heading-xl">{t('staff.queue.title')}</h1>
      {p.savedFilters.length ? (
        <section aria-labelledby="saved-filters">
          <h2 class="heading-s" id="saved-filters">
            {t('staff.saved.heading')}
          </h2>
          <ul class="list">
            {p.savedFilters.map((f) => (
              <li key={f.id}>
                <a href={`/staff/submissions${f.query ? `?${f.query}` : ''}`}>{f.name}</a>{' '}
                <Form ctx={ctx} action={`/staff/filters/${f.id}/delete`}>
                  <Button variant="secondary">
                    {t('staff.saved.delete')}
                    <span class="visually-hidden"> {f.name}</span>
                  </Button>
                </Form>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <form method="get" action="/staff/submissions" class="filters" role="search">
        <Select t={t} id="cycle" label={t('staff.filter.cycle')} value={p.cycleId ?? ''} options={p.cycles.map((c) => ({ value: c.id, label: locale === 'en' ? c.nameEn : c.nameTh }))} />
        <TextInput t={t} id="q" type="search" label={t('staff.filter.q')} hint={t('staff.filter.qHint')} value={q.q} maxLength={200} spellcheck={false} />
        <Select t={t} id="status" label={t('staff.filter.status')} value={q.status} placeholder={t('staff.filter.any')} options={ASSESSMENT_STATUSES.filter((s) => s !== 'draft').map((s) => ({ value: s, label: t(ASSESSMENT_STATUS_LABELS[s]) }))} />
        <Select t={t} id="type" label={t('staff.filter.type')} value={q.type} placeholder={t('staff.filter.any')} options={p.businessTypes.map((b) => ({ value: b.code, label: locale === 'en' ? b.nameEn : b.nameTh }))} />
        <Select t={t} id="province" label={t('staff.filter.province')} value={q.province} placeholder={t('staff.filter.any')} options={p.provinces.map((v) => ({ value: v, label: v }))} />
        <Select
          t={t}
          id="rating"
          label={t('staff.filter.rating')}
          value={q.rating}
          placeholder={t('staff.filter.any')}
          options={[...RATINGS.map((r) => ({ value: r, label: t(RATING_LABELS[r]) })), { value: 'none', label: t('staff.rating.none') }]}
        />
        <Select t={t} id="flags" label={t('staff.filter.flags')} value={q.flags} placeholder={t('staff.filter.any')} options={[{ value: 'yes', label: t('staff.filter.flagsYes') }, { value: 'no', label: t('staff.filter.flagsNo') }]} />
        <TextInput t={t} id="from" label={t("staff.filter.from")} hint={t("staff.filter.dateHint")} value={q.from} />
        <TextInput t={t} id="to" label={t("staff.filter.to")} hint={t("staff.filter.dateHint")} value={q.to} />
        <Select t={t} id="assignee" label={t('staff.filter.assignee')} value={q.assignee} placeholder={t('staff.filter.anyone')} options={[{ value: 'me', label: t('staff.filter.me') }, { value: 'unassigned', label: t('staff.filter.unassigned') }]} />
        <input type="hidden" name="sort" value={q.sort} />
        <input type="hidden" name="dir" value={q.dir} />
        <div class="form-group">
          <Button variant="secondary">{t('staff.filter.submit')}</Button>
        </div>
      </form>
      <p class="body" role="status">
        {p.moreThanTotal ? t('staff.queue.countMore', { count: p.total, pages: p.pages }) : t('staff.queue.count', { count: p.total })}
      </p>
      <p class="body">
        <a href={queueHref(q, { page: 1 }, '/staff/submissions/export.csv')} download>
          {t('staff.export.csv')}
        </a>{' '}
        ·{' '}
        <a href={queueHref(q, { page: 1 }, '/staff/submissions/export.xlsx')} download>
          {t('staff.export.xlsx')}
        </a>
      </p>
      <table class="table" id="queue">
        <caption>{t('staff.queue.caption', { sort: t(SORT_LABEL[q.sort] as never), dir: t(q.dir === 'asc' ? 'staff.sort.asc' : 'staff.sort.desc') })}</caption>
        <thead>
          <tr>
            {sortHeader('name', t('staff.col.business'))}
            <th scope="col">{t('staff.col.businessType')}</th>
            {sortHeader('province', t('staff.col.province'))}
            {sortHeader('status', t('staff.col.status'))}
            {sortHeader('submitted', t('staff.col.submittedAt'))}
            {sortHeader('rating', t('staff.col.rating'))}
            {sortHeader('flags', t('staff.col.flags'))}
            <th scope="col">{t('staff.col.assignee')}</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.length === 0 ? (
            <tr>
              <td colspan={8} class="table__empty">
                {t('staff.queue.empty')}
              </td>
            </tr>
          ) : (
            p.rows.map((r) => (
              <tr key={r.assessmentId}>
                <td>
                  <a href={`/staff/submissions/${r.assessmentId}`}>{registeredName(r.nameTh, r.legalForm as LegalForm, locale, r.nameEn)}</a>
                  <br />
                  <span class="hint">{r.juristicId}</span>
                </td>
                <td>{typeName(r.businessType)}</td>
                <td>{r.province}</td>
                <td>{t(ASSESSMENT_STATUS_LABELS[r.status])}</td>
                <td>{formatDateTimeNumeric(r.submittedAt)}</td>
                <td>
                  {r.rating ? t(RATING_LABELS[r.rating]) : t('staff.rating.none')}
                  {r.ratingSource === 'override' ? <span class="hint"> {t('staff.rating.overridden')}</span> : null}
                </td>
                <td class="numeric">{r.flagsCount === null ? '–' : formatNumber(r.flagsCount, locale)}</td>
                <td>{r.assigneeId ? `${r.assigneeFirstName ?? ''} ${r.assigneeLastName ?? ''}` : t('staff.filter.unassigned')}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      {p.pages > 1 ? (
        <nav aria-label={t('staff.queue.pages')}>
          <ul class="pagination">
            {q.page > 1 ? (
              <li>
                <a href={queueHref(q, { page: q.page - 1 })} rel="prev">
                  {t('admin.users.previous')}
                </a>
              </li>
            ) : null}
            {pageNumbers(q.page, p.pages).map((n) =>
              n === q.page ? (
                <li key={n} aria-current="page">
                  {n}
                </li>
              ) : (
                <li key={n}>
                  <a href={queueHref(q, { page: n })}>{n}</a>
                </li>
              ),
            )}
            {q.page < p.pages ? (
              <li>
                <a href={queueHref(q, { page: q.page + 1 })} rel="next">
                  {t('admin.users.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
      <Form ctx={ctx} action="/staff/filters">
        <input type="hidden" name="query" value={queueHref(q, { page: 1 }, '').replace(/^\?/, '')} />
        <TextInput t={t} id="filterName" name="name" label={t('staff.saved.name')} hint={t('staff.saved.hint')} value="" maxLength={100} />
        <Button variant="secondary">{t('staff.saved.save')}</Button>
      </Form>
    </PageLayout>
  )
}

/** First, last and up to two pages either side of the current one. */
function pageNumbers(page: number, pages: number): number[] {
  const set = new Set([1, pages])
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pages) set.add(n)
  return [...set].sort((a, b) => a - b)
}

export { QUEUE_SORTS }
