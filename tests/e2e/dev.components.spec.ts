/**
 * Journey: a developer checks the component kit — the gallery at /dev/components (every example,
 * scanned by axe) and the example form at /dev/components/form, end to end with JavaScript on
 * (htmx swaps the error summary in, HX-Redirect on success) and off (422 page, 303 redirect).
 */
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'

const FORM = '/dev/components/form'
const SUMMARY_HREFS = ['#fullName', '#email', '#businessType', '#channels', '#registeredOn-day']

test.describe('dev component gallery and example form', () => {
  test('the gallery shows every component and passes axe', async ({ page }) => {
    const res = await visit(page, '/dev/components')
    expect(res?.status()).toBe(200)
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ตัวอย่างส่วนประกอบหน้าจอ (สำหรับนักพัฒนา)')
    await expect(page.locator('[data-example]').first()).toBeVisible()

    await page.getByRole('link', { name: 'ลองส่งแบบฟอร์มตัวอย่าง' }).click()
    await expect(page).toHaveURL(new RegExp(`${FORM}$`))
    await expectNoA11yViolations(page)
  })

  test('an empty form gets an error summary linked to each field; the corrected form is sent', async ({ page, guard, javaScriptEnabled }) => {
    // Chromium logs the 422 status of the re-rendered page (JavaScript off) as a console error.
    guard.allowConsoleError(/status of 422/)
    const res = await visit(page, FORM)
    expect(res?.status()).toBe(200)
    await expect(page.locator('[data-error-summary]')).toHaveCount(0)

    const submit = page.getByRole('button', { name: 'ส่ง', exact: true })
    const [post] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === FORM),
      submit.click(),
    ])
    const summary = page.locator('[data-error-summary]')
    await expect(summary).toBeVisible()
    if (javaScriptEnabled) {
      // htmx 2 does not swap 4xx responses: the fragment comes back as 200 (stack.md §4.2).
      expect(post.request().headers()['hx-request']).toBe('true')
      expect(post.status()).toBe(200)
      await expect(summary).toBeFocused()
    } else {
      expect(post.status()).toBe(422)
      await expect(page).toHaveTitle(/^ข้อผิดพลาด:/)
    }
    await expect(summary.getByRole('heading')).toHaveText('มีข้อมูลที่ต้องแก้ไข')
    const hrefs = await summary.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toEqual(SUMMARY_HREFS)
    for (const id of ['fullName', 'email', 'registeredOn-day']) {
      await expect(page.locator(`#${id}`)).toHaveAttribute('aria-invalid', 'true')
    }
    await expectNoA11yViolations(page)

    // Correct every field: a Buddhist-Era year, as most users will type it.
    await page.locator('#fullName').fill('สมชาย ใจดี')
    await page.locator('#email').fill('somchai@example.com')
    await page.locator('input[name="businessType"][value="precious_goods"]').check()
    await page.locator('input[name="channels"][value="shop"]').check()
    await page.locator('#registeredOn-day').fill('15')
    await page.locator('#registeredOn-month').fill('6')
    await page.locator('#registeredOn-year').fill('2568')
    await expect(page.locator('input[name="registeredOn.year"]')).toHaveValue('2568')
    await submit.click()

    await expect(page).toHaveURL(new RegExp(`${FORM}\\?saved=1$`))
    const banner = page.getByRole('alert', { name: 'สำเร็จ' })
    await expect(banner).toBeVisible()
    await expect(banner).toContainText('ส่งข้อมูลเรียบร้อยแล้ว')
    await expect(banner).toContainText('15 มิถุนายน 2568')
    await expect(page.locator('[data-error-summary]')).toHaveCount(0)
    await expectNoA11yViolations(page)
  })

})
