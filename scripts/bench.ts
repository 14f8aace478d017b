/**
 * `npm run bench [-- --postgres] [--only TEXT] [--duration S] [--connections N] [--runs N]`
 *
 * 1. Ceiling: a bare Fastify hello-world (scripts/bench/hello-server.ts) on this machine.
 * 2. AMRAC start-up as `npm start` runs it (prestart's build check, then node dist/server.mjs): cold
 *    start on an empty data dir (a copy of the PGlite template in .cache; the first run on a
 *    checkout builds it) / fresh PostgreSQL database (migrations + seed) until /readyz answers 200,
 *    then a warm restart on the same data.
 * 3. Every scenario of scripts/bench/scenarios.ts: short warm-up, then N runs; the table shows the
 *    median req/s, p50 and p99 and the totals of non-2xx, unexpected statuses and errors.
 * Writes reports/bench/bench-<database>.json; exits 1 if any scenario had errors or unexpected statuses.
 * Everything runs on 127.0.0.1; every child process is stopped by its PID, also on errors and Ctrl-C.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import autocannon, { type Options, type Result } from 'autocannon'
import pg from 'pg'
import type { DatabaseHandle } from '#src/db/client.ts'
import { databaseTarget, withDatabase } from './bench/assessment-data.ts'
import { scenarios, type Scenario, type Target } from './bench/scenarios.ts'

const ROOT = path.resolve(import.meta.dirname, '..')
const READY_TIMEOUT_MS = 60_000
const COLD_TARGET_MS = 10_000
const WARM_TARGET_MS = 2_000
const WARMUP_S = 2

const { values: args } = parseArgs({
  options: {
    postgres: { type: 'boolean', default: false },
    only: { type: 'string' },
    duration: { type: 'string', default: '5' },
    connections: { type: 'string' },
    runs: { type: 'string', default: '3' },
    help: { type: 'boolean', default: false },
  },
})
if (args.help) {
  console.log('npm run bench -- [--postgres] [--only TEXT] [--duration S=5] [--connections N=10] [--runs N=3]')
  console.log('The ceiling scenario always runs (the ratio column needs it); --only filters the others.')
  process.exit(0)
}

function intArg(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer from ${min} to ${max}`)
  return n
}
const duration = intArg('duration', args.duration, 1, 600)!
const runs = intArg('runs', args.runs, 1, 20)!
const connectionsFlag = intArg('connections', args.connections, 1, 1000)
const database = args.postgres ? 'postgres' : 'pglite'
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

// ---------------------------------------------------------------- child processes

type Child = { name: string; proc: ChildProcess; output: () => string; exited: Promise<number | null> }
const children = new Set<Child>()

/** AMRAC runs as `npm start` runs it: the bundle from scripts/build-server.mjs, not through tsx. */
const APP_ENTRY = 'src/server/main.ts'

/** What `npm start`'s prestart does before the server starts: rebuild dist/ if a source changed. */
function prestart(): void {
  const res = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], { cwd: ROOT, stdio: 'inherit' })
  if (res.status !== 0) throw new Error('scripts/build-server.mjs failed')
}

