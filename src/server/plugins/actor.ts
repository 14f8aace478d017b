import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { ANONYMOUS, type Actor, type Role } from '#src/identity/permissions.ts'
import { sessionState, SESSION_TOUCH_MS } from '#src/identity/session.model.ts'
import { fullName, unsafeFindActorUser } from '#src/identity/users.repo.ts'
import { isLocale } from '#src/platform/i18n/locale.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { LANGUAGE_COOKIE } from './i18n.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { takeUserReadWithSession } from './sessions.ts'

declare module 'fastify' {
  interface FastifyRequest {
    /** Why a signed-in session ended on this request, to explain it on the sign-in page. */
    sessionEnded?: 'idle' | 'absolute' | 'account'
    /** The user whose session just timed out (idle or absolute) on this request. */
    endedUserId?: string
  }
}

/** Ends the current session and starts an empty one (new id: no fixation). */
export async function endSession(req: FastifyRequest): Promise<void> {
  await req.session.regenerate()
}

/**
 * Sets `req.actor` for every request from the server-side session: checks the idle time-out and
 * the absolute lifetime, and that the account is still active (a deactivated account's next
 * request is anonymous, ASVS V7.4.2). Touches last-seen at most once a minute.
 */
export const actorPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null as never)
  app.addHook('onRequest', async (req) => {
    req.actor = ANONYMOUS
    const s = req.session
    if (!s?.userId) return
    const now = app.deps.clock.now().getTime()
    const state = sessionState(s, now)
    if (state !== 'valid') {
      req.sessionEnded = state === 'idle_expired' ? 'idle' : 'absolute'
      req.endedUserId = s.userId
      // Keep the form token: a form posted after the time-out then gets "please sign in again"
      // (and its page can keep what was typed), not "this form has expired".
      const csrf = s._csrf
      await endSession(req)
      if (csrf) req.session._csrf = csrf
      // Explained on the sign-in page the user is sent to next.
      setFlash(req, state === 'idle_expired' ? 'auth.login.idleSignedOut' : 'auth.login.absoluteSignedOut')
      return
    }
    const user = takeUserReadWithSession(s.sessionId, s.userId) ?? (await unsafeFindActorUser(app.deps.database.db, s.userId))
    if (!user || user.status !== 'active') {
      req.sessionEnded = 'account'
      await endSession(req)
      return
    }
    req.actor = {
      kind: 'user',
      id: user.id,
      role: user.role as Role,
      entityId: user.entityId,
      displayName: fullName(user),
    } satisfies Actor
    // Language: the switch cookie wins; otherwise the profile's choice beats Accept-Language.
    if (!isLocale(req.cookies[LANGUAGE_COOKIE]) && isLocale(user.locale) && user.locale !== req.locale) {
      req.locale = user.locale
      req.t = createTranslator(user.locale)
    }
    if (now - (s.lastSeenAt ?? 0) > SESSION_TOUCH_MS) s.lastSeenAt = now
  })
})
