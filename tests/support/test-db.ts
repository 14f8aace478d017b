/**
 * Database harness for *.db.test.ts and *.http.test.ts (house style R25):
 * - PGlite (default): the real migrations run once into a template directory in .cache (rebuilt
 *   when the migrations or PGlite change; src/db/pglite-template.ts, shared with the app's first
 *   start); each test file gets its own copy, reset between tests.
 * - PostgreSQL: when TEST_DATABASE_URL is set, each test file creates a fresh database, runs the
 *   same migrations and drops it at the end.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql } from 'drizzle-orm'
import { MIGRATIONS_DIR, openDatabase, type DatabaseHandle } from '#src/db/client.ts'
import { ensurePgliteTemplate } from '#src/db/pglite-template.ts'

/** Reference data shipped by migrations; kept between tests. */
const KEEP_TABLES = new Set(['business_types'])

export type TestDatabase = {
  handle: DatabaseHandle
  kind: 'pglite' | 'postgres'
  /** Empties every table except reference data. */
  reset(): Promise<void>
  close(): Promise<void>
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
  const template = await ensurePgliteTemplate(MIGRATIONS_DIR)
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
