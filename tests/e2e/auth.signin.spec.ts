/**
 * Journeys: an entity administrator signs in, sees the portal and the business's users, approves
 * a registrant waiting for approval and signs out; a wrong password gets the one generic message;
 * a user who forgot their password gets a link by e-mail, sets a new one and signs in with it.
 * Both projects. The registrations these journeys need are made over HTTP (support/identity.ts):
 * the registration pages have their own spec. Each project approves and resets only users it
 * registered itself, so the two projects never race for the same account.
 */
import type { Page } from '@playwright/test'
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'
import { BUSINESSES, DEMO_PASSWORD, MAIL_SUBJECT, linkIn, newPerson, projectOf, registerAndConfirmOverHttp, waitForMail } from './support/identity.ts'

const GENERIC_FAILURE = 'ชื่อผู้ใช้งาน อีเมล หรือรหัสผ่านไม่ถูกต้อง'

async function signIn(page: Page, identifier: string, password: string) {
  await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(identifier)
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(password)
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
}

test.describe('sign-in (เข้าสู่ระบบ)', () => {
  test('the entity administrator signs in, approves a waiting registrant on the users page and signs out', async ({ page, guard }, testInfo) => {
    test.setTimeout(90_000)
    // A registrant still waiting for approval is refused with 403 (and a page saying why).
    guard.allowConsoleError(/status of 403/)
    // A registrant of its own for the demo gold shop, which already has users: they wait for approval.
    const waiting = newPerson(testInfo, 'wait', 'วิไล')
    expect(await registerAndConfirmOverHttp(page.request, BUSINESSES.thongdee.juristicId, waiting)).toBe('pending')
    const waitingName = `${waiting.firstName} ${waiting.lastName}`

    await visit(page, '/auth/login')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('เข้าสู่ระบบ')
    // Until approved, the registrant cannot sign in, and is told why.
    await signIn(page, waiting.username, waiting.password)
    await expect(page.getByText('บัญชีของท่านรอการอนุมัติจากผู้ดูแลบัญชีของกิจการ')).toBeVisible()
    await expectNoA11yViolations(page)

    await signIn(page, 'thongdee.admin', DEMO_PASSWORD)
    await expect(page).toHaveURL(/\/portal$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('สวัสดี สมชาย ทองดี')
    await expect(page.getByRole('main')).toContainText(BUSINESSES.thongdee.nameTh)
    await expect(page.getByText('เข้าสู่ระบบในชื่อ สมชาย ทองดี')).toBeVisible()
    // thongdee.new (seeded) and at least this project's registrant are waiting.
    await expect(page.getByText(/มีผู้ลงทะเบียนรออนุมัติ \d+ คน/)).toBeVisible()
    await expect(page.getByRole('heading', { name: 'แบบประเมินความเสี่ยงประจำปี' })).toBeVisible()

    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'ผู้ใช้งานของกิจการ', exact: true }).click()
    await expect(page).toHaveURL(/\/portal\/users$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ผู้ใช้งานของกิจการ')
    await expect(page.getByRole('table')).toContainText(`ผู้ใช้งานทั้งหมดของ`)
    await expect(page.getByRole('row').filter({ hasText: 'thongdee.admin' })).toContainText('(ท่าน)')
    await expect(page.getByRole('row').filter({ hasText: 'thongdee.staff' })).toContainText('ใช้งานได้')
    const row = page.getByRole('row').filter({ hasText: waiting.username })
    await expect(row).toContainText('รออนุมัติ')
    await expect(row).toContainText('ผู้ใช้งานของกิจการ')

    await row.getByRole('button', { name: `อนุมัติ ${waitingName}` }).click()
    await expect(page).toHaveURL(/\/portal\/users$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('อนุมัติผู้ใช้งานแล้ว ระบบแจ้งทางอีเมลให้แล้ว')).toBeVisible()
    await expect(row).toContainText('ใช้งานได้')
    await expect(row.getByRole('button', { name: `ระงับการใช้งานของ ${waitingName}` })).toBeVisible()
    await waitForMail(page.request, waiting.email, MAIL_SUBJECT.accountApproved)

    // Sign out: back at the sign-in page, and the portal asks to sign in again.
    await page.getByRole('button', { name: 'ออกจากระบบ', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/login$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('ท่านออกจากระบบเรียบร้อยแล้ว')).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'เข้าสู่ระบบ', exact: true })).toBeVisible()
    await visit(page, '/portal')
    await expect(page).toHaveURL(/\/auth\/login\?next=%2Fportal$/)
    await expect(page.getByText('โปรดเข้าสู่ระบบเพื่อใช้งานหน้านี้')).toBeVisible()

    // The approved registrant now signs in and lands on the portal (with no user management).
    await signIn(page, waiting.username, waiting.password)
    await expect(page).toHaveURL(/\/portal$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`สวัสดี ${waitingName}`)
    await expect(page.getByRole('link', { name: 'จัดการผู้ใช้งานของกิจการ' })).toHaveCount(0)
  })

  test('a wrong password and an unknown user get the same generic message', async ({ page, guard }) => {
    guard.allowConsoleError(/status of 422/)
    await visit(page, '/auth/login')
    await signIn(page, 'thongdee.admin', 'not-the-password-2026')
    await expect(page).toHaveURL(/\/auth\/login$/)
    await expect(page).toHaveTitle(/^ข้อผิดพลาด: เข้าสู่ระบบ/)
    await expectNoA11yViolations(page)
    const summary = page.locator('[data-error-summary]')
    await expect(summary.getByRole('heading')).toHaveText('มีข้อมูลที่ต้องแก้ไข')
    await expect(summary.getByRole('link')).toHaveText([GENERIC_FAILURE])
    await expect(summary.getByRole('link')).toHaveAttribute('href', '#identifier')
    await expect(page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล')).toHaveValue('thongdee.admin')
    await expect(page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('รหัสผ่าน', { exact: true })).toHaveValue('')
    const wrongPassword = await page.locator('main').innerText()

    await signIn(page, 'nobody.here.2026', 'not-the-password-2026')
    await expect(page).toHaveTitle(/^ข้อผิดพลาด: เข้าสู่ระบบ/)
    await expectNoA11yViolations(page)
    await expect(summary.getByRole('link')).toHaveText([GENERIC_FAILURE])
    // The two answers read exactly the same (no user enumeration by message).
    expect(await page.locator('main').innerText()).toBe(wrongPassword)
    await expect(page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล')).toHaveValue('nobody.here.2026')
  })

  test('a forgotten password: link by e-mail, a new password, signed in with it', async ({ page, guard }, testInfo) => {
    test.setTimeout(90_000)
    guard.allowConsoleError(/status of (410|422)/)
    const person = newPerson(testInfo, 'forgot', 'มานพ')
    expect(await registerAndConfirmOverHttp(page.request, BUSINESSES.recovery[projectOf(testInfo)].juristicId, person)).toBe('admin')
    const newPassword = `ดอกมะลิบานสะพรั่งหน้าบ้าน ${Date.now() % 10_000}`

    await visit(page, '/auth/login')
    await page.getByRole('link', { name: 'ลืมรหัสผ่าน' }).click()
    await expect(page).toHaveURL(/\/auth\/forgot-password$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ลืมรหัสผ่าน')
    await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill(person.email)
    await page.getByRole('button', { name: 'ส่งลิงก์ตั้งรหัสผ่านใหม่' }).click()
    await expect(page).toHaveURL(/\/auth\/forgot-password\/sent$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('โปรดตรวจสอบอีเมลของท่าน')
    await expect(page.getByText('หากชื่อผู้ใช้งานหรืออีเมลนี้มีบัญชีอยู่ในระบบ')).toBeVisible()

    await waitForMail(page.request, person.email, MAIL_SUBJECT.passwordReset)
    await visit(page, '/dev/mail')
    await page
      .getByRole('row')
      .filter({ hasText: person.email })
      .getByRole('link', { name: new RegExp(`^${MAIL_SUBJECT.passwordReset}`) })
      .click()
    await expectNoA11yViolations(page)
    const text = (await page.locator('pre.mail-text').textContent()) ?? ''
    expect(text).toContain('มีการขอตั้งรหัสผ่านใหม่สำหรับบัญชีผู้ใช้งานระบบ AMRAC ของท่าน')
    const resetPath = linkIn(text, '/auth/reset-password/')

    await visit(page, resetPath)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตั้งรหัสผ่านใหม่')
    await page.getByLabel('รหัสผ่านใหม่').fill(newPassword)
    await page.getByLabel('ยืนยันรหัสผ่าน').fill(newPassword)
    await page.getByRole('button', { name: 'บันทึกรหัสผ่านใหม่' }).click()
    await expect(page).toHaveURL(/\/auth\/login$/)
    await expectNoA11yViolations(page)
    await expect(page.getByText('ตั้งรหัสผ่านใหม่เรียบร้อยแล้ว')).toBeVisible()

    // The old password no longer works; the new one does.
    await signIn(page, person.username, person.password)
    await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
    await expectNoA11yViolations(page)
    await expect(page.locator('[data-error-summary]')).toContainText(GENERIC_FAILURE)
    await signIn(page, person.username, newPassword)
    await expect(page).toHaveURL(/\/portal$/)
    await expectNoA11yViolations(page)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`สวัสดี ${person.firstName} ${person.lastName}`)

    // The link works once only.
    const reused = await visit(page, resetPath)
    expect(reused?.status()).toBe(410)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ลิงก์นี้ใช้ไม่ได้ อาจหมดอายุ ถูกใช้ไปแล้ว หรือไม่ครบถ้วน')
  })
})
