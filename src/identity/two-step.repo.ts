import { and, count, eq, isNull, lt, or } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { recoveryCodes, users } from './users.tables.ts'

/**
 * Records that a TOTP time step was used, only if it is later than the last one: one atomic update,
 * so two parallel requests with the same code cannot both pass (ASVS V6.5.1).
 */
export async function claimTotpStep(db: DbOrTx, userId: string, step: number): Promise<boolean> {
  const rows = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id })
  return rows.length === 1
}

export async function enableTotp(db: DbOrTx, userId: string, args: { sealedSecret: string; step: number; now: Date }): Promise<void> {
  await db.update(users).set({ totpSecret: args.sealedSecret, totpEnabledAt: args.now, totpLastStep: args.step, updatedAt: args.now }).where(eq(users.id, userId))
}

/** Turns two-step verification off: secret, last step and every recovery code go. */
export async function clearTotp(db: DbOrTx, userId: string, now: Date): Promise<void> {
  await db.update(users).set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: now }).where(eq(users.id, userId))
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
}

/** Replaces all recovery codes of a user with new ones (hashes only). */
export async function replaceRecoveryCodes(db: DbOrTx, userId: string, hashes: string[], now: Date): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId))
  if (hashes.length) await db.insert(recoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash, createdAt: now })))
}

/** Uses one recovery code exactly once (the update matches only an unused code). */
export async function useRecoveryCode(db: DbOrTx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, codeHash), isNull(recoveryCodes.usedAt)))
    .returning({ id: recoveryCodes.id })
  return rows.length === 1
}

export async function countUnusedRecoveryCodes(db: DbOrTx, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)))
  return Number(row?.n ?? 0)
}
