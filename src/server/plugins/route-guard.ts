import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { declaredPermission } from '#src/web/lib/require-permission.ts'

/**
 * Boot-time check (house style R5): a route without a requirePermission guard in its own
 * preHandler stops the server from starting. A hook on a parent plugin is not a guard.
 */
export const routeGuardPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onRoute', (route) => {
    const permission = declaredPermission(route)
    if (!permission) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} has no requirePermission(...) in its preHandler. ` +
          `Every route must declare the permission it needs (use 'anonymous' for open pages).`,
      )
    }
    route.config = { ...(route.config ?? {}), permission }
  })
})
