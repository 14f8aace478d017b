/**
 * Component examples (house style R18): every component has a `<name>.examples.tsx` exporting
 * `ComponentExample[]`. The dev gallery (/dev/components) shows them all on one page, which the
 * e2e suite scans with axe, so ids must be unique across the whole gallery: prefix them per file.
 */
import type { VNode } from 'preact'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'

export type ComponentExample = {
  /** Developer-facing name of the example ("with error"). */
  name: string
  /** Render with this language's translator (and mark it with `lang`); the page's by default. */
  locale?: Locale
  render(ctx: PageContext): VNode
}
