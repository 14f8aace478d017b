/**
 * `test` and `expect` for every spec. An automatic `guard` fixture watches each page and fails the
 * test when, by its end:
 *   - the browser asked for anything outside the app's origin (no CDN, no outside request at all;
 *     such requests are also aborted);
 *   - the page logged a console error or threw an uncaught error (unless the test allowed that
 *     message with `guard.allowConsoleError(/…/)`);
 *   - a document was loaded that axe never checked (house style R25: axe on every page visited).
 * Use `visit(page, url)` to navigate and check in one step; after a click or a form post that
 * loads a new page, call `expectNoA11yViolations(page)`.
 */
import { test as base, expect, type Page, type Response } from '@playwright/test'
import { checkedDocuments, expectNoA11yViolations } from './axe.ts'

export { expect, expectNoA11yViolations }

export type Guard = {
  /** Every response the page received (same origin only: anything else was aborted). */
  readonly responses: ReadonlyArray<{ url: URL; status: number }>
  /** Console errors that are expected in this test (e.g. the browser's note on a 404 or 422 document). */
  allowConsoleError(pattern: RegExp): void
  /** Asserts the page fetched Sarabun from /assets/fonts (and, with JavaScript on, htmx from /assets/vendor). */
  expectLocalAssets(page: Page): Promise<void>
}

export const test = base.extend<{ guard: Guard }>({
  guard: [
    async ({ page, baseURL, javaScriptEnabled }, use, testInfo) => {
      const appOrigin = new URL(baseURL ?? 'http://127.0.0.1').origin
      const isForeign = (url: string) => {
        const u = new URL(url)
        if (u.protocol === 'data:' || u.protocol === 'blob:' || u.href === 'about:blank') return false
        return u.origin !== appOrigin
      }
      const foreign: string[] = []
      const consoleErrors: string[] = []
      const pageErrors: string[] = []
      const allowed: RegExp[] = []
      const loads: string[] = []
      const responses: Array<{ url: URL; status: number }> = []

      await page.context().route(
        (url) => isForeign(url.href),
        (route) => route.abort('blockedbyclient'),
      )
      page.on('request', (req) => {
        if (isForeign(req.url())) foreign.push(`${req.method()} ${req.url()}`)
      })
      page.on('response', (res: Response) => {
        if (!isForeign(res.url())) responses.push({ url: new URL(res.url()), status: res.status() })
      })
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return
        const where = msg.location().url ? ` (${msg.location().url})` : ''
        consoleErrors.push(`${msg.text()}${where}`)
      })
      page.on('pageerror', (err) => pageErrors.push(err.stack ?? err.message))
      page.on('load', () => {
        if (page.url() !== 'about:blank') loads.push(page.url())
      })

      const guard: Guard = {
        responses,
        allowConsoleError: (pattern) => void allowed.push(pattern),
        async expectLocalAssets(p) {
          await p.waitForLoadState('load')
          await expect
            .poll(() => responses.some((r) => /^\/assets\/fonts\/sarabun-[a-z-]+-\d{3}-normal\.woff2$/.test(r.url.pathname) && r.status === 200), {
              message: 'Sarabun woff2 loaded from /assets/fonts',
            })
            .toBe(true)
          expect(await p.evaluate(() => document.fonts.check('16px Sarabun', 'ภาษาไทย')), 'Sarabun is in use').toBe(true)
          const htmx = responses.some((r) => r.url.pathname === '/assets/vendor/htmx.min.js' && r.status === 200)
          // With JavaScript off the browser does not fetch scripts at all.
          expect(htmx, 'htmx loaded from /assets/vendor').toBe(javaScriptEnabled !== false)
        },
      }

      await use(guard)

      // A page the test navigated to at the very end still counts: let its load event arrive.
      if (!page.isClosed()) await page.waitForLoadState('load', { timeout: 5_000 }).catch(() => undefined)
      const unexpectedConsole = consoleErrors.filter((m) => !allowed.some((re) => re.test(m)))
      const problems: string[] = []
      if (foreign.length) problems.push(`Requests outside ${appOrigin} (blocked):\n  ${foreign.join('\n  ')}`)
      if (unexpectedConsole.length) problems.push(`Console errors:\n  ${unexpectedConsole.join('\n  ')}`)
      if (pageErrors.length) problems.push(`Uncaught page errors:\n  ${pageErrors.join('\n  ')}`)
      const checked = checkedDocuments.get(page)?.size ?? 0
      if (testInfo.status === testInfo.expectedStatus && checked < loads.length) {
        const checkedUrls = [...(checkedDocuments.get(page)?.values() ?? [])]
        problems.push(
          `axe ran on ${checked} of ${loads.length} pages loaded in this test (every page visited must be checked).\n` +
            `  loaded:  ${loads.join(', ')}\n  checked: ${checkedUrls.join(', ') || '(none)'}`,
        )
      }
      if (problems.length) {
        if (testInfo.status !== testInfo.expectedStatus) {
          await testInfo.attach('page-guard', { body: problems.join('\n\n'), contentType: 'text/plain' })
        } else {
          throw new Error(problems.join('\n\n'))
        }
      }
    },
    { auto: true },
  ],
})

/** Navigates to `url` (relative to baseURL) and runs axe on the page it lands on. */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const res = await page.goto(url)
  await expectNoA11yViolations(page)
  return res
}
