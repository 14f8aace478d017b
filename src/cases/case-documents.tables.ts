import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { cases } from './cases.tables.ts'

/**
 * The documents of a case (migration 0026): files staff attach to it — working papers, the signed
 * letter, photos taken on site. Staff-only; kept for the record (no removal). The file itself is in
 * the FileStore under `file_key`.
 */
export const caseDocuments = pgTable(
  'case_documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    title: text('title').notNull(),
    fileKey: text('file_key').notNull(),
    displayName: text('display_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_documents_case_idx').on(t.caseId, t.uploadedAt)],
)
