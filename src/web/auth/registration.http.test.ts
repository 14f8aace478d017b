/**
 * ลงทะเบียนผู้ใช้งาน: find the business, give details, get the e-mail (user name, link, form — never
 * the password), confirm, become entity administrator; a second registrant waits for approval.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { oneTimeTokens, users } from '#src/identity/users.tables.ts'
import { Client, juristicId, makeEntity } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
beforeEach(() => t.testDb.reset())
const db = () => t.deps.database.db

const details = (over: Record<string, string> = {}) => ({
  title: 'mr',
  firstName: 'สมชาย',
  lastName: 'ทองดี',
  position: 'กรรมการผู้จัดการ',
  phone: '081-234-5678',
  email: 'somchai@example.com',
  username: 'somchai.gold',
  password: 'ทองคำเยาวราช 2569 สดใส',
  passwordConfirm: 'ทองคำเยาวราช 2569 สดใส',
  acceptTerms: 'yes',
  acceptPrivacy: 'yes',
  ...over,
})

async function register(client: Client, entityId: string, over: Record<string, string> = {}) {
  return client.submit(`/auth/register/${entityId}`, `/auth/register/${entityId}`, details(over))
}

async function confirmLinkFor(email: string): Promise<string> {
  const rows = await db().select().from(outbox).where(eq(outbox.toAddress, email))
  const mail = rows.find((r) => r.template === 'registration')
  assert.ok(mail, `a registration mail to ${email}`)
  return new URL((mail.payload as { confirmUrl: string }).confirmUrl).pathname
}

describe('finding the business', () => {
  test('by juristic number, with the checksum checked on the server', async () => {
    const entity = await makeEntity(db(), { nameTh: 'ทองดีเยาวราช' })
    const c = new Client(t.app)
    const found = html(await c.get(`/auth/register?q=${entity.juristicId}`))
    assert.match(found('main').text(), /บริษัท ทองดีเยาวราช จำกัด/)
    assert.equal(found(`a[href="/auth/register/${entity.id}"]`).length, 1)

    const wrongCheck = entity.juristicId.slice(0, 12) + String((Number(entity.juristicId[12]) + 1) % 10)
    const bad = await c.get(`/auth/register?q=${wrongCheck}`)
    assert.equal(bad.statusCode, 400)
    const $ = html(bad)
    assert.match($('.error-summary').text(), /เลขทะเบียนนิติบุคคลไม่ถูกต้อง/)
    assert.equal($('.error-summary a').attr('href'), '#q')
    assert.equal($('#q').attr('aria-invalid'), 'true')
    assert.equal($('#q').val(), wrongCheck, 'what they typed stays in the box')
  })

  test('by name, ignoring legal-form words and spaces', async () => {
    await makeEntity(db(), { nameTh: 'ทองสุวรรณ เยาวราช' })
    const $ = html(await new Client(t.app).get(`/auth/register?q=${encodeURIComponent('บริษัท ทองสุวรรณเยาวราช จำกัด')}`))
    assert.match($('main').text(), /ทองสุวรรณ เยาวราช/)
  })

  test('ไม่พบรายชื่อกิจการ offers the contact form pre-filled with what was typed', async () => {
    const unknown = juristicId(99_999)
    const $ = html(await new Client(t.app).get(`/auth/register?q=${unknown}`))
    assert.match($('main').text(), /ไม่พบรายชื่อกิจการ/)
    const link = $('a[href^="/help/contact"]').attr('href')!
    assert.match(link, /category=technical/)
    assert.match(link, new RegExp(`business=${unknown}`))
  })
})

describe('registering', () => {
  test('the first registrant gets the e-mail, confirms and becomes the business administrator', async () => {
    const entity = await makeEntity(db())
    const c = new Client(t.app)
    const res = await register(c, entity.id)
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/auth/register/sent')
    const sent = html(await c.get('/auth/register/sent'))
    assert.match(sent('main').text(), /s\*+@example\.com/)

    const [user] = await db().select().from(users).where(eq(users.usernameKey, 'somchai.gold'))
    assert.equal(user!.status, 'pending_email')
    assert.equal(user!.phone, '+66812345678')
    assert.notEqual(user!.passwordHash, details().password)
    assert.match(user!.passwordHash!, /^\$argon2id\$/)

    const [mail] = await db().select().from(outbox).where(eq(outbox.template, 'registration'))
    const payload = JSON.stringify(mail!.payload)
    assert.equal(mail!.toAddress, 'somchai@example.com')
    assert.match(payload, /somchai\.gold/)
    assert.ok(!payload.includes(details().password), 'the password is never e-mailed')
    // Only the hash of the link's token is stored.
    const token = (await confirmLinkFor('somchai@example.com')).split('/').pop()!
    const stored = await db().select().from(oneTimeTokens)
    assert.ok(stored.every((r) => r.tokenHash !== token && r.tokenHash.length === 64))

    const confirmPath = await confirmLinkFor('somchai@example.com')
    const page = await c.get(confirmPath)
    assert.equal(page.statusCode, 200)
    const [stillPending] = await db().select().from(users).where(eq(users.id, user!.id))
    assert.equal(stillPending!.status, 'pending_email', 'opening the link (e.g. by a mail scanner) confirms nothing')

    const done = await c.post('/auth/confirm-email', { _csrf: html(page)('input[name=_csrf]').val() as string, token })
    assert.equal(done.statusCode, 200)
    assert.match(html(done)('main').text(), /ผู้ดูแลบัญชีของกิจการ/)
    const [confirmed] = await db().select().from(users).where(eq(users.id, user!.id))
    assert.equal(confirmed!.status, 'active')
    assert.equal(confirmed!.role, 'entity_admin')

    const again = await c.post('/auth/confirm-email', { _csrf: html(page)('input[name=_csrf]').val() as string, token })
    assert.equal(again.statusCode, 410, 'the link works once')

    const login = await new Client(t.app).signIn('somchai.gold', details().password)
    assert.equal(login.statusCode, 303)
    assert.equal(login.headers.location, '/portal')

    const actions = (await db().select({ action: auditLog.action }).from(auditLog)).map((r) => r.action)
    for (const a of ['user.registered', 'user.email_confirmed', 'login.succeeded']) assert.ok(actions.includes(a), a)
  })

  test('a later registrant waits for the administrator, sees nothing until approved, then signs in', async () => {
    const entity = await makeEntity(db())
    const first = new Client(t.app)
    await register(first, entity.id)
    const firstLink = await confirmLinkFor('somchai@example.com')
    await first.post('/auth/confirm-email', { _csrf: html(await first.get(firstLink))('input[name=_csrf]').val() as string, token: firstLink.split('/').pop()! })

    const second = new Client(t.app)
    await register(second, entity.id, { username: 'somying', email: 'somying@example.com', firstName: 'สมหญิง' })
    const link = await confirmLinkFor('somying@example.com')
    const done = await second.post('/auth/confirm-email', { _csrf: html(await second.get(link))('input[name=_csrf]').val() as string, token: link.split('/').pop()! })
    assert.match(html(done)('main').text(), /อนุมัติ/)
    const notice = (await db().select().from(outbox).where(eq(outbox.template, 'approval_needed')))[0]
    assert.equal(notice!.toAddress, 'somchai@example.com')

    const pending = await second.signIn('somying', details().password)
    assert.equal(pending.statusCode, 403)
    assert.match(html(pending)('main').text(), /รอการอนุมัติ/)
    assert.equal((await second.get('/portal')).statusCode, 303, 'nothing of the business before approval')

    await first.signIn('somchai.gold', details().password)
    const list = html(await first.get('/portal/users'))
    assert.match(list('main').text(), /somying/)
    const [row] = await db().select().from(users).where(eq(users.usernameKey, 'somying'))
    const approve = await first.submit('/portal/users', `/portal/users/${row!.id}`, { action: 'approve' })
    assert.equal(approve.statusCode, 303)
    assert.equal((await db().select().from(outbox).where(eq(outbox.template, 'account_approved'))).length, 1)

    assert.equal((await second.signIn('somying', details().password)).statusCode, 303)
    assert.equal((await second.get('/portal')).statusCode, 200)
    assert.equal((await second.get('/portal/users')).statusCode, 403, 'an ordinary user does not manage users')
  })

  test('every problem is listed at once, linked to its field, with what was typed kept (never the password)', async () => {
    const entity = await makeEntity(db())
    const c = new Client(t.app)
    const res = await register(c, entity.id, { title: '', firstName: '', phone: '12345', email: 'not-an-email', username: 'สมชาย', password: 'short', passwordConfirm: 'other', acceptTerms: '' })
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.match($('title').text(), /^ข้อผิดพลาด:/)
    const links = $('.error-summary a').map((_, a) => $(a).attr('href')).get()
    assert.deepEqual(links, ['#title', '#firstName', '#phone', '#email', '#username', '#passwordConfirm', '#acceptTerms'])
    assert.match($('.error-summary').text(), /ตัวอักษรภาษาอังกฤษ/)
    assert.equal($('#lastName').val(), 'ทองดี')
    assert.equal($('#email').val(), 'not-an-email')
    assert.equal($('#password').val(), '')
    assert.equal($('#acceptPrivacy').attr('checked'), 'checked')
  })

  test('weak passwords and taken user names are explained', async () => {
    const entity = await makeEntity(db())
    const c = new Client(t.app)
    const weak = await register(c, entity.id, { password: 'password1234', passwordConfirm: 'password1234' })
    assert.equal(weak.statusCode, 422)
    assert.match(html(weak)('.error-summary').text(), /เดาง่าย/)
    await register(c, entity.id)
    const taken = await register(new Client(t.app), entity.id, { email: 'other@example.com' })
    assert.equal(taken.statusCode, 422)
    assert.match(html(taken)('.error-summary').text(), /มีผู้ใช้แล้ว/)
  })

  test('an e-mail that already has an account looks the same to the registrant; its owner is told instead', async () => {
    const entity = await makeEntity(db())
    await register(new Client(t.app), entity.id)
    await db().update(users).set({ status: 'active', emailVerifiedAt: new Date() })
    const again = await register(new Client(t.app), entity.id, { username: 'someone.else', email: 'SOMCHAI@example.com' })
    assert.equal(again.statusCode, 303)
    assert.equal(again.headers.location, '/auth/register/sent')
    assert.equal((await db().select().from(users)).length, 1)
    const notices = await db().select().from(outbox).where(eq(outbox.template, 'account_exists_notice'))
    assert.equal(notices.length, 1)
    assert.equal(notices[0]!.toAddress, 'somchai@example.com')
  })

  test('markup in names is stored and shown as text', async () => {
    const entity = await makeEntity(db())
    const c = new Client(t.app)
    await register(c, entity.id, { firstName: '<script>alert(1)</script>', lastName: '"><img src=x onerror=alert(1)>' })
    const link = await confirmLinkFor('somchai@example.com')
    await c.post('/auth/confirm-email', { _csrf: html(await c.get(link))('input[name=_csrf]').val() as string, token: link.split('/').pop()! })
    await c.signIn('somchai.gold', details().password)
    const page = await c.get('/portal/users')
    assert.ok(!page.body.includes('<script>alert(1)</script>'))
    assert.ok(!page.body.includes('<img src=x'))
    assert.match(html(page)('main').text(), /<script>alert\(1\)<\/script>/)
  })

  test('when the business administrator has been deactivated, a newcomer still waits for approval', async () => {
    const entity = await makeEntity(db())
    const first = new Client(t.app)
    await register(first, entity.id)
    const firstLink = await confirmLinkFor('somchai@example.com')
    await first.post('/auth/confirm-email', { _csrf: html(await first.get(firstLink))('input[name=_csrf]').val() as string, token: firstLink.split('/').pop()! })
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.usernameKey, 'somchai.gold'))
    const second = new Client(t.app)
    await register(second, entity.id, { username: 'newcomer', email: 'newcomer@example.com' })
    const link = await confirmLinkFor('newcomer@example.com')
    await second.post('/auth/confirm-email', { _csrf: html(await second.get(link))('input[name=_csrf]').val() as string, token: link.split('/').pop()! })
    const [row] = await db().select().from(users).where(eq(users.usernameKey, 'newcomer'))
    assert.equal(row!.status, 'pending_approval')
    assert.equal(row!.role, 'entity_user')
  })

  test('registering again with a never-confirmed e-mail sends a fresh confirmation link', async () => {
    const entity = await makeEntity(db())
    await register(new Client(t.app), entity.id)
    const oldLink = await confirmLinkFor('somchai@example.com')
    t.clock.advance(49 * 3600_000)
    await register(new Client(t.app), entity.id, { username: 'another.name' })
    const mails = (await db().select().from(outbox).where(eq(outbox.toAddress, 'somchai@example.com'))).filter((m) => m.template === 'registration')
    assert.equal(mails.length, 2)
    const fresh = new URL((mails[1]!.payload as { confirmUrl: string }).confirmUrl).pathname
    assert.notEqual(fresh, oldLink)
    const c = new Client(t.app)
    const done = await c.post('/auth/confirm-email', { _csrf: html(await c.get(fresh))('input[name=_csrf]').val() as string, token: fresh.split('/').pop()! })
    assert.equal(done.statusCode, 200)
    assert.equal((await db().select().from(users)).length, 1, 'no second account')
  })

  test('pages opened from a one-time link send no Referer; malformed ids are "not found", never 500', async () => {
    const entity = await makeEntity(db())
    await register(new Client(t.app), entity.id)
    const page = await new Client(t.app).get(await confirmLinkFor('somchai@example.com'))
    assert.equal(page.headers['referrer-policy'], 'no-referrer')
    for (const url of ['/auth/register/' + 'a'.repeat(36), '/auth/register/not-a-uuid']) {
      assert.equal((await new Client(t.app).get(url)).statusCode, 404, url)
    }
  })

  test('one address may try at most 10 registrations in 5 minutes', async () => {
    const entity = await makeEntity(db())
    const c = new Client(t.app)
    for (let i = 0; i < 10; i++) await register(c, entity.id, { username: `user.${i}`, email: `u${i}@example.com` })
    const eleventh = await register(c, entity.id, { username: 'user.eleven', email: 'u11@example.com' })
    assert.equal(eleventh.statusCode, 429)
    assert.equal((await db().select().from(users)).length, 10)
  })

  test('tampered, expired and unknown confirmation links change nothing', async () => {
    const entity = await makeEntity(db())
    const c = new Client(t.app)
    await register(c, entity.id)
    const link = await confirmLinkFor('somchai@example.com')
    const token = link.split('/').pop()!
    const csrf = html(await c.get(link))('input[name=_csrf]').val() as string
    for (const bad of [token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A'), 'x', token + 'x']) {
      assert.equal((await c.post('/auth/confirm-email', { _csrf: csrf, token: bad })).statusCode, 410)
    }
    t.clock.advance(49 * 3600_000)
    // Two days later the old page's session has expired too: a fresh form token, an expired link.
    assert.equal((await c.submit('/auth/login', '/auth/confirm-email', { token })).statusCode, 410)
    const [user] = await db().select().from(users)
    assert.equal(user!.status, 'pending_email')
  })
})
