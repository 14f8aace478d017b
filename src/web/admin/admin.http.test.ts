/**
 * The admin area through the real pages: staff invitations (single use, expiry, re-sending),
 * account search and details, every account action (audited, CSRF-protected, 403 for others),
 * admins protected from acting on themselves, and the audit log viewer (WSTG ATHZ-02, ATHN-10).
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { listSessionsOfUser } from '#src/identity/sessions.repo.ts'
import { recoveryCodes } from '#src/identity/users.tables.ts'
import { unsafeFindUserById, type User } from '#src/identity/users.repo.ts'
import { replaceRecoveryCodes } from '#src/identity/two-step.repo.ts'
import { Client, csrfOf, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { auditRows, codeAt, enrolDirectly, lastMail, secretOnPage, signInWithCode } from '#tests/support/totp.ts'

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

/** A signed-in client of a new staff account (authenticator enrolled directly). */
async function staffClient(role: 'admin' | 'supervisor' | 'examiner', username: string, locale: 'th' | 'en' = 'th'): Promise<{ client: Client; user: User; secret: string }> {
  const user = await makeUser(db(), { role, username, locale })
  const secret = await enrolDirectly(t, user)
  const client = new Client(t.app)
  const res = await signInWithCode(t, client, username, secret)
  assert.equal(res.statusCode, 303, `${username} signed in`)
  return { client, user, secret }
}

/** Posts an action form of the account page (CSRF token taken from the page). */
const act = (client: Client, userId: string, action: string, fields: Record<string, string> = {}) => client.submit(`/admin/users/${userId}`, `/admin/users/${userId}/${action}`, fields)

const flashOf = async (client: Client, userId: string) => html(await client.get(`/admin/users/${userId}`))('.banner').text()

