/**
 * The deadline rush (issue 4): N different businesses each submit their complete assessment, over
 * C connections at once.
 *
 * Preparation, not timed: with the server stopped, N businesses with one active entity user and a
 * complete draft each (assessment-data.ts); then each user signs in through the real pages and
 * opens the submit page, which gives its CSRF token and idempotency key (as a browser would) and
 * must show no problems. Measured: the N `POST /portal/assessments/2569/submit` (declaration
 * included), fired by C workers over C keep-alive connections, each request timed on its own;
 * expected 303 → /portal/receipts/AMRAC-2569-NNNNNN. Then, with the server stopped again, the
 * database is checked: exactly N submissions, N distinct receipt numbers 1..N without gaps, no
 * business with none ("lost") or with two ("duplicate"), and each business's receipt the one its
 * response pointed to.
 */
import os from 'node:os'
import { BENCH_PASSWORD, CYCLE, pool, prepareRush, rushUser, verifyRush } from './assessment-data.ts'
import { Browser, TimeoutError, form, inputValue, keepAliveAgent, request } from './http-client.ts'
import type { CustomRun, RunContext } from './scenarios.ts'

const SUBMIT = `/portal/assessments/${CYCLE}/submit`
const RECEIPT = new RegExp(`^/portal/receipts/(AMRAC-${CYCLE}-\\d{6})$`)

/** A submit that has no answer after this long counts as an error (autocannon scenarios use 10 s). */
const TIMEOUT_MS = 60_000

type Ready = { username: string; cookie: string; body: string }

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!
}

export async function deadlineRush(ctx: RunContext, businesses: number): Promise<CustomRun> {
  await ctx.offline((database) => prepareRush(database, businesses))

  // Sign every user in and open the submit page: argon2 runs one per core on the server, so a few more workers than cores.
  let t0 = performance.now()
  const prepAgent = keepAliveAgent(os.availableParallelism() * 2)
  const ready: Ready[] = new Array<Ready>(businesses)
  await pool(businesses, os.availableParallelism() * 2, async (i) => {
    const username = rushUser(i)
    const b = new Browser(prepAgent, ctx.baseUrl)
    await b.signIn(username, BENCH_PASSWORD)
    const page = await b.get(SUBMIT)
    const csrf = inputValue(page.body, '_csrf')
    const key = inputValue(page.body, 'idempotencyKey')
    if (page.status !== 200 || !csrf || !key || page.body.includes('class="error-summary')) {
      throw new Error(`the submit page of ${username} is not ready to submit (status ${page.status}); is the draft complete?`)
    }
    ready[i] = { username, cookie: b.cookie, body: form({ _csrf: csrf, idempotencyKey: key, name: 'นายสมชาย ทองดี', position: 'กรรมการผู้จัดการ', confirm: 'yes' }) }
  })
  prepAgent.destroy()
  process.stderr.write(`  rush: ${businesses} users signed in, submit pages opened in ${Math.round(performance.now() - t0)} ms\n`)

  // The rush.
  const agent = keepAliveAgent(ctx.connections)
  const latencies: number[] = []
  const codes: Record<string, number> = {}
  const answered = new Map<string, string | undefined>()
  let errors = 0
  let timeouts = 0
  const errorKinds = new Set<string>()
  let unexpected = 0
  const cpuBefore = ctx.serverCpuSeconds()
  const benchBefore = process.cpuUsage()
  t0 = performance.now()
  await pool(businesses, ctx.connections, async (i) => {
    const r = ready[i]!
    const start = performance.now()
    try {
      const res = await request(agent, ctx.baseUrl + SUBMIT, {
        method: 'POST',
        headers: { cookie: r.cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: r.body,
        timeoutMs: TIMEOUT_MS,
      })
      latencies.push(performance.now() - start)
      codes[res.status] = (codes[res.status] ?? 0) + 1
      const ref = RECEIPT.exec(res.location ?? '')?.[1]
      if (res.status !== 303 || !ref) unexpected++
      answered.set(r.username, ref)
    } catch (e) {
      errors++
      if (e instanceof TimeoutError) timeouts++
      errorKinds.add((e as Error).message.replace(/https?:\/\/\S+/g, 'URL'))
      answered.set(r.username, undefined)
    }
  })
  const seconds = (performance.now() - t0) / 1000
  const cpuAfter = ctx.serverCpuSeconds()
  const bench = process.cpuUsage(benchBefore)
  agent.destroy()

  const check = await ctx.offline((database) => verifyRush(database, answered))
  const sorted = [...latencies].sort((a, b) => a - b)
  const invariants = [
    `${check.submissions} submissions for ${businesses} businesses`,
    `${check.distinctRefs} distinct receipt refs, ${check.gaps} gaps in 1..${check.submissions}`,
    `lost ${check.lost}`,
    `duplicate ${check.duplicates}`,
    `receipt differs from the response: ${check.mismatched}`,
  ]
  if (errorKinds.size) invariants.push(`errors: ${[...errorKinds].join('; ')}`)
  const ok =
    check.submissions === businesses && check.distinctRefs === businesses && check.gaps === 0 && check.lost === 0 && check.duplicates === 0 && check.mismatched === 0
  process.stderr.write(`  rush: ${businesses} submits in ${seconds.toFixed(1)} s, p50 ${percentile(sorted, 50).toFixed(0)} ms, p99 ${percentile(sorted, 99).toFixed(0)} ms; ${invariants.join('; ')}\n`)
  return {
    rps: businesses / seconds,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? 0,
    errors,
    timeouts,
    non2xx: Object.entries(codes).reduce((n, [c, k]) => (Number(c) >= 200 && Number(c) < 300 ? n : n + k), 0),
    unexpected,
    codes,
    serverCpu: cpuBefore !== undefined && cpuAfter !== undefined ? (cpuAfter - cpuBefore) / seconds : undefined,
    benchCpu: (bench.user + bench.system) / 1e6 / seconds,
    invariants,
    ok,
  }
}
