/**
 * Component test helpers: a PageContext without a server, and Preact → HTML → cheerio.
 * Components are pure functions of props (house style R18), so they render here as they do in a page.
 */
import * as cheerio from 'cheerio'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import { ANONYMOUS } from '#src/identity/permissions.ts'
import { loadConfig } from '#src/platform/config.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'

export const TEST_CSRF_TOKEN = 'test-csrf-token'

export function testPageContext(opts: { locale?: Locale; currentPath?: string } = {}): PageContext {
  const locale = opts.locale ?? 'th'
  return {
    t: createTranslator(locale),
    locale,
    currentPath: opts.currentPath ?? '/',
    actor: ANONYMOUS,
    csrfToken: () => TEST_CSRF_TOKEN,
    asset: (p) => `/assets${p}`,
    isProduction: false,
    contact: loadConfig({}).contact,
    requestId: 'test-request',
  }
}

export function renderHtml(node: VNode): string {
  return renderToString(node)
}

/** Renders a component and loads it into cheerio for assertions on what assistive tech sees. */
export function render(node: VNode): cheerio.CheerioAPI {
  return cheerio.load(renderToString(node), null, false)
}
