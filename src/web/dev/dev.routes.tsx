import type { FastifyPluginAsync } from 'fastify'

/** Developer-only pages (component gallery); never registered in production. */
export const devRoutes: FastifyPluginAsync = async () => {}
