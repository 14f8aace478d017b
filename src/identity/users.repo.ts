import { and, asc, eq, ilike, isNotNull, like as like_, ne, or, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { preparedQuery } from '#src/db/prepared.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import type { Actor, Role } from './permissions.ts'
import type { UserStatus } from './identity.model.ts'
import { normaliseThaiId13 } from '#src/entities/juristic-id.rules.ts'
import { authThrottle, users } from './users.tables.ts'

export type User = typeof users.$inferSelect
export type NewUser = typeof users.$inferInsert

const publicColumns = {
  id: users.id,
  entityId: users.entityId,
  role: users.role,
  status: users.status,
  username: users.username,
  email: users.email,
  emailVerifiedAt: users.emailVerifiedAt,
  title: users.title,
  firstName: users.firstName,
  lastName: users.lastName,
  position: users.position,
  phone: users.phone,
  locale: users.locale,
  totpEnabledAt: users.totpEnabledAt,
  approvedAt: users.approvedAt,
  lastLoginAt: users.lastLoginAt,
  lockedAt: users.lockedAt,
  createdAt: users.createdAt,
}
export type UserSummary = { [K in keyof typeof publicColumns]: User[K] }

/** The user behind a session. Internal: callers decide what the actor may see. */
export async function unsafeFindUserById(db: DbOrTx, id: string): Promise<User | undefined> {
  const [row] = await db.select().from(users).where(eq(users.id, id)).limit(1)
  return row
}

/** What every signed-in request needs of its user (src/server/plugins/actor.ts): no credentials, a few columns. */
/** What every signed-in request needs of its user (src/server/plugins/actor.ts). */
/**
 * A business user as a letter or an e-mail addresses them (address, language, name) with their
 * business's registered names: select from users joined to reporting_entities.
 */
export const ADDRESSEE_COLUMNS = {
  email: users.email,
  locale: users.locale,
  title: users.title,
  firstName: users.firstName,
  lastName: users.lastName,
  nameTh: reportingEntities.nameTh,
  nameEn: reportingEntities.nameEn,
  legalForm: reportingEntities.legalForm,
}

export const ACTOR_USER_COLUMNS = { id: users.id, role: users.role, entityId: users.entityId, status: users.status, firstName: users.firstName, lastName: users.lastName, locale: users.locale }
export type ActorUser = { id: string; role: string; entityId: string | null; status: string; firstName: string; lastName: string; locale: string }

const actorUserById = preparedQuery((db) =>
  db
    .select(ACTOR_USER_COLUMNS)
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .limit(1)
    .prepare('actor_user_by_id'),
)

export async function unsafeFindActorUser(db: DbOrTx, id: string): Promise<ActorUser | undefined> {
  const [row] = await actorUserById(db, { id })
  return row
}

export async function findUserByIdentifier(db: DbOrTx, key: string): Promise<User | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(or(eq(users.usernameKey, key), eq(users.emailKey, key)))
    .limit(1)
  return row
}

export async function findUserByUsernameKey(db: DbOrTx, key: string) {
  const [row] = await db.select({ id: users.id }).from(users).where(eq(users.usernameKey, key)).limit(1)
  return row
}

export async function findUserByEmailKey(db: DbOrTx, key: string) {
  const [row] = await db.select().from(users).where(eq(users.emailKey, key)).limit(1)
  return row
}

export async function insertUser(db: DbOrTx, user: NewUser): Promise<User> {
  const [row] = await db.insert(users).values(user).returning()
  return row!
}

export async function updateUser(db: DbOrTx, id: string, patch: Partial<NewUser>): Promise<void> {
  await db.update(users).set(patch).where(eq(users.id, id))
}

export async function activeEntityAdmins(db: DbOrTx, entityId: string): Promise<User[]> {
  return db
    .select()
    .from(users)
    .where(and(eq(users.entityId, entityId), eq(users.role, 'entity_admin'), eq(users.status, 'active')))
}

