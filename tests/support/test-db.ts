/**
 * Database harness for *.db.test.ts and *.http.test.ts (house style R25):
 * - PGlite (default): the real migrations run once into a template directory (rebuilt when the
 *   migrations change); each test file gets its own copy, reset between tests.
 * - PostgreSQL: when TEST_DATABASE_URL is set, each test file creates a fresh database, runs the
 *   same migrations and drops it at the end.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { MIGRATIONS_DIR, openDatabase, type DatabaseHandle } from '#src/db/client.ts'

const ROOT = path.resolve(import.meta.dirname, '../..')
const CACHE = path.join(ROOT, '.cache')
/** Reference data shipped by migrations; kept between tests. */
const KEEP_TABLES = new Set(['business_types'])

export type TestDatabase = {
  handle: DatabaseHandle
  kind: 'pglite' | 'postgres'
  /** Empties every table except reference data. */
  reset(): Promise<void>
  close(): Promise<void>
}

function migrationsHash(): string {
  const h = createHash('sha256')
  for (const f of fs.readdirSync(MIGRATIONS_DIR, { recursive: true }).map(String).sort()) {
    const p = path.join(MIGRATIONS_DIR, f)
    if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p))
  }
  return h.digest('hex').slice(0, 16)
}

async function ensurePgliteTemplate(): Promise<string> {
  const template = path.join(CACHE, `pglite-template-${migrationsHash()}`)
  if (fs.existsSync(path.join(template, 'READY'))) return template
  fs.mkdirSync(CACHE, { recursive: true })
  // Build in a private directory, then rename: parallel test files never see a half-built template.
  const building = path.join(CACHE, `building-${process.pid}-${randomBytes(4).toString('hex')}`)
  const handle = await openDatabase({ kind: 'pglite', dir: path.join(building, 'pgdata'), lockDir: building })
  await handle.migrate()
  await handle.close()
  fs.writeFileSync(path.join(building, 'READY'), new Date().toISOString())
  try {
    fs.renameSync(building, template)
  } catch {
    fs.rmSync(building, { recursive: true, force: true }) // another file won the race
  }
  return template
}

async function resetTables(handle: DatabaseHandle): Promise<void> {
  const res = await handle.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public' order by tablename`,
  )
  const tables = (res as unknown as { rows: { tablename: string }[] }).rows
    .map((r) => r.tablename)
    .filter((t) => !KEEP_TABLES.has(t))
  if (tables.length === 0) return
  await handle.db.execute(sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(', ')} restart identity cascade`))
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (adminUrl) {
    const pg = (await import('pg')).default
    const name = `amrac_test_${process.pid}_${randomBytes(4).toString('hex')}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`create database "${name}"`)
    await admin.end()
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    const handle = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 5 })
    await handle.migrate()
    return {
      handle,
      kind: 'postgres',
      reset: () => resetTables(handle),
      close: async () => {
        await handle.close()
        const a = new pg.Client({ connectionString: adminUrl })
        await a.connect()
        await a.query(`drop database if exists "${name}" with (force)`)
        await a.end()
      },
    }
  }
  const template = await ensurePgliteTemplate()
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-test-db-'))
  fs.cpSync(path.join(template, 'pgdata'), path.join(dir, 'pgdata'), { recursive: true })
  const handle = await openDatabase({ kind: 'pglite', dir: path.join(dir, 'pgdata'), lockDir: dir })
  return {
    handle,
    kind: 'pglite',
    reset: () => resetTables(handle),
    close: async () => {
      await handle.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
