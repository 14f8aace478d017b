/**
 * JavaScript-only enhancements of the identity pages (assets/js/app.js): the live checksum hint
 * for the juristic number, the password strength hint, and the idle-time-out warning whose
 * ใช้งานต่อ button extends the session in the background. Runs in the js-on project only
 * (playwright.config.ts ignores *.js-only specs in js-off), so nothing is skipped.
 */
import type { Page } from '@playwright/test'
import { documentId } from './support/axe.ts'
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'
import { BUSINESSES, DEMO_PASSWORD } from './support/identity.ts'

const LIVE = {
  valid: 'เลขทะเบียนนิติบุคคลถูกต้องตามหลักตรวจสอบ',
  invalid: 'เลข 13 หลักนี้ไม่ถูกต้องตามหลักตรวจสอบ โปรดตรวจสอบอีกครั้ง',
}
const IDLE_TITLE = 'ระบบจะออกจากระบบอัตโนมัติในอีก 2 นาที'

/** thongdee.staff (an active entity user of the demo gold shop) signs in and lands on /portal. */
async function signInAsStaff(page: Page) {
  await visit(page, '/auth/login')
  await page.getByLabel('ชื่อผู้ใช้งานหรืออีเมล').fill('thongdee.staff')
  await page.getByLabel('รหัสผ่าน', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('main').getByRole('button', { name: 'เข้าสู่ระบบ', exact: true }).click()
  await expect(page).toHaveURL(/\/portal$/)
  await expectNoA11yViolations(page)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('สวัสดี สมหญิง ใจดี')
}

test.describe('identity pages with JavaScript on', () => {
  test('the juristic number is checked as it is typed (JavaScript on)', async ({ page }) => {
    await visit(page, '/auth/register')
    const input = page.getByLabel('เลขทะเบียนนิติบุคคล 13 หลัก หรือชื่อกิจการ')
    const live = page.locator('#q-live')
    await expect(live).toBeHidden()
    await expect(live).toHaveAttribute('aria-live', 'polite')

    await input.pressSequentially('01055')
    await expect(live).toBeVisible()
    await expect(live).toHaveText('พิมพ์แล้ว 5 จาก 13 หลัก')

    // The demo gold shop's number with the wrong check digit (…2 is right).
    const right = BUSINESSES.thongdee.juristicId
    const wrong = `${right.slice(0, 12)}${(Number(right[12]) + 1) % 10}`
    await input.fill('')
    await input.pressSequentially(wrong)
    await expect(live).toHaveText(LIVE.invalid)
    await expectNoA11yViolations(page)

    await input.press('Backspace')
    await input.press(right[12]!)
    await expect(input).toHaveValue(right)
    await expect(live).toHaveText(LIVE.valid)

    // Thai digits and separators are understood too.
    const thaiDigits = [...BUSINESSES.thongdee.formatted].map((c) => (/\d/.test(c) ? String.fromCharCode(0x0e50 + Number(c)) : c)).join('')
    await input.fill(thaiDigits)
    await expect(live).toHaveText(LIVE.valid)

    // A name is not a number: the hint goes away.
    await input.fill('ทองดี')
    await expect(live).toBeHidden()

    // The server agrees with the hint: the right number finds the business.
    await input.fill(right)
    await page.getByRole('button', { name: 'ค้นหา', exact: true }).click()
    await expect(page).toHaveURL(new RegExp(`\\?q=${right}$`))
    await expectNoA11yViolations(page)
    await expect(page.getByRole('region', { name: 'ผลการค้นหา' })).toContainText(BUSINESSES.thongdee.nameTh)
  })

  test('the new password gets a live strength hint (JavaScript on)', async ({ page }) => {
    await visit(page, `/auth/register?q=${BUSINESSES.thongdee.juristicId}`)
    await page.getByRole('link', { name: new RegExp(BUSINESSES.thongdee.nameTh) }).click()
    await expect(page).toHaveURL(/\/auth\/register\/[0-9a-f-]{36}$/)
    await expectNoA11yViolations(page)

    const password = page.getByLabel('รหัสผ่าน', { exact: true })
    const hint = page.locator('[data-password-strength="password"]')
    await expect(hint).toBeHidden()
    await expect(hint).toHaveAttribute('aria-live', 'polite')

    await password.pressSequentially('abc')
    await expect(hint).toBeVisible()
    await expect(hint).toHaveText('ยังขาดอีก 9 ตัวอักษร')
    await password.fill('abcdefghijkl')
    await expect(hint).toHaveText('ความแข็งแรงของรหัสผ่าน: อ่อน')
    await password.fill('ช้างเผือกกินกล้วยหอมริมแม่น้ำ 2569')
    await expect(hint).toHaveText('ความแข็งแรงของรหัสผ่าน: ดี')
    await password.fill('Correct-Horse-Battery-9-Staple')
    await expect(hint).toHaveText('ความแข็งแรงของรหัสผ่าน: ดีมาก')
    await expectNoA11yViolations(page)
    // Emptied by the keyboard (an `input` event, as a person would cause).
    await password.press('ControlOrMeta+a')
    await password.press('Backspace')
    await expect(password).toHaveValue('')
    await expect(hint).toBeHidden()
  })

  test('the idle warning is hidden until due; ใช้งานต่อ keeps the session without leaving the page (JavaScript on)', async ({ page }) => {
    await signInAsStaff(page)
    await page.getByRole('navigation', { name: 'เมนูหลัก' }).getByRole('link', { name: 'บัญชีของฉัน' }).click()
    await expect(page).toHaveURL(/\/account$/)
    await expectNoA11yViolations(page)

    // The warning is in the page, hidden; app.js shows it 2 minutes before the 30-minute limit.
    await expect(page.locator('body')).toHaveAttribute('data-idle-ms', String(30 * 60_000))
    const warning = page.locator('[data-idle-warning]')
    await expect(warning).toHaveCount(1)
    await expect(warning).toBeHidden()
    await expect(warning).toHaveAttribute('role', 'alertdialog')
    await expect(warning.getByRole('heading', { level: 2, includeHidden: true })).toHaveText(IDLE_TITLE)
    await expect(page.getByRole('alertdialog')).toHaveCount(0)

    // Something typed but not yet sent.
    const phone = page.getByLabel('โทรศัพท์')
    await phone.fill('02-123-4567 ต่อ 12')
    const before = { url: page.url(), doc: await documentId(page) }

    // We cannot wait 28 minutes: show the warning as the timer would.
    await warning.evaluate((el) => {
      ;(el as HTMLElement).hidden = false
    })
    const dialog = page.getByRole('alertdialog', { name: IDLE_TITLE })
    await expect(dialog).toBeVisible()
    await expect(dialog).toContainText('ข้อมูลที่ท่านกรอกไว้ในหน้านี้จะไม่หายไป')
    await expectNoA11yViolations(page)

    const [extend] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/session/extend' && r.request().method() === 'POST'),
      dialog.getByRole('button', { name: 'ใช้งานต่อ', exact: true }).click(),
    ])
    // A background fetch carrying the page's CSRF token (app.js never reads the body, so neither
    // do we: Chromium does not hand over a body the page left unread).
    expect(extend.status()).toBe(200)
    expect(extend.headers()['content-type']).toMatch(/^application\/json/)
    expect(extend.request().headers()['x-csrf-token']).toBeTruthy()

    // The warning goes away (app.js may keep it a few seconds to confirm the extension), the page
    // was not left or reloaded, and what was typed is still there.
    await expect(warning).toBeHidden({ timeout: 10_000 })
    expect(page.url()).toBe(before.url)
    expect(await documentId(page)).toBe(before.doc)
    await expect(phone).toHaveValue('02-123-4567 ต่อ 12')
    await expect(page.getByText('เข้าสู่ระบบในชื่อ สมหญิง ใจดี')).toBeVisible()

    // Still signed in on the server.
    await visit(page, '/portal')
    await expect(page).toHaveURL(/\/portal$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('สวัสดี สมหญิง ใจดี')
  })

  test('the idle warning appears by itself 28 minutes after the last request and takes focus (JavaScript on)', async ({ page }) => {
    await signInAsStaff(page)
    // Fake timers in the page only (the server's session clock is untouched), from the next
    // document on: the portal is loaded again under them. (Installed after signing in because
    // fake timers also fix performance.timeOrigin, which axe.ts uses to tell documents apart.)
    await page.clock.install()
    await visit(page, '/portal')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('สวัสดี สมหญิง ใจดี')
    const warning = page.locator('[data-idle-warning]')
    await expect(warning).toBeHidden()
    await page.clock.fastForward('27:50')
    await expect(warning).toBeHidden()
    await page.clock.fastForward('00:15')
    const dialog = page.getByRole('alertdialog', { name: IDLE_TITLE })
    await expect(dialog).toBeVisible()
    await expect(dialog.getByRole('button', { name: 'ใช้งานต่อ', exact: true })).toBeFocused()
    await expectNoA11yViolations(page)

    await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/auth/session/extend' && r.status() === 200),
      dialog.getByRole('button', { name: 'ใช้งานต่อ', exact: true }).click(),
    ])
    // Re-armed: hidden again (after any short confirmation), and due again 28 minutes later.
    await page.clock.runFor(5_000)
    await expect(warning).toBeHidden()
    await expect(page).toHaveURL(/\/portal$/)
  })
})
