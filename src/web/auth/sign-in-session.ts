import type { FastifyRequest } from 'fastify'
import { ROLE_HOME, type Role } from '#src/identity/permissions.ts'
import type { User } from '#src/identity/users.repo.ts'
import { safeLocalPath } from '#src/web/lib/safe-redirect.ts'

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

/**
 * Password accepted, second factor pending: also a new session id. `next` (already a safe local
 * path) is kept with the pending sign-in, so the code step can land where the password step would.
 */
export async function startPendingSignIn(req: FastifyRequest, user: Pick<User, 'id'>, step: 'totp' | 'enrol', next?: string): Promise<void> {
  const draft = keptDraft(req, user)
  await req.session.regenerate()
  if (draft) req.session.pendingDraft = draft
  const safeNext = next ? safeLocalPath(next, '') : ''
  req.session.pendingLogin = { userId: user.id, at: req.server.deps.clock.now().getTime(), step, ...(safeNext ? { next: safeNext } : {}) }
}

/**
 * Where a completed sign-in lands (call after startSignedInSession): the page asked for (`next`),
 * else the questionnaire page whose post was kept across the time-out (session.pendingDraft, this
 * user's only), else the role's home page.
 */
export function landingAfterSignIn(req: FastifyRequest, user: Pick<User, 'id' | 'role'>, next: string | undefined): string {
  const safeNext = next ? safeLocalPath(next, '') : ''
  if (safeNext) return safeNext
  const draft = keptDraft(req, user)
  const draftUrl = draft ? safeLocalPath(draft.url, '') : ''
  return draftUrl || ROLE_HOME[user.role as Role]
}

/** What the same user typed on a questionnaire page when the session timed out (never another user's). */
function keptDraft(req: FastifyRequest, user: Pick<User, 'id'>) {
  const draft = req.session.pendingDraft
  return draft && draft.userId === user.id ? draft : undefined
}
