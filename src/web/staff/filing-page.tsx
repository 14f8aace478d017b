/**
 * Filing status of a cycle: who has not filed by the deadline, counts by business type and by
 * province, a paged list of non-filers with filters, and the batch reminder form (POST + CSRF).
 */
import type { BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import type { FilingStatus } from '#src/insights/get-filing-status.ts'
import { filingRate, type FilingCount } from '#src/insights/insights.model.ts'
import { formatDateLong, formatDateTimeNumeric, formatNumber, formatPercent } from '#src/platform/i18n/format.ts'
import { Button, Form, Select } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { daysLeftText } from './dashboard-page.tsx'
import { FilingDeadlineCell } from './extensions-pages.tsx'
import { BusinessLink, CycleSwitcher, InsightsNav, cycleLabel, typeNameOf } from './dashboard-parts.tsx'

export type FilingFilterEcho = { type: string; province: string }

/** `/staff/filing` with the given cycle, filters and page ('' and page 1 left out). */
export function filingHref(q: { cycle?: string | undefined; type?: string; province?: string; page?: number }): string {
  const p = new URLSearchParams()
  if (q.cycle) p.set('cycle', q.cycle)
  if (q.type) p.set('type', q.type)
  if (q.province) p.set('province', q.province)
  if (q.page && q.page > 1) p.set('page', String(q.page))
  const s = p.toString()
  return `/staff/filing${s ? `?${s}` : ''}`
}

export type FilingPageProps = {
  ctx: PageContext
  status: FilingStatus
  filters: FilingFilterEcho
  businessTypes: BusinessTypeOption[]
  provinces: string[]
  flash?: Flash | undefined
}

export function FilingPage(p: FilingPageProps) {
  const { ctx, status: s } = p
  const { t, locale } = ctx
  const n = (v: number) => formatNumber(v, locale)
  const typeName = typeNameOf(p.businessTypes, locale)
  const title = t('insights.filing.title')
  const cycle = s.cycle
  const href = (over: { page?: number }) => filingHref({ cycle: cycle?.code, ...p.filters, ...over })
  return (
    <PageLayout ctx={ctx} title={title}>
      <FlashBanner t={t} flash={p.flash} />
      <h1 class="heading-xl">
        {title}
        {cycle ? <span class="caption-l"> {cycleLabel(cycle, locale)}</span> : null}
      </h1>
      <InsightsNav ctx={ctx} cycle={cycle?.code} />
      <CycleSwitcher ctx={ctx} action="/staff/filing" cycles={s.cycles} current={cycle?.code} />
      {!cycle ? (
        <p class="body">{t('insights.noCycle')}</p>
      ) : (
        <>
          <dl class="stat-list" id="filing-stats">
            <div>
              <dt>{t('insights.stat.total')}</dt>
              <dd data-stat="total">{n(s.counts.total)}</dd>
            </div>
            <div>
              <dt>{t('insights.stat.filed')}</dt>
              <dd data-stat="filed">{n(s.counts.filed)}</dd>
            </div>
            <div>
              <dt>{t('insights.stat.notFiled')}</dt>
              <dd data-stat="notFiled">{n(s.counts.total - s.counts.filed)}</dd>
            </div>
            <div>
              <dt>{t('insights.stat.deadline', { date: formatDateLong(cycle.deadline, locale) })}</dt>
              <dd>{daysLeftText(t, s.daysLeft)}</dd>
            </div>
          </dl>

          <h2 class="heading-l">{t('insights.filing.byType')}</h2>
          <CountTable ctx={ctx} id="by-type" caption={t('insights.filing.byType')} firstHeader={t('staff.col.businessType')} rows={s.counts.byType} label={typeName} />
          <h2 class="heading-l">{t('insights.filing.byProvince')}</h2>
          <CountTable ctx={ctx} id="by-province" caption={t('insights.filing.byProvince')} firstHeader={t('staff.col.province')} rows={s.counts.byProvince} label={(k) => k} />

          <h2 class="heading-l" id="non-filers-heading">
            {t('insights.filing.nonFilers')}
          </h2>
          <form method="get" action="/staff/filing" class="filters" role="search" aria-labelledby="non-filers-heading">
            <input type="hidden" name="cycle" value={cycle.code} />
            <Select t={t} id="type" label={t('staff.filter.type')} value={p.filters.type} placeholder={t('staff.filter.any')} options={p.businessTypes.map((b) => ({ value: b.code, label: locale === 'en' ? b.nameEn : b.nameTh }))} />
            <Select t={t} id="province" label={t('staff.filter.province')} value={p.filters.province} placeholder={t('staff.filter.any')} options={p.provinces.map((v) => ({ value: v, label: v }))} />
            <div class="form-group">
              <Button variant="secondary">{t('staff.filter.submit')}</Button>
            </div>
          </form>
          <p class="body" role="status" id="non-filers-count">
            {t('insights.filing.matching', { count: s.matching })}
          </p>
          <table class="table" id="non-filers">
            <caption class="visually-hidden">{t('insights.filing.nonFilers')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('staff.col.business')}</th>
                <th scope="col">{t('staff.col.businessType')}</th>
                <th scope="col">{t('staff.col.province')}</th>
                <th scope="col" class="numeric">
                  {t('insights.filing.admins')}
                </th>
                <th scope="col">{t('insights.filing.lastReminded')}</th>
                <th scope="col">{t('cycles.filing.deadline')}</th>
              </tr>
            </thead>
            <tbody>
              {s.nonFilers.length === 0 ? (
                <tr>
                  <td colspan={6} class="table__empty">
                    {t('insights.filing.none')}
                  </td>
                </tr>
              ) : (
                s.nonFilers.map((r) => (
                  <tr key={r.entityId}>
                    <td>
                      <BusinessLink entityId={r.entityId} nameTh={r.nameTh} nameEn={r.nameEn} legalForm={r.legalForm} locale={locale} />
                      <br />
                      <span class="hint">{r.juristicId}</span>
                    </td>
                    <td>{typeName(r.businessType)}</td>
                    <td>{r.province}</td>
                    <td class="numeric">{n(r.admins)}</td>
                    <td>{r.lastRemindedAt ? formatDateTimeNumeric(r.lastRemindedAt) : t('insights.filing.neverReminded')}</td>
                    <FilingDeadlineCell t={t} locale={locale} deadline={r.deadline} extended={r.extended} late={r.late} />
                  </tr>
                ))
              )}
            </tbody>
          </table>
          {s.pages > 1 ? (
            <nav aria-label={t('staff.queue.pages')}>
              <ul class="pagination">
                {s.page > 1 ? (
                  <li>
                    <a href={href({ page: s.page - 1 })} rel="prev">
                      {t('admin.users.previous')}
                    </a>
                  </li>
                ) : null}
                <li aria-current="page">{t('insights.filing.pageOf', { page: s.page, pages: s.pages })}</li>
                {s.page < s.pages ? (
                  <li>
                    <a href={href({ page: s.page + 1 })} rel="next">
                      {t('admin.users.next')}
                    </a>
                  </li>
                ) : null}
              </ul>
            </nav>
          ) : null}

          {s.matching > 0 ? (
            <section aria-labelledby="reminder-heading">
              <h2 class="heading-m" id="reminder-heading">
                {t('insights.filing.reminder.heading')}
              </h2>
              <p class="body">{t('insights.filing.reminder.lead', { count: s.matching })}</p>
              <Form ctx={ctx} action="/staff/filing/reminders" id="reminder-form">
                <input type="hidden" name="cycle" value={cycle.code} />
                <input type="hidden" name="type" value={p.filters.type} />
                <input type="hidden" name="province" value={p.filters.province} />
                <Button>{t('insights.filing.reminder.submit')}</Button>
              </Form>
            </section>
          ) : null}
        </>
      )}
    </PageLayout>
  )
}

function CountTable(p: { ctx: PageContext; id: string; caption: string; firstHeader: string; rows: readonly FilingCount[]; label: (key: string) => string }) {
  const { t, locale } = p.ctx
  const n = (v: number) => formatNumber(v, locale)
  return (
    <table class="table" id={p.id}>
      <caption class="visually-hidden">{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{p.firstHeader}</th>
          <th scope="col" class="numeric">
            {t('insights.stat.total')}
          </th>
          <th scope="col" class="numeric">
            {t('insights.stat.filed')}
          </th>
          <th scope="col" class="numeric">
            {t('insights.stat.notFiled')}
          </th>
          <th scope="col" class="numeric">
            {t('insights.stat.rate')}
          </th>
        </tr>
      </thead>
      <tbody>
        {p.rows.length === 0 ? (
          <tr>
            <td colspan={5} class="table__empty">
              {t('insights.filing.noBusinesses')}
            </td>
          </tr>
        ) : (
          p.rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{p.label(r.key)}</th>
              <td class="numeric" data-col="total">
                {n(r.total)}
              </td>
              <td class="numeric" data-col="filed">
                {n(r.filed)}
              </td>
              <td class="numeric" data-col="notFiled">
                {n(r.total - r.filed)}
              </td>
              <td class="numeric">{formatPercent(filingRate(r.filed, r.total), locale)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
