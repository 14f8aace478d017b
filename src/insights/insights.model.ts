/**
 * Pure shapes and rules of AMLO's insight pages (business profile, filing status, dashboard):
 * days to the deadline, the rating tables folded from one GROUP BY, and the ECharts options of the
 * dashboard charts (data only; the SVG adapter lives in src/web/staff/dashboard-chart.tsx).
 * No IO here; `now` is always a parameter (R9).
 */
import { RATINGS, type Rating } from '#src/review/review.model.ts'

/** A rating bucket: one of the four residual bands, or `none` for a submission not yet scored. */
export const RATING_BUCKETS = [...RATINGS, 'none'] as const
export type RatingBucket = (typeof RATING_BUCKETS)[number]
export const toBucket = (band: string | null): RatingBucket => ((RATINGS as readonly string[]).includes(band ?? '') ? (band as Rating) : 'none')

/** Whole days from `now` to the deadline, rounded up (0 on the deadline day's last hours; negative once passed). */
export function daysUntil(deadline: Date, now: Date): number {
  const ms = deadline.getTime() - now.getTime()
  return ms >= 0 ? Math.ceil(ms / 86_400_000) : -Math.ceil(-ms / 86_400_000)
}

/** `filed / total` as a percentage 0–100 (0 when nobody is expected to file). */
export const filingRate = (filed: number, total: number): number => (total > 0 ? (filed / total) * 100 : 0)

export type FilingCount = { key: string; total: number; filed: number }
export type RatingCountRow = { businessType: string; province: string; bucket: RatingBucket; count: number }
export type RatingTable = { key: string; counts: Record<RatingBucket, number>; total: number }

const emptyCounts = (): Record<RatingBucket, number> => ({ low: 0, medium_low: 0, medium_high: 0, high: 0, none: 0 })

/** Folds rows of (type, province, bucket, count) into one table keyed by type or by province, sorted by key order given. */
export function foldRatings(rows: readonly RatingCountRow[], by: 'businessType' | 'province', order: readonly string[] = []): RatingTable[] {
  const map = new Map<string, RatingTable>()
  for (const r of rows) {
    const key = r[by]
    const entry = map.get(key) ?? { key, counts: emptyCounts(), total: 0 }
    entry.counts[r.bucket] += r.count
    entry.total += r.count
    map.set(key, entry)
  }
  const rank = (k: string) => {
    const i = order.indexOf(k)
    return i === -1 ? order.length : i
  }
  return [...map.values()].sort((a, b) => rank(a.key) - rank(b.key) || a.key.localeCompare(b.key, 'th'))
}

// ---------------------------------------------------------------------------------------------
// ECharts options (plain data). Labels arrive translated; animation is always off for SSR.

export type ChartSize = { width: number; height: number }
export type BarSeries = { name: string; values: readonly number[]; color: string }

/** Colours of the rating buckets (low → high, then not scored), readable on white. */
export const BUCKET_COLOURS = { low: '#00703c', medium_low: '#85994b', medium_high: '#f47738', high: '#d4351c', none: '#b1b4b6' } as const satisfies Record<RatingBucket, string>

const TEXT = { color: '#0b0c0c', fontFamily: 'Sarabun, sans-serif', fontSize: 12 }

/**
 * Breaks a chart label into lines of about `maxLine` characters at Thai word boundaries
 * (Intl.Segmenter, house style R22), at most `maxLines` lines, the last one ending in "…" when cut.
 */
export function wrapLabel(text: string, maxLine = 26, maxLines = 3): string {
  const lines: string[] = []
  let line = ''
  for (const { segment } of new Intl.Segmenter('th', { granularity: 'word' }).segment(text)) {
    if (line.trim() && (line + segment).length > maxLine) {
      lines.push(line.trimEnd())
      line = segment.trimStart()
    } else line += segment
  }
  if (line.trim()) lines.push(line.trimEnd())
  if (lines.length <= maxLines) return lines.join('\n')
  return [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`].join('\n')
}

/** A horizontal stacked bar chart: one bar per category, one stack segment per series. */
export function stackedBarOption(categories: readonly string[], series: readonly BarSeries[]) {
  return {
    animation: false,
    textStyle: TEXT,
    legend: { top: 0, textStyle: TEXT },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, axisLabel: { ...TEXT } },
    yAxis: { type: 'category', inverse: true, data: categories.map((c) => wrapLabel(c)), axisLabel: { ...TEXT, interval: 0, lineHeight: 15 } },
    series: series.map((s) => ({ type: 'bar', name: s.name, stack: 'total', data: [...s.values], itemStyle: { color: s.color } })),
  }
}

/** A gauge-like single bar: filed vs not yet filed. */
export function filingBarOption(labels: { category: string; filed: string; notFiled: string }, filed: number, total: number) {
  return stackedBarOption([labels.category], [
    { name: labels.filed, values: [filed], color: '#00703c' },
    { name: labels.notFiled, values: [Math.max(0, total - filed)], color: '#b1b4b6' },
  ])
}

/** A heat map: rows × columns of counts, darker = more. */
export function heatMapOption(rows: readonly string[], columns: readonly string[], cells: readonly (readonly number[])[]) {
  const data: [number, number, number][] = []
  let max = 0
  rows.forEach((_, y) =>
    columns.forEach((__, x) => {
      const v = cells[y]?.[x] ?? 0
      max = Math.max(max, v)
      data.push([x, y, v])
    }),
  )
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 8, right: 16, top: 16, bottom: 60, containLabel: true },
    xAxis: { type: 'category', data: columns.map((c) => wrapLabel(c, 12, 2)), position: 'top', axisLabel: { ...TEXT, interval: 0, lineHeight: 15 }, splitArea: { show: true } },
    yAxis: { type: 'category', inverse: true, data: [...rows], axisLabel: { ...TEXT, interval: 0 }, splitArea: { show: true } },
    visualMap: { min: 0, max: Math.max(1, max), calculable: false, orient: 'horizontal', left: 'center', bottom: 0, inRange: { color: ['#f3f2f1', '#1d70b8', '#0b0c0c'] }, textStyle: TEXT },
    // White figures with a dark outline stay readable on every shade.
    series: [{ type: 'heatmap', data, label: { show: true, ...TEXT, fontSize: 12, color: '#ffffff', textBorderColor: '#0b0c0c', textBorderWidth: 2 } }],
  }
}

/** A small line chart of a band over cycles (the business profile): y = band index 1–4. */
export function ratingLineOption(cycles: readonly string[], values: readonly (number | null)[], bandNames: readonly string[]) {
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: [...cycles], axisLabel: { ...TEXT, interval: 0 } },
    yAxis: { type: 'value', min: 1, max: bandNames.length, interval: 1, axisLabel: { ...TEXT, formatter: (v: number) => bandNames[v - 1] ?? '' } },
    series: [{ type: 'line', data: [...values], connectNulls: false, symbolSize: 10, lineStyle: { color: '#1d70b8', width: 3 }, itemStyle: { color: '#1d70b8' } }],
  }
}
