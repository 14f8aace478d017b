/**
 * Ticket threads on the real migrations: staff replies, requester replies (account and signed
 * link), close/reopen with the reopen window, moves between queues, idempotency, scoping, audit
 * events and outbox mails.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { ANONYMOUS, type Actor, type Role } from '#src/identity/permissions.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { fixedClock } from '#src/platform/clock.ts'
import { isAppError } from '#src/platform/errors.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { answerTicket } from './answer-ticket.ts'
import { createSupportTicket } from './create-support-ticket.ts'
import { getTicketThread } from './get-ticket-thread.ts'
import { listOwnTickets, listSupportQueue } from './list-support-queue.ts'
import { moveTicket } from './move-ticket.ts'
import { replyAsRequester } from './reply-as-requester.ts'
import { verifyReplyToken } from './reply-link.ts'
import { setTicketStatus } from './set-ticket-status.ts'
import { supportTicketMessages, supportTickets } from './support.tables.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const config = { baseUrl: 'https://amrac.test', sessionSecret: 'test-secret-for-support-0123456789' }
const deps = () => ({ database: tdb.handle, clock, config })
before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  clock.set('2026-11-29T03:00:00Z')
})

const input = {
  category: 'technical' as const,
  topic: 'business_not_found' as const,
  businessName: 'บริษัท ทองดี จำกัด',
  juristicId: '0105561234560',
  businessType: 'precious_goods' as const,
  contactName: 'สมชาย ใจดี',
  phone: '+66812345678',
  email: 'somchai@example.com',
  message: 'ไม่พบรายชื่อกิจการ',
}
const db = () => tdb.handle.db
const asActor = (u: { id: string; role: string; entityId: string | null }) =>
  ({ kind: 'user', id: u.id, role: u.role as Role, entityId: u.entityId, displayName: 'x' }) satisfies Actor
const mails = (template: string) => db().select().from(outbox).where(eq(outbox.template, template)).orderBy(asc(outbox.createdAt))
const audits = (action: string) => db().select().from(auditLog).where(eq(auditLog.action, action))
const ticketRow = async (id: string) => (await db().select().from(supportTickets).where(eq(supportTickets.id, id)))[0]!
const code = (c: string, key?: string) => (e: unknown) => isAppError(e) && e.code === c && (key === undefined || e.messageKey === key)

async function setup() {
  const admin = asActor(await makeUser(db(), { role: 'admin', username: 'admin1', email: 'admin1@amlo.test', firstName: 'วิชัย', lastName: 'ผู้ดูแล' }))
  await makeUser(db(), { role: 'admin', username: 'admin2', email: 'admin2@amlo.test', status: 'deactivated' })
  const examiner = asActor(await makeUser(db(), { role: 'examiner', username: 'exam1', email: 'exam1@amlo.test' }))
  const supervisor = asActor(await makeUser(db(), { role: 'supervisor', username: 'sup1', email: 'sup1@amlo.test' }))
  const ticket = await createSupportTicket(deps(), { actor: ANONYMOUS, input, locale: 'th', idempotencyKey: 'new-1' })
  return { admin, examiner, supervisor, ticket }
}

describe('new tickets', () => {
  test('notify every active user of the queue role, and only them', async () => {
    await setup()
    const notices = await mails('support_queue_notice')
    assert.deepEqual(notices.map((m) => m.toAddress), ['admin1@amlo.test'])
    const p = notices[0]!.payload as { event: string; ticketUrl: string; staffName: string }
    assert.equal(p.event, 'new')
    assert.match(p.ticketUrl, /^https:\/\/amrac\.test\/admin\/support\/[0-9a-f-]{36}$/)
    assert.equal(p.staffName, 'วิชัย ผู้ดูแล')
  })
})

describe('staff reply, requester reply through the link, close, reopen', () => {
  test('a full conversation with its statuses, audit events and mails', async () => {
    const { admin, ticket } = await setup()
    clock.advance(3_600_000)
    const r = await answerTicket(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, body: 'กรุณาแจ้งเลขทะเบียน', idempotencyKey: 'r1' })
    assert.equal(r.isNew, true)
    assert.equal((await ticketRow(ticket.id)).status, 'answered')
    const [replyMail] = await mails('support_reply')
    assert.equal(replyMail!.toAddress, 'somchai@example.com')
    const payload = replyMail!.payload as { replyUrl: string; linkExpiresAt: string }
    const token = payload.replyUrl.replace('https://amrac.test/help/ticket-reply/', '')
    const check = verifyReplyToken(config.sessionSecret, token, clock.now())
    assert.ok(check.ok && check.ticketId === ticket.id, 'the mailed link opens this ticket')
    assert.equal(payload.linkExpiresAt, '2026-12-29T04:00:00.000Z')

    // The same post again (double click) adds nothing.
    assert.equal((await answerTicket(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, body: 'กรุณาแจ้งเลขทะเบียน', idempotencyKey: 'r1' })).isNew, false)
    assert.equal((await mails('support_reply')).length, 1)

    clock.advance(2 * 3_600_000)
    await replyAsRequester(deps(), { actor: ANONYMOUS, access: { kind: 'link' }, ticketId: ticket.id, body: 'เลขทะเบียน 0105561234560', idempotencyKey: 'q1' })
    const afterReply = await ticketRow(ticket.id)
    assert.equal(afterReply.status, 'open')
    assert.equal(afterReply.lastRequesterAt.toISOString(), '2026-11-29T06:00:00.000Z')
    const notice = (await mails('support_queue_notice')).at(-1)!
    assert.equal((notice.payload as { event: string }).event, 'requester_reply')

    const thread = await getTicketThread(deps(), { scope: { kind: 'queue', queue: 'admin' }, ticketId: ticket.id })
    assert.deepEqual(
      thread.messages.map((m) => [m.authorKind, m.authorName, m.body]),
      [
        ['staff', 'วิชัย ผู้ดูแล', 'กรุณาแจ้งเลขทะเบียน'],
        ['requester', 'สมชาย ใจดี', 'เลขทะเบียน 0105561234560'],
      ],
    )
    const replied = await audits('support.replied')
    assert.deepEqual(
      replied.map((a) => [a.actorUserId, (a.payload as { by: string; viaLink: boolean; from: string; to: string }).by, (a.payload as { viaLink: boolean }).viaLink]),
      [
        [admin.id, 'staff', false],
        [null, 'requester', true],
      ],
    )

    // Close; the requester reopens by replying within 14 days; staff reopen any time.
    await setTicketStatus(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, action: 'close' })
    assert.equal((await ticketRow(ticket.id)).closedAt?.toISOString(), '2026-11-29T06:00:00.000Z')
    await assert.rejects(setTicketStatus(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, action: 'close' }), code('INVALID_TRANSITION', 'support.errors.notAllowed'))
    clock.advance(13 * 86_400_000)
    await replyAsRequester(deps(), { actor: ANONYMOUS, access: { kind: 'link' }, ticketId: ticket.id, body: 'ยังไม่เรียบร้อย', idempotencyKey: 'q2' })
    assert.deepEqual([(await ticketRow(ticket.id)).status, (await ticketRow(ticket.id)).closedAt], ['open', null])

    await setTicketStatus(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, action: 'close' })
    clock.advance(15 * 86_400_000)
    await assert.rejects(
      replyAsRequester(deps(), { actor: ANONYMOUS, access: { kind: 'link' }, ticketId: ticket.id, body: 'ช้าไป', idempotencyKey: 'q3' }),
      code('INVALID_TRANSITION', 'support.errors.closedTooLong'),
    )
    await setTicketStatus(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, action: 'reopen' })
    assert.equal((await ticketRow(ticket.id)).status, 'open')
    assert.deepEqual(
      (await audits('support.status_changed')).map((a) => (a.payload as { to: string }).to),
      ['closed', 'closed', 'open'],
    )
  })

  test('an account holder gets a link to /account/support, not a signed link; only they reach the ticket', async () => {
    const { admin } = await setup()
    const entity = await makeEntity(db())
    const owner = asActor(await makeUser(db(), { entityId: entity.id, username: 'owner', email: 'owner@example.com' }))
    const other = asActor(await makeUser(db(), { entityId: entity.id, username: 'other', email: 'other@example.com' }))
    const t = await createSupportTicket(deps(), { actor: owner, input: { ...input, email: 'owner@example.com' }, locale: 'en', idempotencyKey: 'acc-1' })
    await answerTicket(deps(), { actor: admin, queue: 'admin', ticketId: t.id, body: 'Answer', idempotencyKey: 'ra' })
    const [m] = await db().select().from(outbox).where(and(eq(outbox.template, 'support_reply'), eq(outbox.toAddress, 'owner@example.com')))
    assert.deepEqual(m!.payload, { contactName: 'สมชาย ใจดี', reference: t.reference, replyUrl: `https://amrac.test/account/support/${t.id}`, linkExpiresAt: null })
    assert.equal(m!.locale, 'en')

    await assert.rejects(
      replyAsRequester(deps(), { actor: other, access: { kind: 'account', userId: other.id }, ticketId: t.id, body: 'x', idempotencyKey: 'o1' }),
      code('NOT_FOUND'),
    )
    await assert.rejects(getTicketThread(deps(), { scope: { kind: 'account', userId: other.id }, ticketId: t.id }), code('NOT_FOUND'))
    await replyAsRequester(deps(), { actor: owner, access: { kind: 'account', userId: owner.id }, ticketId: t.id, body: 'Thanks', idempotencyKey: 'o2' })
    const [msg] = await db().select().from(supportTicketMessages).where(eq(supportTicketMessages.authorKind, 'requester'))
    assert.equal(msg!.authorUserId, owner.id)
    assert.deepEqual((await listOwnTickets(deps(), { userId: owner.id })).map((x) => x.reference), [t.reference])
    assert.deepEqual(await listOwnTickets(deps(), { userId: other.id }), [])
  })
})

describe('queues', () => {
  test('staff of the other queue cannot reach a ticket; a move hands it over with a staff-only note', async () => {
    const { admin, examiner, ticket } = await setup()
    await assert.rejects(answerTicket(deps(), { actor: examiner, queue: 'supervision', ticketId: ticket.id, body: 'x', idempotencyKey: 'e1' }), code('NOT_FOUND'))

    await moveTicket(deps(), { actor: admin, queue: 'admin', ticketId: ticket.id, reason: 'เป็นคำถามเรื่องแบบประเมิน' })
    assert.equal((await ticketRow(ticket.id)).queue, 'supervision')
    await assert.rejects(getTicketThread(deps(), { scope: { kind: 'queue', queue: 'admin' }, ticketId: ticket.id }), code('NOT_FOUND'))
    const staffView = await getTicketThread(deps(), { scope: { kind: 'queue', queue: 'supervision' }, ticketId: ticket.id })
    assert.deepEqual(staffView.messages.map((m) => [m.kind, m.movedToQueue, m.body]), [['move_note', 'supervision', 'เป็นคำถามเรื่องแบบประเมิน']])
    const requesterView = await getTicketThread(deps(), { scope: { kind: 'link' }, ticketId: ticket.id })
    assert.deepEqual(requesterView.messages, [], 'the requester never sees the move note')
    const moved = (await mails('support_queue_notice')).filter((m) => (m.payload as { event: string }).event === 'moved_in')
    assert.deepEqual(moved.map((m) => m.toAddress).sort(), ['exam1@amlo.test', 'sup1@amlo.test'])
    const [audit] = await audits('support.moved')
    assert.deepEqual(audit!.payload, { action: 'support.moved', reference: ticket.reference, from: 'admin', to: 'supervision', reason: 'เป็นคำถามเรื่องแบบประเมิน' })

    await answerTicket(deps(), { actor: examiner, queue: 'supervision', ticketId: ticket.id, body: 'ตอบแล้ว', idempotencyKey: 'e2' })
    assert.equal((await ticketRow(ticket.id)).status, 'answered')
  })

  test('counts per status, filter, oldest first, ageing from the clock', async () => {
    const { admin, ticket: first } = await setup()
    clock.advance(26 * 3_600_000)
    const second = await createSupportTicket(deps(), { actor: ANONYMOUS, input, locale: 'th', idempotencyKey: 'new-2' })
    const third = await createSupportTicket(deps(), { actor: ANONYMOUS, input, locale: 'th', idempotencyKey: 'new-3' })
    await answerTicket(deps(), { actor: admin, queue: 'admin', ticketId: third.id, body: 'ok', idempotencyKey: 'a3' })
    clock.advance(2 * 3_600_000)
    const open = await listSupportQueue(deps(), { queue: 'admin' })
    assert.deepEqual(open.counts, { open: 2, answered: 1, closed: 0 })
    assert.equal(open.filter, 'open')
    assert.deepEqual(open.items.map((i) => [i.reference, i.hoursOpen, i.hoursSinceRequester]), [
      [first.reference, 28, 28],
      [second.reference, 2, 2],
    ])
    const all = await listSupportQueue(deps(), { queue: 'admin', status: 'all' })
    assert.deepEqual(all.items.map((i) => i.reference), [first.reference, second.reference, third.reference])
    assert.deepEqual((await listSupportQueue(deps(), { queue: 'supervision', status: 'all' })).items, [])
  })

  test('the database refuses a reply body over 2,000 characters and an unknown attachment type', async () => {
    const { ticket } = await setup()
    const row = { ticketId: ticket.id, authorKind: 'staff', body: 'x', createdAt: clock.now() }
    const violates = (name: string) => (e: Error) => new RegExp(name).test(`${e.message} ${(e.cause as Error | undefined)?.message ?? ''}`)
    await assert.rejects(db().insert(supportTicketMessages).values({ ...row, body: 'ก'.repeat(2001) }), violates('support_ticket_messages_body_length'))
    await assert.rejects(
      db().insert(supportTicketMessages).values({ ...row, attachmentKey: 'k', attachmentName: 'a.html', attachmentType: 'text/html', attachmentSize: 1, attachmentSha256: 'x' }),
      violates('support_ticket_messages_attachment_type'),
    )
  })
})
