import { asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { businessTypes } from './entities.tables.ts'

export type BusinessTypeOption = { code: string; sectionItem: string; nameTh: string; nameEn: string }

/** The section-16 business types people may choose, in the table's order (public reference data). */
export async function listActiveBusinessTypes(db: DbOrTx): Promise<BusinessTypeOption[]> {
  return db
    .select({ code: businessTypes.code, sectionItem: businessTypes.sectionItem, nameTh: businessTypes.nameTh, nameEn: businessTypes.nameEn })
    .from(businessTypes)
    .where(eq(businessTypes.isActive, true))
    .orderBy(asc(businessTypes.sortOrder))
}