/** How many other users of a business have ever confirmed their e-mail address. */
export async function countConfirmedUsersOfEntity(db: DbOrTx, entityId: string, exceptUserId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int`.mapWith(Number) })
    .from(users)
    .where(and(eq(users.entityId, entityId), ne(users.id, exceptUserId), isNotNull(users.emailVerifiedAt)))
  return row?.n ?? 0
}

/** Users of one business, visible to that business's entity administrator (scoped by actor). */
export async function listUsersOfActorEntity(db: DbOrTx, actor: Actor): Promise<UserSummary[]> {
  if (actor.kind !== 'user' || !actor.entityId) return []
  return db
    .select(publicColumns)
    .from(users)
    .where(eq(users.entityId, actor.entityId))
    .orderBy(asc(users.createdAt))
}

/** One user of the actor's own business, or undefined (also for other businesses' users: no leak). */
export async function findUserOfActorEntity(db: DbOrTx, actor: Actor, userId: string): Promise<UserSummary | undefined> {
  if (actor.kind !== 'user' || !actor.entityId) return undefined
  const [row] = await db
    .select(publicColumns)
    .from(users)
    .where(and(eq(users.id, userId), eq(users.entityId, actor.entityId)))
    .limit(1)
  return row
}

/**
 * Admin search over all accounts (admin use cases only): the words match first or last name, user
 * name, e-mail or the business's Thai or English name; digits (with or without dashes, Thai digits
 * too) also match the start of the business's juristic number. Each row carries the account's
 * sign-in failure counter, as stored.
 */
export async function unsafeSearchUsers(
  db: DbOrTx,
  args: { q?: string; status?: UserStatus; role?: Role; limit: number; offset: number },
) {
  const where: SQL[] = []
  if (args.q) {
    const like = `%${escapeLike(args.q)}%`
    const match = [ilike(users.username, like), ilike(users.email, like), ilike(users.firstName, like), ilike(users.lastName, like), ilike(reportingEntities.nameTh, like), ilike(reportingEntities.nameEn, like)]
    const digits = normaliseThaiId13(args.q)
    if (/^\d{4,13}$/.test(digits)) match.push(like_(reportingEntities.juristicId, `${digits}%`))
    where.push(or(...match)!)
  }
  if (args.status) where.push(eq(users.status, args.status))
  if (args.role) where.push(eq(users.role, args.role))
  const rows = await db
    .select({
      ...publicColumns,
      entityName: reportingEntities.nameTh,
      entityLegalForm: reportingEntities.legalForm,
      entityJuristicId: reportingEntities.juristicId,
      throttleFailures: authThrottle.failures,
      throttleWindowStart: authThrottle.windowStart,
      throttleLockedUntil: authThrottle.lockedUntil,
      total: sql<number>`count(*) over ()`.mapWith(Number),
    })
    .from(users)
    .leftJoin(reportingEntities, eq(users.entityId, reportingEntities.id))
    .leftJoin(authThrottle, and(eq(authThrottle.scope, 'account'), eq(authThrottle.key, sql`'user:' || ${users.id}::text`)))
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(args.limit)
    .offset(args.offset)
  return { rows, total: rows[0]?.total ?? 0 }
}

/** How many accounts there are in each status (admin use cases only). */
export async function unsafeCountUsersByStatus(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db.select({ status: users.status, n: sql<number>`count(*)::int`.mapWith(Number) }).from(users).groupBy(users.status)
  return new Map(rows.map((r) => [r.status, r.n]))
}

const escapeLike = (v: string) => v.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The ids of all active admins, their rows locked until the transaction ends: two admins removing
 * each other at the same moment cannot both succeed (the "last active admin" rule).
 */
export async function lockActiveAdminIds(db: DbOrTx): Promise<string[]> {
  const rows = await db.select({ id: users.id }).from(users).where(and(eq(users.role, 'admin'), eq(users.status, 'active'))).orderBy(asc(users.id)).for('update')
  return rows.map((r) => r.id)
}

export const fullName = (u: Pick<User, 'firstName' | 'lastName'>) => `${u.firstName} ${u.lastName}`
