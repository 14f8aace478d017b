/**
 * The registry admin use cases on the real migrations (issue 7): add/edit/cease with duplicate and
 * address checks, search and paging, delete only when nothing hangs on a record, the import dry run
 * (bad rows, duplicates, changes, unchanged) and its apply (exactly the preview, refused when stale
 * or when the registry changed), and the merge of duplicates.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { users } from '#src/identity/users.tables.ts'
import { fixedClock } from '#src/platform/clock.ts'
import { AppError } from '#src/platform/errors.ts'
import { assessmentCycles, assessments } from '#src/submissions/submissions.tables.ts'
import { supportTickets } from '#src/support/support.tables.ts'
import { sampleXlsx } from '#tests/fixtures/registry/sample-xlsx.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { addBusiness } from './add-business.ts'
import { applyRegistryImport } from './apply-registry-import.ts'
import { deleteBusiness } from './delete-business.ts'
import { editBusiness } from './edit-business.ts'
import { reportingEntities } from './entities.tables.ts'
import { getRegistryImport } from './get-registry-import.ts'
import { listBusinesses } from './list-businesses.ts'
import { mergeBusinesses } from './merge-businesses.ts'
import { previewMerge } from './preview-merge.ts'
import { previewRegistryImport } from './preview-registry-import.ts'
import type { BusinessRecord, ImportRowPlan } from './registry.model.ts'
import { BusinessInput } from './registry.schemas.ts'

const FIXTURE = path.resolve(import.meta.dirname, '../../tests/fixtures/registry/sample.csv')

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
let admin: Actor
before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  clock.set('2026-11-29T03:00:00Z')
  const user = await makeUser(tdb.handle.db, { role: 'admin', username: 'registry.admin' })
  admin = { kind: 'user', id: user.id, role: 'admin', entityId: null, displayName: 'Admin' }
})

const deps = () => ({ database: tdb.handle, clock })
const db = () => tdb.handle.db
const auditOf = async (action: string) => (await db().select().from(auditLog).where(eq(auditLog.action, action))).map((r) => r.payload)

const record = (over: Partial<Record<string, unknown>> = {}): BusinessRecord => {
  const parsed = BusinessInput.safeParse({
    juristicId: '0105537000015',
    nameTh: 'บริษัท ทองใหม่ จำกัด',
    nameEn: 'Thong Mai Co., Ltd.',
    legalForm: 'company_limited',
    primaryBusinessType: 'precious_goods',
    otherBusinessTypes: ['antique'],
    addressLine: '99/1 ถนนนิมมานเหมินท์',
    province: 'จ.เชียงใหม่',
    district: 'เมืองเชียงใหม่',
    subdistrict: 'ศรีภูมิ',
    postcode: '50200',
    status: 'active',
    ...over,
  })
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues))
  return parsed.data
}

describe('add and edit a business', () => {
  test('adds a valid business (names without legal-form words, canonical address) and audits it', async () => {
    const result = await addBusiness(deps(), { actor: admin, record: record() })
    assert.equal(result.kind, 'saved')
    const [row] = await db().select().from(reportingEntities)
    assert.equal(row!.nameTh, 'ทองใหม่')
    assert.equal(row!.nameEn, 'Thong Mai')
    assert.equal(row!.province, 'เชียงใหม่')
    assert.deepEqual(row!.businessTypes, ['precious_goods', 'antique'])
    assert.deepEqual(await auditOf('registry.business_added'), [{ action: 'registry.business_added', juristicId: '0105537000015', source: 'form' }])
  })

  test('refuses a juristic number already in the registry, naming the business that has it', async () => {
    await makeEntity(db(), { juristicId: '0105537000015', nameTh: 'ทองเดิม' })
    const result = await addBusiness(deps(), { actor: admin, record: record() })
    assert.deepEqual(result, { kind: 'invalid', errors: { juristicId: 'registry.errors.juristicTaken' }, params: { juristicId: { name: 'บริษัท ทองเดิม จำกัด' } } })
    assert.equal((await auditOf('registry.business_added')).length, 0)
  })

  test('refuses an address whose postcode does not serve the subdistrict', async () => {
    const result = await addBusiness(deps(), { actor: admin, record: record({ postcode: '10100' }) })
    assert.deepEqual(result, { kind: 'invalid', errors: { postcode: 'registry.errors.address.postcode' } })
  })

  test('the schema refuses a bad check digit, a citizen ID and a ceased status without a date', () => {
    const issues = (over: Record<string, unknown>) => {
      const r = BusinessInput.safeParse({ ...record(), otherBusinessTypes: [], ceasedOn: '', ...over })
      // The first message per field is the one shown (as parseForm does).
      return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]).reverse())
    }
    assert.equal(issues({ juristicId: '0105537000016' }).juristicId, 'registry.errors.juristicChecksum')
    assert.equal(issues({ juristicId: '3100600445635' }).juristicId, 'registry.errors.juristicNotJuristic')
    assert.equal(issues({ status: 'inactive' }).ceasedOn, 'registry.errors.ceasedOnRequired')
    assert.equal(issues({ nameEn: 'ทอง' }).nameEn, 'registry.errors.nameEnThai')
  })

  test('ceasing a business records the date and the changed fields; an unchanged save records nothing', async () => {
    const added = await addBusiness(deps(), { actor: admin, record: record() })
    assert.equal(added.kind, 'saved')
    const id = (added as { id: string }).id
    await editBusiness(deps(), { actor: admin, id, record: record() })
    assert.equal((await auditOf('registry.business_updated')).length, 0)
    const ceased = await editBusiness(deps(), { actor: admin, id, record: record({ status: 'inactive', ceasedOn: { day: '31', month: '10', year: '2569' } }) })
    assert.equal(ceased.kind, 'saved')
    const [row] = await db().select().from(reportingEntities).where(eq(reportingEntities.id, id))
    assert.equal(row!.status, 'inactive')
    assert.equal(row!.ceasedOn, '2026-10-31')
    assert.deepEqual(await auditOf('registry.business_updated'), [{ action: 'registry.business_updated', fields: ['status', 'ceasedOn'], source: 'form' }])
  })

  test('a non-admin is refused', async () => {
    const examiner: Actor = { kind: 'user', id: (admin as { id: string }).id, role: 'examiner', entityId: null, displayName: 'E' }
    await assert.rejects(addBusiness(deps(), { actor: examiner, record: record() }), (e) => e instanceof AppError && e.code === 'FORBIDDEN')
  })
})

describe('list and search', () => {
  test('by Thai name, English name and number prefix; filters; paging', async () => {
    await makeEntity(db(), { nameTh: 'ทองดี', nameEn: 'Thongdee', juristicId: '0105537000031' })
    await makeEntity(db(), { nameTh: 'เงินงาม', status: 'inactive', ceasedOn: '2026-01-01', primaryBusinessType: 'antique', businessTypes: ['antique'] })
    for (let i = 0; i < 30; i++) await makeEntity(db(), { nameTh: `ร้านที่${i}` })
    const names = async (o: Parameters<typeof listBusinesses>[1]) => (await listBusinesses(deps(), o)).rows.map((r) => r.nameTh)
    assert.deepEqual(await names({ actor: admin, q: 'บริษัท ทองดี จำกัด', page: 1 }), ['ทองดี'])
    assert.deepEqual(await names({ actor: admin, q: 'thongDEE', page: 1 }), ['ทองดี'])
    assert.deepEqual(await names({ actor: admin, q: '0-1055-37000', page: 1 }), ['ทองดี'])
    assert.deepEqual(await names({ actor: admin, status: 'inactive', page: 1 }), ['เงินงาม'])
    assert.deepEqual(await names({ actor: admin, type: 'antique', page: 1 }), ['เงินงาม'])
    const first = await listBusinesses(deps(), { actor: admin, page: 1 })
    assert.equal(first.total, 32)
    assert.equal(first.pages, 2)
    assert.equal(first.rows.length, 25)
    const beyond = await listBusinesses(deps(), { actor: admin, page: 9 })
    assert.equal(beyond.page, 2)
    assert.equal(beyond.rows.length, 7)
  })
})

describe('delete', () => {
  test('only a record nothing hangs on; one with a user is refused', async () => {
    const lonely = await makeEntity(db())
    const used = await makeEntity(db())
    await makeUser(db(), { entityId: used.id })
    await deleteBusiness(deps(), { actor: admin, id: lonely.id })
    assert.equal((await db().select().from(reportingEntities).where(eq(reportingEntities.id, lonely.id))).length, 0)
    assert.deepEqual(await auditOf('registry.business_deleted'), [{ action: 'registry.business_deleted', juristicId: lonely.juristicId }])
    await assert.rejects(deleteBusiness(deps(), { actor: admin, id: used.id }), (e) => e instanceof AppError && e.messageKey === 'registry.delete.refused')
  })
})

// ── Import ─────────────────────────────────────────────────────────────────────────────────

/** The registry the fixture expects: row 3's business (to change) and row 4's (unchanged). */
async function seedForFixture() {
  const b = await makeEntity(db(), { juristicId: '0105537000023', nameTh: 'ทองเก่า' })
  const c = await makeEntity(db(), { juristicId: '0105537000031', nameTh: 'เงินดี' })
  return { b, c }
}

