/**
 * Support tickets through the real pages: staff queues (admin: technical, examiner/supervisor:
 * supervision), the ticket page with reply, close and move, requesters replying signed in
 * (/account/support) and through the signed e-mailed link, and refused links.
 */
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { ANONYMOUS, type Actor } from '#src/identity/permissions.ts'
import { answerTicket } from '#src/support/answer-ticket.ts'
import { createSupportTicket } from '#src/support/create-support-ticket.ts'
import { signReplyToken } from '#src/support/reply-link.ts'
import { supportTicketMessages, supportTickets } from '#src/support/support.tables.ts'
import { Client, csrfOf, makeEntity, makeUser } from '#tests/support/builders.ts'
import { multipartBody, type MultipartEntry } from '#tests/support/multipart.ts'
import { HTML_PAGE, PNG_1X1 } from '#tests/support/sample-files.ts'
import { redactTokens } from '#src/web/lib/token-urls.ts'
import { staffClient as signedInStaff, type StaffRole } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { auditRows, lastMail } from '#tests/support/totp.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

const input = {
  category: 'technical' as const,
  topic: 'business_not_found' as const,
  businessName: 'บริษัท ทองดี จำกัด',
  juristicId: '0105561234560',
  businessType: 'precious_goods' as const,
  contactName: 'สมชาย ใจดี',
  phone: '+66812345678',
  email: 'somchai@example.com',
  message: 'ไม่พบรายชื่อกิจการของบริษัท',
}
const newTicket = (over: Partial<typeof input> = {}, actor: Actor = ANONYMOUS, key = `k${Math.random()}`) =>
  createSupportTicket(t.deps, { actor, input: { ...input, ...over }, locale: 'th', idempotencyKey: key })

async function staffClient(role: StaffRole, username: string) {
  const { client, user } = await signedInStaff(t, role, username, { lastName: 'เจ้าหน้าที่' })
  return { client, user, actor: { kind: 'user', id: user.id, role, entityId: null, displayName: username } as const }
}

/** Posts a multipart form the way a browser does: CSRF first, the file last. */
async function postMultipart(client: Client, pageUrl: string, action: string, fields: Record<string, string>, file?: { filename: string; content: Buffer }) {
  const page = await client.get(pageUrl)
  const $ = html(page)
  const formId = $('#reply-form input[name="formId"]').attr('value') ?? ''
  const entries: MultipartEntry[] = [['_csrf', csrfOf(page)], ['formId', formId], ...Object.entries(fields), ['attachment', file ?? { filename: '', content: Buffer.alloc(0) }]]
  const { payload, contentType } = multipartBody(entries)
  const res = await t.app.inject({ method: 'POST', url: action, payload, headers: { 'content-type': contentType, cookie: client.jar.header() } })
  client.jar.store(res)
  return res
}

const status = async (id: string) => (await db().select({ s: supportTickets.status, q: supportTickets.queue }).from(supportTickets).where(eq(supportTickets.id, id)))[0]!
const text = (res: LightMyRequestResponse, sel: string) => html(res)(sel).text().replace(/\s+/g, ' ').trim()

