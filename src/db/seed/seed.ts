/**
 * Demo data. `seedIfEmpty` runs on the first start of an empty embedded database (src/server/main.ts);
 * `seedRegistry` is the workhorse, also used by `npm run seed` (scripts/db-seed.ts) for large
 * registries. Both are idempotent: rows whose juristic ID already exists are skipped.
 */
import { getTableColumns, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { countRows } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { DATABASE_FILLED_COLUMNS, DEFAULT_REGISTRY_SEED, generateRegistry, type RegistryRow } from './registry-generator.ts'

type Log = { info(obj: unknown, msg?: string): void; debug?(obj: unknown, msg?: string): void }

export const DEMO_BUSINESS_COUNT = 60
/** Rows per INSERT statement. */
export const DEFAULT_SEED_BATCH_SIZE = 1_000
const MAX_BATCH_SIZE = 10_000

export type SeedRegistryOptions = {
  count: number
  seed?: number
  batchSize?: number
  /** Called after each batch with the rows written so far (attempted, not only inserted). */
  onBatch?: (done: number, total: number) => void
}

function assertBatchSize(batchSize: number): void {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
    throw new RangeError(`batchSize must be an integer from 1 to ${MAX_BATCH_SIZE}, got ${batchSize}`)
  }
}

/** [camelCase key, SQL column name] of every column the generator fills, from the table itself. */
const SEEDED_COLUMNS = Object.entries(getTableColumns(reportingEntities))
  .filter(([key]) => !(DATABASE_FILLED_COLUMNS as readonly string[]).includes(key))
  .map(([key, column]) => [key as keyof RegistryRow, column.name] as const)
const COLUMN_LIST = sql.join(SEEDED_COLUMNS.map(([, name]) => sql.identifier(name)), sql`, `)

/**
 * One multi-row INSERT for a batch. The rows travel as ONE json parameter expanded by
 * json_populate_recordset over the table's own row type (PostgreSQL and PGlite alike): Drizzle's
 * `insert().values()` spends ~150 ms building the SQL for 1,000 rows × 19 parameters, which
 * dominated a 100,000-row seed. The column list comes from the Drizzle table, so it cannot drift.
 */
async function insertBatch(db: DbOrTx, batch: readonly RegistryRow[]): Promise<number> {
  const json = JSON.stringify(batch.map((row) => Object.fromEntries(SEEDED_COLUMNS.map(([key, name]) => [name, row[key]]))))
  const res = await db.execute(sql`
    insert into ${reportingEntities} (${COLUMN_LIST})
    select ${COLUMN_LIST} from json_populate_recordset(null::${reportingEntities}, ${json}::json)
    on conflict (juristic_id) do nothing
    returning id`)
  return (res as unknown as { rows: unknown[] }).rows.length
}

/**
 * Inserts registry rows in batches of `batchSize` rows per statement, all in one transaction (a
 * failed seed leaves nothing behind). Returns how many rows were inserted; rows whose juristic ID
 * already exists are skipped.
 */
export async function insertRegistryRows(
  db: DbOrTx,
  rows: readonly RegistryRow[],
  { batchSize = DEFAULT_SEED_BATCH_SIZE, onBatch }: Pick<SeedRegistryOptions, 'batchSize' | 'onBatch'> = {},
): Promise<number> {
  assertBatchSize(batchSize)
  if (rows.length === 0) return 0
  return db.transaction(async (tx) => {
    let inserted = 0
    for (let i = 0; i < rows.length; i += batchSize) {
      inserted += await insertBatch(tx, rows.slice(i, i + batchSize))
      onBatch?.(Math.min(i + batchSize, rows.length), rows.length)
    }
    return inserted
  })
}

/** Generates the first `count` rows of the registry (demo businesses first) and inserts them. */
export async function seedRegistry(db: DbOrTx, { count, seed = DEFAULT_REGISTRY_SEED, ...insert }: SeedRegistryOptions): Promise<number> {
  assertBatchSize(insert.batchSize ?? DEFAULT_SEED_BATCH_SIZE) // before the generator runs
  return insertRegistryRows(db, await generateRegistry({ count, seed }), insert)
}

/**
 * Seeds the demo registry (DEMO_BUSINESS_COUNT businesses) when the database has none. Returns how
 * many were added. The caller logs the result (src/server/main.ts), so `log` is only for detail.
 */
export async function seedIfEmpty(db: DbOrTx, { log }: { log?: Log } = {}): Promise<number> {
  if ((await countRows(db, 'reporting_entities')) > 0) return 0
  const started = performance.now()
  const seeded = await seedRegistry(db, { count: DEMO_BUSINESS_COUNT })
  log?.debug?.({ businesses: seeded, ms: Math.round(performance.now() - started) }, 'demo registry seed finished')
  return seeded
}
