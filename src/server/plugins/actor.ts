import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { ANONYMOUS } from '#src/identity/permissions.ts'

/**
 * Sets `req.actor` for every request. Until accounts exist (identity issue) everyone is anonymous;
 * the session's userId will be resolved to a user and role here.
 */
export const actorPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as never)
  app.addHook('onRequest', async (req) => {
    req.actor = ANONYMOUS
  })
})