describe('staff queues', () => {
  test('admins see the technical queue with counts and ageing; the ticket page offers reply, close, move and the registry link', async () => {
    const ticket = await newTicket()
    await newTicket({ category: 'content' as never, topic: 'questionnaire' as never })
    t.clock.advance(27 * 3_600_000)
    const { client } = await staffClient('admin', 'admin1')

    const home = await client.get('/admin')
    assert.equal(html(home)('a[href="/admin/support"]').length, 1, 'the admin home links the queue')
    const queue = await client.get('/admin/support')
    assert.equal(queue.statusCode, 200)
    const $ = html(queue)
    assert.equal($('#ticket-counts [data-status="open"] [data-count]').text(), '1')
    assert.equal($('#tickets tbody tr').length, 1, 'only the technical ticket')
    assert.match(text(queue, '#tickets tbody'), /บริษัท ทองดี จำกัด.*ไม่พบรายชื่อกิจการ.*รอเจ้าหน้าที่ตอบ.*1 วัน 3 ชั่วโมง/)
    assert.equal(html(await client.get('/admin/support?status=closed'))('#tickets td.table__empty').length, 1)

    const page = await client.get(`/admin/support/${ticket.id}`)
    assert.equal(page.statusCode, 200)
    const p = html(page)
    assert.equal(p('h1').text(), `เรื่องเลขที่ ${ticket.reference}`)
    assert.match(text(page, '#thread'), /ไม่พบรายชื่อกิจการของบริษัท/)
    assert.equal(p('#add-to-registry').attr('href'), '/admin/businesses/new?name=%E0%B8%9A%E0%B8%A3%E0%B8%B4%E0%B8%A9%E0%B8%B1%E0%B8%97+%E0%B8%97%E0%B8%AD%E0%B8%87%E0%B8%94%E0%B8%B5+%E0%B8%88%E0%B8%B3%E0%B8%81%E0%B8%B1%E0%B8%94&juristicId=0105561234560&businessTypeCode=precious_goods')
    assert.equal(p('#reply-form').attr('enctype'), 'multipart/form-data')
    assert.equal(p('#close-form').length, 1)
    assert.equal(p('#move-form').length, 1)
  })

  test('supervision staff see only the supervision queue; admins cannot open it, and other-queue tickets are not found', async () => {
    const technical = await newTicket()
    const content = await newTicket({ category: 'content' as never, topic: 'questionnaire' as never })
    const { client: exam } = await staffClient('examiner', 'exam1')
    assert.equal(html(await exam.get('/staff'))('a[href="/staff/support"]').length, 1, 'the staff home links the queue')
    const q = await exam.get('/staff/support')
    assert.equal(q.statusCode, 200)
    assert.match(text(q, '#tickets tbody'), new RegExp(content.reference))
    assert.equal((await exam.get(`/staff/support/${technical.id}`)).statusCode, 404)
    assert.equal((await exam.get('/admin/support')).statusCode, 403)
    const { client: admin } = await staffClient('admin', 'admin1')
    assert.equal((await admin.get('/staff/support')).statusCode, 403)
    assert.equal((await admin.get(`/admin/support/${content.id}`)).statusCode, 404)
  })

  test('reply with an attachment → answered and mailed; an empty reply or a disguised file is refused; close; move with a reason', async () => {
    const ticket = await newTicket()
    const { client } = await staffClient('admin', 'admin1')
    const url = `/admin/support/${ticket.id}`

    const empty = await postMultipart(client, url, `${url}/reply`, { body: '   ' })
    assert.equal(empty.statusCode, 422)
    assert.equal(html(empty)('.error-summary a[href="#body"]').length, 1)
    assert.equal(html(empty)('#body').attr('aria-invalid'), 'true')
    const disguised = await postMultipart(client, url, `${url}/reply`, { body: 'ดูไฟล์' }, { filename: 'shot.png', content: HTML_PAGE })
    assert.equal(disguised.statusCode, 415)
    assert.equal(html(disguised)('.error-summary a[href="#attachment"]').length, 1)
    assert.equal((await db().select().from(supportTicketMessages)).length, 0)

    const ok = await postMultipart(client, url, `${url}/reply`, { body: 'โปรดส่งหนังสือรับรองบริษัท' }, { filename: 'ตัวอย่าง.png', content: PNG_1X1 })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, url)
    const after = await client.get(url)
    assert.match(text(after, '.notification-banner, [role="alert"]'), /ส่งคำตอบแล้ว/)
    assert.match(text(after, '#thread'), /admin1 เจ้าหน้าที่ \(เจ้าหน้าที่\).*โปรดส่งหนังสือรับรองบริษัท/)
    assert.equal((await status(ticket.id)).s, 'answered')
    const file = html(after)('#thread [data-ticket-file]')
    assert.equal(file.text(), 'ตัวอย่าง.png')
    const download = await client.get(file.attr('href')!)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'image/png')
    assert.match(String(download.headers['content-disposition']), /^attachment;/)
    const mail = await lastMail(db(), 'support_reply', 'somchai@example.com')
    assert.match((mail.payload as { replyUrl: string }).replyUrl, /\/help\/ticket-reply\/[0-9a-f-]{36}\.\d+\.[A-Za-z0-9_-]{43}$/)

    const closed = await client.submit(url, `${url}/close`, {})
    assert.equal(closed.statusCode, 303)
    assert.equal((await status(ticket.id)).s, 'closed')
    const closedPage = html(await client.get(url))
    assert.equal(closedPage('#reply-form').length, 0)
    assert.equal(closedPage('#reopen-form').length, 1)
    assert.equal((await client.submit(url, `${url}/reopen`, {})).statusCode, 303)

    const noReason = await client.submit(url, `${url}/move`, { reason: '' })
    assert.equal(noReason.statusCode, 422)
    assert.equal(html(noReason)('.error-summary a[href="#reason"]').length, 1)
    const moved = await client.submit(url, `${url}/move`, { reason: 'เป็นคำถามเรื่องแบบประเมิน' })
    assert.equal(moved.statusCode, 303)
    assert.equal(moved.headers.location, '/admin/support')
    assert.equal((await status(ticket.id)).q, 'supervision')
    assert.equal((await client.get(url)).statusCode, 404)
    assert.deepEqual((await auditRows(db())).map((r) => r.action).filter((a) => a.startsWith('support.')), ['support.ticket_created', 'support.replied', 'support.status_changed', 'support.status_changed', 'support.moved'])
  })
})

