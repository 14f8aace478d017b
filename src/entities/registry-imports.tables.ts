import { sql } from 'drizzle-orm'
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '../identity/users.tables.ts'

/**
 * A registry import (CSV or XLSX) as previewed: the parsed dry-run plan is kept here, keyed by the
 * batch id, so "apply" applies exactly what the admin saw. The plan is STORED (registry-import.model.ts):
 * changing its shape needs a data migration or a bump of its `version` (old previews are then refused).
 */
export const registryImportBatches = pgTable(
  'registry_import_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    fileName: text('file_name').notNull(),
    fileKind: text('file_kind').notNull(),
    fileSha256: text('file_sha256').notNull(),
    status: text('status').notNull().default('previewed'),
    plan: jsonb('plan').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }),
    appliedBy: uuid('applied_by').references(() => users.id),
  },
  (t) => [
    check('registry_import_batches_file_kind_check', sql`file_kind in ('csv', 'xlsx')`),
    check('registry_import_batches_status_check', sql`status in ('previewed', 'applied')`),
    index('registry_import_batches_created_idx').on(t.createdBy, t.createdAt),
  ],
)
