/**
 * THE one audited way to put raw HTML into a page (house style R18). Everything else is escaped by
 * Preact. Callers are review points: chart SVG rendered by ECharts and PDF font CSS. Never pass
 * user input here. Lint bans `dangerouslySetInnerHTML` everywhere else.
 */
import type { JSX } from 'preact'

export type TrustedHtml = { readonly __trustedHtml: string }

/** Marks a string produced by our own code (never user input) as safe HTML. */
export function trustedHtml(html: string): TrustedHtml {
  return { __trustedHtml: html }
}

export function RawHtml({ html, as = 'div', ...rest }: { html: TrustedHtml; as?: 'div' | 'span' | 'style' } & Record<string, unknown>): JSX.Element {
  const Tag = as as 'div'
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: html.__trustedHtml }} />
}
