/**
 * `npm run db:migrate`: applies src/db/migrations to the configured database (DATABASE_URL, or the
 * embedded PGlite in DATA_DIR). The app also migrates at start-up; this is for deploy pipelines.
 * On PGlite it takes the data-directory lock, so it refuses while the app is running.
 */
import { openDatabase } from '#src/db/client.ts'
import { DataDirLockedError } from '#src/db/data-dir-lock.ts'
import { ConfigError, loadConfig } from '#src/platform/config.ts'

async function main() {
  const config = loadConfig()
  const started = performance.now()
  const db = await openDatabase(config.database)
  try {
    await db.migrate()
  } finally {
    await db.close()
  }
  console.log(`migrations applied to ${db.kind} in ${Math.round(performance.now() - started)} ms`)
}

main().catch((e) => {
  if (e instanceof ConfigError || e instanceof DataDirLockedError) console.error(e.message)
  else console.error(`migration failed: ${(e as Error).message}`)
  process.exit(1)
})
