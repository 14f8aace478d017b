/**
 * เข้าสู่ระบบ: one generic failure message, throttling per account and per address with a timed,
 * explained lock-out, new session id at sign-in, logout, idle time-out, deactivation mid-session.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq, isNotNull } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { EXPIRED_SESSION_GRACE_MS, SESSION_ABSOLUTE_MS } from '#src/identity/session.model.ts'
import { deleteExpiredSessions } from '#src/identity/sessions.repo.ts'
import { sessions } from '#src/identity/sessions.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { Client, TEST_PASSWORD, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
beforeEach(() => t.testDb.reset())
const db = () => t.deps.database.db

async function entityUser(username = 'somchai') {
  const entity = await makeEntity(db())
  return makeUser(db(), { username, entityId: entity.id, role: 'entity_admin' })
}

describe('signing in', () => {
  test('by user name or e-mail, with a new session id, landing on the role home', async () => {
    await entityUser()
    const c = new Client(t.app)
    await c.get('/auth/login')
    const before = c.jar.get('amrac_sid')
    assert.ok(before, 'the sign-in form has a session for its CSRF token')
    const res = await c.signIn('SOMCHAI')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/portal')
    assert.notEqual(c.jar.get('amrac_sid'), before, 'session fixation: the id changes at sign-in')
    assert.equal((await c.get('/portal')).statusCode, 200)

    const byEmail = new Client(t.app)
    assert.equal((await byEmail.signIn('somchai@example.com')).statusCode, 303)
  })

  test('the old pre-sign-in session id is worthless afterwards', async () => {
    await entityUser()
    const c = new Client(t.app)
    await c.get('/auth/login')
    const preLogin = c.jar.get('amrac_sid')!
    await c.signIn('somchai')
    const res = await t.app.inject({ method: 'GET', url: '/portal', headers: { cookie: `amrac_sid=${preLogin}` } })
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/auth\/login\?next=/)
  })

  test('a wrong password and an unknown account get the same answer', async () => {
    await entityUser()
    const wrong = await new Client(t.app).signIn('somchai', 'not the password at all')
    const unknown = await new Client(t.app).signIn('nobody-here', 'not the password at all')
    assert.equal(wrong.statusCode, 422)
    assert.equal(unknown.statusCode, 422)
    const text = (r: typeof wrong) => html(r)('.error-summary').text()
    assert.equal(text(wrong), text(unknown))
    assert.match(text(wrong), /ชื่อผู้ใช้งาน อีเมล หรือรหัสผ่านไม่ถูกต้อง/)
    assert.equal(html(wrong)('#identifier').val(), 'somchai', 'the user name typed is kept')
    assert.equal(html(wrong)('#password').val(), '', 'the password is not sent back')
  })

  test('the 11th attempt in 5 minutes is locked out, even with the right password, and the page says until when', async () => {
    await entityUser()
    const c = new Client(t.app)
    for (let i = 0; i < 10; i++) assert.equal((await c.signIn('somchai', `wrong password ${i}!`)).statusCode, 422, `attempt ${i + 1}`)
    const locked = await c.signIn('somchai', TEST_PASSWORD)
    assert.equal(locked.statusCode, 429)
    assert.match(html(locked)('main').text(), /ระงับการเข้าสู่ระบบ.*ลองใหม่หลังเวลา 29\/11\/2026 10:05 น\./s)
    t.clock.advance(5 * 60_000 + 1000)
    assert.equal((await c.signIn('somchai', TEST_PASSWORD)).statusCode, 303, 'the lock-out is timed')
    const rows = await db().select({ action: auditLog.action }).from(auditLog)
    assert.equal(rows.filter((r) => r.action === 'login.failed').length, 11, 'ten wrong passwords and the refused 11th attempt')
    assert.equal(rows.filter((r) => r.action === 'login.locked_out').length, 1)
  })

  test('the user name and the e-mail of one account share one counter', async () => {
    await entityUser()
    const c = new Client(t.app)
    for (let i = 0; i < 5; i++) await c.signIn('somchai', `wrong ${i} wrong wrong`)
    for (let i = 0; i < 5; i++) await c.signIn('somchai@example.com', `wrong ${i} wrong wrong`)
    assert.equal((await new Client(t.app).signIn('somchai@example.com', TEST_PASSWORD)).statusCode, 429)
  })

  test('an identifier that matches no account (it may be a mistyped password) is not kept in the audit log', async () => {
    await new Client(t.app).signIn('my-secret-password-typed-here', 'whatever whatever')
    const rows = await db().select().from(auditLog).where(eq(auditLog.action, 'login.failed'))
    assert.equal(rows.length, 1)
    assert.doesNotMatch(JSON.stringify(rows[0]!.payload), /secret-password/)
  })

  test('one address trying many accounts is locked out too (password spraying)', async () => {
    const c = new Client(t.app)
    for (let i = 0; i < 10; i++) await c.signIn(`account${i}`, 'Summer2026!Summer')
    await entityUser('victim')
    assert.equal((await c.signIn('victim', TEST_PASSWORD)).statusCode, 429)
  })

  test('pending and deactivated accounts are told why, only after the right password', async () => {
    const entity = await makeEntity(db())
    await makeUser(db(), { username: 'waiting', entityId: entity.id, status: 'pending_approval' })
    const res = await new Client(t.app).signIn('waiting')
    assert.equal(res.statusCode, 403)
    assert.match(html(res)('main').text(), /รอการอนุมัติ/)
    const wrong = await new Client(t.app).signIn('waiting', 'wrong wrong wrong')
    assert.equal(wrong.statusCode, 422)
  })
})

describe('staying signed in', () => {
  test('log out ends the session; replaying the old cookie gets nothing', async () => {
    await entityUser()
    const c = new Client(t.app)
    await c.signIn('somchai')
    const signedIn = c.jar.get('amrac_sid')!
    const page = await c.get('/portal')
    const csrf = html(page)('meta[name=csrf-token]').attr('content')!
    const out = await c.post('/auth/logout', { _csrf: csrf })
    assert.equal(out.statusCode, 303)
    assert.match(html(await c.get('/auth/login'))('main').text(), /ออกจากระบบเรียบร้อยแล้ว/)
    const replay = await t.app.inject({ method: 'GET', url: '/portal', headers: { cookie: `amrac_sid=${signedIn}` } })
    assert.equal(replay.statusCode, 303)
  })

  test('30 minutes without activity signs out, and the sign-in page explains it', async () => {
    await entityUser()
    const c = new Client(t.app)
    await c.signIn('somchai')
    t.clock.advance(29 * 60_000)
    assert.equal((await c.get('/portal')).statusCode, 200, 'activity keeps the session alive')
    t.clock.advance(29 * 60_000)
    assert.equal((await c.get('/portal')).statusCode, 200)
    t.clock.advance(31 * 60_000)
    const res = await c.get('/portal')
    assert.equal(res.statusCode, 303)
    assert.match(html(await c.get(String(res.headers.location)))('main').text(), /ไม่มีการใช้งานเกิน 30 นาที/)
  })

  test('a page left open 3 hours: the session row outlives the idle time-out, so its post asks to sign in again (no CSRF 403)', async () => {
    const user = await entityUser()
    await openCycle(t.deps, {
      actor: 'system',
      code: '2569',
      nameTh: 'รอบการประเมินปี 2569',
      nameEn: 'Assessment cycle 2569',
      definitionVersion: 'v1',
      opensAt: new Date('2026-10-01T00:00:00Z'),
      deadline: new Date('2027-03-31T00:00:00Z'),
      periodStart: '2025-10-01',
      periodEnd: '2026-09-30',
    })
    const c = new Client(t.app)
    await c.signIn('somchai')
    const pageUrl = '/portal/assessments/2569/part-b/2'
    const page = await c.get(pageUrl)
    assert.equal(page.statusCode, 200)
    const csrf = html(page)('input[name=_csrf]').val() as string
    t.clock.advance(3 * 3600_000)
    await deleteExpiredSessions(db(), t.clock.now()) // the server's sweep
    const kept = await db().select().from(sessions).where(eq(sessions.userId, user.id))
    assert.equal(kept.length, 1, 'the signed-in row is kept until its absolute lifetime ends')
    const late = await c.post(pageUrl, { _csrf: csrf, intent: 'save_draft', B08_total: '44' })
    assert.equal(late.statusCode, 303, late.body.slice(0, 200))
    assert.equal(late.headers.location, `/auth/login?next=${encodeURIComponent(pageUrl)}`)
    assert.match(html(await c.get(String(late.headers.location)))('main').text(), /ไม่มีการใช้งานเกิน 30 นาที/)
  })

  test('a signed-in row is removed by the sweep only after the 12-hour lifetime (plus the grace hour)', async () => {
    await entityUser()
    const c = new Client(t.app)
    await c.signIn('somchai')
    const rows = async () => (await db().select().from(sessions).where(isNotNull(sessions.userId))).length
    assert.equal(await rows(), 1)
    t.clock.advance(SESSION_ABSOLUTE_MS + EXPIRED_SESSION_GRACE_MS - 60_000)
    await deleteExpiredSessions(db(), t.clock.now())
    assert.equal(await rows(), 1)
    t.clock.advance(2 * 60_000)
    await deleteExpiredSessions(db(), t.clock.now())
    assert.equal(await rows(), 0)
  })

  test('the idle warning is on signed-in pages, with a way to stay signed in', async () => {
    await entityUser()
    const c = new Client(t.app)
    await c.signIn('somchai')
    const $ = html(await c.get('/portal'))
    assert.equal($('body').attr('data-idle-ms'), String(30 * 60_000))
    assert.equal($('[data-idle-warning] form').attr('action'), '/auth/session/extend')
    const ext = await c.post('/auth/session/extend', { _csrf: $('meta[name=csrf-token]').attr('content')! }, { accept: 'application/json' })
    assert.equal(ext.statusCode, 200)
  })

  test('a deactivated account is signed out on its next request', async () => {
    const u = await entityUser()
    const c = new Client(t.app)
    await c.signIn('somchai')
    await db().update(users).set({ status: 'deactivated' }).where(eq(users.id, u.id))
    assert.equal((await c.get('/portal')).statusCode, 303)
  })

  test('without `next`, signing in again lands on the questionnaire page whose post was kept at the time-out', async () => {
    await entityUser()
    await openCycle(t.deps, {
      actor: 'system',
      code: '2569',
      nameTh: 'รอบการประเมินปี 2569',
      nameEn: 'Assessment cycle 2569',
      definitionVersion: 'v1',
      opensAt: new Date('2026-10-01T00:00:00Z'),
      deadline: new Date('2027-03-31T00:00:00Z'),
      periodStart: '2025-10-01',
      periodEnd: '2026-09-30',
    })
    const c = new Client(t.app)
    await c.signIn('somchai')
    const pageUrl = '/portal/assessments/2569/part-b/2'
    const csrf = html(await c.get(pageUrl))('input[name=_csrf]').val() as string
    t.clock.advance(31 * 60_000)
    assert.equal((await c.post(pageUrl, { _csrf: csrf, intent: 'save_draft', B08_total: '44' })).statusCode, 303)
    const again = await c.signIn('somchai')
    assert.equal(again.headers.location, pageUrl)
    // Someone else signing in on this browser is not sent there.
    await entityUser('other.owner')
    assert.equal((await c.signIn('other.owner')).headers.location, '/portal')
  })

  test('signing in again after `next` returns to the page asked for, never off the site', async () => {
    await entityUser()
    const c = new Client(t.app)
    const first = await c.get('/account')
    assert.equal(first.headers.location, '/auth/login?next=%2Faccount')
    const login = await c.submit('/auth/login?next=%2Faccount', '/auth/login?next=%2Faccount', { identifier: 'somchai', password: TEST_PASSWORD })
    assert.equal(login.headers.location, '/account')
    const evil = await new Client(t.app).submit('/auth/login', '/auth/login?next=https%3A%2F%2Fevil.example', { identifier: 'somchai', password: TEST_PASSWORD })
    assert.equal(evil.headers.location, '/portal')
  })
})
