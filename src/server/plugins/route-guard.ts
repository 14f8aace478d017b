import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { RoutePermission } from '#src/identity/permissions.ts'
import { declaredPermission } from '#src/web/lib/require-permission.ts'

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route with the permission it declared: the permission-matrix test walks it. */
    routeTable: RouteEntry[]
  }
}

/**
 * Boot-time check (house style R5): a route without a requirePermission guard in its own
 * preHandler stops the server from starting. A hook on a parent plugin is not a guard.
 */
export type RouteEntry = { method: string; url: string; permission: RoutePermission }

export const routeGuardPlugin = fp(async (app: FastifyInstance) => {
  const table: RouteEntry[] = []
  app.decorate('routeTable', table)
  app.addHook('onRoute', (route) => {
    const permission = declaredPermission(route)
    if (!permission) {
      throw new Error(
        `Route ${String(route.method)} ${route.url} has no requirePermission(...) in its preHandler. ` +
          `Every route must declare the permission it needs (use 'anonymous' for open pages).`,
      )
    }
    route.config = { ...(route.config ?? {}), permission }
    for (const method of Array.isArray(route.method) ? route.method : [route.method]) {
      if (method !== 'HEAD') table.push({ method, url: route.url, permission })
    }
  })
})
