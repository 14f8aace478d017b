/**
 * Bench scenarios as data. To add one, append an entry: `setup` runs once before the runs (log in,
 * create a draft, …) against the live server and returns what every request should carry.
 */
import os from 'node:os'
import type { Request } from 'autocannon'
import type { DatabaseHandle } from '#src/db/client.ts'
import { BENCH_PASSWORD, CYCLE, DRAFT_USER, RENDER_USER, prepareDemo, prepareQuestionnaire } from './assessment-data.ts'
import { Browser, form, inputValue, noKeepAlive } from './http-client.ts'
import { deadlineRush } from './rush.ts'
import { BASIC_REPORT_PDF, basicReportPdfRun } from './basic-report-pdf.ts'

export type Target = 'hello' | 'app'

/** What a scenario's setup hands to autocannon: extra headers (e.g. a session cookie), a body, or a request sequence. */
export type Prepared = { headers?: Record<string, string>; body?: string; requests?: Request[] }

/** What the harness will ask of a scenario: its warm-up plus all runs, and the connections used. */
export type Budget = { seconds: number; connections: number }

export type Scenario = {
  name: string
  /** `hello`: the bare Fastify ceiling; `app`: the AMRAC server. */
  target: Target
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  path: string
  /** Statuses that count as success; any other is "unexpected". Default [200]. */
  expect?: number[]
  /** Default: --connections (10). */
  connections?: number
  setup?: (baseUrl: string, budget: Budget) => Promise<Prepared>
  /** Writes the data the scenario needs straight into the database, before the scenarios, with the server stopped. Idempotent. */
  prepare?: (database: DatabaseHandle) => Promise<void>
  /** A custom runner instead of autocannon (runs once, whatever --runs says). */
  run?: (ctx: RunContext) => Promise<CustomRun>
}

/** What the harness gives a custom runner. */
export type RunContext = {
  baseUrl: string
  connections: number
  /** Stops the server, opens its database for `fn`, closes it and starts the server again (PGlite allows one process). */
  offline<T>(fn: (database: DatabaseHandle) => Promise<T>): Promise<T>
  /** CPU seconds used so far by the server process (undefined where /proc is missing). */
  serverCpuSeconds(): number | undefined
}

/** A custom runner's figures, as one autocannon run's, plus the invariants it checked and whether they held. */
export type CustomRun = {
  rps: number
  p50: number
  p90: number
  p99: number
  max: number
  errors: number
  timeouts: number
  non2xx: number
  unexpected: number
  codes: Record<string, number>
  serverCpu?: number
  benchCpu: number
  invariants: string[]
  ok: boolean
}

/** The demo entity administrator (src/db/seed/demo-accounts.ts), seeded into the bench's empty database. */
const DEMO_LOGIN = { identifier: 'thongdee.admin', password: 'amrac-demo-2026' }
/** A demo business (src/db/seed/registry-generator.ts DEMO_BUSINESSES[0]): the search finds exactly one. */
const DEMO_JURISTIC_ID = '0105536900012'

/**
 * Upper bound on successful sign-ins per second: argon2id (m=19 MiB, t=2) takes ~15 ms per
 * verification (stack.md §5) and the server runs at most one per core (passwords.ts), so at most
 * ~67 per core per second; 100 leaves a margin for faster CPUs.
 */
const MAX_LOGINS_PER_CORE_PER_S = 100

/** A signed-out session with its CSRF token, exactly as the sign-in form hands them to a browser. */
async function freshLoginForm(baseUrl: string): Promise<{ cookie: string; token: string }> {
  const res = await fetch(`${baseUrl}/auth/login`)
  const html = await res.text()
  const cookie = res.headers.getSetCookie()[0]?.split(';')[0]
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1]
  if (res.status !== 200 || !cookie || !token) throw new Error(`GET /auth/login gave no session cookie and CSRF token (status ${res.status})`)
  return { cookie, token }
}

/**
 * POST /auth/login: a real, successful sign-in per request — the throttle look-up, the argon2id
 * verification, clearing the failure counter, the audit row and last-login time, and the new
 * session (regenerated: the old one is destroyed, a new one stored). Expected answer: 303 → /portal.
 *
 * Why not one cookie and token for every request: a successful sign-in regenerates the session
 * (no fixation), which destroys the old one and with it the CSRF secret; measured, the 2nd post
 * with the same cookie and token is 403. Posting a WRONG password keeps the session but is no
 * measure either: after 10 failures in 5 minutes per client address (all of the bench is
 * 127.0.0.1) the throttle answers 429 before argon2 runs. Chaining [GET form, POST] in autocannon
 * would mix a cheap GET into every figure (req/s, p50, p99).
 *
 * So: before the runs, setup opens enough signed-out sessions (GET /auth/login, as many as the
 * warm-up and all runs can use at the upper bound above, plus slack) and each request takes the
 * next one in `setupRequest`. Every measured request is then a POST that does the full sign-in,
 * and nothing else is measured. The pool is shared by all connections, the warm-up and the runs;
 * if it ever ran dry the remaining posts go without a session and come back 403, which the table
 * counts as "unexpected" (the scenario fails) instead of quietly measuring something else.
 */
