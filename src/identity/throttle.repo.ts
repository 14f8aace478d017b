import { and, eq, gt, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { THROTTLE_LOCK_MS, THROTTLE_MAX_FAILURES, THROTTLE_WINDOW_MS, type ThrottleCounter } from './throttle.rules.ts'
import { authThrottle } from './users.tables.ts'

export type ThrottleScope = 'account' | 'ip' | 'reset_account' | 'reset_ip' | 'totp' | 'register_ip' | 'register_email'
export type ThrottleKey = { scope: ThrottleScope; key: string }

/** The latest lock-out among the keys, if any is locked now. */
export async function lockedUntil(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<Date | undefined> {
  let until: Date | undefined
  for (const k of keys) {
    const [row] = await db
      .select({ lockedUntil: authThrottle.lockedUntil })
      .from(authThrottle)
      .where(and(eq(authThrottle.scope, k.scope), eq(authThrottle.key, k.key), gt(authThrottle.lockedUntil, now)))
      .limit(1)
    if (row?.lockedUntil && (!until || row.lockedUntil > until)) until = row.lockedUntil
  }
  return until
}

/**
 * Records one failure per key in a single atomic upsert (parallel guesses cannot lose counts);
 * returns the lock-out time when this failure locked a key.
 */
export async function recordFailure(db: DbOrTx, keys: ThrottleKey[], now: Date): Promise<Date | undefined> {
  let locked: Date | undefined
  const windowStart = new Date(now.getTime() - THROTTLE_WINDOW_MS)
  const lockUntil = new Date(now.getTime() + THROTTLE_LOCK_MS)
  const stale = sql`${authThrottle.windowStart} < ${windowStart.toISOString()}::timestamptz`
  for (const k of keys) {
    const [row] = await db
      .insert(authThrottle)
      .values({ scope: k.scope, key: k.key, windowStart: now, failures: 1, lockedUntil: null })
      .onConflictDoUpdate({
        target: [authThrottle.scope, authThrottle.key],
        set: {
          windowStart: sql`case when ${stale} then ${now.toISOString()}::timestamptz else ${authThrottle.windowStart} end`,
          failures: sql`case when ${stale} then 1 else ${authThrottle.failures} + 1 end`,
          lockedUntil: sql`case when (case when ${stale} then 1 else ${authThrottle.failures} + 1 end) >= ${THROTTLE_MAX_FAILURES}
                                then ${lockUntil.toISOString()}::timestamptz else ${authThrottle.lockedUntil} end`,
        },
      })
      .returning({ lockedUntil: authThrottle.lockedUntil })
    if (row?.lockedUntil && row.lockedUntil > now && (!locked || row.lockedUntil > locked)) locked = row.lockedUntil
  }
  return locked
}

export async function clearFailures(db: DbOrTx, keys: ThrottleKey[]): Promise<void> {
  for (const k of keys) {
    await db.delete(authThrottle).where(and(eq(authThrottle.scope, k.scope), inArray(authThrottle.key, [k.key])))
  }
}

/** One key's counter as stored (callers interpret it with throttleState). */
export async function findThrottleCounter(db: DbOrTx, k: ThrottleKey): Promise<ThrottleCounter | undefined> {
  const [row] = await db
    .select({ failures: authThrottle.failures, windowStart: authThrottle.windowStart, lockedUntil: authThrottle.lockedUntil })
    .from(authThrottle)
    .where(and(eq(authThrottle.scope, k.scope), eq(authThrottle.key, k.key)))
    .limit(1)
  return row
}
