/**
 * buildApp(deps): the whole HTTP application, shared by main.ts and every *.http.test.ts.
 * Order matters: the route guard is registered before any route so none escapes it.
 */
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { newReference } from '#src/platform/ids.ts'
import { authRoutes } from '#src/web/auth/auth.routes.tsx'
import { devRoutes } from '#src/web/dev/dev.routes.tsx'
import { opsRoutes } from '#src/web/public/ops.routes.ts'
import { publicRoutes } from '#src/web/public/public.routes.tsx'
import type { AppDeps } from './deps.ts'
import { actorPlugin } from './plugins/actor.ts'
import { assetsPlugin } from './plugins/assets.ts'
import { bodyParsersPlugin } from './plugins/body-parsers.ts'
import { errorsPlugin } from './plugins/errors.tsx'
import { i18nPlugin } from './plugins/i18n.ts'
import { routeGuardPlugin } from './plugins/route-guard.ts'
import { securityHeadersPlugin } from './plugins/security-headers.ts'
import { sessionsPlugin } from './plugins/sessions.ts'

export const BODY_LIMIT_BYTES = 1024 * 1024

export type BuildAppOptions = { logger?: FastifyServerOptions['logger'] }

export async function buildApp(deps: AppDeps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? {
      level: deps.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
    },
    genReqId: () => newReference(),
    requestIdHeader: false, // never trust a client-supplied id
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    connectionTimeout: 30_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 5_000,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  })
  app.decorate('deps', deps)

  await app.register(routeGuardPlugin)
  await app.register(rateLimit, { global: false })
  await app.register(bodyParsersPlugin)
  await app.register(securityHeadersPlugin)
  await app.register(sessionsPlugin)
  await app.register(i18nPlugin)
  await app.register(actorPlugin)
  await app.register(errorsPlugin)
  await app.register(assetsPlugin)

  await app.register(opsRoutes)
  await app.register(publicRoutes)
  await app.register(authRoutes, { prefix: '/auth' })
  if (!deps.config.isProduction) await app.register(devRoutes, { prefix: '/dev' })

  return app
}
