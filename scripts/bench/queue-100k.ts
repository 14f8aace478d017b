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
import pg from 'pg'
import { openDatabase } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { listReviewQueue, type QueueCriteria } from '#src/review/list-review-queue.ts'
import { queueRows, countQueue, type QueueFilter } from '#src/review/review.repo.ts'

const arg = (name: string) => process.argv.includes(`--${name}`)
const rowsArg = process.argv.indexOf('--rows')
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 100_000
const RUNS = 50
const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const DB_NAME = `amrac_queue_bench_${process.pid}`
const url = new URL(ADMIN_URL)
url.pathname = `/${DB_NAME}`

const PROVINCES = ['กรุงเทพมหานคร', 'เชียงใหม่', 'ขอนแก่น', 'ชลบุรี', 'ภูเก็ต', 'สงขลา', 'นครราชสีมา', 'อุดรธานี', 'สุราษฎร์ธานี', 'ระยอง', 'นนทบุรี', 'ปทุมธานี', 'สมุทรปราการ', 'เชียงราย', 'พิษณุโลก', 'ตาก', 'หนองคาย', 'นครปฐม', 'อยุธยา', 'ลำปาง']
const WORDS = ['ทอง', 'เพชร', 'รุ่งเรือง', 'มั่งมี', 'ศรีสุข', 'เจริญ', 'สยาม', 'พัฒนา', 'ไทย', 'อัญมณี', 'ยนต์', 'ทรัพย์', 'นคร', 'ชัย', 'มงคล', 'แสง', 'ดาว', 'ฟ้า', 'ภูมิ', 'วัฒนา']

const sqlList = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`

async function seed(client: pg.Client) {
  const t0 = Date.now()
  const { rows: types } = await client.query<{ code: string }>('select code from business_types order by sort_order')
  const typeList = sqlList(types.map((r) => r.code))
  await client.query(`
    insert into users (id, username, username_key, email, email_key, role, first_name, last_name, status)
    select gen_random_uuid(), 'bench_examiner_' || g, 'bench_examiner_' || g, 'bench' || g || '@example.com', 'bench' || g || '@example.com', 'examiner', 'ผู้ตรวจ' || g, 'ทดสอบ', 'active' from generate_series(1, 20) g`)
  await client.query(`
    insert into assessment_cycles (id, code, name_th, name_en, definition_version, opens_at, deadline, period_start, period_end)
    values (gen_random_uuid(), '2569', 'รอบการประเมินปี 2569', 'Assessment cycle 2569', 'v1', '2026-10-01T00:00:00Z', '2027-03-31T00:00:00Z', '2025-10-01', '2026-09-30')`)
  await client.query(`
    insert into reporting_entities (id, juristic_id, name_th, name_en, legal_form, primary_business_type, business_types, address_line, subdistrict, district, province, postcode, name_search)
    select gen_random_uuid(),
      '0105' || lpad((5000000 + g * 7)::text, 9, '0'),
      w1 || w2 || ' ' || g,
      case when g % 3 = 0 then 'Bench Trading ' || g else null end,
      (array['company_limited','limited_partnership','public_company_limited'])[1 + g % 3],
      t, array[t], g || ' ถนนทดสอบ', 'ตำบล', 'อำเภอ', p, '10110',
      lower(w1 || w2 || g)
    from (
      select g,
        (${sqlList(WORDS)})[1 + (g * 31) % ${WORDS.length}] as w1,
        (${sqlList(WORDS)})[1 + (g * 17 / 7) % ${WORDS.length}] as w2,
        (${typeList})[1 + g % ${types.length}] as t,
        (${sqlList(PROVINCES)})[1 + (g * 13) % ${PROVINCES.length}] as p
      from generate_series(1, ${N}) g) s`)
  await client.query(`
    insert into assessments (id, entity_id, cycle_id, status, submitted_versions)
    select gen_random_uuid(), e.id, c.id,
      (array['submitted','submitted','submitted','accepted','returned'])[1 + (row_number() over (order by e.juristic_id))::int % 5], 1
    from reporting_entities e cross join assessment_cycles c`)
  const snapshot = JSON.stringify({ definitionVersion: 'v1', answers: { A01: 'x' }, attachments: [] })
  await client.query(`
    insert into submissions (id, assessment_id, entity_id, cycle_id, version, receipt_ref, submitted_at, declarant_name, declarant_position, definition_version, snapshot, snapshot_sha256, idempotency_key)
    select gen_random_uuid(), a.id, a.entity_id, a.cycle_id, 1, 'AMRAC-2569-' || lpad(n::text, 6, '0'),
      timestamptz '2026-10-01T00:00:00Z' + (n * interval '90 seconds'), 'นายทดสอบ', 'กรรมการ', 'v1', $1::jsonb, md5(n::text), 'bench-' || n
    from (select a.*, row_number() over (order by a.id) n from assessments a) a`, [snapshot])
  const score = JSON.stringify({ rulesetVersion: 'v1', definitionVersion: 'v1', asOf: '2026-11-01', previousSubmissionId: null, factors: [], irs: 2, inherentBand: 'medium_low', controls: [], cePercent: 60, controlBand: 'adequate', matrixBand: 'medium_low', residualBand: 'medium_low', automaticFloors: [], flags: [] })
  await client.query(`
    insert into risk_scores (submission_id, entity_id, cycle_id, ruleset_version, residual_band, inherent_band, control_band, irs, ce_percent, flags_count, score, computed_at, is_current)
    select s.id, s.entity_id, s.cycle_id, 'v1', b, b, 'adequate', 2, 60, (n % 7) / 3, $1::jsonb, s.submitted_at, true
    from (select s.*, row_number() over (order by s.receipt_ref) n,
      (array['low','medium_low','medium_low','medium_high','high'])[1 + (row_number() over (order by s.id))::int % 5] b from submissions s) s`, [score])
  await client.query(`
    insert into assessment_reviews (assessment_id, assignee_user_id, assigned_at, override_rating, updated_at)
    select a.id, (select id from users where username = 'bench_examiner_' || (1 + n % 20)), now(),
      case when n % 10 = 0 then 'high' else null end, now()
    from (select a.id, row_number() over (order by a.id) n from assessments a) a where n % 20 = 0`)
  // The queue's stored copy of the rating in force (what syncQueueRatings keeps for each submission).
  await client.query(`
    insert into assessment_reviews (assessment_id, updated_at, cycle_id, submitted_at, computed_rating, flags_count, effective_rating)
    select a.id, now(), a.cycle_id, s.submitted_at, rs.residual_band, rs.flags_count, rs.residual_band
    from assessments a join submissions s on s.assessment_id = a.id and s.version = a.submitted_versions
    left join risk_scores rs on rs.submission_id = s.id and rs.is_current
    on conflict (assessment_id) do update set cycle_id = excluded.cycle_id, submitted_at = excluded.submitted_at,
      computed_rating = excluded.computed_rating, flags_count = excluded.flags_count,
      effective_rating = coalesce(assessment_reviews.override_rating, excluded.computed_rating)`)
  await client.query('analyze')
  console.log(`seeded ${N} businesses in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

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
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists ${DB_NAME}`)
  await admin.query(`create database ${DB_NAME}`)
  const handle = await openDatabase({ kind: 'postgres', url: url.toString() })
  try {
    await handle.migrate()
    const client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    await seed(client)
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
    await client.end()
  } finally {
    await handle.close()
    if (!arg('keep')) await admin.query(`drop database if exists ${DB_NAME}`)
    else console.log(`kept database ${DB_NAME}`)
    await admin.end()
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
