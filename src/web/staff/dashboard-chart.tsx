/**
 * The chart adapter (house style R24): renders an ECharts option (built by a pure function in
 * src/insights/insights.model.ts) to SVG on the server with ECharts' SSR mode — no client
 * JavaScript — and shows it in a <figure> with a caption and the same data as a table beside it.
 * The SVG is our own output from our own data (labels are escaped by ECharts), so it is one of the
 * audited callers of trustedHtml(); it gets role="img" and an aria-label.
 */
import type * as Echarts from 'echarts'
import type { ComponentChildren } from 'preact'
import { RawHtml, trustedHtml } from '#src/web/lib/trusted-html.tsx'

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

/**
 * ECharts takes most of a second to load, so it is loaded by the first page that draws a chart
 * (`await loadCharts()` in its route, before rendering), not at start-up.
 */
let echarts: typeof Echarts | undefined
export async function loadCharts(): Promise<void> {
  echarts ??= await import('echarts')
}

/** Renders `option` to an SVG string; the chart instance is always disposed (or the process keeps running). */
export function renderChartSvg(option: object, size: { width: number; height: number }, label: string): string {
  if (!echarts) throw new Error('charts are not loaded: await loadCharts() in the route first')
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height })
  try {
    chart.setOption({ ...option, animation: false })
    const svg = chart.renderToSVGString()
    return svg.replace(/^<svg /, `<svg role="img" aria-label="${escapeAttr(label)}" focusable="false" `)
  } finally {
    chart.dispose()
  }
}

export type ChartFigureProps = {
  id: string
  caption: string
  option: object
  size: { width: number; height: number }
  /** The chart's data as an accessible table (house style: data beside every chart). */
  children: ComponentChildren
  /** A wide table goes below the chart instead of beside it. */
  stacked?: boolean
}

export function ChartFigure({ id, caption, option, size, children, stacked }: ChartFigureProps) {
  const svg = renderChartSvg(option, size, caption)
  return (
    <figure class={stacked ? 'chart chart--stacked' : 'chart'} id={id} aria-labelledby={`${id}-caption`}>
      <figcaption class="heading-s" id={`${id}-caption`}>
        {caption}
      </figcaption>
      <div class="chart__body">
        <RawHtml html={trustedHtml(svg)} class="chart__svg" />
        <div class="chart__data">{children}</div>
      </div>
    </figure>
  )
}
