import { isUuid } from '#src/platform/ids.ts'
import { and, asc, eq, like } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from './entities.tables.ts'

const listColumns = {
  id: reportingEntities.id,
  juristicId: reportingEntities.juristicId,
  nameTh: reportingEntities.nameTh,
  nameEn: reportingEntities.nameEn,
  tradingName: reportingEntities.tradingName,
  legalForm: reportingEntities.legalForm,
  primaryBusinessType: reportingEntities.primaryBusinessType,
  status: reportingEntities.status,
  addressLine: reportingEntities.addressLine,
  subdistrict: reportingEntities.subdistrict,
  district: reportingEntities.district,
  province: reportingEntities.province,
  postcode: reportingEntities.postcode,
}
export type EntitySummary = { [K in keyof typeof listColumns]: (typeof reportingEntities.$inferSelect)[K] }

/** Registry look-ups are public for registration (names and numbers are public DBD data). */
export async function findEntityByJuristicId(db: DbOrTx, juristicId: string): Promise<EntitySummary | undefined> {
  const [row] = await db.select(listColumns).from(reportingEntities).where(and(eq(reportingEntities.juristicId, juristicId), eq(reportingEntities.status, 'active'))).limit(1)
  return row
}

export async function findEntityById(db: DbOrTx, id: string): Promise<EntitySummary | undefined> {
  if (!isUuid(id)) return undefined
  const [row] = await db.select(listColumns).from(reportingEntities).where(eq(reportingEntities.id, id)).limit(1)
  return row
}

/** Name search on the normalised name (legal-form words, spaces and case ignored). */
export async function searchEntitiesByName(db: DbOrTx, normalised: string, limit: number): Promise<EntitySummary[]> {
  const pattern = `%${normalised.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  return db
    .select(listColumns)
    .from(reportingEntities)
    .where(and(like(reportingEntities.nameSearch, pattern), eq(reportingEntities.status, 'active')))
    .orderBy(asc(reportingEntities.nameSearch))
    .limit(limit)
}

/** Locks the business row for the rest of the transaction (serialises "first user becomes admin"). */
export async function lockEntity(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: reportingEntities.id }).from(reportingEntities).where(eq(reportingEntities.id, id)).for('update')
}
