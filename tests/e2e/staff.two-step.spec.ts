/**
 * Journeys: a staff member signs in for the first time and must set up an authenticator app
 * (TOTP) before anything else — /staff and /admin send them back to sign in — reads the set-up
 * key from the page, confirms with a code computed as an app would (otplib), keeps the recovery
 * codes and arrives at the role's home; signs out, signs in again with a recovery code (a used
 * code and a used app code are refused) and with a NEW app code from the next 30-second step.
 * The administrator additionally invites an examiner, who sets a password from the e-mail link,
 * enrols and lands on /staff; the administrator then reads those events in the audit log (Thai).
 *
 * Both projects share one app (and its real clock), and a demo staff account can enrol only once:
 * project js-on uses `admin`, project js-off uses `supervisor`; the invited examiner is unique to
 * the run. TOTP failures are throttled per account only, so the refused codes here never touch the
 * per-address sign-in limit the other specs rely on.
 */
import type { Page } from '@playwright/test'
import { generate } from 'otplib'
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'
import { DEMO_PASSWORD, linkIn, newPerson, projectOf, waitForMail } from './support/identity.ts'

const STEP_MS = 30_000
const INVITATION_SUBJECT = 'คำเชิญเข้าใช้งานระบบ AMRAC สำหรับเจ้าหน้าที่'
const WRONG_OR_USED = 'รหัสไม่ถูกต้องหรือถูกใช้ไปแล้ว โปรดรอรหัสใหม่ในแอปแล้วลองอีกครั้ง'

/** Which demo staff account each project enrols (each can enrol only once per app instance). */
const STAFF = {
  'js-on': { username: 'admin', name: 'ผู้ดูแล ระบบ', home: /\/admin$/, homeHeading: 'ผู้ดูแลระบบ' },
  'js-off': { username: 'supervisor', name: 'ธนพล กำกับดี', home: /\/staff$/, homeHeading: 'งานกำกับและตรวจสอบ' },
} as const

const stepOf = (ms: number) => Math.floor(ms / STEP_MS)

/** The code an authenticator app shows for `secret` at time step `step` (RFC 6238, SHA-1, 6 digits, 30 s). */
const codeAtStep = (secret: string, step: number) => generate({ secret, epoch: step * (STEP_MS / 1000) })

/** The app's current code and its time step. */
async function currentCode(secret: string): Promise<{ code: string; step: number }> {
  const step = stepOf(Date.now())
  return { code: await codeAtStep(secret, step), step }
}

/**
 * A code from a later step than `usedStep` (the server refuses a code for a step already used):
 * waits, on the real clock the server also uses, until the app would show the next code (≤ 30 s).
 */
async function newCodeAfter(secret: string, usedStep: number): Promise<{ code: string; step: number }> {
  const wait = (usedStep + 1) * STEP_MS - Date.now()
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 250))
  return currentCode(secret)
}

/** A well-formed 6-digit code that is wrong for every step the server accepts now (±1 step). */
async function wrongCode(secret: string): Promise<string> {
  const now = stepOf(Date.now())
  const near = new Set(await Promise.all([now - 1, now, now + 1, now + 2].map((s) => codeAtStep(secret, s))))
  for (let n = 123_456; ; n++) if (!near.has(String(n))) return String(n)
}

async function signIn(page: Page, identifier: string, password: string) {
  await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(identifier)
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password)
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'ออกจากระบบ', exact: true }).click()
  await expect(page).toHaveURL(/\/auth\/login$/)
  await expectNoA11yViolations(page)
  await expect(page.getByText('ท่านออกจากระบบเรียบร้อยแล้ว')).toBeVisible()
}

/** The set-up key as the page shows it for typing by hand (groups of four), without the spaces. */
async function secretOnPage(page: Page): Promise<string> {
  const secret = ((await page.locator('[data-secret]').textContent()) ?? '').replace(/\s/g, '')
  expect(secret, 'a base32 set-up key of 160 bits').toMatch(/^[A-Z2-7]{32}$/)
  return secret
}

/** Second step of signing in: one box for the app code or a recovery code. */
async function enterSecondFactor(page: Page, code: string) {
  await page.getByLabel('รหัสยืนยันตัวตน').fill(code)
  await page.getByRole('button', { name: 'ยืนยันและเข้าสู่ระบบ' }).click()
}

/**
 * On the set-up page (the password was accepted, no app yet): confirms with the current code,
 * checks the recovery codes page and returns the codes and the time step used.
 */
