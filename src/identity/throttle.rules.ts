/**
 * Sign-in throttling (quality.md §3, NCSC): at most 10 failures per account and per client address
 * in 5 minutes; the 10th failure locks that key for 5 minutes, so the 11th attempt is refused even
 * with the right password. Counted atomically in the database (throttle.repo.ts).
 */
export const THROTTLE_WINDOW_MS = 5 * 60_000
export const THROTTLE_MAX_FAILURES = 10
export const THROTTLE_LOCK_MS = 5 * 60_000

export type ThrottleCounter = { failures: number; windowStart: Date; lockedUntil: Date | null }
export type ThrottleState = { failures: number; since: Date | undefined; lockedUntil: Date | undefined }

/**
 * What an account's counter means at `now`: failures within the current window (0 once it has
 * passed) and the lock-out time if still in force. For the admin pages.
 */
export function throttleState(row: ThrottleCounter | undefined, now: Date): ThrottleState {
  if (!row) return { failures: 0, since: undefined, lockedUntil: undefined }
  const lockedUntil = row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : undefined
  const current = now.getTime() - row.windowStart.getTime() <= THROTTLE_WINDOW_MS
  return { failures: current || lockedUntil ? row.failures : 0, since: current || lockedUntil ? row.windowStart : undefined, lockedUntil }
}

/** The throttle key of an existing account's sign-in counter (user name and e-mail share it). */
export const accountThrottleKey = (userId: string) => `user:${userId}`
