/**
 * axe-core in the page under test. Our CSP (`script-src 'self'`) blocks `page.addScriptTag`, so
 * axe's source is evaluated through the DevTools protocol (`page.evaluate`), which CSP does not
 * govern and which also works with JavaScript disabled (project js-off).
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import { expect, test, type Page } from '@playwright/test'

/** axe.min.js (650 KB) rather than `axe.source` (1.5 MB): it is sent to every page checked. */
const AXE_SOURCE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] as const

export type A11yViolation = {
  id: string
  impact: string | null
  help: string
  helpUrl: string
  targets: string[]
}

type AxeInPage = {
  run(context: Document, options: unknown): Promise<{
    violations: Array<{
      id: string
      impact?: string | null
      help: string
      helpUrl: string
      nodes: Array<{ target: unknown[] }>
    }>
  }>
}

/** Identity of the document currently in the page (differs for every load, also for the same URL). */
export function documentId(page: Page): Promise<number> {
  return page.evaluate(() => performance.timeOrigin)
}

/** Documents checked per page: the fixture in fixtures.ts uses this to enforce "axe on every page". */
export const checkedDocuments = new WeakMap<Page, Map<number, string>>()

/** True in the js-off project. */
function scriptsDisabled(): boolean {
  try {
    return test.info().project.use.javaScriptEnabled === false
  } catch {
    return false
  }
}

export async function runAxe(page: Page): Promise<A11yViolation[]> {
  await page.waitForLoadState('load')
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: AxeInPage }).axe?.run === 'function')
  if (!loaded) await page.evaluate(`${AXE_SOURCE}\n;void 0`)
  return page.evaluate(async ({ tags, noTimers }) => {
    const inPage = (window as unknown as { axe: AxeInPage }).axe
    // With JavaScript disabled, promise reactions still run but timers (and queueMicrotask) never
    // fire, and axe finishes each rule with setTimeout(resolve, 0). For the duration of the run,
    // zero-delay timers become promise reactions; longer ones (axe's safety time-outs) stay real
    // and so never fire, as before. The page's own scripts never ran, so nothing else is affected.
    const realSetTimeout = window.setTimeout
    if (noTimers) {
      window.setTimeout = ((fn: (...a: unknown[]) => void, ms?: number, ...rest: unknown[]) => {
        if (!ms || ms <= 1) {
          void Promise.resolve().then(() => fn(...rest))
          return 0
        }
        return realSetTimeout(fn, ms, ...rest)
      }) as typeof window.setTimeout
    }
    let results: Awaited<ReturnType<AxeInPage['run']>>
    try {
      results = await inPage.run(document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      })
    } finally {
      window.setTimeout = realSetTimeout
    }
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? null,
      help: v.help,
      helpUrl: v.helpUrl,
      targets: v.nodes.map((n) => n.target.map(String).join(' ')),
    }))
  }, { tags: [...AXE_TAGS], noTimers: scriptsDisabled() })
}

export function formatViolations(url: string, violations: A11yViolation[]): string {
  const lines = [`${violations.length} accessibility violation(s) on ${url}:`]
  for (const v of violations) {
    lines.push(`  - ${v.id} [${v.impact ?? 'n/a'}]: ${v.help} (${v.helpUrl})`)
    for (const t of v.targets.slice(0, 10)) lines.push(`      ${t}`)
    if (v.targets.length > 10) lines.push(`      … and ${v.targets.length - 10} more`)
  }
  return lines.join('\n')
}

/** Runs axe (WCAG 2.0/2.1 A and AA) on the current document and fails with a readable list. */
export async function expectNoA11yViolations(page: Page): Promise<void> {
  const violations = await runAxe(page)
  const url = page.url()
  const id = await documentId(page)
  let docs = checkedDocuments.get(page)
  if (!docs) checkedDocuments.set(page, (docs = new Map()))
  docs.set(id, url)
  expect(violations, formatViolations(url, violations)).toEqual([])
}
