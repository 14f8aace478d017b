import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { asc, eq, sql } from 'drizzle-orm'
import { countRows } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { DEMO_BUSINESSES, generateRegistry } from './registry-generator.ts'
import { DEMO_BUSINESS_COUNT, seedIfEmpty, seedRegistry } from './seed.ts'

let t: TestDatabase
before(async () => {
  t = await createTestDatabase()
})
after(() => t.close())
beforeEach(() => t.reset())

const count = () => countRows(t.handle.db, 'reporting_entities')

describe('seedIfEmpty', () => {
  test('seeds the 60-business demo registry into an empty database, then nothing on a second call', async () => {
    assert.equal(await seedIfEmpty(t.handle.db), DEMO_BUSINESS_COUNT)
    assert.equal(await count(), DEMO_BUSINESS_COUNT)
    assert.equal(await seedIfEmpty(t.handle.db), 0)
    assert.equal(await count(), DEMO_BUSINESS_COUNT)
  })

  test('leaves a database that already has businesses alone', async () => {
    await seedRegistry(t.handle.db, { count: 1 })
    assert.equal(await seedIfEmpty(t.handle.db), 0)
    assert.equal(await count(), 1)
  })
})

describe('seedRegistry', () => {
  test('is idempotent: a second run inserts nothing, a larger run adds only the new rows', async () => {
    assert.equal(await seedRegistry(t.handle.db, { count: 40, batchSize: 7 }), 40)
    assert.equal(await seedRegistry(t.handle.db, { count: 40, batchSize: 7 }), 0)
    assert.equal(await seedRegistry(t.handle.db, { count: 100, batchSize: 30 }), 60)
    assert.equal(await count(), 100)
  })

  test('stores exactly the generated rows (arrays, dates and nulls round-trip)', async () => {
    const rows = await generateRegistry({ count: 80 })
    await seedRegistry(t.handle.db, { count: 80 })
    const stored = await t.handle.db.select().from(reportingEntities).orderBy(asc(reportingEntities.juristicId))
    const byId = new Map(stored.map((r) => [r.juristicId, r]))
    assert.equal(stored.length, 80)
    for (const row of rows) {
      const s = byId.get(row.juristicId)
      assert.ok(s, row.juristicId)
      const { id: _id, createdAt: _c, updatedAt: _u, ...rest } = s
      assert.deepEqual(rest, row)
    }
  })

  test('the demo businesses are findable by their fixed juristic IDs', async () => {
    await seedIfEmpty(t.handle.db)
    for (const demo of DEMO_BUSINESSES) {
      const [found] = await t.handle.db.select().from(reportingEntities).where(eq(reportingEntities.juristicId, demo.juristicId))
      assert.equal(found?.nameTh, demo.nameTh)
    }
  })

  test('rows satisfy the CHECK and foreign-key constraints of the real migrations', async () => {
    const res = await t.handle.db.execute(sql`
      select conname from pg_constraint
      where conrelid = 'reporting_entities'::regclass and contype in ('c', 'f') order by conname`)
    const constraints = (res as unknown as { rows: { conname: string }[] }).rows.map((r) => r.conname)
    for (const name of ['reporting_entities_juristic_id_format', 'reporting_entities_legal_form_check', 'reporting_entities_postcode_format', 'reporting_entities_status_check']) {
      assert.ok(constraints.includes(name), `${name} in ${constraints.join(', ')}`)
    }
    assert.ok(constraints.some((c) => c.includes('primary_business_type')), 'foreign key to business_types')
    // Every generated legal form, status, postcode, ID and business type passes them.
    assert.equal(await seedRegistry(t.handle.db, { count: 2_000 }), 2_000)
    const bad = sql`insert into reporting_entities (juristic_id, name_th, legal_form, primary_business_type, business_types, address_line, subdistrict, district, province, postcode, name_search)
      values ('0000000000001', 'x', 'sole_trader', 'precious_goods', '{precious_goods}', 'x', 'x', 'x', 'x', '10100', 'x')`
    await assert.rejects(t.handle.db.execute(bad), 'the constraints are really enforced')
  })

  test('a failing batch rolls the whole seed back (one transaction)', async () => {
    const rollback = new Error('rollback')
    await assert.rejects(
      t.handle.db.transaction(async (tx) => {
        // Without the e_payment type, the 11th demo business breaks the foreign key in batch 3.
        await tx.execute(sql`delete from business_types where code = 'e_payment'`)
        await assert.rejects(seedRegistry(tx, { count: 20, batchSize: 5 }), 'the seed fails')
        assert.equal(await countRows(tx, 'reporting_entities'), 0)
        throw rollback
      }),
      (e) => e === rollback,
    )
    assert.equal(await count(), 0)
  })

  test('refuses a batch size out of range', async () => {
    await assert.rejects(seedRegistry(t.handle.db, { count: 1, batchSize: 0 }), RangeError)
  })
})
