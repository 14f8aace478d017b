/**
 * Two-step verification through the real pages (WSTG ATHN-11 multi-factor, ATHN-03 lock-out,
 * ATHN-09 reset): staff enrolment at first sign-in, the code step, throttling, replay, recovery
 * codes, entity opt-in and opt-out, and a password reset that still asks for the code.
 */
import assert from 'node:assert/strict'
import { after, afterEach, before, describe, test } from 'node:test'
import { isNull } from 'drizzle-orm'
import { DEMO_PASSWORD, seedDemoAccounts } from '#src/db/seed/demo-accounts.ts'
import { recoveryCodes } from '#src/identity/users.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { unsafeFindUserById } from '#src/identity/users.repo.ts'
import { Client, TEST_PASSWORD, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { auditRows, codeAt, enrolDirectly, lastMail, secretOnPage, signInWithCode, storedSecret, wrongCode } from '#tests/support/totp.ts'

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
const next30s = () => t.clock.advance(30_000)
/** The recovery codes shown on a page, as displayed (`abcd-efgh-jkmn-pqrs`). */
const codesOn = (res: Parameters<typeof html>[0]) => {
  const $ = html(res)
  return $('ul.recovery-codes code')
    .map((_, c) => $(c).text())
    .get()
}

/** Signs in a staff member for the first time up to the set-up page; returns the secret shown. */
async function startEnrolment(client: Client, username: string) {
  const login = await client.signIn(username)
  assert.equal(login.statusCode, 303)
  assert.equal(login.headers.location, '/auth/totp/setup')
  const page = await client.get('/auth/totp/setup')
  assert.equal(page.statusCode, 200)
  return { page, secret: secretOnPage(page) }
}

describe('staff: first sign-in enrols an authenticator app (ATHN-11)', () => {
  test('cannot reach the staff area before finishing; QR code, secret, code, recovery codes, then signed in', async () => {
    const examiner = await makeUser(db(), { role: 'examiner', username: 'examiner.one' })
    const client = new Client(t.app)
    const { page, secret } = await startEnrolment(client, 'examiner.one')
    const $ = html(page)
    assert.equal($('h1').text(), 'ตั้งค่าการยืนยันตัวตนสองขั้นตอน')
    assert.equal($('figure.qr-code svg').length, 1, 'the QR code is inline SVG')
    assert.match($('figure.qr-code [role="img"]').attr('aria-label') ?? '', /คิวอาร์โค้ด/)
    assert.match(secret, /^[A-Z2-7]{32}$/)
    assert.equal($('a[href="/account/two-step"]').length, 0, 'staff cannot cancel')
    // A reload shows the same secret (kept, sealed, in the session).
    assert.equal(secretOnPage(await client.get('/auth/totp/setup')), secret)

    for (const url of ['/staff', '/account', '/account/two-step']) {
      const res = await client.get(url)
      assert.equal(res.statusCode, 303, url)
      assert.match(String(res.headers.location), /^\/auth\/login\?next=/, url)
    }
    assert.equal((await client.get('/auth/login/totp')).headers.location, '/auth/totp/setup')

    const wrong = await client.submit('/auth/totp/setup', '/auth/totp/setup', { code: await wrongCode(secret, t.clock.now()) })
    assert.equal(wrong.statusCode, 422)
    assert.equal(html(wrong)('#code').attr('aria-invalid'), 'true')
    assert.equal(secretOnPage(wrong), secret)
    assert.equal((await unsafeFindUserById(db(), examiner.id))?.totpEnabledAt, null)

    const ok = await client.submit('/auth/totp/setup', '/auth/totp/setup', { code: await codeAt(secret, t.clock.now()) })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/account/two-step/recovery-codes')
    const codesPage = await client.get('/account/two-step/recovery-codes')
    assert.equal(codesPage.statusCode, 200)
    const codes = codesOn(codesPage)
    assert.equal(codes.length, 10)
    for (const c of codes) assert.match(c, /^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/)
    assert.equal(html(codesPage)('a.button').attr('href'), '/staff')
    // Shown once.
    assert.equal((await client.get('/account/two-step/recovery-codes')).headers.location, '/account/two-step')
    assert.equal((await client.get('/staff')).statusCode, 200)

    // Stored sealed, hashed, audited without the secret.
    const stored = await unsafeFindUserById(db(), examiner.id)
    assert.ok(stored?.totpEnabledAt)
    assert.match(stored!.totpSecret!, /^v1\./)
    assert.ok(!stored!.totpSecret!.includes(secret))
    assert.equal(await storedSecret(t, examiner.id), secret)
    const hashes = await db().select().from(recoveryCodes)
    assert.equal(hashes.length, 10)
    for (const c of codes) assert.ok(!hashes.some((h) => h.codeHash.includes(c.replace(/-/g, ''))))
    assert.equal((await auditRows(db(), 'totp.enrolled')).length, 1)
    const signIns = await auditRows(db(), 'login.succeeded')
    assert.deepEqual(signIns.map((r) => r.payload), [{ action: 'login.succeeded', method: 'password+totp' }])
    assert.ok(!JSON.stringify(await auditRows(db())).includes(secret), 'the secret is never audited')
  })

  test('the second sign-in asks for a code after the password (and an enrolment code cannot be replayed)', async () => {
    await makeUser(db(), { role: 'supervisor', username: 'supervisor.one' })
    const first = new Client(t.app)
    const { secret } = await startEnrolment(first, 'supervisor.one')
    const enrolCode = await codeAt(secret, t.clock.now())
    assert.equal((await first.submit('/auth/totp/setup', '/auth/totp/setup', { code: enrolCode })).statusCode, 303)

    const second = new Client(t.app)
    const login = await second.signIn('supervisor.one')
    assert.equal(login.headers.location, '/auth/login/totp')
    assert.equal((await second.get('/staff')).statusCode, 303, 'not signed in yet')
    const page = await second.get('/auth/login/totp')
    assert.equal(html(page)('h1').text(), 'ยืนยันตัวตนขั้นที่สอง')
    assert.equal(html(page)('#code').attr('autocomplete'), 'one-time-code')
    const replay = await second.submit('/auth/login/totp', '/auth/login/totp', { code: enrolCode })
    assert.equal(replay.statusCode, 422, 'the code used to enrol cannot sign in')

    next30s()
    const ok = await second.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/staff')
    assert.equal((await second.get('/staff')).statusCode, 200)
  })
})

describe('the code step (ATHN-11, ATHN-03)', () => {
  test('a code reused in the same window is refused, the next window works', async () => {
    const admin = await makeUser(db(), { role: 'admin', username: 'admin.one' })
    const secret = await enrolDirectly(t, admin)
    const a = new Client(t.app)
    const code = await codeAt(secret, t.clock.now())
    assert.equal((await a.signIn('admin.one')).headers.location, '/auth/login/totp')
    const ok = await a.submit('/auth/login/totp', '/auth/login/totp', { code })
    assert.equal(ok.headers.location, '/admin')

    const b = new Client(t.app)
    await b.signIn('admin.one')
    const again = await b.submit('/auth/login/totp', '/auth/login/totp', { code })
    assert.equal(again.statusCode, 422)
    assert.match(html(again)('.error-summary').text(), /รหัสไม่ถูกต้องหรือถูกใช้ไปแล้ว/)
    next30s()
    assert.equal((await b.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })).headers.location, '/admin')
  })

  test('10 wrong codes in 5 minutes lock the account’s second step, even with the right code; audited', async () => {
    const examiner = await makeUser(db(), { role: 'examiner', username: 'examiner.two' })
    const secret = await enrolDirectly(t, examiner)
    const client = new Client(t.app)
    await client.signIn('examiner.two')
    const bad = await wrongCode(secret, t.clock.now())
    for (let i = 1; i <= 9; i++) {
      const res = await client.submit('/auth/login/totp', '/auth/login/totp', { code: bad })
      assert.equal(res.statusCode, 422, `attempt ${i}`)
    }
    const tenth = await client.submit('/auth/login/totp', '/auth/login/totp', { code: bad })
    assert.equal(tenth.statusCode, 429)
    assert.match(html(tenth)('.banner').text(), /กรอกรหัสผิดหลายครั้งเกินไป.*10:05/)
    const right = await client.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })
    assert.equal(right.statusCode, 429, 'locked even with the right code')
    // A new password step on another device does not reset the lock.
    const other = new Client(t.app)
    await other.signIn('examiner.two')
    assert.equal((await other.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })).statusCode, 429)

    assert.equal((await auditRows(db(), 'login.failed')).filter((r) => (r.payload as { reason: string }).reason === 'bad_totp').length, 10)
    assert.deepEqual((await auditRows(db(), 'login.locked_out')).map((r) => (r.payload as { scope: string }).scope), ['totp'])

    t.clock.advance(5 * 60_000 + 1_000) // the lock is over
    const after = new Client(t.app)
    await after.signIn('examiner.two')
    assert.equal((await after.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })).headers.location, '/staff')
  })

  test('a recovery code signs in once, says how many are left, and is audited', async () => {
    await makeUser(db(), { role: 'examiner', username: 'examiner.three' })
    const client = new Client(t.app)
    const { secret } = await startEnrolment(client, 'examiner.three')
    await client.submit('/auth/totp/setup', '/auth/totp/setup', { code: await codeAt(secret, t.clock.now()) })
    const codes = codesOn(await client.get('/account/two-step/recovery-codes'))

    const phoneless = new Client(t.app)
    await phoneless.signIn('examiner.three')
    const used = await phoneless.submit('/auth/login/totp', '/auth/login/totp', { code: codes[3]!.toUpperCase().replace(/-/g, ' ') })
    assert.equal(used.statusCode, 303)
    assert.equal(used.headers.location, '/account/two-step')
    const account = await phoneless.get('/account/two-step')
    assert.match(html(account)('.banner').text(), /เหลือรหัสสำรอง 9 รหัส/)
    assert.match(html(account)('dl').text(), /9 รหัส/)
    assert.deepEqual((await auditRows(db(), 'totp.recovery_code_used')).map((r) => r.payload), [{ action: 'totp.recovery_code_used', remaining: 9 }])
    assert.deepEqual((await auditRows(db(), 'login.succeeded')).at(-1)?.payload, { action: 'login.succeeded', method: 'password+recovery_code' })

    const again = new Client(t.app)
    await again.signIn('examiner.three')
    assert.equal((await again.submit('/auth/login/totp', '/auth/login/totp', { code: codes[3]! })).statusCode, 422, 'single use')
    assert.equal((await db().select().from(recoveryCodes).where(isNull(recoveryCodes.usedAt))).length, 9)
  })

  test('an unfinished sign-in expires after 5 minutes', async () => {
    const examiner = await makeUser(db(), { role: 'examiner', username: 'examiner.four' })
    const secret = await enrolDirectly(t, examiner)
    const client = new Client(t.app)
    await client.signIn('examiner.four')
    const page = await client.get('/auth/login/totp')
    t.clock.advance(5 * 60_000 + 1_000)
    const late = await client.post('/auth/login/totp', { _csrf: html(page)('input[name="_csrf"]').attr('value')!, code: await codeAt(secret, t.clock.now()) })
    assert.equal(late.statusCode, 303)
    assert.equal(late.headers.location, '/auth/login')
    assert.match(html(await client.get('/auth/login'))('.banner').text(), /หมดเวลาการเข้าสู่ระบบ/)
    assert.equal((await client.get('/staff')).statusCode, 303)
  })

  test('without a password step the code page sends people to sign in', async () => {
    const res = await new Client(t.app).get('/auth/login/totp')
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/auth/login')
    assert.equal((await new Client(t.app).get('/auth/totp/setup')).headers.location, '/auth/login')
  })
})