const byRow = (rows: ImportRowPlan[]) => new Map(rows.map((r) => [r.row, r]))

describe('import: dry run', () => {
  test('the sample CSV: row errors with columns, duplicates in the file, a change with its diff, unchanged — and the registry untouched', async () => {
    const { b, c } = await seedForFixture()
    const { batchId } = await previewRegistryImport(deps(), { actor: admin, fileName: 'sample.csv', bytes: fs.readFileSync(FIXTURE) })
    const { plan } = await getRegistryImport(deps(), { actor: admin, batchId })
    assert.deepEqual(plan.totals, { add: 1, change: 1, unchanged: 1, error: 6 })
    const rows = byRow(plan.rows)

    const add = rows.get(2)!
    assert.equal(add.kind, 'add')
    assert.equal(add.kind === 'add' && add.record.nameTh, 'ทองใหม่')
    assert.equal(add.kind === 'add' && add.record.legalForm, 'company_limited')
    assert.equal(add.kind === 'add' && add.record.addressLine, '99/1 ถนนนิมมานเหมินท์, ซอย 5')

    const change = rows.get(3)!
    assert.equal(change.kind, 'change')
    assert.deepEqual(change.kind === 'change' && change.changes, [
      { field: 'status', from: 'active', to: 'inactive' },
      { field: 'ceasedOn', from: '', to: '2026-10-31' },
    ])
    assert.equal(change.kind === 'change' && change.entityId, b.id)
    assert.equal(rows.get(4)!.kind === 'unchanged' && (rows.get(4) as { entityId: string }).entityId, c.id)

    const issues = (row: number) => {
      const r = rows.get(row)!
      return r.kind === 'error' ? r.issues.map((i) => [i.column, i.messageKey, i.params ?? null]) : r.kind
    }
    assert.deepEqual(issues(5), [['juristic_id', 'registry.errors.juristicChecksum', null]])
    assert.deepEqual(issues(6), [['juristic_id', 'registry.import.errors.duplicateInFile', { rows: '7' }]])
    assert.deepEqual(issues(7), [['juristic_id', 'registry.import.errors.duplicateInFile', { rows: '6' }]])
    assert.deepEqual(issues(8), [['postcode', 'registry.errors.address.postcode', null]])
    assert.equal((issues(9) as unknown[][])[0]![0], 'name_th')
    assert.equal((issues(9) as unknown[][])[0]![1], 'registry.import.errors.formula')
    assert.deepEqual(issues(10), [['ceased_on', 'registry.errors.ceasedOnRequired', null]])

    // Nothing applied yet.
    assert.equal((await db().select().from(reportingEntities)).length, 2)
    const [stillB] = await db().select().from(reportingEntities).where(eq(reportingEntities.id, b.id))
    assert.equal(stillB!.status, 'active')
  })

  test('apply: exactly the preview, in one go, audited; a second apply is refused', async () => {
    const { b } = await seedForFixture()
    const { batchId } = await previewRegistryImport(deps(), { actor: admin, fileName: 'sample.csv', bytes: fs.readFileSync(FIXTURE) })
    clock.advance(10 * 60 * 1000)
    assert.deepEqual(await applyRegistryImport(deps(), { actor: admin, batchId }), { added: 1, changed: 1 })
    const all = await db().select().from(reportingEntities)
    assert.equal(all.length, 3)
    assert.ok(all.some((r) => r.juristicId === '0105537000015' && r.nameEn === 'Thong Mai'))
    const [nowB] = await db().select().from(reportingEntities).where(eq(reportingEntities.id, b.id))
    assert.equal(nowB!.status, 'inactive')
    assert.equal(nowB!.ceasedOn, '2026-10-31')
    assert.deepEqual(await auditOf('registry.import_applied'), [{ action: 'registry.import_applied', batchId, fileName: 'sample.csv', added: 1, changed: 1 }])
    assert.equal((await auditOf('registry.business_added')).length, 1)
    assert.deepEqual(await auditOf('registry.business_updated'), [{ action: 'registry.business_updated', fields: ['status', 'ceasedOn'], source: 'import' }])
    await assert.rejects(applyRegistryImport(deps(), { actor: admin, batchId }), (e) => e instanceof AppError && e.messageKey === 'registry.import.alreadyApplied')
  })

  test('apply is refused when the preview is stale or the registry changed meanwhile', async () => {
    const { b } = await seedForFixture()
    const first = await previewRegistryImport(deps(), { actor: admin, fileName: 'sample.csv', bytes: fs.readFileSync(FIXTURE) })
    clock.advance(61 * 60 * 1000)
    await assert.rejects(applyRegistryImport(deps(), { actor: admin, batchId: first.batchId }), (e) => e instanceof AppError && e.messageKey === 'registry.import.stale')

    const second = await previewRegistryImport(deps(), { actor: admin, fileName: 'sample.csv', bytes: fs.readFileSync(FIXTURE) })
    clock.advance(1000)
    await db().update(reportingEntities).set({ nameTh: 'ทองเก่าแก้แล้ว', updatedAt: clock.now() }).where(eq(reportingEntities.id, b.id))
    await assert.rejects(applyRegistryImport(deps(), { actor: admin, batchId: second.batchId }), (e) => e instanceof AppError && e.messageKey === 'registry.import.registryChanged' && e.params?.rows === '3')
    assert.equal((await db().select().from(reportingEntities)).length, 2, 'nothing added')
  })

  test('XLSX: numbers losing their leading zero, formula cells refused, a name already in the registry flagged', async () => {
    await makeEntity(db(), { juristicId: '0105537000066', nameTh: 'ทองคำ' })
    const header = ['juristic_id', 'name_th', 'legal_form', 'primary_business_type', 'address_line', 'province', 'district', 'subdistrict', 'postcode']
    const bytes = await sampleXlsx([
      header,
      [105537000015, 'ทองคำ', 'company_limited', 'precious_goods', '1 ถนนเยาวราช', 'กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ์', 10100],
      ['0105537000023', { formula: 'A1&"x"', result: 'x' }, 'company_limited', 'precious_goods', '1 ถนนเยาวราช', 'กรุงเทพมหานคร', 'สัมพันธวงศ์', 'จักรวรรดิ์', '10100'],
    ])
    const { batchId } = await previewRegistryImport(deps(), { actor: admin, fileName: 'registry.xlsx', bytes })
    const view = await getRegistryImport(deps(), { actor: admin, batchId })
    assert.equal(view.batch.fileKind, 'xlsx')
    const rows = byRow(view.plan.rows)
    const two = rows.get(2)!
    assert.equal(two.kind, 'add')
    assert.deepEqual(two.kind === 'add' && two.warnings.map((w) => w.messageKey), ['registry.import.warn.leadingZero', 'registry.import.warn.sameNameInRegistry'])
    const three = rows.get(3)!
    assert.equal(three.kind === 'error' && three.issues[0]!.messageKey, 'registry.import.errors.formula')
  })

  test('files are recognised by content: a PDF named .csv, a non-UTF-8 CSV and a file with missing columns are refused', async () => {
    const refusal = async (bytes: Buffer) => {
      try {
        await previewRegistryImport(deps(), { actor: admin, fileName: 'x.csv', bytes })
        return 'accepted'
      } catch (e) {
        return e instanceof AppError ? e.messageKey : String(e)
      }
    }
    assert.equal(await refusal(Buffer.from('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n')), 'registry.import.errors.type')
    assert.equal(await refusal(Buffer.from([0x6a, 0x75, 0x72, 0x2c, 0xe0, 0xb9, 0x0a, 0xff, 0xfe])), 'registry.import.errors.encoding')
    assert.equal(await refusal(Buffer.from('juristic_id,name_th\n0105537000015,ทอง\n')), 'registry.import.errors.missingColumns')
    assert.equal((await db().select().from(reportingEntities)).length, 0)
  })
})

