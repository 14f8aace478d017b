import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { isLocale } from '#src/platform/i18n/locale.ts'
import { LANGUAGE_COOKIE } from '#src/server/plugins/i18n.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { parseQuery } from '#src/web/lib/parse-form.ts'
import { safeLocalPath } from '#src/web/lib/safe-redirect.ts'
import { AccessibilityPage } from './accessibility-page.tsx'
import { contactRoutes } from './contact.routes.tsx'
import { HelpPage } from './help-page.tsx'
import { HomePage } from './home-page.tsx'

const LanguageQuery = z.object({ next: z.string().max(2000).optional() })

export const publicRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => <HomePage ctx={ctx} />),
  )

  app.get('/help', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => <HelpPage ctx={ctx} />),
  )

  await app.register(contactRoutes)

  app.get('/accessibility', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => <AccessibilityPage ctx={ctx} />),
  )

  /**
   * The language switch is a plain link (works without JavaScript, needs no session): it only sets
   * a display-preference cookie and returns to the same page. See docs/decisions/0004.
   */
  app.get<{ Params: { locale: string } }>(
    '/language/:locale',
    { preHandler: requirePermission('anonymous') },
    (req, reply) => {
      const { locale } = req.params
      if (!isLocale(locale)) return reply.callNotFound()
      const query = parseQuery(LanguageQuery, req.query)
      reply.setCookie(LANGUAGE_COOKIE, locale, {
        path: '/',
        maxAge: 365 * 24 * 3600,
        sameSite: 'lax',
        httpOnly: true,
        secure: app.deps.config.isProduction,
      })
      return reply.redirect(safeLocalPath(query.next), 303)
    },
  )
}