describe('where the code step lands', () => {
  async function entityWithCode(username: string) {
    const entity = await makeEntity(db())
    const user = await makeUser(db(), { role: 'entity_admin', username, entityId: entity.id })
    return { user, secret: await enrolDirectly(t, user) }
  }

  test('`next` is carried through the code step; an off-site `next` lands on the home page', async () => {
    const { secret } = await entityWithCode('somchai.next')
    const client = new Client(t.app)
    const asked = await client.get('/account')
    assert.equal(asked.headers.location, '/auth/login?next=%2Faccount')
    const login = await client.submit('/auth/login?next=%2Faccount', '/auth/login?next=%2Faccount', { identifier: 'somchai.next', password: TEST_PASSWORD })
    assert.equal(login.headers.location, '/auth/login/totp')
    const ok = await client.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })
    assert.equal(ok.statusCode, 303)
    assert.equal(ok.headers.location, '/account')
    assert.equal((await client.get('/account')).statusCode, 200)

    next30s()
    const evil = new Client(t.app)
    const evilNext = `/auth/login?next=${encodeURIComponent('//evil.example/x')}`
    assert.equal((await evil.submit(evilNext, evilNext, { identifier: 'somchai.next', password: TEST_PASSWORD })).headers.location, '/auth/login/totp')
    assert.equal((await evil.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })).headers.location, '/portal')
  })

  test('without `next`, a questionnaire page kept across the time-out is where the code step lands', async () => {
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
    const { secret } = await entityWithCode('somchai.draft')
    const client = new Client(t.app)
    assert.equal((await signInWithCode(t, client, 'somchai.draft', secret)).headers.location, '/portal')
    const pageUrl = '/portal/assessments/2569/part-b/2'
    const csrf = html(await client.get(pageUrl))('input[name=_csrf]').val() as string
    t.clock.advance(31 * 60_000)
    const late = await client.post(pageUrl, { _csrf: csrf, intent: 'save_draft', B08_total: '44' })
    assert.equal(late.headers.location, `/auth/login?next=${encodeURIComponent(pageUrl)}`)
    // The user opens the plain sign-in page (no `next`) and signs in with a code.
    const ok = await signInWithCode(t, client, 'somchai.draft', secret)
    assert.equal(ok.headers.location, pageUrl)
    const back = await client.get(pageUrl)
    assert.equal(back.statusCode, 303, 'the kept post is saved on the way back')
    assert.equal(html(await client.get(pageUrl))('#B08_total').val(), '44')
  })
})

