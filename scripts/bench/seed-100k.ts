/**
 * Shared by the 100k PostgreSQL benches (queue-100k.ts, rescore-100k.ts): a throw-away database on
 * the local server with the real migrations, and a bulk seed of N businesses with one assessment,
 * one submission, one current risk score and the queue's review row each (generate_series, so
 * 100,000 rows take seconds). The submission snapshot is one JSON for every row unless the caller
 * varies it afterwards.
 */
import pg from 'pg'
import { openDatabase, type DatabaseHandle } from '#src/db/client.ts'

export const ADMIN_URL = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'

export type BenchDatabase = { name: string; url: string; handle: DatabaseHandle; client: pg.Client; drop(): Promise<void> }

/** Creates and migrates `<prefix>_<pid>`; `drop()` closes every connection and drops it (unless keep). */
export async function createBenchDatabase(prefix: string, opts: { keep?: boolean } = {}): Promise<BenchDatabase> {
  const name = `${prefix}_${process.pid}`
  const url = new URL(ADMIN_URL)
  url.pathname = `/${name}`
  const admin = new pg.Client({ connectionString: ADMIN_URL })
  await admin.connect()
  await admin.query(`drop database if exists ${name}`)
  await admin.query(`create database ${name}`)
  let handle: DatabaseHandle | undefined
  let client: pg.Client | undefined
  const drop = async () => {
    await client?.end().catch(() => {})
    await handle?.close().catch(() => {})
    if (opts.keep) console.log(`kept database ${name}`)
    else await admin.query(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
  try {
    handle = await openDatabase({ kind: 'postgres', url: url.toString() })
    await handle.migrate()
    client = new pg.Client({ connectionString: url.toString() })
    await client.connect()
    return { name, url: url.toString(), handle, client, drop }
  } catch (e) {
    await drop()
    throw e
  }
}

const PROVINCES = ['กรุงเทพมหานคร', 'เชียงใหม่', 'ขอนแก่น', 'ชลบุรี', 'ภูเก็ต', 'สงขลา', 'นครราชสีมา', 'อุดรธานี', 'สุราษฎร์ธานี', 'ระยอง', 'นนทบุรี', 'ปทุมธานี', 'สมุทรปราการ', 'เชียงราย', 'พิษณุโลก', 'ตาก', 'หนองคาย', 'นครปฐม', 'อยุธยา', 'ลำปาง']
const WORDS = ['ทอง', 'เพชร', 'รุ่งเรือง', 'มั่งมี', 'ศรีสุข', 'เจริญ', 'สยาม', 'พัฒนา', 'ไทย', 'อัญมณี', 'ยนต์', 'ทรัพย์', 'นคร', 'ชัย', 'มงคล', 'แสง', 'ดาว', 'ฟ้า', 'ภูมิ', 'วัฒนา']

const sqlList = (xs: readonly string[]) => `array[${xs.map((x) => `'${x}'`).join(',')}]`

/** A minimal snapshot: enough for the queue (which never reads answers), not for scoring. */
const TINY_SNAPSHOT = { definitionVersion: 'v1', cycleCode: '2569', answers: { A01: 'x' }, attachments: [], declarant: { name: 'นายทดสอบ', position: 'กรรมการ' } }

/**
 * Cycle 2569 (questionnaire v1), 20 examiners, N businesses each with an assessment (mixed
 * statuses), submission version 1 with `snapshot`, a current v1 risk score (mixed bands, a few
 * flags) and the queue's stored rating; every 20th assessment is assigned, every 200th overridden.
 * `vary` is a SQL expression of `snap` (the snapshot as jsonb) and `n` (1…N) giving row n's snapshot.
 */
export async function seedBusinesses(client: pg.Client, n: number, opts: { snapshot?: object; vary?: string } = {}): Promise<void> {
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
      from generate_series(1, ${n}) g) s`)
  await client.query(`
    insert into assessments (id, entity_id, cycle_id, status, submitted_versions)
    select gen_random_uuid(), e.id, c.id,
      (array['submitted','submitted','submitted','accepted','returned'])[1 + (row_number() over (order by e.juristic_id))::int % 5], 1
    from reporting_entities e cross join assessment_cycles c`)
  await client.query(`
    insert into submissions (id, assessment_id, entity_id, cycle_id, version, receipt_ref, submitted_at, declarant_name, declarant_position, definition_version, snapshot, snapshot_sha256, idempotency_key)
    select gen_random_uuid(), a.id, a.entity_id, a.cycle_id, 1, 'AMRAC-2569-' || lpad(n::text, 6, '0'),
      timestamptz '2026-10-01T00:00:00Z' + (n * interval '90 seconds'), 'นายทดสอบ', 'กรรมการ', 'v1', ${opts.vary ?? 'snap'}, md5(n::text), 'bench-' || n
    from (select a.*, row_number() over (order by a.id) n, $1::jsonb snap from assessments a) a`, [JSON.stringify(opts.snapshot ?? TINY_SNAPSHOT)])
  const score = JSON.stringify({ rulesetVersion: 'v1', definitionVersion: 'v1', asOf: '2026-11-01', previousSubmissionId: null, factors: [], irs: 2, inherentBand: 'medium_low', controls: [], cePercent: 60, controlBand: 'adequate', matrixBand: 'medium_low', residualBand: 'medium_low', automaticFloors: [], flags: [] })
  await client.query(`
    insert into risk_scores (submission_id, entity_id, cycle_id, ruleset_version, residual_band, inherent_band, control_band, irs, ce_percent, flags_count, flag_codes, as_of, score, computed_at, is_current)
    select s.id, s.entity_id, s.cycle_id, 'v1', b, b, 'adequate', 2, 60, (n % 7) / 3, '[]'::jsonb, date '2026-11-01', $1::text, s.submitted_at, true
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
  console.log(`seeded ${n} businesses in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}