function startChild(name: string, script: string, env: Record<string, string>): Child {
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") is passed to the server's
  // node, and by node:cluster to its workers: a profile of the server under the bench's load.
  const nodeArgs = script === APP_ENTRY ? (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean) : []
  const proc = spawn(process.execPath, script === APP_ENTRY ? [...nodeArgs, 'dist/server.mjs'] : ['--import', 'tsx', script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let tail = ''
  const keep = (b: Buffer) => {
    tail = (tail + b.toString()).slice(-20_000)
  }
  proc.stdout!.on('data', keep)
  proc.stderr!.on('data', keep)
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  const child: Child = { name, proc, output: () => tail, exited }
  children.add(child)
  void exited.then(() => children.delete(child))
  return child
}

async function stopChild(child: Child): Promise<void> {
  if (child.proc.exitCode !== null || child.proc.signalCode !== null) return
  child.proc.kill('SIGTERM')
  // The app gives itself 10 s to drain; after 12 s it gets SIGKILL.
  const timer = setTimeout(() => child.proc.kill('SIGKILL'), 12_000)
  await child.exited
  clearTimeout(timer)
}

/** Polls `url` until it answers 200; returns ms since `since`. Fails early if the child exits. */
async function waitReady(child: Child, url: string, since: number): Promise<number> {
  const deadline = since + READY_TIMEOUT_MS
  while (performance.now() < deadline) {
    if (child.proc.exitCode !== null || child.proc.signalCode !== null) {
      throw new Error(`${child.name} exited (${child.proc.exitCode ?? child.proc.signalCode}) before ${url} answered:\n${child.output()}`)
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      await res.arrayBuffer()
      if (res.status === 200) return performance.now() - since
    } catch {
      // not listening yet
    }
    await sleep(25)
  }
  throw new Error(`${child.name} did not answer 200 on ${url} within ${READY_TIMEOUT_MS / 1000} s:\n${child.output()}`)
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/** utime + stime of one process and its parent's pid, from /proc (Linux); undefined elsewhere. */
function procStat(pid: number | string): { cpu: number; ppid: number } | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return { cpu: (Number(fields[11]) + Number(fields[12])) / 100, ppid: Number(fields[1]) } // USER_HZ = 100
  } catch {
    return undefined
  }
}

/**
 * CPU seconds used so far by the server: the process and its live children (the server processes
 * of a cluster, WEB_CONCURRENCY > 1). Undefined where /proc is not readable.
 */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined
  const own = procStat(pid)
  if (!own) return undefined
  let total = own.cpu
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    const child = procStat(d)
    if (child?.ppid === pid) total += child.cpu
  }
  return total
}

// ---------------------------------------------------------------- PostgreSQL database

let pgDatabase: string | undefined

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}

async function createPgDatabase(): Promise<string> {
  const name = `amrac_bench_${process.pid}_${randomBytes(4).toString('hex')}`
  await adminQuery(`create database "${name}"`)
  pgDatabase = name
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return url.toString()
}

// ---------------------------------------------------------------- cleanup

let dataDir: string | undefined
let current: { stop(): void } | undefined

async function cleanup(): Promise<void> {
  current?.stop()
  await Promise.all([...children].map(stopChild))
  if (pgDatabase) {
    const name = pgDatabase
    pgDatabase = undefined
    await adminQuery(`drop database if exists "${name}" with (force)`).catch((e: Error) =>
      console.error(`could not drop database ${name}: ${e.message}`),
    )
  }
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
}

process.on('SIGINT', () => {
  console.error('\ninterrupted: stopping child processes')
  void cleanup().finally(() => process.exit(130))
})
// Last resort if something exits the process without cleanup().
process.on('exit', () => {
  for (const c of children) c.proc.kill('SIGKILL')
})

// ---------------------------------------------------------------- measuring

type Run = { rps: number; p50: number; p90: number; p99: number; max: number; errors: number; timeouts: number; non2xx: number; unexpected: number; codes: Record<string, number>; serverCpu?: number; benchCpu: number }

async function measure(opts: Options, seconds: number, serverPid: number | undefined): Promise<Result & { serverCpu?: number; benchCpu: number }> {
  const srvBefore = cpuSeconds(serverPid)
  const benchBefore = process.cpuUsage()
  const instance = autocannon({ ...opts, duration: seconds, timeout: 10 })
  current = instance
  const result = await instance
  current = undefined
  const srvAfter = cpuSeconds(serverPid)
  const bench = process.cpuUsage(benchBefore)
  return {
    ...result,
    serverCpu: srvBefore !== undefined && srvAfter !== undefined ? (srvAfter - srvBefore) / result.duration : undefined,
    benchCpu: (bench.user + bench.system) / 1e6 / result.duration,
  }
}

