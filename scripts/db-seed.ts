/**
 * `npm run seed` — migrates the configured database and seeds the business registry.
 *
 *   npm run seed                             the demo registry (60 businesses) and, on the embedded
 *                                            database, the demo accounts (PostgreSQL: add --demo-accounts;
 *                                            never when NODE_ENV=production)
 *   npm run seed -- --businesses 100000      a registry of that size (demo businesses included)
 *   options: --seed <n> (generator seed), --batch-size <n> (rows per INSERT, default 1000)
 *
 * Idempotent: businesses whose juristic ID already exists are skipped, so running it twice adds
 * nothing. With the embedded database it takes the data-directory lock and refuses to run while
 * the app (or anything else) has the directory open.
 */
import { parseArgs } from 'node:util'
import { countRows, openDatabase, type DatabaseHandle } from '#src/db/client.ts'
import { DataDirLockedError } from '#src/db/data-dir-lock.ts'
import { DEFAULT_REGISTRY_SEED, generateRegistry } from '#src/db/seed/registry-generator.ts'
import { DEFAULT_SEED_BATCH_SIZE, DEMO_BUSINESS_COUNT, insertRegistryRows } from '#src/db/seed/seed.ts'
import { seedDemoAccounts } from '#src/db/seed/demo-accounts.ts'
import { seedDemoCycle } from '#src/db/seed/demo-cycle.ts'
import { ConfigError, loadConfig, type Config } from '#src/platform/config.ts'

const USAGE = 'usage: npm run seed -- [--businesses <count>] [--seed <n>] [--batch-size <n>] [--demo-accounts]'
const started = performance.now()
const seconds = (from: number) => `${((performance.now() - from) / 1000).toFixed(1)} s`
const n = (v: number) => v.toLocaleString('en-US')

function fail(message: string): never {
  process.stderr.write(`\nnpm run seed: ${message}\n\n`)
  process.exit(1)
}

function intOption(value: string | undefined, name: string, fallback: number, min: number): number {
  if (value === undefined) return fallback
  const v = Number(value.replace(/[_,]/g, ''))
  if (!Number.isSafeInteger(v) || v < min) fail(`--${name} must be an integer ≥ ${min}, got "${value}"\n${USAGE}`)
  return v
}

function describeTarget(config: Config): string {
  if (config.database.kind === 'pglite') return `embedded PGlite at ${config.database.dir}`
  const url = new URL(config.database.url)
  return `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}` // never print credentials
}

async function main() {
  let args: ReturnType<typeof parseArgs>['values']
  try {
    args = parseArgs({
      options: { businesses: { type: 'string' }, seed: { type: 'string' }, 'batch-size': { type: 'string' }, 'demo-accounts': { type: 'boolean' }, help: { type: 'boolean' } },
      strict: true,
    }).values
  } catch (e) {
    fail(`${(e as Error).message}\n${USAGE}`)
  }
  if (args.help) {
    console.log(USAGE)
    return
  }
  const count = intOption(args.businesses as string | undefined, 'businesses', DEMO_BUSINESS_COUNT, 0)
  const seed = intOption(args.seed as string | undefined, 'seed', DEFAULT_REGISTRY_SEED, 0)
  const batchSize = intOption(args['batch-size'] as string | undefined, 'batch-size', DEFAULT_SEED_BATCH_SIZE, 1)

  let config: Config
  try {
    config = loadConfig()
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message)
    throw e
  }

  console.log(`Database: ${describeTarget(config)}`)
  let database: DatabaseHandle
  const opening = performance.now()
  try {
    database = await openDatabase(config.database)
    console.log(`Opened in ${seconds(opening)}`)
  } catch (e) {
    if (e instanceof DataDirLockedError) fail(e.message)
    fail(`could not open the database (${config.database.kind}): ${(e as Error).message}`)
  }

  try {
    let t = performance.now()
    await database.migrate()
    console.log(`Migrations: up to date (${seconds(t)})`)

    const before = await countRows(database.db, 'reporting_entities')
    t = performance.now()
    const rows = await generateRegistry({ count, seed })
    console.log(`Generated ${n(rows.length)} businesses (seed ${seed}) in ${seconds(t)}`)
    t = performance.now()
    let nextReport = 10_000
    const inserted = await insertRegistryRows(database.db, rows, {
      batchSize,
      onBatch: (done, total) => {
        if (done >= nextReport && done < total) {
          console.log(`  … ${n(done)} / ${n(total)} businesses written (${seconds(t)})`)
          nextReport = done + 10_000
        }
      },
    })
    const after = await countRows(database.db, 'reporting_entities')
    console.log(
      `Inserted ${n(inserted)} businesses (${n(rows.length - inserted)} already present) in batches of ${n(batchSize)} in ${seconds(t)}`,
    )
    console.log(`The registry now holds ${n(after)} businesses (was ${n(before)}).`)
    if (!config.isProduction) {
      const cycles = await seedDemoCycle(database.db)
      console.log(cycles ? 'Opened the demo assessment cycle 2569.' : 'The demo assessment cycle 2569 is already open.')
    }
    if (config.isProduction) {
      console.log('NODE_ENV=production: no demo accounts are created.')
    } else if (config.database.kind === 'postgres' && !args['demo-accounts']) {
      console.log('PostgreSQL: demo accounts are created only with --demo-accounts (their password is public).')
    } else {
      const accounts = await seedDemoAccounts(database.db)
      console.log(`Demo accounts: ${accounts} added (password in README.md). Total time ${seconds(started)}.`)
    }
  } catch (e) {
    process.exitCode = 1
    process.stderr.write(`\nnpm run seed failed: ${(e as Error).message}\n`)
  } finally {
    await database.close()
  }
}

await main()
