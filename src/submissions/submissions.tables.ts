import { sql } from 'drizzle-orm'
import { bigserial, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { ASSESSMENT_STATUSES } from './assessment-status.rules.ts'
import { CYCLE_STATUSES } from '../cycles/cycle-status.rules.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/** An assessment cycle (รอบการประเมิน), e.g. 2569: which questionnaire version, when it opens and is due. */
export const assessmentCycles = pgTable(
  'assessment_cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Buddhist-Era year of the cycle, e.g. "2569"; also the receipt prefix. */
    code: text('code').notNull().unique(),
    nameTh: text('name_th').notNull(),
    nameEn: text('name_en').notNull(),
    definitionVersion: text('definition_version').notNull(),
    opensAt: timestamp('opens_at', { withTimezone: true }).notNull(),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** Gap-free receipt numbers: incremented inside the submit transaction (stack.md §4.1). */
    receiptCounter: integer('receipt_counter').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** `open` | `closed` (src/cycles/cycle-status.rules.ts): a closed cycle takes no drafts or submissions. */
    status: text('status').notNull().default('open'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }),
  },
  (t) => [
    check('assessment_cycles_period_check', sql`${t.periodStart} <= ${t.periodEnd}`),
    check('assessment_cycles_deadline_check', sql`${t.opensAt} < ${t.deadline}`),
    check('assessment_cycles_status_check', inList('status', CYCLE_STATUSES)),
  ],
)

/** One assessment per business per cycle. */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id),
    status: text('status').notNull().default('draft'),
    /** How many times it has been submitted (1 after the first submission, 2 after a resubmission…). */
    submittedVersions: integer('submitted_versions').notNull().default(0),
    /** Reasons given when AMLO returned it for correction: { parts: {partId: text}, fields: {path: text} }. */
    corrections: jsonb('corrections'),
    lastSavedAt: timestamp('last_saved_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('assessments_entity_cycle_unique').on(t.entityId, t.cycleId), check('assessments_status_check', inList('status', ASSESSMENT_STATUSES))],
)

/** Draft answers, one JSONB document per part (house style R13). */
export const assessmentAnswers = pgTable(
  'assessment_answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    partId: text('part_id').notNull(),
    answers: jsonb('answers').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.partId] })],
)

/** Documents attached with "+ เพิ่มเอกสาร": content in the FileStore, facts here. */
export const attachments = pgTable(
  'attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    partId: text('part_id').notNull(),
    fieldId: text('field_id'),
    documentType: text('document_type').notNull(),
    fileKey: text('file_key').notNull(),
    displayName: text('display_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: integer('size_bytes').notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull(),
    removedAt: timestamp('removed_at', { withTimezone: true }),
  },
  (t) => [index('attachments_assessment_idx').on(t.assessmentId, t.partId)],
)

/** A submission is an immutable snapshot tied to its questionnaire version and attachments' hashes. */
export const submissions = pgTable(
  'submissions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id),
    version: integer('version').notNull(),
    receiptRef: text('receipt_ref').notNull().unique(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id),
    declarantName: text('declarant_name').notNull(),
    declarantPosition: text('declarant_position').notNull(),
    definitionVersion: text('definition_version').notNull(),
    snapshot: jsonb('snapshot').notNull(),
    snapshotSha256: text('snapshot_sha256').notNull(),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /**
     * Until the commit only: the rows that carry the receipt reference (event, audit row, receipt
     * e-mail), written by the trigger that gives out the number at commit (migration 0028); then null.
     */
    receiptRows: jsonb('receipt_rows'),
  },
  // (cycle, submitted_at): the staff queue's default order reads the newest page without sorting the cycle.
  // (assessment, version, id): "the latest submission of each assessment" joins (dashboard) read the index, not the snapshots.
  (t) => [
    uniqueIndex('submissions_assessment_version_unique').on(t.assessmentId, t.version),
    index('submissions_cycle_submitted_idx').on(t.cycleId, t.submittedAt, t.assessmentId),
    index('submissions_latest_cover_idx').on(t.assessmentId, t.version, t.id),
  ],
)

/** Every state change of an assessment (R8). Payloads are STORED: changing one needs a data migration. */
export const assessmentEvents = pgTable(
  'assessment_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id'),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
  },
  (t) => [index('assessment_events_assessment_idx').on(t.assessmentId, t.at)],
)
