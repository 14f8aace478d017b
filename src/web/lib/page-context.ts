import type { Actor } from '#src/identity/permissions.ts'
import type { ContactConfig } from '#src/platform/config.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'

/** What every page needs from the request; built once per render by `reply.render`. */
export type PageContext = {
  t: Translator
  locale: Locale
  /** Path and query of the current page, for the language switch's `next`. */
  currentPath: string
  actor: Actor
  /** Returns the CSRF token for forms on this page (creates the session lazily). */
  csrfToken(): string
  /** Cache-busting URL for a file under /assets. */
  asset(path: string): string
  isProduction: boolean
  /** Contact channels from configuration (footer, help page). */
  contact: ContactConfig
  requestId: string
}
