/**
 * Entry point: env → lock + open DB → migrate → (seed an empty embedded DB) → buildApp → listen.
 * SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the DB, release the lock.
 *
 * On PostgreSQL the server runs as WEB_CONCURRENCY processes (node:cluster, default one per core;
 * docs/decisions/0010-server-processes.md): the primary migrates once, then starts the workers,
 * which share the port; worker 0 also runs the background jobs (mail, sweeps, reminders, audit
 * sealing). A worker that dies is replaced; SIGTERM stops them all. PGlite: one process, as before.
 * `npm start` runs this as the bundle dist/server.mjs (scripts/build-server.mjs); dev, tests and
 * the browser suite run it through tsx. Read files beside a module via import.meta.url only.
 */
import cluster from 'node:cluster'
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
import { onAnnouncement, relayAnnouncements } from '#src/platform/process-messages.ts'
import { loadPublishedQuestionnaireVersions } from '#src/questionnaire/versions/load-published-questionnaire-versions.ts'
import { createPdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { buildApp } from './app.ts'

const startedAt = performance.now()

function fail(message: string): never {
  process.stderr.write(`\nAMRAC could not start:\n${message}\n\n`)
  process.exit(1)
}

/** Log lines before (or outside) the app's logger: the same JSON lines as pino writes. */
const bootLog = {
  info: (obj: unknown, msg?: string) => process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), pid: process.pid, msg, ...(obj as object) })}\n`),
  warn: (obj: unknown, msg?: string) => process.stderr.write(`${JSON.stringify({ level: 40, time: Date.now(), pid: process.pid, msg, ...(obj as object) })}\n`),
  error: (obj: unknown, msg?: string) => process.stderr.write(`${JSON.stringify({ level: 50, time: Date.now(), pid: process.pid, msg, ...(obj as object) })}\n`),
}

async function openAndMigrate(config: Config, migrate: boolean): Promise<DatabaseHandle> {
  let database: DatabaseHandle
  try {
    // The app's logger does not exist yet: pool errors (a PostgreSQL restart) go out as JSON lines too.
    database = await openDatabase(config.database, bootLog)
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message)
    fail(`Could not open the database (${config.database.kind}): ${(e as Error).message}`)
  }
  if (!migrate) return database
  try {
    await database.migrate()
  } catch (e) {
    await database.close()
    fail(`Database migrations failed: ${(e as Error).message}`)
  }
  return database
}

/** Restarts allowed within a minute before the primary gives up (a worker that cannot start at all). */
const MAX_RESTARTS_PER_MINUTE = 5

/**
 * The primary of a cluster: migrates once, starts `config.workers` server processes, replaces one
 * that dies (unless they keep dying), passes announcements between them, and on SIGTERM/SIGINT
 * asks each to finish its requests and stop.
 */
async function startPrimary(config: Config) {
  const database = await openAndMigrate(config, true)
  await database.close()
  relayAnnouncements()
  const alive = new Map<number, number>() // cluster worker id → AMRAC_WORKER_INDEX
  const restarts: number[] = []
  let closing = false
  let ready = false
  let exitCode = 0
  const fork = (index: number) => alive.set(cluster.fork({ AMRAC_WORKER_INDEX: String(index) }).id, index)
  const stopAll = (code: number) => {
    if (closing) return
    closing = true
    exitCode = code
    if (alive.size === 0) process.exit(code)
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
    setTimeout(() => {
      bootLog.error({}, 'server processes took longer than 15 s to stop; exiting')
      process.exit(1)
    }, 15_000).unref()
  }
  cluster.on('listening', () => {
    if (ready) return
    ready = true
    bootLog.info({ url: config.baseUrl, database: config.database.kind, workers: config.workers, startupMs: Math.round(performance.now() - startedAt) }, 'AMRAC is ready')
  })
  cluster.on('exit', (worker, code, signal) => {
    const index = alive.get(worker.id) ?? 0
    alive.delete(worker.id)
    if (closing || code === 0) {
      // Stopping (or a worker that stopped cleanly on a signal sent to the whole process group).
      if (alive.size === 0) process.exit(closing ? exitCode : 0)
      return
    }
    const now = Date.now()
    restarts.push(now)
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift()
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      bootLog.error({ worker: index, code, signal }, 'server processes keep stopping; giving up')
      stopAll(1)
      return
    }
    bootLog.error({ worker: index, code, signal }, 'a server process stopped unexpectedly; starting another')
    // Not unref'd: when every worker died at once this timer is all that keeps the primary alive.
    setTimeout(() => {
      if (!closing) fork(index)
    }, 1_000)
  })
  process.on('SIGTERM', () => stopAll(0))
  process.on('SIGINT', () => stopAll(0))
  for (let i = 0; i < config.workers; i++) fork(i)
}

async function start() {
  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message)
    throw e
  }
  if (cluster.isPrimary && config.workers > 1) return startPrimary(config)
  // A cluster worker (index 0 runs the jobs) or the only process; the primary has migrated already.
  const workerIndex = cluster.isWorker ? Number(process.env.AMRAC_WORKER_INDEX ?? 0) : 0
  const runsJobs = workerIndex === 0
  const database = await openAndMigrate(config, !cluster.isWorker)

  const files = createLocalFileStore(path.join(config.dataDir, 'files'))
  const deps = { config, database, clock: systemClock, pdf: createPdfRenderer({ executablePath: config.chromiumPath }), files }
  const app = await buildApp(deps)
  // A questionnaire version published through another server process: load it here too.
  onAnnouncement('questionnaire-published', async () => void (await loadPublishedQuestionnaireVersions(deps)), (err) =>
    app.log.warn({ err: { message: err.message } }, 'could not load newly published questionnaire versions'),
  )
  // Uploads cut off by a crash or restart leave .part files. With PostgreSQL several instances may
  // share the store, so spare files young enough to belong to an upload still in progress.
  const swept = runsJobs ? await sweepPartialUploads(files, { olderThanMs: config.database.kind === 'pglite' ? 0 : 10 * 60_000 }) : 0
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

  // The process that sends the e-mails (whose receipts and forms are PDFs) loads the browser
  // driver before it takes requests: compiling it blocks the event loop for a few hundred ms.
  if (runsJobs) {
    await import('playwright-core').catch((err: Error) => app.log.warn({ err: { message: err.message } }, 'PDF browser driver did not load; PDFs will fail until it does'))
  }
  try {
    await app.listen({ port: config.port, host: config.host })
  } catch (e) {
    await database.close()
    fail(`Could not listen on ${config.host}:${config.port}: ${(e as Error).message}`)
  }
  if (cluster.isWorker) app.log.info({ worker: workerIndex, jobs: runsJobs }, 'server process ready')
  else app.log.info({ url: config.baseUrl, database: database.kind, startupMs: Math.round(performance.now() - startedAt) }, 'AMRAC is ready')
  // Load the password dictionaries now, not on the first registration (~1 s).
  setTimeout(warmPasswordChecker, 1_000).unref()
  if (!runsJobs) return
  // The receipt and registration e-mails carry PDFs: start the PDF browser now, not when the first
  // e-mail of a busy moment (a deadline rush) needs it (~1 s of CPU in Chromium's processes).
  deps.pdf.render('<!doctype html><p>AMRAC</p>').catch((err: Error) => app.log.warn({ err: { message: err.message } }, 'PDF renderer did not start; it will be tried again on the first PDF'))
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
    runDueEscalations(deps, { now: deps.clock.now() })
      .then((outcome) => {
        // A case that failed was rolled back and is tried again next hour; say which.
        if (outcome.failed.length) app.log.warn({ failed: outcome.failed, cases: outcome.cases, steps: outcome.steps }, 'case escalations failed for some cases')
      })
      .catch((err: Error) => app.log.warn({ err: { message: err.message } }, 'case escalations failed'))
  }, 60 * 60_000)
  caseReminders.unref()
  // The audit hash chain is sealed off the write path (docs/decisions/0008-audit-hash-chain.md).
  if (config.auditSealIntervalMs > 0) auditSealer = startAuditSealer(deps, { intervalMs: config.auditSealIntervalMs, log: app.log })
}

void start()
