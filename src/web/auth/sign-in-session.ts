import type { FastifyRequest } from 'fastify'
import type { User } from '#src/identity/users.repo.ts'

/**
 * Starts a signed-in session: a NEW session id (no fixation, ASVS V7.2.4) holding the user,
 * the sign-in time (absolute lifetime) and last-seen time (idle time-out).
 */
export async function startSignedInSession(req: FastifyRequest, user: Pick<User, 'id'>): Promise<void> {
  const draft = keptDraft(req, user)
  await req.session.regenerate()
  if (draft) req.session.pendingDraft = draft
  const now = req.server.deps.clock.now().getTime()
  req.session.userId = user.id
  req.session.authAt = now
  req.session.lastSeenAt = now
  req.session.ip = req.ip
  req.session.userAgent = String(req.headers['user-agent'] ?? '').slice(0, 200)
}

/** Password accepted, second factor pending: also a new session id. */
export async function startPendingSignIn(req: FastifyRequest, user: Pick<User, 'id'>, step: 'totp' | 'enrol'): Promise<void> {
  const draft = keptDraft(req, user)
  await req.session.regenerate()
  if (draft) req.session.pendingDraft = draft
  req.session.pendingLogin = { userId: user.id, at: req.server.deps.clock.now().getTime(), step }
}

/** What the same user typed on a questionnaire page when the session timed out (never another user's). */
function keptDraft(req: FastifyRequest, user: Pick<User, 'id'>) {
  const draft = req.session.pendingDraft
  return draft && draft.userId === user.id ? draft : undefined
}
