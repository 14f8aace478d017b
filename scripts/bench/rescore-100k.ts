/**
 * Bench (issue 6, "rescoring the whole cycle < 30 s"): preview and activate a rescoring of cycle 2569
 * with 100,000 businesses in PostgreSQL. Seeds a throw-away database like queue-100k.ts, but every
 * submission is a complete, realistic answer set (the version 1 gold-shop fixture, with a few
 * numeric answers varied per row so ratings differ), then times `previewRescore` and
 * `activateRescore` (as a supervisor, ruleset v1) and prints seconds, the CPU seconds of this Node
 * process, the CPU seconds of the local PostgreSQL server (all its processes, from /proc) and peak RSS (sampled every 20 ms, plus the process
 * maximum). Checks the result (one new current score per submission, history
 * kept, one audit event, the queue's ratings follow) and drops the database at the end, also on error.
 *
 *   node --import tsx scripts/bench/rescore-100k.ts [--rows 100000] [--keep]
 *   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432/postgres (default)
 */
import fs from 'node:fs'
import os from 'node:os'
import type { Actor } from '#src/identity/permissions.ts'
import { activateRescore } from '#src/scoring/activate-rescore.ts'
import { previewRescore } from '#src/scoring/preview-rescore.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { GOLD_SHOP_ATTACHMENTS, goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { createBenchDatabase, seedBusinesses } from './seed-100k.ts'

const arg = (name: string) => process.argv.includes(`--${name}`)
const rowsArg = process.argv.indexOf('--rows')
const N = rowsArg > 0 ? Number(process.argv[rowsArg + 1]) : 100_000

const SNAPSHOT: SubmissionSnapshot = {
  definitionVersion: 'v1',
  cycleCode: '2569',
  answers: goldShopAnswersV1,
  attachments: GOLD_SHOP_ATTACHMENTS.map((a, i) => ({
    id: a.id,
    partId: a.documentType === 'DBD_CERTIFICATE' || a.documentType === 'SERVICE_REQUEST_SIGNED' ? 'A' : 'C',
    fieldId: null,
    documentType: a.documentType,
    displayName: `${a.documentType.toLowerCase()}.pdf`,
    mediaType: 'application/pdf',
    sizeBytes: 120_000 + i,
    sha256: String(i).repeat(64),
    uploadedAt: '2026-10-15T03:00:00.000Z',
  })),
  declarant: { name: 'นายสมชาย ทองดี', position: 'กรรมการผู้จัดการ' },
}

/** A third have strong controls, a fifth little cash, every 50th a customer on a high-risk list. */
const VARY = `snap || jsonb_build_object('answers', snap->'answers' || jsonb_build_object(
  'D12_cash', case when n % 5 = 0 then 5 else (n * 37) % 101 end,
  'G02_cashPercent', case when n % 5 = 0 then 5 else 65 end,
  'D14_count', n % 40,
  'D05', case when n % 50 = 0 then 1 else 0 end,
  'C7_1', case when n % 3 = 0 then 100 else (n * 13) % 101 end,
  'C8_1', case when n % 3 = 0 then 'yes' else 'no' end,
  'C3_4', case when n % 3 = 0 then 'database' else 'self_declaration' end,
  'C4_3', case when n % 3 = 0 then 'software' else 'amlo_download' end,
  'C5_5', case when n % 3 = 0 then 'all' else 'mostly' end))`

/**
 * CPU seconds used so far by the local PostgreSQL server (every postgres process, with the
 * backends that have exited counted through the postmaster's children); null where /proc or the
 * server is not readable (another machine, another OS).
 */
function postgresCpuSeconds(): number | null {
  try {
    const tick = 100 // USER_HZ on Linux
    let total = 0
    for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      let stat: string
      try {
        stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
      } catch {
        continue
      }
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
      if (!name.startsWith('postgres')) continue
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
      // utime, stime, cutime, cstime are fields 14–17 of /proc/PID/stat (11–14 after the name).
      total += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])
    }
    return total / tick
  } catch {
    return null
  }
}

