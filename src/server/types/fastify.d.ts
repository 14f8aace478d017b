import type { Actor, RoutePermission } from '#src/identity/permissions.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import type { AppDeps } from '#src/server/deps.ts'

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps
    assetUrl(path: string): string
  }
  interface FastifyRequest {
    locale: Locale
    t: Translator
    actor: Actor
  }
  interface FastifyContextConfig {
    /** Set by requirePermission; checked at boot for every route. */
    permission?: RoutePermission
  }
}

