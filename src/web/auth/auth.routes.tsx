import type { FastifyPluginAsync } from 'fastify'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { ComingSoonPage } from '#src/web/public/coming-soon-page.tsx'

/** Sign-in and registration arrive with the identity issue; until then they say so plainly. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  app.get('/login', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => <ComingSoonPage ctx={ctx} service={ctx.t('common.nav.login')} />),
  )
  app.get('/register', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => <ComingSoonPage ctx={ctx} service={ctx.t('common.home.start.register')} />),
  )
}