async function runScenario(s: Scenario, baseUrl: string, serverPid: number | undefined): Promise<Run[]> {
  const connections = connectionsFlag ?? s.connections ?? 10
  const prepared = s.setup ? await s.setup(baseUrl, { seconds: WARMUP_S + runs * duration, connections }) : {}
  const expect = s.expect ?? [200]
  const opts: Options = {
    url: baseUrl + s.path,
    method: s.method ?? 'GET',
    connections,
    headers: prepared.headers,
    body: prepared.body,
    requests: prepared.requests,
  }
  await measure(opts, WARMUP_S, serverPid)
  const out: Run[] = []
  for (let i = 0; i < runs; i++) {
    const r = await measure(opts, duration, serverPid)
    const codes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, v]) => [code, v.count]))
    const unexpected = Object.entries(codes).reduce((n, [code, count]) => (expect.includes(Number(code)) ? n : n + count), 0)
    out.push({
      rps: r.requests.average,
      p50: r.latency.p50,
      p90: r.latency.p90,
      p99: r.latency.p99,
      max: r.latency.max,
      errors: r.errors,
      timeouts: r.timeouts,
      non2xx: r.non2xx,
      unexpected,
      codes,
      serverCpu: r.serverCpu,
      benchCpu: r.benchCpu,
    })
    process.stderr.write(`  ${s.name} run ${i + 1}/${runs}: ${Math.round(r.requests.average)} req/s, p99 ${r.latency.p99} ms\n`)
  }
  return out
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

// ---------------------------------------------------------------- main

type Summary = {
  scenario: string
  params: { target: Target; method: string; path: string; connections: number; duration: number; runs: number; expect: number[] }
  rps: number
  ratio: number | undefined
  p50: number
  p90: number
  p99: number
  max: number
  errors: number
  timeouts: number
  non2xx: number
  unexpected: number
  codes: Record<string, number>
  serverCpu: number | undefined
  benchCpu: number
  runs: Run[]
  invariants: string[]
  pass: boolean
}

