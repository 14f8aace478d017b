import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { ROLES } from './permissions.ts'
import { TOKEN_PURPOSES, USER_STATUSES } from './identity.model.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id').references(() => reportingEntities.id),
    role: text('role').notNull(),
    status: text('status').notNull(),
    username: text('username').notNull(),
    /** NFKC + lower case: two user names that look the same cannot both exist. */
    usernameKey: text('username_key').notNull(),
    email: text('email').notNull(),
    emailKey: text('email_key').notNull(),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    title: text('title'),
    firstName: text('first_name').notNull(),
    lastName: text('last_name').notNull(),
    position: text('position'),
    /** E.164, e.g. +66812345678 */
    phone: text('phone'),
    passwordHash: text('password_hash'),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }),
    locale: text('locale').notNull().default('th'),
    totpSecret: text('totp_secret'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** The last TOTP time step accepted: a code is never accepted twice (ASVS V6.5.1). */
    totpLastStep: integer('totp_last_step'),
    approvedBy: uuid('approved_by'),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    lastLoginAt: timestamp('last_login_at', { withTimezone: true }),
    /** Set while the status is 'locked' (an AMLO admin's security hold), cleared on unlock. */
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    lockedBy: uuid('locked_by'),
    lockReason: text('lock_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('users_username_key_unique').on(t.usernameKey),
    uniqueIndex('users_email_key_unique').on(t.emailKey),
    index('users_entity_id_idx').on(t.entityId),
    check('users_role_check', inList('role', ROLES)),
    check('users_status_check', inList('status', USER_STATUSES)),
    check('users_locale_check', sql`locale in ('th', 'en')`),
    check('users_entity_role_check', sql`(role in ('entity_user', 'entity_admin')) = (entity_id is not null)`),
  ],
)

/** One-time links: only the SHA-256 of the token is stored; single use; short-lived. */
export const oneTimeTokens = pgTable(
  'one_time_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    purpose: text('purpose').notNull(),
    tokenHash: text('token_hash').notNull().unique(),
    data: jsonb('data'),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('one_time_tokens_user_idx').on(t.userId, t.purpose), check('one_time_tokens_purpose_check', inList('purpose', TOKEN_PURPOSES))],
)

export const recoveryCodes = pgTable(
  'recovery_codes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    codeHash: text('code_hash').notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('recovery_codes_user_idx').on(t.userId)],
)

/**
 * Failed sign-in attempts, kept in the database so a restart does not reset them (quality.md §3).
 * scope 'account' keys on the normalised identifier typed (existing or not: no enumeration),
 * scope 'ip' on the socket address.
 */
export const authThrottle = pgTable(
  'auth_throttle',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    windowStart: timestamp('window_start', { withTimezone: true }).notNull(),
    failures: integer('failures').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
  },
  (t) => [uniqueIndex('auth_throttle_scope_key').on(t.scope, t.key)],
)