async function confirmSetup(page: Page, secret: string): Promise<{ recoveryCodes: string[]; step: number }> {
  const { code, step } = await currentCode(secret)
  await page.getByLabel('รหัส 6 หลักที่แอปแสดงอยู่ขณะนี้').fill(code)
  await page.getByRole('button', { name: 'ยืนยันและเปิดใช้งาน' }).click()
  await expect(page).toHaveURL(/\/account\/two-step\/recovery-codes$/)
  await expectNoA11yViolations(page)
  await expect(page.getByText('เปิดใช้งานการยืนยันตัวตนสองขั้นตอนแล้ว')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('รหัสสำรองของท่าน')
  await expect(page.getByText('รหัสเหล่านี้จะแสดงเพียงครั้งนี้ครั้งเดียว')).toBeVisible()
  const items = page.getByRole('list', { name: 'รหัสสำรองของท่าน' }).getByRole('listitem')
  await expect(items).toHaveCount(10)
  const recoveryCodes = (await items.allTextContents()).map((c) => c.trim())
  for (const c of recoveryCodes) expect(c).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/)
  expect(new Set(recoveryCodes).size).toBe(10)
  return { recoveryCodes, step }
}

test.describe('staff two-step verification (การยืนยันตัวตนสองขั้นตอนของเจ้าหน้าที่)', () => {
  test('first sign-in enrols an authenticator app; later sign-ins need a new app code or a recovery code', async ({ page, guard }, testInfo) => {
    test.setTimeout(180_000)
    // A refused code answers 422 (the page with the error), which the browser logs.
    guard.allowConsoleError(/status of 422/)
    const project = projectOf(testInfo)
    const staff = STAFF[project]
    const t0 = Date.now()
    const mark = (label: string) => testInfo.annotations.push({ type: 'timing', description: `${label}: ${((Date.now() - t0) / 1000).toFixed(1)} s` })

    // ── First sign-in: the password, then the set-up that cannot be skipped ──────────────────
    await visit(page, '/auth/login')
    await signIn(page, staff.username, DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/auth\/totp\/setup$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตั้งค่าการยืนยันตัวตนสองขั้นตอน')
    await expect(page.getByText('เจ้าหน้าที่ สำนักงาน ปปง. ต้องยืนยันตัวตนสองขั้นตอนทุกครั้งที่เข้าสู่ระบบ')).toBeVisible()
    await expect(page.getByRole('img', { name: 'คิวอาร์โค้ดสำหรับเพิ่มบัญชี AMRAC ในแอปยืนยันตัวตน' })).toBeVisible()
    await expect(page.getByText(`บัญชี AMRAC: ${staff.username}`)).toBeVisible()
    // No cancel link: staff cannot leave the set-up for the app.
    await expect(page.getByRole('link', { name: 'ยกเลิก' })).toHaveCount(0)
    const secret = await secretOnPage(page)

    // Until the set-up is done, the staff and admin areas ask to sign in (the session is not signed in).
    for (const area of ['/staff', '/admin']) {
      await visit(page, area)
      await expect(page).toHaveURL(new RegExp(`/auth/login\\?next=${encodeURIComponent(area)}$`))
      await expect(page.getByText('โปรดเข้าสู่ระบบเพื่อใช้งานหน้านี้')).toBeVisible()
    }
    // Back to the set-up page: the same key (kept for this sign-in), so an app already set up still works.
    await visit(page, '/auth/totp/setup')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตั้งค่าการยืนยันตัวตนสองขั้นตอน')
    expect(await secretOnPage(page)).toBe(secret)

    // A wrong code is refused, with the reason and the same key.
    await page.getByLabel('รหัส 6 หลักที่แอปแสดงอยู่ขณะนี้').fill(await wrongCode(secret))
    await page.getByRole('button', { name: 'ยืนยันและเปิดใช้งาน' }).click()
    await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
    await expectNoA11yViolations(page)
    await expect(page.locator('[data-error-summary]')).toContainText('รหัสไม่ถูกต้อง โปรดตรวจสอบว่าเพิ่มบัญชีในแอปแล้ว')
    expect(await secretOnPage(page)).toBe(secret)

    // The right code: enrolled and signed in; the recovery codes are shown once.
    const enrolled = await confirmSetup(page, secret)
    const [firstRecovery, secondRecovery] = enrolled.recoveryCodes as [string, string, ...string[]]
    await page.getByRole('link', { name: 'จดรหัสเรียบร้อยแล้ว ดำเนินการต่อ' }).click()
    await expect(page).toHaveURL(staff.home)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(staff.homeHeading)
    // Shown once only: the page now sends to the two-step settings instead.
    await visit(page, '/account/two-step/recovery-codes')
    await expect(page).toHaveURL(/\/account\/two-step$/)
    await expect(page.getByText('บัญชีเจ้าหน้าที่ สำนักงาน ปปง. ต้องใช้การยืนยันตัวตนสองขั้นตอนเสมอ ปิดการใช้งานไม่ได้')).toBeVisible()
    await signOut(page)
    mark('enrolled')

    // ── Second sign-in: a recovery code instead of the app ────────────────────────────────────
    await signIn(page, staff.username, DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/auth\/login\/totp$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ยืนยันตัวตนขั้นที่สอง')
    // Still not signed in: the role's home asks to sign in.
    await visit(page, staff.username === 'admin' ? '/admin' : '/staff')
    await expect(page).toHaveURL(/\/auth\/login\?next=/)
    await visit(page, '/auth/login/totp')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ยืนยันตัวตนขั้นที่สอง')
    // The code used to enrol cannot be used again.
    await enterSecondFactor(page, await codeAtStep(secret, enrolled.step))
    await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
    await expectNoA11yViolations(page)
    await expect(page.locator('[data-error-summary]')).toContainText(WRONG_OR_USED)
    await enterSecondFactor(page, firstRecovery)
    await expect(page).toHaveURL(/\/account\/two-step$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('ท่านเข้าสู่ระบบด้วยรหัสสำรอง รหัสนั้นใช้ไม่ได้อีกแล้ว เหลือรหัสสำรอง 9 รหัส')).toBeVisible()
    await expect(page.getByText(`เข้าสู่ระบบในชื่อ ${staff.name}`)).toBeVisible()
    await signOut(page)
    mark('signed in with a recovery code')

    // ── Third sign-in: a NEW app code (the next 30-second step) ───────────────────────────────
    await signIn(page, staff.username, DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/auth\/login\/totp$/)
    await expectNoA11yViolations(page)
    // The recovery code already used is refused.
    await enterSecondFactor(page, firstRecovery)
    await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
    await expectNoA11yViolations(page)
    await expect(page.locator('[data-error-summary]')).toContainText(WRONG_OR_USED)
    const next = await newCodeAfter(secret, enrolled.step)
    expect(next.step).toBeGreaterThan(enrolled.step)
    await enterSecondFactor(page, next.code)
    await expect(page).toHaveURL(staff.home)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(staff.homeHeading)
    await expect(page.getByText(`เข้าสู่ระบบในชื่อ ${staff.name}`)).toBeVisible()
    mark('signed in with a new app code')

    if (staff.username !== 'admin') return

    // ── The administrator invites an examiner ─────────────────────────────────────────────────
    const invitee = newPerson(testInfo, 'exam', 'อรอุมา')
    await page.getByRole('link', { name: 'เชิญเจ้าหน้าที่' }).click()
    await expect(page).toHaveURL(/\/admin\/users\/invite$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('เชิญเจ้าหน้าที่')
    await page.getByLabel('ชื่อ', { exact: true }).fill(invitee.firstName)
    await page.getByLabel('นามสกุล', { exact: true }).fill(invitee.lastName)
    await page.getByLabel('อีเมล', { exact: true }).fill(invitee.email)
    await page.getByRole('radio', { name: 'ผู้ตรวจสอบ', exact: true }).check()
    await page.getByRole('button', { name: 'ส่งคำเชิญ' }).click()
    await expect(page).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/)
    await expectNoA11yViolations(page)
    const inviteeId = page.url().split('/').pop()!
    await expect(page.getByText(`ส่งคำเชิญไปที่ ${invitee.email} แล้ว ชื่อผู้ใช้งานคือ ${invitee.username}`)).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${invitee.firstName} ${invitee.lastName}`)
    await expect(page.getByText('ส่งคำเชิญแล้ว', { exact: true })).toBeVisible()
    await expect(page.getByText('ยังไม่ได้ตั้งค่า (จะตั้งค่าเมื่อเข้าสู่ระบบครั้งถัดไป)')).toBeVisible()
    await signOut(page)
    mark('invited')

    // The invitation link, from the local mailbox.
    await waitForMail(page.request, invitee.email, INVITATION_SUBJECT)
    await visit(page, '/dev/mail')
    await page
      .getByRole('row')
      .filter({ hasText: invitee.email })
      .getByRole('link', { name: new RegExp(`^${INVITATION_SUBJECT}`) })
      .click()
    await expectNoA11yViolations(page)
    const mail = (await page.locator('pre.mail-text').textContent()) ?? ''
    expect(mail).toContain('ได้เชิญท่านเข้าใช้งานระบบ AMRAC ในบทบาท')
    expect(mail).toContain('ตั้งค่าการยืนยันตัวตนสองขั้นตอน')
    const invitationPath = linkIn(mail, '/auth/invitation/')

    // The examiner sets a password, signs in, enrols and lands on the staff workspace.
    await visit(page, invitationPath)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`ตั้งรหัสผ่านสำหรับบัญชี ${invitee.username}`)
    await page.getByLabel('รหัสผ่านใหม่').fill(invitee.password)
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(invitee.password)
    await page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click()
    await expect(page).toHaveURL(/\/auth\/login$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText(`ตั้งรหัสผ่านแล้ว เข้าสู่ระบบด้วยชื่อผู้ใช้งาน ${invitee.username} หรืออีเมล แล้วตั้งค่าแอปยืนยันตัวตน`)).toBeVisible()
    await signIn(page, invitee.email, invitee.password)
    await expect(page).toHaveURL(/\/auth\/totp\/setup$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText(`บัญชี AMRAC: ${invitee.username}`)).toBeVisible()
    const inviteeSecret = await secretOnPage(page)
    expect(inviteeSecret).not.toBe(secret)
    await visit(page, '/staff')
    await expect(page).toHaveURL(/\/auth\/login\?next=%2Fstaff$/)
    await visit(page, '/auth/totp/setup')
    await confirmSetup(page, inviteeSecret)
    await page.getByRole('link', { name: 'จดรหัสเรียบร้อยแล้ว ดำเนินการต่อ' }).click()
    await expect(page).toHaveURL(/\/staff$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('งานกำกับและตรวจสอบ')
    await expect(page.getByText(`เข้าสู่ระบบในชื่อ ${invitee.firstName} ${invitee.lastName}`)).toBeVisible()
    await signOut(page)
    mark('invited examiner enrolled')

    // ── The administrator reads the audit log (another recovery code: no wait for the app) ────
    await signIn(page, staff.username, DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/auth\/login\/totp$/)
    await expectNoA11yViolations(page)
    await enterSecondFactor(page, secondRecovery)
    await expect(page).toHaveURL(/\/account\/two-step$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('เหลือรหัสสำรอง 8 รหัส')).toBeVisible()

    await visit(page, '/admin/audit')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('บันทึกการใช้งานระบบ')
    // One account's events (as the account page links them): the filter says so and keeps it.
    await visit(page, `/admin/audit?user=${inviteeId}`)
    await expect(page.getByText('แสดงเฉพาะเหตุการณ์ที่เกี่ยวกับบัญชีที่เลือก')).toBeVisible()
    await expectNoA11yViolations(page)
    const rows = page.getByRole('table', { name: 'บันทึกการใช้งานระบบ' }).getByRole('row')
    const inviteeName = `${invitee.firstName} ${invitee.lastName}`
    await expect(rows.filter({ hasText: 'เชิญเจ้าหน้าที่ในบทบาท ผู้ตรวจสอบ' })).toContainText(staff.name)
    await expect(rows.filter({ hasText: 'ตอบรับคำเชิญและตั้งรหัสผ่าน' })).toContainText(inviteeName)
    await expect(rows.filter({ hasText: 'เปิดใช้งานการยืนยันตัวตนสองขั้นตอน' })).toContainText(inviteeName)
    await expect(rows.filter({ hasText: 'เข้าสู่ระบบสำเร็จ (รหัสผ่านและรหัสจากแอป)' })).toHaveCount(1)
    await expect(rows.filter({ hasText: 'ออกจากระบบ' })).toHaveCount(1)

    // The administrator's own events: from the name in the "invited" row to the account's full list.
    const adminHref = await rows.filter({ hasText: 'เชิญเจ้าหน้าที่ในบทบาท' }).getByRole('link', { name: staff.name }).getAttribute('href')
    const adminId = adminHref!.split('/').pop()!
    await visit(page, `/admin/audit?user=${adminId}`)
    await expect(rows.filter({ hasText: 'เปิดใช้งานการยืนยันตัวตนสองขั้นตอน' })).toHaveCount(1)
    await expect(rows.filter({ hasText: 'เข้าสู่ระบบสำเร็จ (รหัสผ่านและรหัสจากแอป)' })).toHaveCount(2)
    await expect(rows.filter({ hasText: 'เข้าสู่ระบบสำเร็จ (รหัสผ่านและรหัสสำรอง)' })).toHaveCount(2)
    await expect(rows.filter({ hasText: 'ใช้รหัสสำรอง (เหลือ 9 รหัส)' })).toHaveCount(1)
    await expect(rows.filter({ hasText: 'ใช้รหัสสำรอง (เหลือ 8 รหัส)' })).toHaveCount(1)
    await expect(rows.filter({ hasText: 'เข้าสู่ระบบไม่สำเร็จ: รหัสยืนยันตัวตนไม่ถูกต้อง' }).first()).toBeVisible()
    mark('audit log read')
  })
})
