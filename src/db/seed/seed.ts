import type { Db } from '#src/db/client.ts'
import { countRows } from '#src/db/client.ts'

type Log = { info(obj: unknown, msg?: string): void }

export const DEMO_BUSINESS_COUNT = 60

/** Seeds the demo registry when the database has no businesses. Returns how many were added. */
export async function seedIfEmpty(db: Db, _opts: { log?: Log } = {}): Promise<number> {
  if ((await countRows(db, 'reporting_entities')) > 0) return 0
  return 0
}