describe('staff invitations', () => {
  test('invite → e-mail → set the password once → sign in → enrol → staff area', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const form = await admin.get('/admin/users/invite')
    assert.equal(form.statusCode, 200)
    assert.equal(html(form)('input[name="role"]').length, 3)

    const invalid = await admin.post('/admin/users/invite', { _csrf: csrfOf(form), firstName: '', lastName: 'ใจดี', email: 'not-an-email', role: 'entity_admin' })
    assert.equal(invalid.statusCode, 422)
    const $i = html(invalid)
    assert.equal($i('#firstName').attr('aria-invalid'), 'true')
    assert.equal($i('#email').attr('aria-invalid'), 'true')
    assert.equal($i('#role-error').length, 1, 'only staff roles can be given')

    const sent = await admin.submit('/admin/users/invite', '/admin/users/invite', { firstName: 'พรทิพย์', lastName: 'วงศ์ใหญ่', email: 'Pornthip.W@amlo.go.th', role: 'examiner' })
    assert.equal(sent.statusCode, 303)
    const userPath = String(sent.headers.location)
    assert.match(userPath, /^\/admin\/users\/[0-9a-f-]{36}$/)
    const detail = await admin.get(userPath)
    assert.match(html(detail)('.banner').text(), /ส่งคำเชิญไปที่ Pornthip\.W@amlo\.go\.th แล้ว ชื่อผู้ใช้งานคือ pornthip\.w/)
    assert.match(html(detail)('.tag').text(), /ส่งคำเชิญแล้ว/)
    const invited = (await unsafeFindUserById(db(), userPath.split('/').at(-1)!))!
    assert.equal(invited.status, 'invited')
    assert.equal(invited.role, 'examiner')
    assert.equal(invited.passwordHash, null)
    assert.deepEqual((await auditRows(db(), 'user.invited')).map((r) => r.payload), [{ action: 'user.invited', role: 'examiner' }])

    const mail = await lastMail(db(), 'staff_invitation', 'Pornthip.W@amlo.go.th')
    const payload = mail.payload as { inviteUrl: string; role: string; invitedBy: string; fullName: string }
    assert.equal(payload.role, 'ผู้ตรวจสอบ')
    assert.equal(payload.fullName, 'พรทิพย์ วงศ์ใหญ่')
    const link = new URL(payload.inviteUrl).pathname
    assert.match(link, /^\/auth\/invitation\/[A-Za-z0-9_-]{43}$/)

    // The invitee cannot sign in before setting a password.
    const invitee = new Client(t.app)
    const early = await invitee.signIn('pornthip.w', 'whatever-password-123')
    assert.notEqual(early.statusCode, 303)

    const page = await invitee.get(link)
    assert.equal(page.statusCode, 200)
    assert.match(html(page)('h1').text(), /pornthip\.w/)
    const token = link.split('/').at(-1)!
    const weak = await invitee.post('/auth/invitation', { _csrf: csrfOf(page), token, password: 'short', passwordConfirm: 'short' })
    assert.equal(weak.statusCode, 422)
    const password = 'a-long-passphrase-for-the-examiner'
    const accepted = await invitee.submit(link, '/auth/invitation', { token, password, passwordConfirm: password })
    assert.equal(accepted.statusCode, 303)
    assert.equal(accepted.headers.location, '/auth/login')
    assert.match(html(await invitee.get('/auth/login'))('.banner').text(), /pornthip\.w/)
    assert.equal((await unsafeFindUserById(db(), invited.id))?.status, 'active')
    assert.equal((await auditRows(db(), 'user.invitation_accepted')).length, 1)

    // Single use.
    assert.equal((await invitee.get(link)).statusCode, 410)
    const reuse = await invitee.post('/auth/invitation', { _csrf: csrfOf(await invitee.get('/auth/login')), token, password: 'another-long-passphrase-x', passwordConfirm: 'another-long-passphrase-x' })
    assert.equal(reuse.statusCode, 410)

    // First sign-in: enrolment cannot be skipped, then the staff area.
    const login = await invitee.signIn('pornthip.w@amlo.go.th', password)
    assert.equal(login.headers.location, '/auth/totp/setup')
    const setup = await invitee.get('/auth/totp/setup')
    const done = await invitee.submit('/auth/totp/setup', '/auth/totp/setup', { code: await codeAt(secretOnPage(setup), t.clock.now()) })
    assert.equal(done.headers.location, '/account/two-step/recovery-codes')
    assert.equal((await invitee.get('/staff')).statusCode, 200)
  })

  test('an expired link is refused; re-sending replaces the old link', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const sent = await admin.submit('/admin/users/invite', '/admin/users/invite', { firstName: 'ธนา', lastName: 'ตรวจดี', email: 'thana@amlo.go.th', role: 'supervisor' })
    const userId = String(sent.headers.location).split('/').at(-1)!
    const inviteLink = async () => new URL(((await lastMail(db(), 'staff_invitation', 'thana@amlo.go.th')).payload as { inviteUrl: string }).inviteUrl).pathname
    const first = await inviteLink()
    assert.equal((await new Client(t.app).get(first)).statusCode, 200)

    const resent = await act(admin, userId, 'resend-invitation')
    assert.equal(resent.headers.location, `/admin/users/${userId}`)
    assert.match(await flashOf(admin, userId), /ส่งคำเชิญใหม่แล้ว/)
    const second = await inviteLink()
    assert.notEqual(second, first)
    assert.equal((await new Client(t.app).get(first)).statusCode, 410, 'the old link stops working')
    assert.equal((await new Client(t.app).get(second)).statusCode, 200)
    assert.deepEqual((await auditRows(db(), 'user.invited')).map((r) => r.payload), [
      { action: 'user.invited', role: 'supervisor' },
      { action: 'user.invited', role: 'supervisor', resent: true },
    ])

    t.clock.advance(72 * 3600_000 + 1_000)
    const expired = await new Client(t.app).get(second)
    assert.equal(expired.statusCode, 410)
    assert.match(html(expired)('main').text(), /72 ชั่วโมง/)
  })

  test('an address that already has an account is refused', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    await makeUser(db(), { username: 'taken.one', email: 'taken@amlo.go.th', role: 'examiner' })
    const res = await admin.submit('/admin/users/invite', '/admin/users/invite', { firstName: 'ก', lastName: 'ข', email: 'TAKEN@amlo.go.th', role: 'examiner' })
    assert.equal(res.statusCode, 422)
    assert.match(html(res)('#email-error').text(), /มีบัญชีผู้ใช้งานอยู่แล้ว/)
  })
})

