import type { FastifyPluginAsync } from 'fastify'
import { loginRoutes } from './login.routes.tsx'
import { registrationRoutes } from './registration.routes.tsx'
import { recoveryRoutes } from './recovery.routes.tsx'
import { twoStepAuthRoutes } from './two-step.routes.tsx'

/** Sign-in, registration and recovery, under /auth. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  await app.register(loginRoutes)
  await app.register(registrationRoutes)
  await app.register(recoveryRoutes)
  await app.register(twoStepAuthRoutes)
}
