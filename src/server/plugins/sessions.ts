import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import session, { type SessionStore } from '@fastify/session'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { sessionExpiresAt, type SessionData } from '#src/identity/session.model.ts'
import { deleteSession, findSession, saveSession } from '#src/identity/sessions.repo.ts'

/** A @fastify/session store over Drizzle: sessions are server-side, revocable and listable. */
function drizzleStore(app: FastifyInstance): SessionStore {
  const { database, clock } = app.deps
  return {
    get(sid, cb) {
      findSession(database.db, sid, clock.now()).then(
        (s) => cb(null, (s?.data ?? null) as never),
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
