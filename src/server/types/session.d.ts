import type { SessionData } from '#src/identity/session.model.ts'

declare module 'fastify' {
  interface Session extends SessionData {
    _csrf?: string
  }
}
