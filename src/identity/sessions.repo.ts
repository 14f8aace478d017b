import { and, desc, eq, gt, lt, ne, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { preparedQuery } from '#src/db/prepared.ts'
import { sessions } from './sessions.tables.ts'
import { users } from './users.tables.ts'
import { ACTOR_USER_COLUMNS, type ActorUser } from './users.repo.ts'
import { sessionState, type SessionData } from './session.model.ts'

export type StoredSession = { data: Record<string, unknown>; expiresAt: Date }

const sessionWithUserBySid = preparedQuery((db) =>
  db
    .select({ data: sessions.data, expiresAt: sessions.expiresAt, user: ACTOR_USER_COLUMNS })
    .from(sessions)
    .leftJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.sid, sql.placeholder('sid')))
    .limit(1)
    .prepare('session_with_user_by_sid'),
)

/** A live session and, in the same round trip, the user it belongs to (undefined if none). */
export async function findSessionWithUser(db: DbOrTx, sid: string, now: Date): Promise<(StoredSession & { user: ActorUser | undefined }) | undefined> {
  const [row] = await sessionWithUserBySid(db, { sid })
  if (!row || row.expiresAt <= now) return undefined
  return { data: row.data as Record<string, unknown>, expiresAt: row.expiresAt, user: row.user ?? undefined }
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

/** Ends every session of a user, optionally keeping one (the current device). */
export async function deleteSessionsOfUser(db: DbOrTx, userId: string, exceptSid?: string): Promise<number> {
  const rows = await db
    .delete(sessions)
    .where(exceptSid ? and(eq(sessions.userId, userId), ne(sessions.sid, exceptSid)) : eq(sessions.userId, userId))
    .returning({ sid: sessions.sid })
  return rows.length
}

export type ActiveSession = { sid: string; createdAt: Date; updatedAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null }

/** A user's live sessions, newest activity first (for "signed-in devices"). */
export async function listSessionsOfUser(db: DbOrTx, userId: string, now: Date): Promise<ActiveSession[]> {
  const rows = await db
    .select({ sid: sessions.sid, data: sessions.data, createdAt: sessions.createdAt, updatedAt: sessions.updatedAt, expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), gt(sessions.expiresAt, now)))
    .orderBy(desc(sessions.updatedAt))
  // Rows outlive their session by a grace hour (session.model.ts): list only sessions still valid.
  return rows
    .filter((r) => sessionState(r.data as SessionData, now.getTime()) === 'valid')
    .map((r) => {
      const d = (r.data ?? {}) as { ip?: string; userAgent?: string }
      return { sid: r.sid, createdAt: r.createdAt, updatedAt: r.updatedAt, expiresAt: r.expiresAt, ip: d.ip ?? null, userAgent: d.userAgent ?? null }
    })
}

/** Deletes one session only if it belongs to the user (no ending other people's sessions). */
export async function deleteSessionOfUser(db: DbOrTx, userId: string, sid: string): Promise<boolean> {
  const rows = await db.delete(sessions).where(and(eq(sessions.userId, userId), eq(sessions.sid, sid))).returning({ sid: sessions.sid })
  return rows.length > 0
}
