/**
 * Bench (issue 6, "Performance"): the staff review queue with 100,000 businesses, one submission
 * each, in PostgreSQL. Creates a throw-away database on the local server, runs the real migrations,
 * bulk-inserts the registry, assessments, submissions, current risk scores and some review rows
 * with generate_series, then times the queue (count + page, exactly as listReviewQueue runs them)
 * for the common filters: 50 runs each → p50 / p95, plus one EXPLAIN ANALYZE per query with --explain.
 * Drops the database at the end.
 *
 *   node --import tsx scripts/bench/queue-100k.ts [--rows 100000] [--explain] [--keep]
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import type { Actor } from '#src/identity/permissions.ts'
import { listReviewQueue, type QueueCriteria } from '#src/review/list-review-queue.ts'
import { queueRows, countQueue, type QueueFilter } from '#src/review/review.repo.ts'
import { createBenchDatabase, seedBusinesses } from './seed-100k.ts'

const arg = (name: string) => process.argv.includes(`--${name}`)
const rowsArg = process.argv.indexOf('--rows')
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 100_000
const RUNS = 50

const CASES: [string, Partial<QueueCriteria>, number][] = [
  ['no filter', {}, 1],
  ['status=returned', { status: 'returned' }, 1],
  ['business type', { businessType: '__TYPE__' }, 1],
  ['province=เชียงใหม่', { province: 'เชียงใหม่' }, 1],
  ['rating=high', { rating: 'high' }, 1],
  ['flags=yes', { flags: 'yes' }, 1],
  ["name 'ทอง'", { search: { kind: 'name', text: 'ทอง' } }, 1],
  ['juristic prefix 010500512', { search: { kind: 'juristic', digits: '010500512' } }, 1],
  ['sort name asc', { sort: 'name', dir: 'asc' }, 1],
  ['sort rating desc', { sort: 'rating', dir: 'desc' }, 1],
  ['page 10', {}, 10],
  ['province + rating + type', { province: 'เชียงใหม่', rating: 'medium_low', businessType: '__TYPE__' }, 1],
]

const p = (xs: number[], q: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!

async function main() {
  const bench = await createBenchDatabase('amrac_queue_bench', { keep: arg('keep') })
  const { handle, client } = bench
  try {
    await seedBusinesses(client, N)
    const type = (await client.query<{ t: string }>('select primary_business_type t from reporting_entities limit 1')).rows[0]!.t
    const actor: Actor = { kind: 'user', id: (await client.query<{ id: string }>("select id from users where username = 'bench_examiner_1'")).rows[0]!.id, role: 'examiner', entityId: null, displayName: 'bench' }
    const cycleId = (await client.query<{ id: string }>('select id from assessment_cycles')).rows[0]!.id
    const deps = { database: handle, clock: { now: () => new Date('2026-12-01T00:00:00Z') } }
    console.log('| query | rows | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |')
    for (const [label, partial, page] of CASES) {
      const criteria = { sort: 'submitted', dir: 'desc', ...JSON.parse(JSON.stringify(partial).replace("__TYPE__", type)) } as QueueCriteria
      let total = 0
      const times: number[] = []
      for (let i = 0; i < RUNS + 3; i++) {
        const t0 = performance.now()
        const r = await listReviewQueue(deps as never, { actor, criteria, page })
        const ms = performance.now() - t0
        total = r.total
        if (i >= 3) times.push(ms) // 3 warm-up runs
      }
      console.log(`| ${label} | ${total} | ${p(times, 0.5).toFixed(1)} | ${p(times, 0.95).toFixed(1)} |`)
      if (arg('explain')) {
        const filter = { ...criteria, cycleId, assignee: undefined } as QueueFilter
        const now = deps.clock.now()
        const { sql: rowsSql, params } = await queueSql(handle.db, filter, now, page)
        const plan = await client.query(`explain (analyze, buffers off) ${rowsSql}`, params)
        console.log(plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n'))
      }
    }
  } finally {
    await bench.drop()
  }
}

/** The SQL of the page query (for EXPLAIN): drizzle's `toSQL()` of the same builder. */
async function queueSql(db: Parameters<typeof queueRows>[0], f: QueueFilter, now: Date, page: number) {
  let captured: { sql: string; params: unknown[] } | undefined
  const spy = new Proxy(db, {
    get(target, prop, recv) {
      if (prop !== 'select') return Reflect.get(target, prop, recv)
      return (...a: unknown[]) => wrap((target as unknown as { select: (...x: unknown[]) => unknown }).select(...a))
    },
  })
  function wrap(q: unknown): unknown {
    return new Proxy(q as object, {
      get(target, prop, recv) {
        if (prop === 'then') {
          captured = (target as { toSQL(): { sql: string; params: unknown[] } }).toSQL()
          return (resolve: (v: unknown) => void) => resolve([])
        }
        const v = Reflect.get(target, prop, recv)
        return typeof v === 'function' ? (...a: unknown[]) => wrap(v.apply(target, a)) : v
      },
    })
  }
  await queueRows(spy, f, now, { limit: 50, offset: (page - 1) * 50 })
  void countQueue
  return captured!
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
