/**
 * THE one audited way to put raw HTML into a page (house style R18). Everything else is escaped by
 * Preact. Callers are review points: chart SVG rendered by ECharts, PDF font CSS, and questions'
 * HTML rendered by Preact a moment earlier and kept (renderedHtml). Never pass user input here.
 * Lint bans `dangerouslySetInnerHTML` and `tpl` everywhere else.
 */
import { Fragment, h, type JSX, type VNode } from 'preact'

export type TrustedHtml = { readonly __trustedHtml: string }

/** Marks a string produced by our own code (never user input) as safe HTML. */
export function trustedHtml(html: string): TrustedHtml {
  return { __trustedHtml: html }
}

export function RawHtml({ html, as = 'div', ...rest }: { html: TrustedHtml; as?: 'div' | 'span' | 'style' } & Record<string, unknown>): JSX.Element {
  const Tag = as as 'div'
  return <Tag {...rest} dangerouslySetInnerHTML={{ __html: html.__trustedHtml }} />
}

/**
 * HTML that Preact itself rendered (so escaped like any page), put back in place with no wrapper
 * element, and `holes` between its parts (`parts.length === holes.length + 1`). The holes are
 * vnodes: Preact renders and escapes them as usual. This is preact-render-to-string's form for
 * precompiled JSX templates. Never pass HTML that did not come out of renderToString.
 */
export function renderedHtml(parts: readonly string[], holes: readonly VNode[] = []): VNode {
  if (parts.length !== holes.length + 1) throw new Error(`renderedHtml: ${parts.length} parts for ${holes.length} holes`)
  return h(Fragment, { tpl: parts, exprs: holes } as never)
}
