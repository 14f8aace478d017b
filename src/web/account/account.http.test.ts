/**
 * บัญชีของฉัน: change password (other devices signed out), phone, e-mail (re-confirmed at the new
 * address), signed-in devices; business users managed only within one's own business.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { users } from '#src/identity/users.tables.ts'
import { Client, TEST_PASSWORD, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
beforeEach(() => t.testDb.reset())
const db = () => t.deps.database.db
const NEW = 'another long pass phrase 2026'

async function signedIn(username = 'somchai', role: 'entity_admin' | 'entity_user' = 'entity_admin', entityId?: string) {
  const entity = entityId ?? (await makeEntity(db())).id
  const user = await makeUser(db(), { username, entityId: entity, role })
  const c = new Client(t.app)
  await c.signIn(username)
  return { c, user, entityId: entity }
}

describe('profile', () => {
  test('changing the password needs the current one and signs out every other device', async () => {
    const { c } = await signedIn()
    const other = new Client(t.app)
    await other.signIn('somchai')
    const wrong = await c.submit('/account', '/account/password', { currentPassword: 'nope nope nope', password: NEW, passwordConfirm: NEW })
    assert.equal(wrong.statusCode, 422)
    assert.match(html(wrong)('.error-summary a[href="#currentPassword"]').text(), /รหัสผ่านปัจจุบันไม่ถูกต้อง/)
    const before = c.jar.get('amrac_sid')
    const ok = await c.submit('/account', '/account/password', { currentPassword: TEST_PASSWORD, password: NEW, passwordConfirm: NEW })
    assert.equal(ok.statusCode, 303)
    assert.notEqual(c.jar.get('amrac_sid'), before, 'this device gets a new session id')
    assert.equal((await c.get('/account')).statusCode, 200, 'this device stays signed in')
    assert.equal((await other.get('/account')).statusCode, 303, 'the other device is signed out')
    assert.equal((await new Client(t.app).signIn('somchai', NEW)).statusCode, 303)
  })

  test('phone numbers in Thai formats are saved in E.164 and shown nationally', async () => {
    const { c, user } = await signedIn()
    const bad = await c.submit('/account', '/account/phone', { phone: '12345' })
    assert.equal(bad.statusCode, 422)
    assert.equal(html(bad)('#phone').val(), '12345')
    assert.equal((await c.submit('/account', '/account/phone', { phone: '02-123-4567 ต่อ 12' })).statusCode, 303)
    const [row] = await db().select().from(users).where(eq(users.id, user.id))
    assert.equal(row!.phone, '+6621234567;ext=12')
    assert.match(html(await c.get('/account'))('main').text(), /02-123-4567 ต่อ 12/)
  })

  test('a new e-mail address is used only after its link is opened; the old address is told', async () => {
    const { c, user } = await signedIn()
    const noPassword = await c.submit('/account', '/account/email', { email: 'new@example.com', emailPassword: 'wrong wrong wrong' })
    assert.equal(noPassword.statusCode, 422)
    assert.equal((await c.submit('/account', '/account/email', { email: 'new@example.com', emailPassword: TEST_PASSWORD })).statusCode, 303)
    const [unchanged] = await db().select().from(users).where(eq(users.id, user.id))
    assert.equal(unchanged!.email, 'somchai@example.com')
    const [mail] = await db().select().from(outbox).where(eq(outbox.template, 'email_change'))
    assert.equal(mail!.toAddress, 'new@example.com')
    const link = new URL((mail!.payload as { confirmUrl: string }).confirmUrl).pathname
    const page = await c.get(link)
    const done = await c.post('/account/confirm-email-change', { _csrf: html(page)('input[name=_csrf]').val() as string, token: link.split('/').pop()! })
    assert.equal(done.statusCode, 200)
    const [changed] = await db().select().from(users).where(eq(users.id, user.id))
    assert.equal(changed!.email, 'new@example.com')
    const [notice] = await db().select().from(outbox).where(eq(outbox.template, 'email_changed_notice'))
    assert.equal(notice!.toAddress, 'somchai@example.com')
  })

  test('signed-in devices are listed without their session ids, and another device can be signed out', async () => {
    const { c } = await signedIn()
    const other = new Client(t.app)
    await other.signIn('somchai')
    const page = await c.get('/account/sessions')
    const $ = html(page)
    assert.equal($('tbody tr').length, 2)
    for (const sid of [c.jar.get('amrac_sid')!, other.jar.get('amrac_sid')!]) {
      assert.ok(!page.body.includes(decodeURIComponent(sid).split('.')[0]!), 'no session id in the page')
    }
    const handle = $('input[name=session]').val() as string
    assert.equal((await c.post('/account/sessions/end', { _csrf: $('input[name=_csrf]').first().val() as string, session: handle })).statusCode, 303)
    assert.equal((await other.get('/account')).statusCode, 303)
    assert.equal((await c.get('/account')).statusCode, 200)
  })
})

describe('business users (tenant isolation)', () => {
  test('an entity administrator cannot see or change another business’s users: 404, nothing changed', async () => {
    const a = await signedIn('admin.a')
    const b = await signedIn('admin.b')
    const victim = await makeUser(db(), { username: 'victim.b', entityId: b.entityId, status: 'pending_approval' })
    const list = await a.c.get('/portal/users')
    assert.doesNotMatch(list.body, /victim\.b|admin\.b/)
    for (const action of ['approve', 'deactivate']) {
      const res = await a.c.submit('/portal/users', `/portal/users/${victim.id}`, { action })
      assert.equal(res.statusCode, 404)
    }
    const [row] = await db().select().from(users).where(eq(users.id, victim.id))
    assert.equal(row!.status, 'pending_approval')
  })

  test('an administrator cannot deactivate themselves; deactivating someone signs them out', async () => {
    const a = await signedIn('admin.a')
    const self = await a.c.submit('/portal/users', `/portal/users/${a.user.id}`, { action: 'deactivate' })
    assert.equal(self.statusCode, 409)
    const colleague = await signedIn('colleague', 'entity_user', a.entityId)
    assert.equal((await a.c.submit('/portal/users', `/portal/users/${colleague.user.id}`, { action: 'deactivate' })).statusCode, 303)
    assert.equal((await colleague.c.get('/portal')).statusCode, 303)
    assert.equal((await new Client(t.app).signIn('colleague')).statusCode, 403)
  })

  test('actions arriving for an unknown id or with a made-up action are refused without effect', async () => {
    const a = await signedIn('admin.a')
    assert.equal((await a.c.submit('/portal/users', '/portal/users/not-a-uuid', { action: 'approve' })).statusCode, 404)
    assert.equal((await a.c.submit('/portal/users', `/portal/users/${a.user.id}`, { action: 'make_admin' })).statusCode, 400)
  })
})
