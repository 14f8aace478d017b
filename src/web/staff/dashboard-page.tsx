/**
 * The supervision dashboard: filing rate against the deadline, ratings in force by business type,
 * a province × rating heat map and the most frequent flags. Each chart is server-rendered SVG with
 * the same figures as a table beside it (dashboard-chart.tsx).
 */
import type { Dashboard } from '#src/insights/get-dashboard.ts'
import { BUCKET_COLOURS, RATING_BUCKETS, filingBarOption, filingRate, heatMapOption, stackedBarOption, type RatingTable } from '#src/insights/insights.model.ts'
import { formatDateLong, formatNumber, formatPercent } from '#src/platform/i18n/format.ts'
import type { FlagCode } from '#src/scoring/score.model.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { ChartFigure } from './dashboard-chart.tsx'
import { BUCKET_LABELS, CycleSwitcher, InsightsNav, cycleLabel, typeNameOf } from './dashboard-parts.tsx'

export const FLAG_NAMES = {
  CTR_NOT_FILED: 'insights.flag.CTR_NOT_FILED',
  STR_NEVER_FILED: 'insights.flag.STR_NEVER_FILED',
  STRUCTURING: 'insights.flag.STRUCTURING',
  POLICY_NO_EVIDENCE: 'insights.flag.POLICY_NO_EVIDENCE',
  POLICY_OUTDATED: 'insights.flag.POLICY_OUTDATED',
  SHAREHOLDING_OVER_100: 'insights.flag.SHAREHOLDING_OVER_100',
  NO_BENEFICIAL_OWNER: 'insights.flag.NO_BENEFICIAL_OWNER',
  DIRECTOR_ID_INVALID: 'insights.flag.DIRECTOR_ID_INVALID',
  SHARP_CHANGE: 'insights.flag.SHARP_CHANGE',
} as const satisfies Record<FlagCode, MessageKey>

/** "อีก 12 วัน" / "ครบกำหนดวันนี้" / "เลยกำหนดมาแล้ว 3 วัน". */
export function daysLeftText(t: PageContext['t'], days: number): string {
  if (days > 0) return t('insights.deadline.daysLeft', { days })
  if (days === 0) return t('insights.deadline.today')
  return t('insights.deadline.passed', { days: -days })
}