// ── Merge ──────────────────────────────────────────────────────────────────────────────────

async function cycle(code: string) {
  const [row] = await db()
    .insert(assessmentCycles)
    .values({ code, nameTh: `รอบ ${code}`, nameEn: `Cycle ${code}`, definitionVersion: 'v1', opensAt: new Date('2026-01-01T00:00:00Z'), deadline: new Date('2026-12-31T00:00:00Z'), periodStart: '2025-01-01', periodEnd: '2025-12-31' })
    .returning()
  return row!
}

async function ticketFor(entityId: string, reference: string) {
  await db().insert(supportTickets).values({ reference, category: 'technical', topic: 'other', queue: 'admin', businessName: 'ทอง', contactName: 'สมชาย', phone: '+66812345678', email: 's@example.com', message: 'ช่วยด้วย', locale: 'th', createdAt: clock.now(), lastRequesterAt: clock.now(), entityId })
}

describe('merge duplicates', () => {
  test('moves users, assessments and tickets to the survivor; the duplicate is ceased with a pointer; audited on both', async () => {
    const keep = await makeEntity(db(), { nameTh: 'ทองดี' })
    const dup = await makeEntity(db(), { nameTh: 'ทองดี (ซ้ำ)' })
    const c69 = await cycle('2569')
    const user = await makeUser(db(), { entityId: dup.id })
    await db().insert(assessments).values({ entityId: dup.id, cycleId: c69.id })
    await ticketFor(dup.id, 'T-2569-000001')

    const preview = await previewMerge(deps(), { actor: admin, thisId: dup.id, otherJuristicId: keep.juristicId, survivor: 'other' })
    assert.equal(preview.ok, true)
    assert.deepEqual(preview.ok && { users: preview.mergedLinks.users, assessments: preview.mergedLinks.assessments, tickets: preview.mergedLinks.tickets }, { users: 1, assessments: 1, tickets: 1 })

    const done = await mergeBusinesses(deps(), { actor: admin, survivorId: keep.id, mergedId: dup.id })
    assert.equal(done.survivorId, keep.id)
    const [movedUser] = await db().select().from(users).where(eq(users.id, user.id))
    assert.equal(movedUser!.entityId, keep.id)
    assert.equal((await db().select().from(assessments).where(eq(assessments.entityId, keep.id))).length, 1)
    assert.equal((await db().select().from(supportTickets).where(eq(supportTickets.entityId, keep.id))).length, 1)
    const [merged] = await db().select().from(reportingEntities).where(eq(reportingEntities.id, dup.id))
    assert.equal(merged!.status, 'inactive')
    assert.equal(merged!.mergedIntoId, keep.id)
    assert.equal(merged!.ceasedOn, '2026-11-29')
    const events = await db().select().from(auditLog).where(eq(auditLog.action, 'registry.businesses_merged'))
    assert.deepEqual(events.map((e) => e.targetId).sort(), [keep.id, dup.id].sort())
    assert.deepEqual(events[0]!.payload, { action: 'registry.businesses_merged', survivorId: keep.id, mergedId: dup.id, users: 1, assessments: 1, tickets: 1 })

    // Merged once: the duplicate cannot be merged again, nor kept.
    await assert.rejects(mergeBusinesses(deps(), { actor: admin, survivorId: keep.id, mergedId: dup.id }), (e) => e instanceof AppError && e.messageKey === 'registry.merge.alreadyMerged')
  })

  test('refused when both have an assessment in the same cycle, naming the cycle', async () => {
    const a = await makeEntity(db())
    const b = await makeEntity(db())
    const c69 = await cycle('2569')
    await db().insert(assessments).values([{ entityId: a.id, cycleId: c69.id }, { entityId: b.id, cycleId: c69.id }])
    const preview = await previewMerge(deps(), { actor: admin, thisId: a.id, otherJuristicId: b.juristicId, survivor: 'this' })
    assert.deepEqual(preview, { ok: false, messageKey: 'registry.merge.sameCycle', params: { cycles: '2569' } })
    await assert.rejects(mergeBusinesses(deps(), { actor: admin, survivorId: a.id, mergedId: b.id }), (e) => e instanceof AppError && e.messageKey === 'registry.merge.sameCycle')
    assert.equal((await db().select().from(reportingEntities).where(eq(reportingEntities.id, b.id)))[0]!.status, 'active')
  })
})
