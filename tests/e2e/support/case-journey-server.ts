/**
 * A private app instance for one run of staff.case-journey.spec.ts (one per project), started by
 * the spec's worker fixture on a free port: src/server/main.ts on a fresh temporary DATA_DIR, like
 * web-server.ts, but with the demo data a supervision case needs before the server starts.
 *
 * Why a private instance: a cycle has ONE approved supervision plan (approvePlan refuses a second),
 * the plan only takes businesses with a rating, and the demo staff enrol their authenticator once
 * per database. Two projects (and other specs) sharing the common app could not each approve a
 * plan, nor sign in as the same supervisor. Here each project gets the demo `supervisor`,
 * `examiner` and `thongdee.admin` of its own database.
 *
 * Before main.ts starts: migrate and seed as main.ts does on an empty database, then the demo gold
 * shop (thongdee.admin's business) answers and submits the 2569 assessment through the real use
 * cases (tests/support/complete-assessment.ts) so it has a rating for the plan. The data directory
 * is deleted when the process exits (Playwright's worker sends SIGTERM at teardown).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { openDatabase } from '#src/db/client.ts'
import { seedDemoAccounts } from '#src/db/seed/demo-accounts.ts'
import { seedDemoCycle } from '#src/db/seed/demo-cycle.ts'
import { seedIfEmpty } from '#src/db/seed/seed.ts'
import { users } from '#src/identity/users.tables.ts'
import { systemClock } from '#src/platform/clock.ts'
import { loadConfig } from '#src/platform/config.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-e2e-case-'))
process.env.DATA_DIR = dataDir
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))

const config = loadConfig()
const database = await openDatabase(config.database)
try {
  await database.migrate()
  await seedIfEmpty(database.db)
  await seedDemoAccounts(database.db)
  await seedDemoCycle(database.db)
  const [owner] = await database.db.select().from(users).where(eq(users.username, 'thongdee.admin')).limit(1)
  if (!owner?.entityId) throw new Error('the demo account thongdee.admin is missing')
  await submitCompleteAssessment({ database, clock: systemClock, config }, { kind: 'user', id: owner.id, role: 'entity_admin', entityId: owner.entityId, displayName: `${owner.firstName} ${owner.lastName}` })
} finally {
  await database.close()
}

await import('#src/server/main.ts')