describe('who may use the admin area (ATHZ-02)', () => {
  test('examiners, supervisors and entity users get 403 on admin pages and actions; refusals are audited', async () => {
    const target = await makeUser(db(), { role: 'examiner', username: 'target.one' })
    const { client: examiner } = await staffClient('examiner', 'examiner.x')
    const { client: supervisor } = await staffClient('supervisor', 'supervisor.x')
    const entity = await makeEntity(db())
    await makeUser(db(), { role: 'entity_admin', username: 'entity.x', entityId: entity.id })
    const entityClient = new Client(t.app)
    assert.equal((await entityClient.signIn('entity.x')).headers.location, '/portal')

    for (const [who, client] of [['examiner', examiner], ['supervisor', supervisor], ['entity admin', entityClient]] as const) {
      for (const url of ['/admin', '/admin/users', `/admin/users/${target.id}`, '/admin/users/invite']) {
        assert.equal((await client.get(url)).statusCode, 403, `${who} GET ${url}`)
      }
      const token = csrfOf(await client.get('/account'))
      for (const action of ['status', 'password-reset', 'two-step-reset', 'sessions-end', 'role', 'resend-invitation']) {
        const res = await client.post(`/admin/users/${target.id}/${action}`, { _csrf: token, action: 'deactivate', role: 'admin' })
        assert.equal(res.statusCode, 403, `${who} POST ${action}`)
      }
      const invite = await client.post('/admin/users/invite', { _csrf: token, firstName: 'a', lastName: 'b', email: 'x@amlo.go.th', role: 'admin' })
      assert.equal(invite.statusCode, 403, `${who} invite`)
    }
    assert.equal((await supervisor.get('/admin/audit')).statusCode, 200, 'supervisors read the audit log')
    assert.equal((await examiner.get('/admin/audit')).statusCode, 403)
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'active')
    assert.ok((await auditRows(db(), 'access.denied')).length >= 30)
  })

  test('actions need a CSRF token', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const target = await makeUser(db(), { role: 'examiner', username: 'target.two' })
    const res = await admin.post(`/admin/users/${target.id}/status`, { action: 'deactivate' })
    assert.equal(res.statusCode, 403)
    assert.equal((await unsafeFindUserById(db(), target.id))?.status, 'active')
  })

  test('signed-out visitors are sent to sign in', async () => {
    const res = await new Client(t.app).get('/admin/users')
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /^\/auth\/login\?next=/)
  })
})

