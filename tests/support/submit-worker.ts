/**
 * A second AMRAC "instance" for src/submissions/submit-race.pg.test.ts: its own process and its own
 * connection pool to the same PostgreSQL database. Submits one assessment `count` times at once
 * (each with its own idempotency key) and prints the receipt references it got, as JSON.
 *   node --import tsx tests/support/submit-worker.ts <database url> <actor json> <count> <key prefix>
 */
import { openDatabase } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { systemClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'

const [url, actorJson, count, prefix] = process.argv.slice(2)
const actor = JSON.parse(actorJson!) as Actor
const database = await openDatabase({ kind: 'postgres', url: url!, poolMax: 5 })
const deps = { database, clock: systemClock, config: { baseUrl: 'https://amrac.example.go.th' } as Config }
try {
  const results = await Promise.all(
    Array.from({ length: Number(count) }, (_, i) =>
      submitAssessment(deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการผู้จัดการ', idempotencyKey: `${prefix}-${i}` }),
    ),
  )
  process.stdout.write(JSON.stringify(results.map((r) => (r.ok ? r.submission.receiptRef : 'problems'))))
} finally {
  await database.close()
}