async function loginSetup(baseUrl: string, budget: Budget): Promise<Prepared> {
  const cores = os.availableParallelism()
  // +4 per connection: autocannon builds one request ahead per connection and instance.
  const size = Math.ceil(budget.seconds * cores * MAX_LOGINS_PER_CORE_PER_S) + budget.connections * 4
  const t0 = performance.now()
  const pool: Array<{ cookie: string; token: string }> = []
  let next = 0
  await Promise.all(
    Array.from({ length: 10 }, async () => {
      while (next < size) {
        next++
        pool.push(await freshLoginForm(baseUrl))
      }
    }),
  )
  process.stderr.write(`  login: ${pool.length} signed-out sessions prepared in ${Math.round(performance.now() - t0)} ms\n`)
  const credentials = `identifier=${encodeURIComponent(DEMO_LOGIN.identifier)}&password=${encodeURIComponent(DEMO_LOGIN.password)}`
  let warned = false
  return {
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          const s = pool.pop()
          if (!s && !warned) {
            warned = true
            process.stderr.write('  login: the session pool ran dry; the remaining posts will be 403 (counted as unexpected)\n')
          }
          return {
            ...req,
            headers: { ...req.headers, 'content-type': 'application/x-www-form-urlencoded', ...(s ? { cookie: s.cookie } : {}) },
            body: `_csrf=${encodeURIComponent(s?.token ?? 'none')}&${credentials}`,
          }
        },
      },
    ],
  }
}

/** A bench business user signed in through the real pages; its cookie goes with every request. */
async function signedIn(baseUrl: string, username: string): Promise<Browser> {
  const b = new Browser(noKeepAlive, baseUrl)
  await b.signIn(username, BENCH_PASSWORD)
  return b
}

const ASSESSMENT = `/portal/assessments/${CYCLE}`

/** Part ง page 1 of a complete draft, as its business sees it. */
async function renderSetup(baseUrl: string): Promise<Prepared> {
  const b = await signedIn(baseUrl, RENDER_USER)
  const page = await b.get(`${ASSESSMENT}/part-d/1`)
  if (page.status !== 200) throw new Error(`GET ${ASSESSMENT}/part-d/1 as ${RENDER_USER}: status ${page.status}`)
  return { headers: { cookie: b.cookie } }
}

/**
 * บันทึกแบบร่าง on part ข page 2 with a few whole numbers: parse, validate the page, store the
 * part's answers, the flash in the session; 303 back to the page. The same cookie and form token
 * serve every request (saving a draft does not regenerate the session).
 */
async function saveDraftSetup(baseUrl: string): Promise<Prepared> {
  const b = await signedIn(baseUrl, DRAFT_USER)
  const page = await b.get(`${ASSESSMENT}/part-b/2`)
  const csrf = inputValue(page.body, '_csrf')
  if (page.status !== 200 || !csrf) throw new Error(`GET ${ASSESSMENT}/part-b/2 as ${DRAFT_USER}: status ${page.status}, no CSRF token`)
  return {
    headers: { cookie: b.cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: form({ _csrf: csrf, intent: 'save_draft', B08_total: '12', B08_customerFacing: '5' }),
  }
}

export const scenarios: Scenario[] = [
  { name: 'ceiling: fastify hello-world', target: 'hello', path: '/' },
  { name: 'home page (GET /)', target: 'app', path: '/' },
  { name: 'GET /healthz', target: 'app', path: '/healthz' },
  // Registration step 1, empty: the page and its search form (no session is created).
  { name: 'GET /auth/register (registration page)', target: 'app', path: '/auth/register' },
  // Registration step 1 with a juristic number: checksum, one registry look-up, one result card.
  { name: `GET /auth/register?q=${DEMO_JURISTIC_ID} (registry search)`, target: 'app', path: `/auth/register?q=${DEMO_JURISTIC_ID}`, prepare: prepareDemo },
  { name: 'POST /auth/login (argon2 included)', target: 'app', method: 'POST', path: '/auth/login', expect: [303], setup: loginSetup, prepare: prepareDemo },
  // Questionnaire (issue 4). Target on PostgreSQL: p99 < 100 ms at 50 connections.
  { name: 'render part ง (signed in)', target: 'app', path: `${ASSESSMENT}/part-d/1`, connections: 10, setup: renderSetup, prepare: prepareQuestionnaire },
  { name: 'render part ง (signed in) ×50', target: 'app', path: `${ASSESSMENT}/part-d/1`, connections: 50, setup: renderSetup, prepare: prepareQuestionnaire },
  { name: 'save a draft (part ข page 2)', target: 'app', method: 'POST', path: `${ASSESSMENT}/part-b/2`, expect: [303], setup: saveDraftSetup, prepare: prepareQuestionnaire },
  // ออกรายงานข้อมูลพื้นฐาน as a PDF (issue 5): median/p95 one at a time, reports/s 4 at a time. Targets: median < 150 ms, ≥ 10/s.
  { name: 'basic-report PDF (1 then 4 at once)', target: 'app', path: BASIC_REPORT_PDF, connections: 4, prepare: prepareQuestionnaire, run: (ctx) => basicReportPdfRun(ctx, 4) },
  // 1,000 different businesses submit at once; lost and duplicate submissions must be 0. Target on PostgreSQL: p99 < 1 s.
  { name: 'deadline rush (1,000 businesses submit)', target: 'app', method: 'POST', path: `${ASSESSMENT}/submit`, expect: [303], connections: 50, run: (ctx) => deadlineRush(ctx, 1000) },
]