/** Runs `fn`, sampling RSS every 20 ms (timers run between awaited queries). */
async function measure<T>(label: string, fn: () => Promise<T>): Promise<T> {
  let peak = process.memoryUsage().rss
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20)
  const t0 = performance.now()
  const cpu0 = process.cpuUsage()
  const pg0 = postgresCpuSeconds()
  try {
    return await fn()
  } finally {
    const s = (performance.now() - t0) / 1000
    const cpu = process.cpuUsage(cpu0)
    clearInterval(timer)
    peak = Math.max(peak, process.memoryUsage().rss)
    const pg1 = postgresCpuSeconds()
    const pg = pg0 === null || pg1 === null ? 'n/a' : (pg1 - pg0).toFixed(1)
    console.log(`| ${label} | ${s.toFixed(1)} | ${((cpu.user + cpu.system) / 1e6).toFixed(1)} | ${pg} | ${(peak / 2 ** 20).toFixed(0)} |`)
  }
}

async function main() {
  console.log(`load average: ${os.loadavg().map((x) => x.toFixed(2)).join(' ')} (${os.cpus().length} CPUs)`)
  const bench = await createBenchDatabase('amrac_rescore_bench', { keep: arg('keep') })
  const { handle, client } = bench
  try {
    await seedBusinesses(client, N, { snapshot: SNAPSHOT, vary: VARY })
    const { rows } = await client.query<{ id: string }>(`
      insert into users (id, username, username_key, email, email_key, role, first_name, last_name, status)
      values (gen_random_uuid(), 'bench_supervisor', 'bench_supervisor', 'supervisor@example.com', 'supervisor@example.com', 'supervisor', 'หัวหน้า', 'ทดสอบ', 'active')
      returning id`)
    const actor: Actor = { kind: 'user', id: rows[0]!.id, role: 'supervisor', entityId: null, displayName: 'bench' }
    const deps = { database: handle, clock: { now: () => new Date('2026-12-01T00:00:00Z') } }
    const opts = { actor, cycleCode: '2569', rulesetVersion: 'v1' }
    console.log(`| step (${N} submissions) | seconds | Node CPU s | PostgreSQL CPU s | peak RSS MiB |\n| --- | ---: | ---: | ---: | ---: |`)
    const preview = await measure('previewRescore', () => previewRescore(deps, opts))
    const result = await measure('activateRescore', () => activateRescore(deps, opts))
    console.log(`process max RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`)
    console.log(`preview: scored ${preview.scored}, ${preview.changes.length} would change; activation: scored ${result.scored}, changed ${result.changed}`)

    const check = await client.query<Record<string, string>>(`
      select (select count(*) from risk_scores where is_current) current_rows,
        (select count(*) from risk_scores) all_rows,
        (select count(*) from risk_scores where is_current and computed_by = $1) by_actor,
        (select count(*) from audit_log where action = 'risk.rescored') audits,
        (select count(*) from assessment_reviews ar join assessments a on a.id = ar.assessment_id
           join submissions s on s.assessment_id = a.id and s.version = a.submitted_versions
           join risk_scores rs on rs.submission_id = s.id and rs.is_current
           where ar.computed_rating is distinct from rs.residual_band or ar.flags_count is distinct from rs.flags_count) queue_out_of_step,
        (select string_agg(residual_band || ' ' || c, ', ' order by residual_band) from
           (select residual_band, count(*) c from risk_scores where is_current group by 1) b) bands`, [actor.id])
    const c = check.rows[0]!
    console.log(`check: ${c.current_rows} current rows, ${c.all_rows} rows in all, ${c.by_actor} by the supervisor, ${c.audits} audit event(s), ${c.queue_out_of_step} queue rows out of step; bands now: ${c.bands}`)
    const ok = Number(c.current_rows) === N && Number(c.all_rows) === 2 * N && Number(c.by_actor) === N && Number(c.audits) === 1 && Number(c.queue_out_of_step) === 0 && result.scored === N && preview.changes.length === result.changed
    if (!ok) throw new Error('rescore result check failed')
  } finally {
    await bench.drop()
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
