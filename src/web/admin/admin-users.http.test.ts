/**
 * Admin console, users (issue 7) through the real pages: search by juristic number, failed
 * sign-ins and the automatic lock-out as an admin sees them, lock and unlock (the locked user's
 * sign-in message in Thai and English), re-sending the confirmation e-mail, approving from the
 * pending list, and the last active admin (WSTG ATHN-03, ATHZ-02, BUSL-01).
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, test } from 'node:test'
import { listSessionsOfUser } from '#src/identity/sessions.repo.ts'
import { recordFailure } from '#src/identity/throttle.repo.ts'
import { unsafeFindUserById, updateUser, type User } from '#src/identity/users.repo.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { auditRows, enrolDirectly, lastMail, signInWithCode } from '#tests/support/totp.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
afterEach(async () => {
  await t.testDb.reset()
  t.clock.set('2026-11-29T03:00:00Z')
})
after(() => t.close())

const db = () => t.deps.database.db

async function staffClient(role: 'admin' | 'supervisor' | 'examiner', username: string): Promise<{ client: Client; user: User }> {
  const user = await makeUser(db(), { role, username })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  const res = await signInWithCode(t, client, username, secret)
  assert.equal(res.statusCode, 303, `${username} signed in`)
  return { client, user }
}

const act = (client: Client, userId: string, action: string, fields: Record<string, string> = {}) => client.submit(`/admin/users/${userId}`, `/admin/users/${userId}/${action}`, fields)
const page = async (client: Client, userId: string) => html(await client.get(`/admin/users/${userId}`))

describe('finding accounts', () => {
  test('by juristic number (with dashes or Thai digits) and English business name; last sign-in and failed sign-ins in the list', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db(), { juristicId: '0105561234567', nameTh: 'ร้านทองทดสอบ', nameEn: 'Golden Test' })
    await makeUser(db(), { role: 'entity_admin', username: 'gold.owner', entityId: entity.id })
    await makeUser(db(), { role: 'entity_user', username: 'someone.else', entityId: (await makeEntity(db())).id })

    for (const q of ['0105561234567', '0-1055-61234-56-7', '๐๑๐๕๕๖๑', 'golden test']) {
      const $ = html(await admin.get(`/admin/users?q=${encodeURIComponent(q)}`))
      assert.equal($('tbody tr').length, 1, q)
      assert.match($('tbody').text(), /gold\.owner/)
      assert.match($('tbody').text(), /0-10-5-561-23456-7/, 'the juristic number is shown')
    }

    // Three wrong passwords, then a look at the list: never signed in, 3 failed sign-ins.
    for (let i = 0; i < 3; i++) await new Client(t.app).signIn('gold.owner', 'wrong-password-123456')
    const row = html(await admin.get('/admin/users?q=gold.owner'))('tbody tr')
    assert.match(row.text(), /เข้าสู่ระบบไม่สำเร็จ 3 ครั้ง/)
    assert.match(row.text(), /ยังไม่เคยเข้าสู่ระบบ/)

    assert.equal((await new Client(t.app).signIn('gold.owner')).statusCode, 303)
    const after = html(await admin.get('/admin/users?q=gold.owner'))('tbody tr')
    assert.match(after.text(), /29\/11\/2026 10:00/, 'last sign-in time')
    assert.doesNotMatch(after.text(), /ไม่สำเร็จ/, 'a successful sign-in clears the counter')
  })
})

describe('locking accounts', () => {
  test('lock needs a reason; the user is signed out, cannot sign in and is told to contact the admin; unlock restores access', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db())
    const target = await makeUser(db(), { role: 'entity_admin', username: 'locked.user', entityId: entity.id, firstName: 'สมศรี', lastName: 'ล็อกไว้' })
    const userClient = new Client(t.app)
    assert.equal((await userClient.signIn('locked.user')).statusCode, 303)
    assert.equal((await userClient.get('/portal')).statusCode, 200)

    const noReason = await act(admin, target.id, 'lock', { reason: '   ' })
    assert.equal(noReason.statusCode, 422)
    const $e = html(noReason)
    assert.equal($e('.error-summary a[href="#reason"]').text(), 'กรอกเหตุผลในการล็อกบัญชี')
    assert.equal($e('#reason').attr('aria-invalid'), 'true')
    assert.match($e('title').text(), /ข้อผิดพลาด/)
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'active')

    const locked = await act(admin, target.id, 'lock', { reason: 'แจ้งว่ามีผู้อื่นใช้รหัสผ่าน' })
    assert.equal(locked.statusCode, 303)
    assert.equal(locked.headers.location, `/admin/users/${target.id}`)
    const $ = await page(admin, target.id)
    assert.match($('.banner').text(), /ล็อกบัญชีแล้ว และออกจากระบบ 1 อุปกรณ์/)
    assert.match($('main').text(), /บัญชีนี้ถูกล็อกเมื่อ 29\/11\/2026 10:00 น\. โดย สมชาย ทดสอบ/)
    assert.match($('main').text(), /เหตุผล: แจ้งว่ามีผู้อื่นใช้รหัสผ่าน/)
    assert.match($('.tag').text(), /ถูกล็อก/)
    assert.equal($('form[action$="/lock"]').length, 0)
    assert.equal($('form[action$="/password-reset"]').length, 0, 'no reset link for a locked account')

    // Signed out at once, and signing in again is refused with a clear message (the right password).
    assert.equal((await userClient.get('/portal')).statusCode, 303)
    const refused = await new Client(t.app).signIn('locked.user')
    assert.equal(refused.statusCode, 403)
    assert.match(html(refused)('main').text(), /ถูกล็อกโดยผู้ดูแลระบบ สำนักงาน ปปง\. .*โปรดติดต่อผู้ดูแลระบบ/)
    const en = new Client(t.app)
    // In English for a browser that asks for English.
    const refusedEn = await en.submit('/auth/login', '/auth/login', { identifier: 'locked.user', password: 'test-password-for-amrac-2026' }, { 'accept-language': 'en' })
    assert.equal(refusedEn.statusCode, 403)
    assert.match(html(refusedEn)('main').text(), /locked by the AMLO system administrator.*contact the system administrator/)
    // A wrong password still gets the ordinary answer (nothing about the lock leaks).
    const wrong = await new Client(t.app).signIn('locked.user', 'not-the-password-123')
    assert.doesNotMatch(html(wrong)('main').text(), /ถูกล็อก/)

    // The locked filter finds it.
    const list = html(await admin.get('/admin/users?status=locked'))
    assert.equal(list('tbody tr').length, 1)
    assert.match(list('tbody').text(), /locked\.user/)

    const unlocked = await act(admin, target.id, 'unlock')
    assert.equal(unlocked.statusCode, 303)
    assert.match((await page(admin, target.id))('.banner').text(), /ปลดล็อกบัญชีแล้ว/)
    assert.equal((await new Client(t.app).signIn('locked.user')).statusCode, 303)
    const stored = await unsafeFindUserById(db(), target.id)
    assert.equal(stored?.status, 'active')
    assert.equal(stored?.lockedAt, null)
    assert.equal(stored?.lockReason, null)

    assert.deepEqual((await auditRows(db(), 'user.locked')).map((r) => [r.actorUserId, r.targetId, r.payload]), [[me.id, target.id, { action: 'user.locked', reason: 'แจ้งว่ามีผู้อื่นใช้รหัสผ่าน' }]])
    assert.deepEqual((await auditRows(db(), 'user.unlocked')).map((r) => [r.actorUserId, r.targetId]), [[me.id, target.id]])
    // The refused sign-in is on record too.
    assert.ok((await auditRows(db(), 'login.failed')).some((r) => (r.payload as { reason: string }).reason === 'not_active'))
    // The account's recent events read as sentences.
    assert.match((await page(admin, target.id))('table').text(), /ล็อกบัญชี \(เหตุผล: แจ้งว่ามีผู้อื่นใช้รหัสผ่าน\)/)
  })

  test('a locked account is not the business administrator’s to reopen; deactivating it keeps the lock', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db())
    await makeUser(db(), { role: 'entity_admin', username: 'biz.admin', entityId: entity.id })
    const target = await makeUser(db(), { role: 'entity_user', username: 'biz.user', entityId: entity.id })
    await act(admin, target.id, 'lock', { reason: 'ตรวจสอบการใช้งาน' })

    const bizAdmin = new Client(t.app)
    await bizAdmin.signIn('biz.admin')
    const users = html(await bizAdmin.get('/portal/users'))
    assert.match(users('main').text(), /ถูกล็อก/)
    const refused = await bizAdmin.submit('/portal/users', `/portal/users/${target.id}`, { action: 'deactivate' })
    assert.equal(refused.statusCode, 409)
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'locked')

    // An AMLO admin deactivates it; the business administrator reactivates it: still locked.
    await act(admin, target.id, 'status', { action: 'deactivate' })
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'deactivated')
    await bizAdmin.submit('/portal/users', `/portal/users/${target.id}`, { action: 'reactivate' })
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'locked')
    assert.equal((await new Client(t.app).signIn('biz.user')).statusCode, 403)
  })

  test('an admin cannot lock or unlock their own account', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    assert.equal((await page(admin, me.id))('form[action$="/lock"]').length, 0)
    for (const action of ['lock', 'unlock']) {
      const res = await act(admin, me.id, action, { reason: 'ทดสอบ' })
      assert.equal(res.statusCode, 409, action)
      assert.match(html(res)('main').text(), /ไม่สามารถทำรายการนี้กับบัญชีของตนเองได้/)
    }
    assert.equal((await unsafeFindUserById(db(), me.id))?.status, 'active')
  })
})

describe('failed sign-ins', () => {
  test('ten wrong passwords from elsewhere: the admin sees the count and the lock-out, and clears it so the user can sign in at once', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db())
    const target = await makeUser(db(), { role: 'entity_admin', username: 'forgetful', entityId: entity.id })
    const quiet = await page(admin, target.id)
    assert.match(quiet('dl.summary-list').text(), /ไม่มีในช่วง 5 นาทีล่าสุด/)
    assert.equal(quiet('form[action$="/unlock"]').length, 0, 'nothing to clear')

    // Ten wrong guesses from other addresses (one per address, so only the account's counter locks).
    for (let i = 0; i < 10; i++) await recordFailure(db(), [{ scope: 'account', key: `user:${target.id}` }, { scope: 'ip', key: `203.0.113.${i}` }], t.clock.now())
    assert.equal((await new Client(t.app).signIn('forgetful')).statusCode, 429, 'locked out for 5 minutes')

    const $ = await page(admin, target.id)
    const summary = $('dl.summary-list').text()
    assert.match(summary, /10 ครั้ง ตั้งแต่ 29\/11\/2026 10:00 น\./)
    assert.match(summary, /ระงับการเข้าสู่ระบบชั่วคราวถึง 29\/11\/2026 10:05 น\./)
    assert.match($('.tag').text(), /ใช้งานได้/, 'still an active account')
    assert.equal($('form[action$="/unlock"] button').text(), 'ล้างการเข้าสู่ระบบไม่สำเร็จ')
    assert.match(html(await admin.get('/admin/users?q=forgetful'))('tbody').text(), /ระงับการเข้าสู่ระบบชั่วคราวถึง/)

    await act(admin, target.id, 'unlock')
    assert.match((await page(admin, target.id))('.banner').text(), /ล้างการเข้าสู่ระบบไม่สำเร็จ 10 ครั้งแล้ว/)
    assert.equal((await new Client(t.app).signIn('forgetful')).statusCode, 303)
    assert.deepEqual((await auditRows(db(), 'login.throttle_cleared')).map((r) => [r.actorUserId, r.payload]), [[me.id, { action: 'login.throttle_cleared', failures: 10 }]])
    assert.equal((await auditRows(db(), 'user.unlocked')).length, 0)

    // With nothing to clear the action is refused with a reason.
    const nothing = await act(admin, target.id, 'unlock')
    assert.equal(nothing.statusCode, 409)
    assert.match(html(nothing)('main').text(), /ไม่ได้ถูกล็อก/)
  })
})

describe('registrations', () => {
  test('re-sending the confirmation e-mail: a new link, the old one stops working, the new one confirms', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db())
    await makeUser(db(), { role: 'entity_admin', username: 'first.admin', entityId: entity.id })
    const target = await makeUser(db(), { role: 'entity_user', username: 'not.confirmed', entityId: entity.id, status: 'pending_email' })
    await updateUser(db(), target.id, { emailVerifiedAt: null })
    const confirmLink = async () => new URL(((await lastMail(db(), 'registration', target.email)).payload as { confirmUrl: string }).confirmUrl).pathname

    const $ = await page(admin, target.id)
    assert.match($('dl.summary-list').text(), /ยังไม่ได้ยืนยันอีเมล/)
    assert.equal($('form[action$="/password-reset"]').length, 0)
    await act(admin, target.id, 'resend-confirmation')
    assert.match((await page(admin, target.id))('.banner').text(), /ส่งอีเมลยืนยันใหม่แล้ว/)
    const first = await confirmLink()
    const mail = (await lastMail(db(), 'registration', target.email)).payload as { username: string; serviceRequest: { juristicId: string } }
    assert.equal(mail.username, 'not.confirmed')
    assert.ok(mail.serviceRequest.juristicId, 'the service-request form comes with it')

    t.clock.advance(60_000)
    await act(admin, target.id, 'resend-confirmation')
    const second = await confirmLink()
    assert.notEqual(second, first)
    assert.equal((await new Client(t.app).get(first)).statusCode, 410)
    const visitor = new Client(t.app)
    const done = await visitor.submit(second, '/auth/confirm-email', { token: second.split('/').at(-1)! })
    assert.equal(done.statusCode, 200)
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'pending_approval', 'a later registrant of the business waits for approval')
    assert.deepEqual((await auditRows(db(), 'user.confirmation_resent')).map((r) => r.actorUserId), [me.id, me.id])

    // Not for an account that has already confirmed.
    assert.equal((await act(admin, target.id, 'resend-confirmation')).statusCode, 409)
  })

  test('approve from the pending list: back to the list with the name, the account active, the approval audited', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db())
    const waiting = await makeUser(db(), { role: 'entity_user', username: 'waiting.two', entityId: entity.id, status: 'pending_approval', firstName: 'มานี', lastName: 'รออนุมัติ' })
    await makeUser(db(), { role: 'entity_user', username: 'active.one', entityId: entity.id })

    const home = html(await admin.get('/admin'))
    assert.equal(home('a[href="/admin/users?status=pending_approval"]').length >= 1, true)
    assert.match(home('main').text(), /รออนุมัติ 1 คน/)

    const list = html(await admin.get('/admin/users?status=pending_approval'))
    assert.equal(list('tbody tr').length, 1)
    const button = list('tbody button[value="approve"]')
    assert.equal(button.length, 1)
    assert.match(button.text(), /อนุมัติ\s+มานี รออนุมัติ/)

    const res = await admin.submit('/admin/users?status=pending_approval', `/admin/users/${waiting.id}/status`, { action: 'approve', back: 'pending' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/admin/users?status=pending_approval')
    const after = html(await admin.get('/admin/users?status=pending_approval'))
    assert.match(after('.banner').text(), /อนุมัติ มานี รออนุมัติ \(waiting\.two\) แล้ว/)
    assert.equal(after('tbody tr').length, 0)
    assert.equal((await unsafeFindUserById(db(), waiting.id))?.status, 'active')
    assert.deepEqual((await auditRows(db(), 'user.approved')).map((r) => r.actorUserId), [me.id])
    assert.ok(await lastMail(db(), 'account_approved', waiting.email))
    assert.equal((await new Client(t.app).signIn('waiting.two')).statusCode, 303)
  })
})

describe('the last active admin', () => {
  test('two admins locking each other at the same moment: one of them stays an active admin', async () => {
    const { client: a, user: adminA } = await staffClient('admin', 'admin.a')
    const { client: b, user: adminB } = await staffClient('admin', 'admin.b')
    const [pa, pb] = [await a.get(`/admin/users/${adminB.id}`), await b.get(`/admin/users/${adminA.id}`)]
    const token = (res: typeof pa) => html(res)('form[action$="/lock"] input[name="_csrf"]').attr('value')!
    const results = await Promise.all([
      a.post(`/admin/users/${adminB.id}/lock`, { _csrf: token(pa), reason: 'ทดสอบ' }),
      b.post(`/admin/users/${adminA.id}/lock`, { _csrf: token(pb), reason: 'ทดสอบ' }),
    ])
    const statuses = [(await unsafeFindUserById(db(), adminA.id))?.status, (await unsafeFindUserById(db(), adminB.id))?.status]
    assert.equal(statuses.filter((s) => s === 'active').length, 1, `exactly one admin left active (${statuses.join(', ')}; answers ${results.map((r) => r.statusCode).join(', ')})`)
    assert.equal((await auditRows(db(), 'user.locked')).length, 1)
  })

  test('an admin can lock, demote and deactivate another admin while one active admin remains', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const other = await makeUser(db(), { role: 'admin', username: 'admin.other' })
    await act(admin, other.id, 'role', { role: 'examiner' })
    assert.equal((await unsafeFindUserById(db(), other.id))?.role, 'examiner')
    await act(admin, other.id, 'role', { role: 'admin' })
    assert.equal((await act(admin, other.id, 'lock', { reason: 'ทดสอบ' })).statusCode, 303)
    assert.equal((await act(admin, other.id, 'status', { action: 'deactivate' })).statusCode, 303)
    assert.equal((await unsafeFindUserById(db(), other.id))?.status, 'deactivated')
    assert.equal((await listSessionsOfUser(db(), other.id, t.clock.now())).length, 0)
  })
})