async function main(): Promise<number> {
  const selected = scenarios.filter((s) => s.target === 'hello' || !args.only || s.name.toLowerCase().includes(args.only.toLowerCase()))
  const appScenarios = selected.filter((s) => s.target === 'app')
  if (args.only && appScenarios.length === 0) throw new Error(`no scenario matches --only ${JSON.stringify(args.only)}`)

  const env = {
    node: process.version,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    memoryGB: Math.round(os.totalmem() / 2 ** 30),
    database,
    /** Server processes (WEB_CONCURRENCY; default one per core on PostgreSQL, one on PGlite). */
    serverProcesses: database === 'postgres' ? Number(process.env.WEB_CONCURRENCY || os.availableParallelism()) : 1,
    date: new Date().toISOString(),
    /** 1-minute load average at the start: figures from a busy machine are not comparable. */
    loadAverage: Number(os.loadavg()[0]!.toFixed(2)),
  }
  if (env.loadAverage > env.cores / 2) {
    process.stderr.write(`warning: load average ${env.loadAverage} on ${env.cores} cores before the bench: other work will skew the figures\n`)
  }
  const results: Summary[] = []
  let ceiling: number | undefined
  const startup: { coldMs?: number; warmMs?: number; coldTargetMs: number; warmTargetMs: number; seed: boolean } = {
    coldTargetMs: COLD_TARGET_MS,
    warmTargetMs: WARM_TARGET_MS,
    seed: database === 'pglite', // main.ts seeds only an empty embedded database
  }

  const summarise = (s: Scenario, runsOut: Run[], connections: number): Summary => {
    const rps = median(runsOut.map((r) => r.rps))
    const codes: Record<string, number> = {}
    for (const r of runsOut) for (const [c, n] of Object.entries(r.codes)) codes[c] = (codes[c] ?? 0) + n
    const errors = sum(runsOut.map((r) => r.errors))
    const unexpected = sum(runsOut.map((r) => r.unexpected))
    const cpus = runsOut.map((r) => r.serverCpu).filter((x): x is number => x !== undefined)
    return {
      scenario: s.name,
      params: { target: s.target, method: s.method ?? 'GET', path: s.path, connections, duration, runs, expect: s.expect ?? [200] },
      rps,
      ratio: ceiling ? rps / ceiling : undefined,
      p50: median(runsOut.map((r) => r.p50)),
      p90: median(runsOut.map((r) => r.p90)),
      p99: median(runsOut.map((r) => r.p99)),
      max: Math.max(...runsOut.map((r) => r.max)),
      errors,
      timeouts: sum(runsOut.map((r) => r.timeouts)),
      non2xx: sum(runsOut.map((r) => r.non2xx)),
      unexpected,
      codes,
      serverCpu: cpus.length ? median(cpus) : undefined,
      benchCpu: median(runsOut.map((r) => r.benchCpu)),
      runs: runsOut,
      invariants: [],
      pass: errors === 0 && unexpected === 0,
    }
  }

  // 1. Ceiling.
  {
    const port = await freePort()
    const hello = startChild('hello-server', 'scripts/bench/hello-server.ts', { PORT: String(port) })
    try {
      const base = `http://127.0.0.1:${port}`
      await waitReady(hello, base + '/', performance.now())
      for (const s of selected.filter((x) => x.target === 'hello')) {
        process.stderr.write(`${s.name}\n`)
        const summary = summarise(s, await runScenario(s, base, hello.proc.pid), connectionsFlag ?? s.connections ?? 10)
        ceiling ??= summary.rps
        summary.ratio = summary.rps / ceiling
        results.push(summary)
      }
    } finally {
      await stopChild(hello)
    }
  }

  // 2. AMRAC: cold start, warm restart, scenarios.
  if (appScenarios.length > 0) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-bench-'))
    const port = await freePort()
    const appEnv: Record<string, string> = {
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The bench prints PDFs from one address far faster than a person would.
      PDF_RATE_LIMIT_PER_MINUTE: '100000',
      SEED_ON_EMPTY: 'true',
      DATABASE_URL: '', // config treats '' as unset: PGlite unless --postgres
    }
    if (args.postgres) appEnv.DATABASE_URL = await createPgDatabase()
    const base = `http://127.0.0.1:${port}`

    process.stderr.write(`AMRAC cold start (${database}, empty)\n`)
    let t0 = performance.now()
    prestart()
    let app = startChild('AMRAC (cold)', 'src/server/main.ts', appEnv)
    startup.coldMs = Math.round(await waitReady(app, base + '/readyz', t0))
    await stopChild(app)

    process.stderr.write('AMRAC warm restart\n')
    t0 = performance.now()
    prestart()
    app = startChild('AMRAC (warm)', 'src/server/main.ts', appEnv)
    startup.warmMs = Math.round(await waitReady(app, base + '/readyz', t0))
    try {
      // Scenario data written straight into the database (scripts/bench/assessment-data.ts), with the server stopped.
      const offline = async <T>(fn: (database: DatabaseHandle) => Promise<T>): Promise<T> => {
        await stopChild(app)
        try {
          return await withDatabase(databaseTarget(appEnv), fn)
        } finally {
          app = startChild('AMRAC', 'src/server/main.ts', appEnv)
          await waitReady(app, base + '/readyz', performance.now())
        }
      }
      const prepares = [...new Set(appScenarios.flatMap((s) => (s.prepare ? [s.prepare] : [])))]
      if (prepares.length) {
        await offline(async (database) => {
          for (const prepare of prepares) await prepare(database)
        })
      }
      for (const s of appScenarios) {
        process.stderr.write(`${s.name}\n`)
        const connections = connectionsFlag ?? s.connections ?? 10
        if (s.run) {
          const { invariants, ok, ...run } = await s.run({ baseUrl: base, connections, offline, serverCpuSeconds: () => cpuSeconds(app.proc.pid) })
          const summary = summarise(s, [run], connections)
          results.push({ ...summary, params: { ...summary.params, runs: 1 }, invariants, pass: summary.pass && ok })
          continue
        }
        results.push(summarise(s, await runScenario(s, base, app.proc.pid), connections))
      }
    } finally {
      await stopChild(app)
    }
  }

  // 3. Report.
  const envLine = `node ${env.node} · ${env.cores} cores (${env.cpu}) · ${env.memoryGB} GB · database ${database} (${env.serverProcesses} server process${env.serverProcesses === 1 ? '' : 'es'}) · load ${env.loadAverage} · ${env.date}`
  console.log(`\n${envLine}`)
  console.log(`${runs} runs × ${duration} s per scenario after a ${WARMUP_S} s warm-up; req/s, p50, p99, CPU = median of runs; non-2xx, unexpected, errors = sum of runs; CPU in cores (1.00 = one core busy)\n`)
  const fmtMs = (v: number) => (v < 10 ? v.toFixed(1) : String(Math.round(v)))
  const header = ['scenario', 'conns', 'req/s', 'vs ceiling', 'p50 ms', 'p99 ms', 'non-2xx', 'unexpected', 'errors', 'server CPU', 'bench CPU']
  const rows = results.map((r) => [
    r.scenario,
    String(r.params.connections),
    String(Math.round(r.rps)),
    r.ratio === undefined ? '-' : `${r.ratio.toFixed(2)}×`,
    fmtMs(r.p50),
    fmtMs(r.p99),
    String(r.non2xx),
    String(r.unexpected),
    String(r.errors),
    r.serverCpu === undefined ? '-' : r.serverCpu.toFixed(2),
    r.benchCpu.toFixed(2),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)))
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ')
  console.log(line(header))
  console.log(widths.map((w) => '-'.repeat(w)).join('  '))
  for (const row of rows) console.log(line(row))

  if (startup.coldMs !== undefined && startup.warmMs !== undefined) {
    const verdict = (ms: number, target: number) => (ms < target ? 'ok' : 'OVER TARGET')
    const what = startup.seed ? 'migrations + demo seed' : 'migrations; no seed on PostgreSQL'
    console.log(`\nstart-up to /readyz 200: cold (empty ${database}, ${what}) ${Math.round(startup.coldMs)} ms [target < ${COLD_TARGET_MS} ms: ${verdict(startup.coldMs, COLD_TARGET_MS)}]` +
      ` · warm restart ${Math.round(startup.warmMs)} ms [target < ${WARM_TARGET_MS} ms: ${verdict(startup.warmMs, WARM_TARGET_MS)}]`)
  }

  for (const r of results.filter((x) => x.invariants.length)) console.log(`\n${r.scenario}: ${r.invariants.join(' · ')}`)

  const passed = results.filter((r) => r.pass).length
  const failed = results.length - passed
  const outDir = path.join(ROOT, 'reports', 'bench')
  fs.mkdirSync(outDir, { recursive: true })
  const outFile = path.join(outDir, `bench-${database}.json`)
  fs.writeFileSync(outFile, JSON.stringify({ env, params: { duration, runs, connections: connectionsFlag ?? 10, warmupSeconds: WARMUP_S }, startup, scenarios: results, passed, failed }, null, 2) + '\n')
  console.log(`\nwrote ${path.relative(ROOT, outFile)}`)
  for (const r of results.filter((x) => !x.pass)) console.log(`FAILED ${r.scenario}: ${r.errors} errors, ${r.unexpected} unexpected statuses ${JSON.stringify(r.codes)}`)
  console.log(`${passed} passed, ${failed} failed`)
  return failed === 0 ? 0 : 1
}

let code = 1
try {
  code = await main()
} catch (e) {
  console.error(`\nbench failed: ${(e as Error).message}`)
} finally {
  await cleanup()
}
process.exit(code)
