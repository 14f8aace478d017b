/**
 * JavaScript-only enhancement of the example form: error-summary links move focus to their fields
 * (assets/js/app.js). Runs in the js-on project only (playwright.config.ts ignores *.js-only specs
 * in js-off), so nothing is skipped.
 */
import { expect, expectNoA11yViolations, test, visit } from './support/fixtures.ts'

const FORM = '/dev/components/form'

test.describe('example form with JavaScript on', () => {
  test('error summary links move focus to their fields (JavaScript on)', async ({ page }) => {
    await visit(page, FORM)
    await page.getByRole('button', { name: 'ส่ง', exact: true }).click()
    const summary = page.locator('[data-error-summary]')
    await expect(summary).toBeFocused()
    await expectNoA11yViolations(page)

    const expected: Record<string, string> = {
      '#fullName': '#fullName',
      '#email': '#email',
      '#businessType': 'input[name="businessType"] >> nth=0',
      '#channels': 'input[name="channels"] >> nth=0',
      '#registeredOn-day': '#registeredOn-day',
    }
    for (const [href, field] of Object.entries(expected)) {
      await summary.locator(`a[href="${href}"]`).click()
      await expect(page.locator(field), `${href} focuses ${field}`).toBeFocused()
    }
  })
})
