/**
 * Bench (issue 6, "Performance"): the staff dashboard of cycle 2569 with 100,000 businesses in
 * PostgreSQL. Seeds a throw-away database like queue-100k.ts (seed-100k.ts), then makes it look like
 * a real cycle: 10% of the businesses have not started it (no assessment), 1% are inactive,
 * flagged scores carry real flag codes and some approved overrides have expired. Times `getDashboard`
 * exactly as GET /staff/dashboard?cycle=2569 runs it (3 warm-ups, 30 runs → p50 / p95), interleaved
 * with the statement it replaced (BASELINE: the single GROUP BY with four joins) so both are measured
 * under the same load, and prints one EXPLAIN ANALYZE of every statement sent with --explain.
 * Drops the database at the end.
 *
 *   node --import tsx scripts/bench/dashboard-100k.ts [--rows 100000] [--explain] [--keep]
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import pg from 'pg'
import type { Actor } from '#src/identity/permissions.ts'
import { getDashboard } from '#src/insights/get-dashboard.ts'
import { FLAG_CODES } from '#src/scoring/score.model.ts'
import { createBenchDatabase, seedBusinesses } from './seed-100k.ts'

const arg = (name: string) => process.argv.includes(`--${name}`)
const rowsArg = process.argv.indexOf('--rows')
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 100_000
const WARMUPS = 3
const RUNS = 30

/** Before issue 6's rewrite: the whole dashboard in one statement (registry ⟕ assessment ⟕ submission ⟕ score ⟕ review). */
const BASELINE = `
  select e.primary_business_type, e.province, rs.residual_band, ar.override_rating, (ar.override_expires_at is null or ar.override_expires_at > $2) in_force,
    count(*)::int total, count(a.id)::int filed,
    ${FLAG_CODES.map((c) => `count(*) filter (where rs.flags_count > 0 and jsonb_exists(rs.flag_codes, '${c}'))::int`).join(', ')}
  from reporting_entities e
  left join assessments a on a.entity_id = e.id and a.cycle_id = $1 and a.submitted_versions > 0
  left join submissions s on s.assessment_id = a.id and s.version = a.submitted_versions
  left join risk_scores rs on rs.submission_id = s.id and rs.is_current
  left join assessment_reviews ar on ar.assessment_id = a.id
  where e.status = 'active'
  group by 1, 2, 3, 4, 5`

const p = (xs: number[], q: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(q * xs.length) - 1)]!

/**
 * On top of the shared seed (0.9 N filed businesses): 0.1 N businesses that never started the
 * cycle, every 100th business inactive, real flag codes on the flagged scores and expired overrides.
 */
async function shapeCycle(client: pg.Client, nonFilers: number) {
  await client.query(`
    insert into reporting_entities (id, juristic_id, name_th, name_en, legal_form, primary_business_type, business_types, address_line, subdistrict, district, province, postcode, name_search)
    select gen_random_uuid(), '0107' || lpad((5000000 + row_number() over ())::text, 9, '0'), name_th || ' ใหม่', name_en, legal_form, primary_business_type, business_types,
      address_line, subdistrict, district, province, postcode, name_search || 'new'
    from reporting_entities limit ${nonFilers}`)
  await client.query(`update reporting_entities set status = 'inactive' where right(juristic_id, 2) = '00'`)
  const codes = `array[${FLAG_CODES.map((c) => `'${c}'`).join(',')}]`
  // flags_count flags per flagged score, codes skewed towards the first ones.
  await client.query(`
    update risk_scores rs set score = jsonb_set(rs.score::jsonb, '{flags}', (
      select jsonb_agg(jsonb_build_object('code', (${codes})[1 + ((h * k + k * k) % (1 + h % ${FLAG_CODES.length}))], 'messageKey', 'x', 'params', '{}'::jsonb, 'fieldIds', '[]'::jsonb))
      from generate_series(1, rs.flags_count) k, (select hashtext(rs.submission_id::text) & 65535 h) x))::text
    where rs.flags_count > 0`)
  await client.query(`update risk_scores set flag_codes = jsonb_path_query_array(score::jsonb, '$.flags[*].code') where flags_count > 0`)
  // Some approved overrides expired yesterday; their stored copy still shows them (the queue refreshes it lazily).
  await client.query(`update assessment_reviews set override_expires_at = timestamptz '2026-11-30T00:00:00Z' where override_rating is not null and (hashtext(assessment_id::text) % 2) = 0`)
  await client.query(`update assessment_reviews set effective_rating = override_rating where override_rating is not null`)
  await client.query('vacuum analyze')
}

