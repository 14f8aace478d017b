/**
 * What a server-side session holds (besides the CSRF secret) and its lifetimes (ASVS V7.3):
 * idle time-out 30 minutes, absolute lifetime 12 hours after sign-in. Anonymous sessions only
 * carry a CSRF secret for a form being filled in, so they live 24 hours: a slow form never expires.
 */
export const SESSION_IDLE_MS = 30 * 60_000
export const SESSION_ABSOLUTE_MS = 12 * 3600_000
export const ANONYMOUS_SESSION_MS = 24 * 3600_000
/** Last-seen time is written at most once a minute, so browsing does not write on every request. */
export const SESSION_TOUCH_MS = 60_000
/** A password step waiting for its TOTP code expires after 5 minutes. */
export const PENDING_LOGIN_MS = 5 * 60_000

export type SessionData = {
  userId?: string
  authAt?: number
  lastSeenAt?: number
  ip?: string
  userAgent?: string
  /**
   * Password accepted; a second factor (or TOTP enrolment for staff) is still needed. `next`: the
   * safe local path the sign-in was asked to return to (`/auth/login?next=`), used after the code.
   */
  pendingLogin?: { userId: string; at: number; step: 'totp' | 'enrol'; next?: string }
  /** TOTP enrolment in progress: the candidate secret, encrypted (src/identity/totp.ts), and when it was made. */
  totpSetup?: { userId: string; secret: string; at: number }
  /** Recovery codes to show once on the next page, encrypted; removed when shown. */
  recoveryCodes?: { userId: string; codes: string }
  /** The password was re-entered at this time (ASVS V7.5.1: before turning two-step verification on). */
  reauthAt?: number
  /** A message key shown once on the next page (e.g. "you were signed out after 30 minutes"). */
  flash?: string
  /**
   * A questionnaire page posted after the session timed out: kept (for that user only) across the
   * sign-in and saved as a draft when the user is back on the page (src/web/portal/assessment.routes.tsx).
   */
  pendingDraft?: { userId: string; url: string; body: Record<string, unknown>; at: number }
  /** Masked e-mail shown on the "check your e-mail" page after registering. */
  registeredEmail?: string
  /** Just confirmed their e-mail in this browser: may download their service-request form for a while. */
  confirmedUser?: { userId: string; at: number }
}

export type SessionState = 'none' | 'valid' | 'idle_expired' | 'absolute_expired'

export function sessionState(s: Pick<SessionData, 'userId' | 'authAt' | 'lastSeenAt'>, now: number): SessionState {
  if (!s.userId) return 'none'
  if (now - (s.authAt ?? 0) > SESSION_ABSOLUTE_MS) return 'absolute_expired'
  if (now - (s.lastSeenAt ?? 0) > SESSION_IDLE_MS) return 'idle_expired'
  return 'valid'
}

/**
 * Signed-in rows are kept an hour past the absolute end so the next request can still say WHY the
 * user was signed out; sessionState() enforces the exact limits (30 minutes idle included).
 */
export const EXPIRED_SESSION_GRACE_MS = 60 * 60_000

/**
 * When the stored session row expires. A signed-in row is kept until its absolute lifetime (plus
 * the grace hour) even after the idle time-out: a questionnaire page left open for hours and then
 * posted still carries a valid CSRF secret, so it gets "please sign in again" and what was typed is
 * kept across the sign-in (session.pendingDraft), instead of a "form expired" page that loses it.
 * The row grants nothing meanwhile: the actor plugin ends the session on its next request.
 */
export function sessionExpiresAt(s: Pick<SessionData, 'userId' | 'authAt' | 'lastSeenAt'>, now: number): number {
  if (!s.userId) return now + ANONYMOUS_SESSION_MS
  return (s.authAt ?? now) + SESSION_ABSOLUTE_MS + EXPIRED_SESSION_GRACE_MS
}
