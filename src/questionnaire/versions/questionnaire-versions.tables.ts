import { sql } from 'drizzle-orm'
import { check, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../../identity/users.tables.ts'
import { QUESTIONNAIRE_VERSION_STATUSES } from './questionnaire-version.model.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/**
 * Questionnaire versions imported by an admin (built-in versions such as v1 live in the code).
 * A published row is frozen: a trigger in migration 0017 refuses UPDATE and DELETE of it.
 */
export const questionnaireVersions = pgTable(
  'questionnaire_versions',
  {
    /** The definition's own `version` number (unique across built-in and imported versions). */
    version: integer('version').primaryKey(),
    status: text('status', { enum: QUESTIONNAIRE_VERSION_STATUSES }).notNull(),
    /** The definition as uploaded (the engine's Definition schema). */
    definition: jsonb('definition').notNull(),
    /** `{ th: { key: text }, en: { key: text } }`: the version's own texts (keys `qv<version>.…`). */
    messages: jsonb('messages').notNull(),
    /** SHA-256 (hex) of the uploaded file. */
    sha256: text('sha256').notNull(),
    fileName: text('file_name').notNull(),
    importedBy: uuid('imported_by').references(() => users.id),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull(),
    publishedBy: uuid('published_by').references(() => users.id),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  (t) => [
    check('questionnaire_versions_status_check', inList('"status"', QUESTIONNAIRE_VERSION_STATUSES)),
    check('questionnaire_versions_version_check', sql`${t.version} >= 1`),
    check('questionnaire_versions_published_check', sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check('questionnaire_versions_sha256_check', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
)
