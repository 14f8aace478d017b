/** Rows for tests that need a business and a user of it (inserted directly, no registration flow). */
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import type { Db } from '#src/db/client.ts'

export const SAMPLE_JURISTIC_ID = '0105561234560'

export async function insertEntity(db: Db, over: Partial<typeof reportingEntities.$inferInsert> = {}) {
  const [row] = await db
    .insert(reportingEntities)
    .values({
      juristicId: SAMPLE_JURISTIC_ID,
      nameTh: 'ทองดีเยาวราช',
      legalForm: 'company_limited',
      primaryBusinessType: 'precious_goods',
      businessTypes: ['precious_goods'],
      addressLine: '1 ถนนเยาวราช',
      subdistrict: 'สัมพันธวงศ์',
      district: 'สัมพันธวงศ์',
      province: 'กรุงเทพมหานคร',
      postcode: '10100',
      nameSearch: 'ทองดีเยาวราช',
      ...over,
    })
    .returning()
  return row!
}

export async function insertEntityUser(db: Db, entityId: string, over: Partial<typeof users.$inferInsert> = {}) {
  const [row] = await db
    .insert(users)
    .values({
      entityId,
      role: 'entity_user',
      status: 'active',
      username: 'somchai',
      usernameKey: 'somchai',
      email: 'somchai@example.com',
      emailKey: 'somchai@example.com',
      emailVerifiedAt: new Date('2026-01-01T00:00:00Z'),
      firstName: 'สมชาย',
      lastName: 'ใจดี',
      phone: '+66812345678',
      ...over,
    })
    .returning()
  return row!
}
