import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { TOKEN_TTL_MS, type TokenPurpose } from './identity.model.ts'
import { oneTimeTokens } from './users.tables.ts'

/** 256 random bits, URL-safe. Only its SHA-256 is stored (ASVS V11.5.1, V6.4.1). */
export const newRawToken = () => randomBytes(32).toString('base64url')
export const hashToken = (raw: string) => createHash('sha256').update(raw).digest('hex')
const looksLikeToken = (raw: string) => /^[A-Za-z0-9_-]{43}$/.test(raw)

export async function createToken(
  db: DbOrTx,
  args: { userId: string; purpose: TokenPurpose; now: Date; data?: Record<string, unknown> },
): Promise<{ raw: string; expiresAt: Date }> {
  const raw = newRawToken()
  const expiresAt = new Date(args.now.getTime() + TOKEN_TTL_MS[args.purpose])
  // A new link replaces older unused links of the same purpose.
  await db
    .update(oneTimeTokens)
    .set({ usedAt: args.now })
    .where(and(eq(oneTimeTokens.userId, args.userId), eq(oneTimeTokens.purpose, args.purpose), isNull(oneTimeTokens.usedAt)))
  await db.insert(oneTimeTokens).values({ userId: args.userId, purpose: args.purpose, tokenHash: hashToken(raw), expiresAt, data: args.data ?? null })
  return { raw, expiresAt }
}

export type ValidToken = { id: string; userId: string; data: Record<string, unknown> | null; expiresAt: Date }

/** Whether a link is still usable, without using it (for the page that shows the form). */
export async function peekToken(db: DbOrTx, raw: string, purpose: TokenPurpose, now: Date): Promise<ValidToken | undefined> {
  if (!looksLikeToken(raw)) return undefined
  const [row] = await db
    .select({ id: oneTimeTokens.id, userId: oneTimeTokens.userId, data: oneTimeTokens.data, expiresAt: oneTimeTokens.expiresAt })
    .from(oneTimeTokens)
    .where(and(eq(oneTimeTokens.tokenHash, hashToken(raw)), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .limit(1)
  return row ? { ...row, data: row.data as Record<string, unknown> | null } : undefined
}

/** Uses a link exactly once: the update only matches an unused, unexpired token of that purpose. */
export async function consumeToken(db: DbOrTx, raw: string, purpose: TokenPurpose, now: Date): Promise<ValidToken | undefined> {
  if (!looksLikeToken(raw)) return undefined
  const [row] = await db
    .update(oneTimeTokens)
    .set({ usedAt: now })
    .where(and(eq(oneTimeTokens.tokenHash, hashToken(raw)), eq(oneTimeTokens.purpose, purpose), isNull(oneTimeTokens.usedAt), gt(oneTimeTokens.expiresAt, now)))
    .returning({ id: oneTimeTokens.id, userId: oneTimeTokens.userId, data: oneTimeTokens.data, expiresAt: oneTimeTokens.expiresAt })
  return row ? { ...row, data: row.data as Record<string, unknown> | null } : undefined
}