export function DashboardPage({ ctx, view }: { ctx: PageContext; view: Dashboard }) {
  const { t, locale } = ctx
  const n = (v: number) => formatNumber(v, locale)
  const typeName = typeNameOf(view.businessTypes, locale)
  const title = t('insights.dashboard.title')
  const cycle = view.cycle
  return (
    <PageLayout ctx={ctx} title={title}>
      <h1 class="heading-xl">
        {title}
        {cycle ? <span class="caption-l"> {cycleLabel(cycle, locale)}</span> : null}
      </h1>
      <InsightsNav ctx={ctx} cycle={cycle?.code} />
      <CycleSwitcher ctx={ctx} action="/staff/dashboard" cycles={view.cycles} current={cycle?.code} />
      {!cycle ? (
        <p class="body">{t('insights.noCycle')}</p>
      ) : (
        <>
          <section aria-labelledby="filing-heading">
            <h2 class="heading-l" id="filing-heading">
              {t('insights.dashboard.filing.heading')}
            </h2>
            <dl class="stat-list" id="filing-stats">
              <div>
                <dt>{t('insights.stat.filed')}</dt>
                <dd>{t('insights.stat.filedOf', { filed: n(view.filing.filed), total: n(view.filing.total) })}</dd>
              </div>
              <div>
                <dt>{t('insights.stat.rate')}</dt>
                <dd>{formatPercent(filingRate(view.filing.filed, view.filing.total), locale)}</dd>
              </div>
              <div>
                <dt>{t('insights.stat.deadline', { date: formatDateLong(cycle.deadline, locale) })}</dt>
                <dd>{daysLeftText(t, view.daysLeft)}</dd>
              </div>
            </dl>
            <ChartFigure
              id="chart-filing"
              caption={t('insights.dashboard.filing.caption')}
              size={{ width: 640, height: 120 }}
              option={filingBarOption({ category: t('insights.stat.businesses'), filed: t('insights.stat.filed'), notFiled: t('insights.stat.notFiled') }, view.filing.filed, view.filing.total)}
            >
              <table class="table" id="table-filing">
                <caption class="visually-hidden">{t('insights.dashboard.filing.caption')}</caption>
                <tbody>
                  <tr>
                    <th scope="row">{t('insights.stat.filed')}</th>
                    <td class="numeric">{n(view.filing.filed)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('insights.stat.notFiled')}</th>
                    <td class="numeric">{n(view.filing.total - view.filing.filed)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('insights.stat.total')}</th>
                    <td class="numeric">{n(view.filing.total)}</td>
                  </tr>
                </tbody>
              </table>
              <p class="body">
                <a href={`/staff/filing?cycle=${encodeURIComponent(cycle.code)}`}>{t('insights.dashboard.filing.link')}</a>
              </p>
            </ChartFigure>
          </section>

          <section aria-labelledby="types-heading">
            <h2 class="heading-l" id="types-heading">
              {t('insights.dashboard.byType.heading')}
            </h2>
            <p class="body">{t('insights.dashboard.ratingNote')}</p>
            <ChartFigure
              id="chart-by-type"
              stacked
              caption={t('insights.dashboard.byType.caption')}
              size={{ width: 640, height: 80 + Math.max(1, view.byType.length) * 52 }}
              option={stackedBarOption(
                view.byType.map((r) => typeName(r.key)),
                RATING_BUCKETS.map((b) => ({ name: t(BUCKET_LABELS[b]), values: view.byType.map((r) => r.counts[b]), color: BUCKET_COLOURS[b] })),
              )}
            >
              <RatingDataTable ctx={ctx} id="table-by-type" caption={t('insights.dashboard.byType.caption')} firstHeader={t('staff.col.businessType')} rows={view.byType} label={typeName} />
            </ChartFigure>
          </section>

          <section aria-labelledby="provinces-heading">
            <h2 class="heading-l" id="provinces-heading">
              {t('insights.dashboard.heatmap.heading')}
            </h2>
            <ChartFigure
              id="chart-heatmap"
              stacked
              caption={t('insights.dashboard.heatmap.caption')}
              size={{ width: 640, height: 110 + Math.max(1, view.byProvince.length) * 26 }}
              option={heatMapOption(
                view.byProvince.map((r) => r.key),
                RATING_BUCKETS.map((b) => t(BUCKET_LABELS[b])),
                view.byProvince.map((r) => RATING_BUCKETS.map((b) => r.counts[b])),
              )}
            >
              <RatingDataTable ctx={ctx} id="table-heatmap" caption={t('insights.dashboard.heatmap.caption')} firstHeader={t('staff.col.province')} rows={view.byProvince} label={(k) => k} />
            </ChartFigure>
          </section>

          <section aria-labelledby="flags-heading">
            <h2 class="heading-l" id="flags-heading">
              {t('insights.dashboard.flags.heading')}
            </h2>
            <ChartFigure
              id="chart-flags"
              caption={t('insights.dashboard.flags.caption')}
              size={{ width: 640, height: 80 + Math.max(1, view.flags.length) * 32 }}
              option={stackedBarOption(
                view.flags.map((f) => t(FLAG_NAMES[f.code])),
                [{ name: t('insights.dashboard.flags.count'), values: view.flags.map((f) => f.count), color: '#1d70b8' }],
              )}
            >
              <table class="table" id="table-flags">
                <caption class="visually-hidden">{t('insights.dashboard.flags.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('insights.dashboard.flags.flag')}</th>
                    <th scope="col" class="numeric">
                      {t('insights.dashboard.flags.count')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {view.flags.length === 0 ? (
                    <tr>
                      <td colspan={2} class="table__empty">
                        {t('insights.dashboard.flags.empty')}
                      </td>
                    </tr>
                  ) : (
                    view.flags.map((f) => (
                      <tr key={f.code}>
                        <th scope="row">{t(FLAG_NAMES[f.code])}</th>
                        <td class="numeric">{n(f.count)}</td>
                      </tr>
                    ))
                  )}
                </tbody>
              </table>
            </ChartFigure>
          </section>
        </>
      )}
    </PageLayout>
  )
}

/** Counts per rating bucket, one row per business type or province, with a total column. */
function RatingDataTable(p: { ctx: PageContext; id: string; caption: string; firstHeader: string; rows: readonly RatingTable[]; label: (key: string) => string }) {
  const { t, locale } = p.ctx
  const n = (v: number) => formatNumber(v, locale)
  return (
    <table class="table" id={p.id}>
      <caption class="visually-hidden">{p.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{p.firstHeader}</th>
          {RATING_BUCKETS.map((b) => (
            <th scope="col" class="numeric" key={b}>
              {t(BUCKET_LABELS[b])}
            </th>
          ))}
          <th scope="col" class="numeric">
            {t('insights.stat.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {p.rows.length === 0 ? (
          <tr>
            <td colspan={RATING_BUCKETS.length + 2} class="table__empty">
              {t('insights.dashboard.noSubmissions')}
            </td>
          </tr>
        ) : (
          p.rows.map((r) => (
            <tr key={r.key} data-key={r.key}>
              <th scope="row">{p.label(r.key)}</th>
              {RATING_BUCKETS.map((b) => (
                <td class="numeric" key={b} data-bucket={b}>
                  {n(r.counts[b])}
                </td>
              ))}
              <td class="numeric">{n(r.total)}</td>
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
