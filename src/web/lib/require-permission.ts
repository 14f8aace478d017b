import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler, RouteOptions } from 'fastify'
import { can, type RoutePermission } from '#src/identity/permissions.ts'
import { appendAudit } from '#src/audit/audit.repo.ts'
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
    if (!can(req.actor, permission)) {
      // Every refused attempt is on record (quality.md §1.3, ASVS V16.3.2).
      const { database, clock } = req.server.deps
      await appendAudit(
        database.db,
        { at: clock.now(), actorUserId: req.actor.id, actorRole: req.actor.role, ip: req.ip, userAgent: req.headers['user-agent'] },
        { action: 'access.denied', permission, url: req.url.slice(0, 300) },
        { targetType: 'user', targetId: req.actor.id, entityId: req.actor.entityId },
      )
      throw new AppError('FORBIDDEN', { messageKey: 'errors.page.forbidden.title' })
    }
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