describe('entity users opt in and out', () => {
  test('turn on after re-entering the password, sign in with a code, turn off with password and code', async () => {
    const entity = await makeEntity(db())
    const user = await makeUser(db(), { role: 'entity_admin', username: 'somchai.gold', entityId: entity.id })
    const client = new Client(t.app)
    assert.equal((await client.signIn('somchai.gold')).headers.location, '/portal')

    const page = await client.get('/account/two-step')
    assert.equal(page.statusCode, 200)
    assert.match(html(page)('dl').text(), /ยังไม่เปิดใช้งาน/)
    assert.equal(html(page)('#disable-form').length, 0)
    assert.equal((await client.get('/auth/totp/setup')).headers.location, '/account/two-step', 'the password comes first (V7.5.1)')

    const wrongPw = await client.submit('/account/two-step', '/account/two-step/enable', { enablePassword: 'not-the-password' })
    assert.equal(wrongPw.statusCode, 422)
    assert.equal(html(wrongPw)('#enablePassword').attr('aria-invalid'), 'true')
    const enable = await client.submit('/account/two-step', '/account/two-step/enable', { enablePassword: TEST_PASSWORD })
    assert.equal(enable.headers.location, '/auth/totp/setup')
    const setup = await client.get('/auth/totp/setup')
    assert.equal(html(setup)('a[href="/account/two-step"]').length, 1, 'an entity user may cancel')
    const secret = secretOnPage(setup)
    const done = await client.submit('/auth/totp/setup', '/auth/totp/setup', { code: await codeAt(secret, t.clock.now()) })
    assert.equal(done.headers.location, '/account/two-step/recovery-codes')
    assert.equal(html(await client.get('/account/two-step/recovery-codes'))('ul.recovery-codes li').length, 10)
    assert.ok((await unsafeFindUserById(db(), user.id))?.totpEnabledAt)

    next30s()
    const phone = new Client(t.app)
    assert.equal((await signInWithCode(t, phone, 'somchai.gold', secret)).headers.location, '/portal')

    const off = await phone.get('/account/two-step')
    assert.equal(html(off)('#disable-form').length, 1)
    const badCode = await phone.submit('/account/two-step', '/account/two-step/disable', { disablePassword: TEST_PASSWORD, disableCode: await wrongCode(secret, t.clock.now()) })
    assert.equal(badCode.statusCode, 422)
    assert.equal(html(badCode)('#disableCode').attr('aria-invalid'), 'true')
    next30s()
    const disabled = await phone.submit('/account/two-step', '/account/two-step/disable', { disablePassword: TEST_PASSWORD, disableCode: await codeAt(secret, t.clock.now()) })
    assert.equal(disabled.headers.location, '/account/two-step')
    assert.match(html(await phone.get('/account/two-step'))('.banner').text(), /ปิดการยืนยันตัวตนสองขั้นตอนแล้ว/)
    const after = await unsafeFindUserById(db(), user.id)
    assert.equal(after?.totpEnabledAt, null)
    assert.equal(after?.totpSecret, null)
    assert.equal((await db().select().from(recoveryCodes)).length, 0)
    assert.equal((await auditRows(db(), 'totp.disabled')).length, 1)
    assert.equal((await new Client(t.app).signIn('somchai.gold')).headers.location, '/portal')
  })

  test('staff cannot turn it off; new recovery codes replace the old ones', async () => {
    const examiner = await makeUser(db(), { role: 'examiner', username: 'examiner.five' })
    const client = new Client(t.app)
    const { secret } = await startEnrolment(client, 'examiner.five')
    await client.submit('/auth/totp/setup', '/auth/totp/setup', { code: await codeAt(secret, t.clock.now()) })
    const first = codesOn(await client.get('/account/two-step/recovery-codes'))[0]!

    const page = await client.get('/account/two-step')
    assert.match(html(page)('.inset').text(), /ปิดการใช้งานไม่ได้/)
    assert.equal(html(page)('#disable-form').length, 0)
    next30s()
    const refused = await client.submit('/account/two-step', '/account/two-step/disable', { disablePassword: TEST_PASSWORD, disableCode: await codeAt(secret, t.clock.now()) })
    assert.equal(refused.statusCode, 403)
    assert.ok((await unsafeFindUserById(db(), examiner.id))?.totpEnabledAt)

    const regen = await client.submit('/account/two-step', '/account/two-step/recovery-codes', { regenPassword: TEST_PASSWORD })
    assert.equal(regen.headers.location, '/account/two-step/recovery-codes')
    const fresh = codesOn(await client.get('/account/two-step/recovery-codes'))
    assert.equal(fresh.length, 10)
    assert.ok(!fresh.includes(first))
    const other = new Client(t.app)
    await other.signIn('examiner.five')
    assert.equal((await other.submit('/auth/login/totp', '/auth/login/totp', { code: first })).statusCode, 422, 'old codes stop working')
    assert.equal((await other.submit('/auth/login/totp', '/auth/login/totp', { code: fresh[0]! })).headers.location, '/account/two-step')
    assert.equal((await auditRows(db(), 'totp.recovery_codes_regenerated')).length, 1)
  })
})

