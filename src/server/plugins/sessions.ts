import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import session, { type SessionStore } from '@fastify/session'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { sessionExpiresAt, type SessionData } from '#src/identity/session.model.ts'
import { deleteSession, findSessionWithUser, saveSession } from '#src/identity/sessions.repo.ts'
import type { ActorUser } from '#src/identity/users.repo.ts'

/**
 * The user each session was read with, by session id, until the actor hook of the same request
 * takes it (src/server/plugins/actor.ts): one round trip for session and user instead of two.
 * An entry not taken (a request that ended before that hook) is dropped with the rest at 1,000.
 */
const usersReadWithSessions = new Map<string, ActorUser>()
const KEPT_AT_MOST = 1_000

/** The user read with this request's session a moment ago, if it is `userId`; else undefined (read it). */
export function takeUserReadWithSession(sid: string, userId: string): ActorUser | undefined {
  const user = usersReadWithSessions.get(sid)
  usersReadWithSessions.delete(sid)
  return user?.id === userId ? user : undefined
}

/** A @fastify/session store over Drizzle: sessions are server-side, revocable and listable. */
function drizzleStore(app: FastifyInstance): SessionStore {
  const { database, clock } = app.deps
  return {
    get(sid, cb) {
      findSessionWithUser(database.db, sid, clock.now()).then(
        (s) => {
          usersReadWithSessions.delete(sid)
          if (s?.user) {
            if (usersReadWithSessions.size >= KEPT_AT_MOST) usersReadWithSessions.clear()
            usersReadWithSessions.set(sid, s.user)
          }
          cb(null, (s?.data ?? null) as never)
        },
        (err) => cb(err),
      )
    },
    set(sid, sess, cb) {
      const now = clock.now()
      const data = JSON.parse(JSON.stringify(sess)) as Record<string, unknown>
      const s = sess as unknown as SessionData
      const expiresAt = new Date(sessionExpiresAt(s, now.getTime()))
      saveSession(database.db, { sid, data, userId: s.userId ?? null, expiresAt, now }).then(() => cb(), (err) => cb(err))
    },
    destroy(sid, cb) {
      deleteSession(database.db, sid).then(() => cb(), (err) => cb(err))
    },
  }
}

export const SESSION_COOKIE = { dev: 'amrac_sid', production: '__Host-amrac_sid' } as const

export const sessionsPlugin = fp(async (app: FastifyInstance) => {
  const { config } = app.deps
  await app.register(cookie)
  await app.register(session, {
    secret: config.sessionSecret,
    cookieName: config.isProduction ? SESSION_COOKIE.production : SESSION_COOKIE.dev,
    store: drizzleStore(app),
    saveUninitialized: false,
    rolling: false,
    // A browser-session cookie: idle and absolute lifetimes are enforced on the server
    // (identity/session.model.ts), where they can be revoked.
    cookie: {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: config.isProduction,
    },
  })
  await app.register(csrf, {
    sessionPlugin: '@fastify/session',
    getToken: (req) => {
      const body = req.body as Record<string, unknown> | undefined
      const fromBody = body && typeof body === 'object' ? body._csrf : undefined
      if (typeof fromBody === 'string') return fromBody
      const header = req.headers['x-csrf-token']
      return typeof header === 'string' ? header : undefined
    },
  })
  // CSRF must run in preHandler: in onRequest the body is not parsed yet (stack.md §4.2).
  app.addHook('preHandler', async (req) => {
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS') return
    if (req.routeOptions.config.csrf === false) return
    // csrfProtection reports failure through reply.send(error); capture it as a thrown error so
    // the one error handler renders the localised page.
    await new Promise<void>((resolve, reject) => {
      const capture = { send: (err: Error) => reject(err) } as never
      app.csrfProtection(req, capture, () => resolve())
    })
  })
})

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Only for endpoints that cannot carry a token (none yet). */
    csrf?: false
  }
}
