import { eq, lt } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { sessions } from './sessions.tables.ts'

export type StoredSession = { data: Record<string, unknown>; expiresAt: Date }

export async function findSession(db: DbOrTx, sid: string, now: Date): Promise<StoredSession | undefined> {
  const [row] = await db
    .select({ data: sessions.data, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.sid, sid))
    .limit(1)
  if (!row || row.expiresAt <= now) return undefined
  return { data: row.data as Record<string, unknown>, expiresAt: row.expiresAt }
}

export async function saveSession(
  db: DbOrTx,
  args: { sid: string; data: Record<string, unknown>; userId: string | null; expiresAt: Date; now: Date },
): Promise<void> {
  await db
    .insert(sessions)
    .values({ sid: args.sid, data: args.data, userId: args.userId, expiresAt: args.expiresAt, updatedAt: args.now })
    .onConflictDoUpdate({
      target: sessions.sid,
      set: { data: args.data, userId: args.userId, expiresAt: args.expiresAt, updatedAt: args.now },
    })
}

export async function deleteSession(db: DbOrTx, sid: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sid, sid))
}

export async function deleteExpiredSessions(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db.delete(sessions).where(lt(sessions.expiresAt, now)).returning({ sid: sessions.sid })
  return rows.length
}
