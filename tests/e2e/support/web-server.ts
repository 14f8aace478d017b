/**
 * The app as Playwright's webServer runs it: src/server/main.ts on a fresh temporary DATA_DIR
 * (an empty embedded database, migrated and seeded at start-up), deleted when the process exits.
 * Playwright stops it with SIGTERM (gracefulShutdown in playwright.config.ts); main.ts then closes
 * the database and calls process.exit, which runs the clean-up below.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-e2e-'))
process.env.DATA_DIR = dataDir
process.on('exit', () => fs.rmSync(dataDir, { recursive: true, force: true }))

await import('#src/server/main.ts')