async function main() {
  const bench = await createBenchDatabase('amrac_dashboard_bench', { keep: arg('keep') })
  const { handle, client } = bench
  try {
    const t0 = Date.now()
    await seedBusinesses(client, N - N / 10)
    await shapeCycle(client, N / 10)
    console.log(`shaped the cycle in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
    const supervisor = (await client.query<{ id: string }>(`insert into users (id, username, username_key, email, email_key, role, first_name, last_name, status)
      values (gen_random_uuid(), 'bench_sup', 'bench_sup', 'sup@example.com', 'sup@example.com', 'supervisor', 'หัวหน้า', 'ทดสอบ', 'active') returning id`)).rows[0]!.id
    const actor: Actor = { kind: 'user', id: supervisor, role: 'supervisor', entityId: null, displayName: 'bench' }
    const deps = { database: handle, clock: { now: () => new Date('2026-12-01T00:00:00Z') } }

    // Every statement the dashboard sends through the pool (for EXPLAIN ANALYZE below).
    const sent: { text: string; values: unknown[] }[] = []
    const poolQuery = pg.Pool.prototype.query
    pg.Pool.prototype.query = function (this: pg.Pool, ...a: unknown[]) {
      const q = a[0] as string | { text: string; values?: unknown[] }
      sent.push({ text: typeof q === 'string' ? q : q.text, values: (a[1] as unknown[] | undefined) ?? (typeof q === 'string' ? [] : (q.values ?? [])) })
      return (poolQuery as (...x: unknown[]) => unknown).apply(this, a)
    } as typeof poolQuery

    const cycleId = (await client.query<{ id: string }>('select id from assessment_cycles')).rows[0]!.id
    const times: number[] = []
    const baseline: number[] = []
    let result: Awaited<ReturnType<typeof getDashboard>> | undefined
    for (let i = 0; i < WARMUPS + RUNS; i++) {
      const t0 = performance.now()
      await client.query(BASELINE, [cycleId, deps.clock.now()])
      const t1 = performance.now()
      sent.length = 0
      result = await getDashboard(deps as never, { actor, cycleCode: '2569' })
      if (i >= WARMUPS) {
        baseline.push(t1 - t0)
        times.push(performance.now() - t1)
      }
    }
    pg.Pool.prototype.query = poolQuery
    const d = result!
    console.log(`filed ${d.filing.filed} of ${d.filing.total}; ${d.byType.length} business types, ${d.byProvince.length} provinces; top flags ${d.flags.map((f) => `${f.code}=${f.count}`).join(' ')}`)
    console.log(`baseline statement (${RUNS} runs after ${WARMUPS} warm-ups): p50 ${p(baseline, 0.5).toFixed(1)} ms, p95 ${p(baseline, 0.95).toFixed(1)} ms, max ${Math.max(...baseline).toFixed(1)} ms`)
    console.log(`getDashboard (${RUNS} runs after ${WARMUPS} warm-ups): p50 ${p(times, 0.5).toFixed(1)} ms, p95 ${p(times, 0.95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`)
    if (arg('explain')) {
      for (const q of sent) {
        const plan = await client.query(`explain (analyze, buffers) ${q.text}`, q.values)
        console.log(`\n${q.text.replace(/\s+/g, ' ').slice(0, 160)}…`)
        console.log(plan.rows.map((r: Record<string, string>) => `    ${r['QUERY PLAN']}`).join('\n'))
      }
    }
  } finally {
    await bench.drop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
