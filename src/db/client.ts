/**
 * Opens the database: PGlite on a locked data directory by default, PostgreSQL through
 * node-postgres when DATABASE_URL is set. Both run the same SQL migrations (src/db/migrations).
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { ExtractTablesWithRelations } from 'drizzle-orm'
import { sql } from 'drizzle-orm'
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'
import * as schema from './schema.ts'
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.ts'
import { copyPgliteTemplate, ensurePgliteTemplate, isEmptyDataDir } from './pglite-template.ts'

export type Schema = typeof schema
export type Db = PgDatabase<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>
/** Repositories take either the database or an open transaction (house style R16). */
export type DbOrTx = Db | Tx

/**
 * Sends one statement with positional parameters ($1, $2, …) as it is, past the query builder, on
 * the connection of `db` (inside its transaction if it is one). For bulk writes only: building tens
 * of thousands of parameters through drizzle costs more CPU than the statement itself (a rescoring
 * writes 2,000 scores a page). Both drivers' session clients (node-postgres PoolClient or Pool,
 * PGlite or its transaction) answer query(text, params); the parameters are bound, never spliced.
 */
export async function executeRaw(db: DbOrTx, text: string, params: readonly unknown[]): Promise<void> {
  const session = (db as unknown as { session?: { client?: { query?: (text: string, params: unknown[]) => Promise<unknown> } } }).session
  const client = session?.client
  if (typeof client?.query !== 'function') throw new Error('executeRaw: this drizzle database has no session client')
  await client.query(text, [...params])
}

export const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations')

export type DatabaseHandle = {
  kind: 'pglite' | 'postgres'
  db: Db
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>
  migrate(): Promise<void>
  close(): Promise<void>
}

export type DatabaseTarget = { kind: 'pglite'; dir: string; lockDir?: string } | { kind: 'postgres'; url: string; poolMax?: number }

type Logger = { error(obj: unknown, msg?: string): void; warn(obj: unknown, msg?: string): void }

export async function openDatabase(target: DatabaseTarget, log?: Logger): Promise<DatabaseHandle> {
  return target.kind === 'pglite' ? openPglite(target.dir, target.lockDir ?? path.dirname(target.dir), log) : openPostgres(target.url, target.poolMax ?? 10, log)
}

async function openPglite(dir: string, lockDir: string, log?: Logger): Promise<DatabaseHandle> {
  // Lock first: a second process must refuse before it ever opens the directory.
  const lock: DataDirLock = acquireDataDirLock(lockDir)
  try {
    if (isEmptyDataDir(dir)) {
      // A new database starts as a copy of the migrated template in .cache (no initdb per start).
      // Without a writable .cache, PGlite runs initdb in place as before.
      try {
        copyPgliteTemplate(await ensurePgliteTemplate(MIGRATIONS_DIR), dir)
      } catch (e) {
        log?.warn({ err: { message: (e as Error).message } }, 'no PGlite template; running initdb in the data directory')
      }
    }
    const { PGlite } = await import('@electric-sql/pglite')
    const { drizzle } = await import('drizzle-orm/pglite')
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
    // pg_trgm: the staff queue's name search (migration 0012 creates the extension and its GIN indexes).
    const client = await PGlite.create({ dataDir: dir, extensions: { pg_trgm } })
    const db = drizzle(client, { schema }) as unknown as Db
    return {
      kind: 'pglite',
      db,
      ping: async () => {
        await client.query('select 1')
      },
      migrate: async () => {
        await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_DIR })
      },
      close: async () => {
        try {
          if (!client.closed) await client.close()
        } finally {
          lock.release()
        }
      },
    }
  } catch (e) {
    lock.release()
    throw e
  }
}

async function openPostgres(url: string, poolMax: number, log?: Logger): Promise<DatabaseHandle> {
  const pg = await import('pg')
  const { drizzle } = await import('drizzle-orm/node-postgres')
  const { migrate } = await import('drizzle-orm/node-postgres/migrator')
  const pool = new pg.default.Pool({
    connectionString: url,
    max: poolMax,
    // An outage still fails fast (a restarted or stopped server refuses connections at once, so
    // requests get a 503 instead of hanging, quality.md F4), but waiting for a free connection in
    // a burst such as a deadline rush may take a while and must not turn into 503s.
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    query_timeout: 30_000,
    application_name: 'amrac',
  })
  // Without this handler a PostgreSQL restart kills the process (stack.md §4.1).
  pool.on('error', (err) => log?.warn({ err: { message: err.message, code: (err as { code?: string }).code } }, 'idle database client lost; the pool will reconnect'))
  const db = drizzle(pool, { schema }) as unknown as Db
  let closed = false
  return {
    kind: 'postgres',
    db,
    ping: async () => {
      await pool.query('select 1')
    },
    migrate: async () => {
      // Several app instances may start at once: serialise migrations with an advisory lock.
      const client = await pool.connect()
      try {
        await client.query('select pg_advisory_lock(727274)')
        await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_DIR })
      } finally {
        await client.query('select pg_advisory_unlock(727274)').catch(() => undefined)
        client.release()
      }
    },
    close: async () => {
      if (closed) return
      closed = true
      await pool.end()
    },
  }
}

export async function countRows(db: DbOrTx, table: 'reporting_entities'): Promise<number> {
  const res = await db.execute(sql`select count(*)::int as n from ${sql.identifier(table)}`)
  const rows = (res as unknown as { rows: { n: number }[] }).rows
  return Number(rows[0]?.n ?? 0)
}
