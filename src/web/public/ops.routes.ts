import type { FastifyPluginAsync } from 'fastify'
import { requirePermission } from '#src/web/lib/require-permission.ts'

/** Operations endpoints: liveness, readiness and the security contact (RFC 9116). */
export const opsRoutes: FastifyPluginAsync = async (app) => {
  app.get('/healthz', { preHandler: requirePermission('anonymous'), logLevel: 'warn' }, (_req, reply) =>
    reply.header('cache-control', 'no-store').send({ status: 'ok' }),
  )

  app.get('/readyz', { preHandler: requirePermission('anonymous'), logLevel: 'warn' }, async (req, reply) => {
    try {
      await withTimeout(app.deps.database.ping(), 2_000)
      return reply.header('cache-control', 'no-store').send({ status: 'ready', database: 'ok' })
    } catch (err) {
      req.log.warn({ err: { message: (err as Error).message } }, 'readiness check failed')
      return reply.status(503).header('retry-after', '5').header('cache-control', 'no-store').send({ status: 'unavailable', database: 'unreachable' })
    }
  })

  app.get('/.well-known/security.txt', { preHandler: requirePermission('anonymous') }, (_req, reply) => {
    const { config, clock } = app.deps
    const expires = new Date(clock.now().getTime() + 180 * 24 * 3600 * 1000)
    expires.setUTCHours(0, 0, 0, 0)
    const body = [
      `Contact: ${config.securityContact}`,
      `Expires: ${expires.toISOString()}`,
      'Preferred-Languages: th, en',
      `Canonical: ${config.baseUrl}/.well-known/security.txt`,
      '',
    ].join('\n')
    return reply.type('text/plain; charset=utf-8').send(body)
  })
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms)
    p.then(
      (v) => {
        clearTimeout(timer)
        resolve(v)
      },
      (e) => {
        clearTimeout(timer)
        reject(e)
      },
    )
  })
}
