/**
 * Entry point: env → lock + open DB → migrate → (seed an empty embedded DB) → buildApp → listen.
 * SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the DB, release the lock.
 * `npm start` runs this as the bundle dist/server.mjs (scripts/build-server.mjs); dev, tests and
 * the browser suite run it through tsx. Read files beside a module via import.meta.url only.
 */
import path from 'node:path'
import { openDatabase, type DatabaseHandle } from '#src/db/client.ts'
import { DataDirLockedError } from '#src/db/data-dir-lock.ts'
import { seedDemoAccounts } from '#src/db/seed/demo-accounts.ts'
import { seedDemoCycle } from '#src/db/seed/demo-cycle.ts'
import { seedIfEmpty } from '#src/db/seed/seed.ts'
import { deleteExpiredSessions } from '#src/identity/sessions.repo.ts'
import { runDueEscalations } from '#src/cases/run-due-escalations.ts'
import { sendCaseReminders } from '#src/cases/send-case-reminders.ts'
import { warmPasswordChecker } from '#src/identity/passwords.ts'
import { createLocalFileStore, sweepPartialUploads } from '#src/documents/local-file-store.ts'
import { startMailWorker, type MailWorker } from '#src/notifications/deliver-pending.ts'
import { startAuditSealer, type AuditSealer } from '#src/audit/seal-audit-chain.ts'
import { systemClock } from '#src/platform/clock.ts'
import { ConfigError, loadConfig, type Config } from '#src/platform/config.ts'
import { createPdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { buildApp } from './app.ts'

const startedAt = performance.now()

function fail(message: string): never {
  process.stderr.write(`\nAMRAC could not start:\n${message}\n\n`)
  process.exit(1)
}

async function start() {
  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message)
    throw e
  }

  let database: DatabaseHandle
  try {
    // The app's logger does not exist yet: pool errors (a PostgreSQL restart) go out as JSON lines too.
    const bootLog = {
      warn: (obj: unknown, msg?: string) => process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), msg, ...(obj as object) })}\n`),
      error: (obj: unknown, msg?: string) => process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), msg, ...(obj as object) })}\n`),
    }
    database = await openDatabase(config.database, bootLog)
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message)
    fail(`Could not open the database (${config.database.kind}): ${(e as Error).message}`)
  }

  try {
    await database.migrate()
  } catch (e) {
    await database.close()
    fail(`Database migrations failed: ${(e as Error).message}`)
  }

  const files = createLocalFileStore(path.join(config.dataDir, 'files'))
  const deps = { config, database, clock: systemClock, pdf: createPdfRenderer({ executablePath: config.chromiumPath }), files }
  const app = await buildApp(deps)
  // Uploads cut off by a crash or restart leave .part files. With PostgreSQL several instances may
  // share the store, so spare files young enough to belong to an upload still in progress.
  const swept = await sweepPartialUploads(files, { olderThanMs: config.database.kind === 'pglite' ? 0 : 10 * 60_000 })
  if (swept) app.log.info({ swept }, 'removed unfinished uploads')

  if (config.database.kind === 'pglite' && config.seedOnEmpty) {
    const seeded = await seedIfEmpty(database.db, { log: app.log })
    if (seeded) {
      const accounts = await seedDemoAccounts(database.db)
      const cycles = await seedDemoCycle(database.db)
      app.log.info({ businesses: seeded, accounts, cycles }, 'seeded the demo business registry and demo accounts into the empty embedded database')
    }
  }

  let mailWorker: MailWorker | undefined = undefined // started after listen
  let sessionSweep: NodeJS.Timeout | undefined = undefined
  let caseReminders: NodeJS.Timeout | undefined = undefined
  let auditSealer: AuditSealer | undefined = undefined
  let closing = false
  const shutdown = async (signal: string) => {
    if (closing) return
    closing = true
    app.log.info({ signal }, 'shutting down: finishing in-flight requests')
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 10 s; exiting')
      process.exit(1)
    }, 10_000)
    force.unref()
    try {
      clearInterval(sessionSweep)
      clearInterval(caseReminders)
      await mailWorker?.stop()
      await auditSealer?.stop()
      await app.close()
    } finally {
      await deps.pdf.close()
      await database.close()
      app.log.info('stopped')
      process.exit(0)
    }
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (e) {
    await database.close()
    fail(`Could not listen on ${config.host}:${config.port}: ${(e as Error).message}`)
  }
  app.log.info(
    { url: config.baseUrl, database: database.kind, startupMs: Math.round(performance.now() - startedAt) },
    'AMRAC is ready',
  )
  // Load the password dictionaries now, not on the first registration (~1 s).
  setTimeout(warmPasswordChecker, 1_000).unref()
  // Outbox delivery (SMTP_URL, else the local mailbox at /dev/mail) after the server is up.
  mailWorker = startMailWorker(deps, { intervalMs: 5_000, log: app.log })
  // Expired session rows are removed every 10 minutes (a failure is retried next time).
  sessionSweep = setInterval(() => {
    deleteExpiredSessions(database.db, deps.clock.now()).catch((err: Error) => app.log.warn({ err: { message: err.message } }, 'session sweep failed'))
  }, 10 * 60_000)
  sessionSweep.unref()
  // Case due-date reminders to businesses and due escalation steps, hourly (each reminder step is mailed once: src/cases/send-case-reminders.ts).
  caseReminders = setInterval(() => {
    sendCaseReminders(deps, { now: deps.clock.now() }).catch((err: Error) => app.log.warn({ err: { message: err.message } }, 'case reminders failed'))
    // Escalation steps due on open cases, taken by the system (src/cases/run-due-escalations.ts; once per case per day).
    runDueEscalations(deps, { now: deps.clock.now() }).catch((err: Error) => app.log.warn({ err: { message: err.message } }, 'case escalations failed'))
  }, 60 * 60_000)
  caseReminders.unref()
  // The audit hash chain is sealed off the write path (docs/decisions/0008-audit-hash-chain.md).
  if (config.auditSealIntervalMs > 0) auditSealer = startAuditSealer(deps, { intervalMs: config.auditSealIntervalMs, log: app.log })
}

void start()
