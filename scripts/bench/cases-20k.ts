/**
 * Bench (issue 8, "the inbox must be fast over 20,000 cases": p95 < 200 ms): the staff case inbox
 * in PostgreSQL. Creates a throw-away database on the local server, runs the real migrations,
 * seeds N businesses (seed-100k.ts) and one case each with generate_series (mixed types and
 * statuses, 20 examiners, 5 teams, due dates around today, every 10th unassigned), then times
 * listCases (counts per status + one page, exactly as GET /staff/cases runs it) for the common
 * views and filters: 30 runs each → p50 / p95. Drops the database at the end.
 *
 *   node --import tsx scripts/bench/cases-20k.ts [--rows 20000] [--keep]
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import { CASE_STATUSES, CASE_TYPES } from '#src/cases/case-status.rules.ts'
import { listCases, type CaseCriteria } from '#src/cases/list-cases.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { createBenchDatabase, seedBusinesses } from './seed-100k.ts'

const arg = (name: string) => process.argv.includes(`--${name}`)
const rowsArg = process.argv.indexOf('--rows')
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 20_000
const RUNS = 30
const NOW = new Date('2026-12-01T03:00:00Z')

const CASES: [string, Partial<CaseCriteria>, number][] = [
  ['my open cases', { view: 'mine' }, 1],
  ['my cases, any status', { view: 'mine', status: 'any' }, 1],
  ['all open cases', { view: 'all' }, 1],
  ['all open, page 20', { view: 'all' }, 20],
  ['all open, latest due first', { view: 'all', dir: 'desc' }, 1],
  ['team ทีม 3', { view: 'all', team: 'ทีม 3' }, 1],
  ['overdue (all)', { view: 'all', overdue: true }, 1],
  ['status=fieldwork', { view: 'all', status: 'fieldwork' }, 1],
  ['type=desk_review', { view: 'all', type: 'desk_review' }, 1],
  ['unassigned', { view: 'all', assignee: 'unassigned' }, 1],
  ["name 'ทอง'", { view: 'all', search: { kind: 'name', text: 'ทอง' } }, 1],
  ['juristic prefix 010500500', { view: 'all', search: { kind: 'juristic', digits: '010500500' } }, 1],
]

const p = (xs: number[], q: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!
const sqlList = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`

async function main() {
  const bench = await createBenchDatabase('amrac_cases_bench', { keep: arg('keep') })
  const { handle, client } = bench
  try {
    await seedBusinesses(client, N)
    const t0 = Date.now()
    await client.query(`
      insert into cases (type, status, entity_id, cycle_id, assignee_user_id, team, target_date, due_on, status_changed_at, opened_at, opened_by, updated_at)
      select
        (${sqlList(CASE_TYPES)})[1 + (g * 7) % ${CASE_TYPES.length}],
        s,
        e.id,
        (select id from assessment_cycles limit 1),
        case when g % 10 = 0 then null else ex[1 + (g + 1) % 20] end,
        'ทีม ' || (1 + g % 5),
        date '2027-06-30',
        case when s in ('closed', 'escalated', 'cancelled', 'notified', 'preparation', 'fieldwork', 'follow_up') then null else date '2026-12-01' + ((g * 13) % 120 - 30) end,
        timestamptz '2026-06-01T03:00:00Z' + (g % 180) * interval '1 day',
        timestamptz '2026-06-01T03:00:00Z' + (g % 180) * interval '1 day',
        ex[1],
        timestamptz '2026-06-01T03:00:00Z'
      from (select (row_number() over (order by id))::int g, id from reporting_entities) e
      cross join lateral (select (${sqlList(CASE_STATUSES)})[1 + (e.g * 11) % ${CASE_STATUSES.length}] s) st
      cross join (select array_agg(id order by username) ex from users where username like 'bench_examiner_%') x`)
    await client.query('analyze')
    console.log(`seeded ${N} cases in ${Date.now() - t0} ms`)
    const examiner = (await client.query<{ id: string }>("select id from users where username = 'bench_examiner_1'")).rows[0]!.id
    const actor: Actor = { kind: 'user', id: examiner, role: 'examiner', entityId: null, displayName: 'bench' }
    const deps = { database: handle, clock: { now: () => NOW } }
    console.log('| query | rows | p50 ms | p95 ms |\n| --- | ---: | ---: | ---: |')
    for (const [label, partial, page] of CASES) {
      const criteria = { view: 'all', dir: 'asc', ...partial } as CaseCriteria
      let total = 0
      const times: number[] = []
      for (let i = 0; i < RUNS + 3; i++) {
        const t1 = performance.now()
        const r = await listCases(deps as never, { actor, criteria, page })
        const ms = performance.now() - t1
        total = r.total
        if (i >= 3) times.push(ms) // 3 warm-up runs
      }
      console.log(`| ${label} | ${total} | ${p(times, 0.5).toFixed(1)} | ${p(times, 0.95).toFixed(1)} |`)
    }
  } finally {
    await bench.drop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
