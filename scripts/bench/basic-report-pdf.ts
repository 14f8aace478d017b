/**
 * The basic-information report as a PDF (issue 5): `GET /portal/assessments/<cycle>/basic-report.pdf`
 * for a business with a complete draft (RENDER_USER, prepared by prepareQuestionnaire), i.e. the
 * database read, the Preact template, Chromium printing and the response.
 * 1. One at a time, SEQUENTIAL reports after a warm-up (the browser is already running): median and
 *    p95 time per report. Target: median < 150 ms.
 * 2. CONCURRENT requests at once (4 by default) for CONCURRENT_TOTAL reports: reports per second.
 *    Target: ≥ 10 reports/s.
 * Every response must be a 200 starting with %PDF-. Run alone with `npm run bench -- --only pdf`.
 */
import { CYCLE, pool, RENDER_USER, BENCH_PASSWORD } from './assessment-data.ts'
import { Browser, keepAliveAgent, noKeepAlive, request } from './http-client.ts'
import type { CustomRun, RunContext } from './scenarios.ts'

export const BASIC_REPORT_PDF = `/portal/assessments/${CYCLE}/basic-report.pdf`
const WARMUP = 5
const SEQUENTIAL = 40
const CONCURRENT_TOTAL = 80
const TARGET_MEDIAN_MS = 150
const TARGET_RPS = 10

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export async function basicReportPdfRun(ctx: RunContext, concurrency = 4): Promise<CustomRun> {
  const user = new Browser(noKeepAlive, ctx.baseUrl)
  await user.signIn(RENDER_USER, BENCH_PASSWORD)
  const agent = keepAliveAgent(concurrency)
  const codes: Record<string, number> = {}
  let errors = 0
  let unexpected = 0
  const fetchOne = async (): Promise<number | undefined> => {
    const start = performance.now()
    try {
      const res = await request(agent, ctx.baseUrl + BASIC_REPORT_PDF, { headers: { cookie: user.cookie } })
      const ms = performance.now() - start
      codes[res.status] = (codes[res.status] ?? 0) + 1
      if (res.status !== 200 || !res.body.startsWith('%PDF-')) {
        unexpected++
        return undefined
      }
      return ms
    } catch {
      errors++
      return undefined
    }
  }

  for (let i = 0; i < WARMUP; i++) await fetchOne() // launches Chromium, warms caches
  for (const k of Object.keys(codes)) delete codes[k]
  errors = 0
  unexpected = 0

  const cpuBefore = ctx.serverCpuSeconds()
  const benchBefore = process.cpuUsage()
  const t0 = performance.now()
  const sequential: number[] = []
  for (let i = 0; i < SEQUENTIAL; i++) {
    const ms = await fetchOne()
    if (ms !== undefined) sequential.push(ms)
  }
  const t1 = performance.now()
  const concurrent: number[] = []
  await pool(CONCURRENT_TOTAL, concurrency, async () => {
    const ms = await fetchOne()
    if (ms !== undefined) concurrent.push(ms)
  })
  const t2 = performance.now()
  const cpuAfter = ctx.serverCpuSeconds()
  const bench = process.cpuUsage(benchBefore)
  agent.destroy()

  const seq = [...sequential].sort((a, b) => a - b)
  const conc = [...concurrent].sort((a, b) => a - b)
  const median = percentile(seq, 50)
  const p95 = percentile(seq, 95)
  const rps = concurrent.length / ((t2 - t1) / 1000)
  const invariants = [
    `one at a time: median ${median.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms over ${seq.length} reports (target median < ${TARGET_MEDIAN_MS} ms)`,
    `${concurrency} at once: ${rps.toFixed(1)} reports/s, p50 ${percentile(conc, 50).toFixed(0)} ms, p95 ${percentile(conc, 95).toFixed(0)} ms over ${conc.length} reports (target ≥ ${TARGET_RPS}/s)`,
    `targets ${median < TARGET_MEDIAN_MS && rps >= TARGET_RPS ? 'met' : 'NOT met'} (informational: depends on the machine and its load)`,
  ]
  process.stderr.write(`  basic-report PDF: ${invariants.join('; ')}\n`)
  const seconds = (t2 - t0) / 1000
  return {
    rps,
    p50: median,
    p90: percentile(seq, 90),
    p99: percentile(seq, 99),
    max: seq.at(-1) ?? 0,
    errors,
    timeouts: 0,
    non2xx: Object.entries(codes).reduce((n, [c, k]) => (Number(c) >= 200 && Number(c) < 300 ? n : n + k), 0),
    unexpected,
    codes,
    serverCpu: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / seconds : undefined,
    benchCpu: (bench.user + bench.system) / 1e6 / seconds,
    invariants,
    // Errors and wrong answers fail the bench; missed speed targets are reported, not failed.
    ok: errors === 0 && unexpected === 0,
  }
}