describe('requesters', () => {
  test('without an account: the signed link shows the thread (not the staff note) and takes a reply with CSRF, which reopens the ticket', async () => {
    const ticket = await newTicket()
    const { actor } = await staffClient('admin', 'admin1')
    await answerTicket(t.deps, { actor, queue: 'admin', ticketId: ticket.id, body: 'โปรดแจ้งเลขทะเบียน', idempotencyKey: 'a1' })
    const link = new URL(((await lastMail(db(), 'support_reply', 'somchai@example.com')).payload as { replyUrl: string }).replyUrl).pathname

    assert.equal(redactTokens(link), '/help/ticket-reply/[redacted]', 'the token never reaches the logs')
    const visitor = new Client(t.app)
    const page = await visitor.get(link)
    assert.equal(page.statusCode, 200)
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    assert.match(text(page, '#thread'), /โปรดแจ้งเลขทะเบียน/)
    assert.equal(html(page)('#thread [data-author="note"]').length, 0)

    const noCsrf = await t.app.inject({ method: 'POST', url: link, payload: 'body=hi', headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: visitor.jar.header() } })
    assert.equal(noCsrf.statusCode, 403)
    const sent = await postMultipart(visitor, link, link, { body: 'เลขทะเบียน 0105561234560' })
    assert.equal(sent.statusCode, 303)
    assert.equal(sent.headers.location, link)
    assert.match(text(await visitor.get(link), '#thread'), /เลขทะเบียน 0105561234560/)
    assert.equal((await status(ticket.id)).s, 'open')
    await lastMail(db(), 'support_queue_notice', 'admin1@example.com')
  })

  test('a tampered, forged-for-another-ticket or expired link is refused with a clear page', async () => {
    const ticket = await newTicket()
    const other = await newTicket({ email: 'other@example.com' })
    const secret = t.deps.config.sessionSecret
    const good = signReplyToken(secret, ticket.id, new Date('2026-12-29T03:00:00Z'))
    const [, exp, mac] = good.split('.')
    const tampered = await t.app.inject({ method: 'GET', url: `/help/ticket-reply/${other.id}.${exp}.${mac}` })
    assert.equal(tampered.statusCode, 404)
    assert.equal(text(tampered, 'h1'), 'ลิงก์นี้ใช้ไม่ได้')
    assert.doesNotMatch(tampered.body, new RegExp(other.reference))
    assert.equal((await t.app.inject({ method: 'GET', url: '/help/ticket-reply/nonsense' })).statusCode, 404)

    t.clock.set('2026-12-30T00:00:00Z')
    const expired = await t.app.inject({ method: 'GET', url: `/help/ticket-reply/${good}`, headers: { cookie: 'amrac_lang=en' } })
    assert.equal(expired.statusCode, 410)
    assert.equal(text(expired, 'h1'), 'This link has expired')
    assert.equal(html(expired)('a[href="/help/contact"]').length > 0, true)
    assert.doesNotMatch(expired.body, new RegExp(ticket.reference))
  })

  test('with an account: /account/support lists their tickets; they reply there; others get not found', async () => {
    const entity = await makeEntity(db())
    const owner = await makeUser(db(), { entityId: entity.id, username: 'owner', email: 'owner@example.com' })
    await makeUser(db(), { entityId: entity.id, username: 'other', email: 'other@example.com' })
    const ownerActor = { kind: 'user', id: owner.id, role: 'entity_user', entityId: entity.id, displayName: 'owner' } as const
    const ticket = await newTicket({ email: 'owner@example.com' }, ownerActor)
    const { actor } = await staffClient('admin', 'admin1')
    await answerTicket(t.deps, { actor, queue: 'admin', ticketId: ticket.id, body: 'ได้รับเรื่องแล้ว', idempotencyKey: 'a1' })
    assert.equal(((await lastMail(db(), 'support_reply', 'owner@example.com')).payload as { replyUrl: string }).replyUrl, `${t.deps.config.baseUrl}/account/support/${ticket.id}`)

    const client = new Client(t.app)
    assert.equal((await client.signIn('owner')).statusCode, 303)
    const home = await client.get('/')
    assert.equal(html(home)('footer a[href="/account/support"]').length, 1)
    assert.equal(html(home)('footer a[href="/help/contact"]').length, 1)
    const list = await client.get('/account/support')
    assert.equal(list.statusCode, 200)
    assert.match(text(list, '#tickets tbody'), new RegExp(`${ticket.reference}.*ตอบแล้ว`))
    const url = `/account/support/${ticket.id}`
    t.clock.advance(60_000)
    const sent = await postMultipart(client, url, url, { body: 'ขอบคุณครับ' })
    assert.equal(sent.statusCode, 303)
    assert.match(text(await client.get(url), '#thread'), /ได้รับเรื่องแล้ว.*ขอบคุณครับ/)
    assert.equal((await status(ticket.id)).s, 'open')

    const stranger = new Client(t.app)
    await stranger.signIn('other')
    assert.equal((await stranger.get(url)).statusCode, 404)
    assert.equal(html(await stranger.get('/account/support'))('#tickets td.table__empty').length, 1)
  })

  test('the contact form is reachable signed out from the footer of every page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' })
    assert.equal(html(res)('footer a[href="/help/contact"]').length, 1)
  })
})