describe('a password reset never bypasses the second factor (V6.4.3, ATHN-09)', () => {
  test('after resetting the password, signing in still asks for the code', async () => {
    const admin = await makeUser(db(), { role: 'admin', username: 'admin.two' })
    const secret = await enrolDirectly(t, admin)
    const client = new Client(t.app)
    assert.equal((await client.submit('/auth/forgot-password', '/auth/forgot-password', { identifier: 'admin.two' })).headers.location, '/auth/forgot-password/sent')
    const mail = await lastMail(db(), 'password_reset', admin.email)
    const resetUrl = new URL((mail.payload as { resetUrl: string }).resetUrl)
    const newPassword = 'a-brand-new-passphrase-for-amrac'
    const reset = await client.submit(resetUrl.pathname, '/auth/reset-password', { token: resetUrl.pathname.split('/').at(-1)!, password: newPassword, passwordConfirm: newPassword })
    assert.equal(reset.headers.location, '/auth/login')

    const login = await client.signIn('admin.two', newPassword)
    assert.equal(login.headers.location, '/auth/login/totp')
    assert.equal((await client.get('/admin')).statusCode, 303, 'not signed in with the password alone')
    assert.ok((await unsafeFindUserById(db(), admin.id))?.totpEnabledAt, 'the reset kept the authenticator')
    const ok = await client.submit('/auth/login/totp', '/auth/login/totp', { code: await codeAt(secret, t.clock.now()) })
    assert.equal(ok.headers.location, '/admin')
  })
})

describe('demo staff accounts', () => {
  for (const [username, home] of [['examiner', '/staff'], ['supervisor', '/staff'], ['admin', '/admin']] as const) {
    test(`${username}: password → set up the app (first time) → ${home}; next time password → code`, async () => {
      await seedDemoAccounts(db())
      const first = new Client(t.app)
      assert.equal((await first.signIn(username, DEMO_PASSWORD)).headers.location, '/auth/totp/setup')
      const secret = secretOnPage(await first.get('/auth/totp/setup'))
      assert.equal((await first.submit('/auth/totp/setup', '/auth/totp/setup', { code: await codeAt(secret, t.clock.now()) })).headers.location, '/account/two-step/recovery-codes')
      const codes = await first.get('/account/two-step/recovery-codes')
      assert.equal(html(codes)('a.button').attr('href'), home)
      assert.equal((await first.get(home)).statusCode, 200)

      next30s()
      const second = new Client(t.app)
      assert.equal((await signInWithCode(t, second, username, secret, DEMO_PASSWORD)).headers.location, home)
      assert.equal((await second.get(home)).statusCode, 200)
    })
  }
})
