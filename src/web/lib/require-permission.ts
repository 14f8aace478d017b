import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, RouteOptions } from 'fastify'
import { can, type RoutePermission } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'

const GUARD = Symbol.for('amrac.requirePermission')
type Guard = preHandlerAsyncHookHandler & { [GUARD]: RoutePermission }

/**
 * Every route authorises itself with this helper in its own preHandler (house style R5).
 * The actor was loaded from the session by the `actor` plugin; here we only check the table.
 */
export function requirePermission(permission: RoutePermission): Guard {
  const guard = async function requirePermissionGuard(req: FastifyRequest, _reply: FastifyReply) {
    if (permission === 'anonymous') return
    if (req.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    if (!can(req.actor, permission)) throw new AppError('FORBIDDEN', { messageKey: 'errors.page.forbidden.title' })
  } as Guard
  guard[GUARD] = permission
  return guard
}

/** The permission a route declared, or undefined when it has no requirePermission guard. */
export function declaredPermission(route: Pick<RouteOptions, 'preHandler'>): RoutePermission | undefined {
  const handlers = Array.isArray(route.preHandler) ? route.preHandler : route.preHandler ? [route.preHandler] : []
  for (const h of handlers) {
    const p = (h as Partial<Guard>)[GUARD]
    if (p) return p
  }
  return undefined
}
