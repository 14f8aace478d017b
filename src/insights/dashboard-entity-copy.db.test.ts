/**
 * The dashboard counts filed assessments by the business's type and province and leaves out
 * businesses that are no longer active, from the copy each review row keeps (migration 0022's
 * triggers). Whatever changes the registry — an edit, a business ceasing, a merge moving an
 * assessment to another business — the next dashboard shows it.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import { assessments } from '#src/submissions/submissions.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { getDashboard } from './get-dashboard.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const files = { remove: async () => undefined } as unknown as FileStore
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, files, config })

before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  await openCycle(deps(), {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

async function filedBusiness(province: string) {
  const entity = await makeEntity(tdb.handle.db, { province })
  const user = await makeUser(tdb.handle.db, { entityId: entity.id, role: 'entity_admin' })
  const actor = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' } as Actor & { kind: 'user'; entityId: string }
  await submitCompleteAssessment(deps(), actor)
  return entity
}

const supervisor = async (): Promise<Actor> => {
  const u = await makeUser(tdb.handle.db, { role: 'supervisor' })
  return { kind: 'user', id: u.id, role: 'supervisor', entityId: null, displayName: 'หัวหน้า' }
}
async function filedByProvince(actor: Actor): Promise<Record<string, number>> {
  const d = await getDashboard(deps() as never, { actor, cycleCode: '2569' })
  return Object.fromEntries(d.byProvince.map((row) => [row.key, row.total]))
}

test('a registry edit, a business ceasing and a merge all show on the next dashboard', async () => {
  const db = tdb.handle.db
  const actor = await supervisor()
  const a = await filedBusiness('เชียงใหม่')
  const b = await filedBusiness('เชียงใหม่')
  assert.deepEqual(await filedByProvince(actor), { เชียงใหม่: 2 })

  // The registry corrects a province.
  await db.update(reportingEntities).set({ province: 'ลำพูน' }).where(eq(reportingEntities.id, a.id))
  assert.deepEqual(await filedByProvince(actor), { เชียงใหม่: 1, ลำพูน: 1 })

  // A merge moves b's assessment to a business in another province.
  const survivor = await makeEntity(db, { province: 'ภูเก็ต' })
  await db.update(assessments).set({ entityId: survivor.id }).where(eq(assessments.entityId, b.id))
  assert.deepEqual(await filedByProvince(actor), { ลำพูน: 1, ภูเก็ต: 1 })

  // A business that is no longer active is not counted; back to active, it is again.
  await db.update(reportingEntities).set({ status: 'inactive' }).where(eq(reportingEntities.id, a.id))
  assert.deepEqual(await filedByProvince(actor), { ภูเก็ต: 1 })
  await db.update(reportingEntities).set({ status: 'active' }).where(eq(reportingEntities.id, a.id))
  assert.deepEqual(await filedByProvince(actor), { ลำพูน: 1, ภูเก็ต: 1 })
})
