/**
 * Journey: a visitor arrives on the home page (Thai first), switches language, finds help and the
 * accessibility statement. Runs in both projects: js-on and js-off (everything here is plain links).
 */
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'

const NOT_FOUND_CONSOLE = /status of 404/

test.describe('public home', () => {
  test('is Thai, loads its font and htmx from the app, and links to sign-in and registration', async ({ page, guard }) => {
    const res = await visit(page, '/')
    expect(res?.status()).toBe(200)
    await expect(page.locator('html')).toHaveAttribute('lang', 'th')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ยินดีต้อนรับสู่ระบบ AMRAC')
    await expect(page).toHaveTitle(/AMRAC/)
    await guard.expectLocalAssets(page)

    // Sign-in and registration were "coming soon" pages until the identity work landed; now the
    // journey only checks that the links reach them (their own journeys live in their specs).
    const nav = page.getByRole('navigation', { name: 'เมนูหลัก' })
    await nav.getByRole('link', { name: 'เข้าสู่ระบบ', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/login$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'th')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('เข้าสู่ระบบ')
    await expectNoA11yViolations(page)

    await nav.getByRole('link', { name: 'หน้าแรก', exact: true }).click()
    await expect(page).toHaveURL(/\/$/)
    await expectNoA11yViolations(page)

    await nav.getByRole('link', { name: 'ลงทะเบียนผู้ใช้งาน', exact: true }).click()
    await expect(page).toHaveURL(/\/auth\/register$/)
    await expect(page.getByRole('heading', { level: 1 })).toContainText('ลงทะเบียนผู้ใช้งาน')
    await expectNoA11yViolations(page)
  })

  test('English is remembered on later pages and after reload; ภาษาไทย switches back', async ({ page }) => {
    await visit(page, '/')
    await page.getByRole('link', { name: 'English', exact: true }).click()
    await expect(page).toHaveURL(/\/$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to AMRAC')
    await expectNoA11yViolations(page)

    await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Contact and help' }).click()
    await expect(page).toHaveURL(/\/help$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Contact and help')
    await expectNoA11yViolations(page)

    await page.getByRole('link', { name: 'Accessibility', exact: true }).click()
    await expect(page).toHaveURL(/\/accessibility$/)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement')
    await expectNoA11yViolations(page)

    await page.reload()
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Accessibility statement')
    await expectNoA11yViolations(page)

    // The switch returns to the same page, now in Thai, and Thai sticks.
    await page.getByRole('link', { name: 'ภาษาไทย', exact: true }).click()
    await expect(page).toHaveURL(/\/accessibility$/)
    await expect(page.locator('html')).toHaveAttribute('lang', 'th')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('การเข้าถึงเว็บไซต์')
    await expectNoA11yViolations(page)

    await visit(page, '/help')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ติดต่อและขอความช่วยเหลือ')
  })

  test('the skip link is the first tab stop and moves focus to main', async ({ page }) => {
    await visit(page, '/')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'ข้ามไปยังเนื้อหาหลัก' })
    await expect(skip).toBeFocused()
    await expect(skip).toBeInViewport()
    await page.keyboard.press('Enter')
    await expect(page).toHaveURL(/#main$/)
    await expect(page.locator('main#main')).toBeFocused()
  })

  test('help and accessibility pages pass axe in Thai', async ({ page }) => {
    await visit(page, '/help')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ติดต่อและขอความช่วยเหลือ')
    await visit(page, '/accessibility')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('การเข้าถึงเว็บไซต์')
  })

  test('an unknown address shows the 404 page in Thai, and in English after switching', async ({ page, guard }) => {
    guard.allowConsoleError(NOT_FOUND_CONSOLE)
    const th = await visit(page, '/no-such-page')
    expect(th?.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', 'th')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ไม่พบหน้าที่ท่านต้องการ')

    // Switching language on the 404 page itself returns to the same (still unknown) address.
    const [en] = await Promise.all([
      page.waitForResponse((r) => new URL(r.url()).pathname === '/no-such-page'),
      page.getByRole('link', { name: 'English', exact: true }).click(),
    ])
    expect(en.status()).toBe(404)
    await expect(page.locator('html')).toHaveAttribute('lang', 'en')
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
    await expectNoA11yViolations(page)

    const deep = await visit(page, '/help/does-not-exist?x=1')
    expect(deep?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found')
  })
})