describe('accounts', () => {
  test('search by name, user name, e-mail or business; filter by status and role; pages of 25', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db(), { nameTh: 'ห้างทองเยาวราชทดสอบ' })
    await makeUser(db(), { role: 'entity_user', username: 'waiting.one', entityId: entity.id, status: 'pending_approval', firstName: 'วิชัย', lastName: 'รอคอย' })
    for (let i = 0; i < 26; i++) await makeUser(db(), { role: 'examiner', username: `bulk.${String(i).padStart(2, '0')}` })

    const byName = html(await admin.get('/admin/users?q=%E0%B8%A3%E0%B8%AD%E0%B8%84%E0%B8%AD%E0%B8%A2')) // รอคอย
    assert.equal(byName('tbody tr').length, 1)
    assert.match(byName('tbody').text(), /waiting\.one/)
    assert.match(byName('tbody').text(), /บริษัท ห้างทองเยาวราชทดสอบ จำกัด/)
    assert.equal(html(await admin.get('/admin/users?q=%E0%B9%80%E0%B8%A2%E0%B8%B2%E0%B8%A7%E0%B8%A3%E0%B8%B2%E0%B8%8A'))('tbody tr').length, 1, 'by business name')
    assert.equal(html(await admin.get('/admin/users?q=WAITING.ONE%40example'))('tbody tr').length, 1, 'by e-mail')

    const pending = html(await admin.get('/admin/users?status=pending_approval&role='))
    assert.equal(pending('tbody tr').length, 1)
    assert.equal(pending('#status option[selected]').attr('value'), 'pending_approval')
    const home = html(await admin.get('/admin'))
    assert.match(home('.banner').text(), /รออนุมัติ 1 คน/)

    const page1 = html(await admin.get('/admin/users?role=examiner'))
    assert.equal(page1('tbody tr').length, 25)
    assert.match(page1('[role="status"]').text(), /26/)
    assert.equal(page1('a[rel="next"]').attr('href'), '/admin/users?role=examiner&page=2')
    const page2 = html(await admin.get('/admin/users?role=examiner&page=2'))
    assert.equal(page2('tbody tr').length, 1)

    assert.equal((await admin.get('/admin/users?status=nonsense')).statusCode, 400)
    assert.equal((await admin.get('/admin/users/not-a-uuid')).statusCode, 404)
    assert.equal((await admin.get('/admin/users/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  })

  test('details: business, status, two-step state, last sign-in and recent events', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main')
    const { user: examiner } = await staffClient('examiner', 'examiner.y')
    await replaceRecoveryCodes(db(), examiner.id, ['a', 'b', 'c'].map((x) => x.repeat(64)), t.clock.now())
    const $ = html(await admin.get(`/admin/users/${examiner.id}`))
    const summary = $('dl.summary-list').text()
    assert.match(summary, /เจ้าหน้าที่ สำนักงาน ปปง\./)
    assert.match(summary, /ใช้งานได้/)
    assert.match(summary, /เปิดใช้งานตั้งแต่ 29\/11\/2026 10:00 น\. \(รหัสสำรองเหลือ 3 รหัส\)/)
    assert.match(summary, /เข้าสู่ระบบล่าสุด29\/11\/2026 10:00/)
    assert.match(summary, /1 อุปกรณ์/)
    assert.match($('table').text(), /เข้าสู่ระบบสำเร็จ \(รหัสผ่านและรหัสจากแอป\)/)
    assert.ok(!$('main').text().includes('v1.'), 'never the sealed secret')
  })

  test('every action is audited and answers 303 with a flash message', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const entity = await makeEntity(db())
    const pending = await makeUser(db(), { role: 'entity_user', username: 'pending.one', entityId: entity.id, status: 'pending_approval' })
    const { client: examinerClient, user: examiner } = await staffClient('examiner', 'examiner.z')
    await replaceRecoveryCodes(db(), examiner.id, ['d'.repeat(64)], t.clock.now())

    // Approve a pending registrant (an admin may act on any business).
    const res = await act(admin, pending.id, 'status', { action: 'approve' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/admin/users/${pending.id}`)
    assert.match(await flashOf(admin, pending.id), /อนุมัติผู้ใช้งานแล้ว/)
    assert.equal((await unsafeFindUserById(db(), pending.id))?.status, 'active')

    // Send a password-reset link: to the account's own address, never shown to the admin.
    await act(admin, examiner.id, 'password-reset')
    assert.match(await flashOf(admin, examiner.id), /ส่งลิงก์ตั้งรหัสผ่านใหม่ไปที่อีเมลของบัญชีแล้ว/)
    assert.ok((await lastMail(db(), 'password_reset', examiner.email)).payload)

    // End all sessions: the examiner's browser is signed out.
    assert.equal((await examinerClient.get('/staff')).statusCode, 200)
    await act(admin, examiner.id, 'sessions-end')
    assert.match(await flashOf(admin, examiner.id), /ออกจากระบบแล้ว 1 อุปกรณ์/)
    assert.equal((await examinerClient.get('/staff')).statusCode, 303)

    // Change a staff role.
    await act(admin, examiner.id, 'role', { role: 'supervisor' })
    assert.match(await flashOf(admin, examiner.id), /เปลี่ยนบทบาทแล้ว/)
    assert.equal((await unsafeFindUserById(db(), examiner.id))?.role, 'supervisor')

    // Reset two-step verification: secret and codes gone, sessions ended, re-enrol at next sign-in.
    await act(admin, examiner.id, 'two-step-reset')
    assert.match(await flashOf(admin, examiner.id), /ตั้งค่าการยืนยันตัวตนสองขั้นตอนใหม่แล้ว/)
    const reset = await unsafeFindUserById(db(), examiner.id)
    assert.equal(reset?.totpEnabledAt, null)
    assert.equal(reset?.totpSecret, null)
    assert.equal((await db().select().from(recoveryCodes).where(eq(recoveryCodes.userId, examiner.id))).length, 0)
    assert.equal((await new Client(t.app).signIn('examiner.z')).headers.location, '/auth/totp/setup')

    // Deactivate and reactivate a staff account (no business).
    await act(admin, examiner.id, 'status', { action: 'deactivate' })
    assert.match(await flashOf(admin, examiner.id), /ระงับการใช้งานแล้ว/)
    assert.equal((await unsafeFindUserById(db(), examiner.id))?.status, 'deactivated')
    await act(admin, examiner.id, 'status', { action: 'reactivate' })
    assert.equal((await unsafeFindUserById(db(), examiner.id))?.status, 'active')

    const actions = (await auditRows(db())).filter((r) => r.actorUserId === me.id).map((r) => r.action)
    for (const a of ['user.approved', 'password.reset_requested', 'session.revoked', 'user.role_changed', 'totp.reset', 'user.deactivated', 'user.reactivated']) {
      assert.ok(actions.includes(a), `${a} audited with the admin as actor`)
    }
    assert.deepEqual((await auditRows(db(), 'user.role_changed')).map((r) => r.payload), [{ action: 'user.role_changed', from: 'examiner', to: 'supervisor' }])
    assert.deepEqual((await auditRows(db(), 'totp.reset')).map((r) => r.payload), [{ action: 'totp.reset', byAdmin: true }])
  })

  test('an admin cannot demote, deactivate or reset themselves; entity accounts never change role', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const page = html(await admin.get(`/admin/users/${me.id}`))
    assert.match(page('.inset').text(), /บัญชีของท่านเอง/)
    assert.equal(page('button[value="deactivate"]').length, 0)
    assert.equal(page('select#role').length, 0)

    for (const [action, fields] of [['role', { role: 'examiner' }], ['status', { action: 'deactivate' }], ['two-step-reset', {}], ['sessions-end', {}]] as const) {
      const res = await act(admin, me.id, action, fields)
      assert.equal(res.statusCode, 409, action)
    }
    const still = await unsafeFindUserById(db(), me.id)
    assert.equal(still?.role, 'admin')
    assert.equal(still?.status, 'active')
    assert.ok(still?.totpEnabledAt)
    assert.equal((await listSessionsOfUser(db(), me.id, t.clock.now())).length, 1)

    const entity = await makeEntity(db())
    const entityUser = await makeUser(db(), { role: 'entity_user', username: 'entity.y', entityId: entity.id })
    assert.equal((await act(admin, entityUser.id, 'role', { role: 'admin' })).statusCode, 409)
    assert.equal((await unsafeFindUserById(db(), entityUser.id))?.role, 'entity_user')
    assert.equal((await auditRows(db(), 'user.role_changed')).length, 0)
  })
})

describe('audit log', () => {
  test('newest first, in Bangkok time, as sentences; filters; keyset pages', async () => {
    const { client: admin, user: me } = await staffClient('admin', 'admin.main')
    const target = await makeUser(db(), { role: 'examiner', username: 'target.three', firstName: 'ธนพล', lastName: '<b>ทดสอบ</b>' })
    t.clock.advance(60_000)
    await act(admin, target.id, 'role', { role: 'supervisor' })

    const $ = html(await admin.get('/admin/audit'))
    assert.equal($('h1').text(), 'บันทึกการใช้งานระบบ')
    const first = $('tbody tr').first().find('td')
    assert.equal(first.eq(0).text(), '29/11/2026 10:01')
    assert.equal(first.eq(1).text(), 'เปลี่ยนบทบาทจาก ผู้ตรวจสอบ เป็น ผู้บังคับบัญชา (ผู้อนุมัติ)')
    assert.equal(first.eq(2).find('a').attr('href'), `/admin/users/${me.id}`)
    assert.equal(first.eq(3).text(), 'ธนพล <b>ทดสอบ</b>', 'names are shown as text')
    assert.equal($('main b').length, 0)
    assert.equal(first.eq(4).text(), '127.0.0.1')
    assert.match($('tbody').text(), /เข้าสู่ระบบสำเร็จ \(รหัสผ่านและรหัสจากแอป\)/)

    const filtered = html(await admin.get('/admin/audit?action=login.succeeded'))
    assert.equal(filtered('tbody tr').length, 1)
    assert.equal(filtered('#action option[selected]').attr('value'), 'login.succeeded')
    const byUser = html(await admin.get(`/admin/audit?user=${target.id}&action=`))
    assert.equal(byUser('tbody tr').length, 1)
    assert.equal((await admin.get('/admin/audit?action=no.such.action')).statusCode, 400)
    assert.equal((await admin.get('/admin/audit?user=not-a-uuid')).statusCode, 400)

    // 60 more events: the first page has 50 and a link to older ones; the second the rest.
    for (let i = 0; i < 60; i++) await act(admin, target.id, 'role', { role: i % 2 ? 'supervisor' : 'examiner' })
    const p1 = html(await admin.get('/admin/audit?action=user.role_changed'))
    assert.equal(p1('tbody tr').length, 50)
    const older = p1('a[rel="next"]').attr('href')!
    assert.match(older, /^\/admin\/audit\?action=user\.role_changed&before=\d+$/)
    const p2 = html(await admin.get(older))
    assert.equal(p2('tbody tr').length, 11)
    assert.equal(p2('a[rel="next"]').length, 0)
  })

  test('English sentences for an admin whose profile language is English', async () => {
    const { client: admin } = await staffClient('admin', 'admin.main', 'en')
    const res = await admin.get('/admin/audit')
    const $ = html(res)
    assert.equal($('h1').text(), 'Audit log')
    assert.match($('tbody').text(), /Signed in \(password and app code\)/)
  })
})
