import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { ANONYMOUS, type Actor } from '#src/identity/permissions.ts'
import { fixedClock } from '#src/platform/clock.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { insertEntity, insertEntityUser } from '#tests/support/support-fixtures.ts'
import { createSupportTicket } from './create-support-ticket.ts'
import { getContactDefaults } from './get-contact-defaults.ts'
import { supportTickets } from './support.tables.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(() => tdb.reset())

const deps = () => ({ database: tdb.handle, clock, config: { baseUrl: 'https://amrac.test', sessionSecret: 'test-secret-for-support-0123456789' } })
const input = {
  category: 'content' as const,
  topic: undefined,
  businessName: 'บริษัท ทองดี จำกัด',
  juristicId: '0105561234560',
  businessType: 'precious_goods' as const,
  contactName: 'สมชาย ใจดี',
  phone: '+66812345678',
  email: 'somchai@example.com',
  message: 'ข้อ ข 7 หมายถึงอะไร',
}

describe('createSupportTicket', () => {
  test('anonymous: a row routed to the supervision queue and a ticket_created audit event, in one go', async () => {
    const t = await createSupportTicket(deps(), { actor: ANONYMOUS, input, locale: 'th', idempotencyKey: 'k1', client: { ip: '127.0.0.1' } })
    assert.equal(t.isNew, true)
    assert.equal(t.queue, 'supervision')
    assert.match(t.reference, /^T-2569-\d{6}$/)
    const [row] = await tdb.handle.db.select().from(supportTickets).where(eq(supportTickets.id, t.id))
    assert.equal(row!.queue, 'supervision')
    assert.equal(row!.topic, 'questionnaire') // default for content
    assert.equal(row!.status, 'open')
    assert.equal(row!.createdByUserId, null)
    assert.equal(row!.screenshotKey, null)
    const audit = await tdb.handle.db.select().from(auditLog).where(eq(auditLog.targetId, t.id))
    assert.equal(audit.length, 1)
    assert.equal(audit[0]!.action, 'support.ticket_created')
    assert.deepEqual(audit[0]!.payload, { action: 'support.ticket_created', category: 'content', reference: t.reference })
    assert.equal(audit[0]!.targetType, 'ticket')
  })

  test('technical → admin queue; references are unique', async () => {
    const a = await createSupportTicket(deps(), { actor: ANONYMOUS, input: { ...input, category: 'technical', topic: 'business_not_found' }, locale: 'en', idempotencyKey: 'a' })
    const b = await createSupportTicket(deps(), { actor: ANONYMOUS, input: { ...input, category: 'technical' }, locale: 'th', idempotencyKey: 'b' })
    assert.equal(a.queue, 'admin')
    assert.notEqual(a.reference, b.reference)
    const [row] = await tdb.handle.db.select().from(supportTickets).where(eq(supportTickets.id, a.id))
    assert.equal(row!.topic, 'business_not_found')
    assert.equal(row!.locale, 'en')
  })

  test('the same idempotency key returns the first ticket and writes nothing more', async () => {
    const first = await createSupportTicket(deps(), { actor: ANONYMOUS, input, locale: 'th', idempotencyKey: 'same' })
    const again = await createSupportTicket(deps(), { actor: ANONYMOUS, input, locale: 'th', idempotencyKey: 'same' })
    assert.equal(again.isNew, false)
    assert.equal(again.reference, first.reference)
    assert.equal((await tdb.handle.db.select().from(supportTickets)).length, 1)
    assert.equal((await tdb.handle.db.select().from(auditLog)).length, 1)
  })

  test('a signed-in user: their id and business are recorded; the screenshot metadata is stored', async () => {
    const entity = await insertEntity(tdb.handle.db)
    const user = await insertEntityUser(tdb.handle.db, entity.id)
    const actor: Actor = { kind: 'user', id: user.id, role: 'entity_user', entityId: entity.id, displayName: 'สมชาย ใจดี' }
    const screenshot = { key: 'a'.repeat(32), name: 'จอ.png', mediaType: 'image/png' as const, size: 70, sha256: 'b'.repeat(64) }
    const t = await createSupportTicket(deps(), { actor, input, screenshot, locale: 'th', idempotencyKey: 'u1' })
    const [row] = await tdb.handle.db.select().from(supportTickets).where(eq(supportTickets.id, t.id))
    assert.equal(row!.createdByUserId, user.id)
    assert.equal(row!.entityId, entity.id)
    assert.deepEqual(
      [row!.screenshotKey, row!.screenshotName, row!.screenshotType, row!.screenshotSize, row!.screenshotSha256],
      [screenshot.key, screenshot.name, 'image/png', 70, screenshot.sha256],
    )
    const [audit] = await tdb.handle.db.select().from(auditLog).where(eq(auditLog.targetId, t.id))
    assert.equal(audit!.actorUserId, user.id)
    assert.equal(audit!.entityId, entity.id)
  })

  test('the CHECK constraints back the schema: an empty message is refused by the database too', async () => {
    await assert.rejects(
      createSupportTicket(deps(), { actor: ANONYMOUS, input: { ...input, message: '' }, locale: 'th', idempotencyKey: 'empty' }),
      (e: Error) => /support_tickets_message_length/.test(`${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`),
    )
    assert.equal((await tdb.handle.db.select().from(auditLog)).length, 0, 'the transaction rolled back')
  })
})

describe('getContactDefaults', () => {
  test('anonymous: nothing; a user: their name, phone, e-mail and business', async () => {
    assert.deepEqual(await getContactDefaults(deps(), { actor: ANONYMOUS, locale: 'th' }), {})
    const entity = await insertEntity(tdb.handle.db)
    const user = await insertEntityUser(tdb.handle.db, entity.id)
    const actor: Actor = { kind: 'user', id: user.id, role: 'entity_user', entityId: entity.id, displayName: 'x' }
    const d = await getContactDefaults(deps(), { actor, locale: 'th' })
    assert.equal(d.contactName, 'สมชาย ใจดี')
    assert.equal(d.phone, '081-234-5678')
    assert.equal(d.email, 'somchai@example.com')
    assert.match(d.businessName!, /ทองดีเยาวราช/)
    assert.equal(d.juristicId, entity.juristicId)
    assert.equal(d.businessType, 'precious_goods')
  })
})
