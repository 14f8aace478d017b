/**
 * Sign-in throttling (quality.md §3, NCSC): at most 10 failures per account and per client address
 * in 5 minutes; the 10th failure locks that key for 5 minutes, so the 11th attempt is refused even
 * with the right password. Counted atomically in the database (throttle.repo.ts).
 */
export const THROTTLE_WINDOW_MS = 5 * 60_000
export const THROTTLE_MAX_FAILURES = 10
export const THROTTLE_LOCK_MS = 5 * 60_000
