/**
 * Case reports (migration 0024; issue 8): at most one draft and one final report per case, and at
 * most one response of the business per draft. `findings` is a STORED snapshot (ReportFinding[] of
 * case-reports.model.ts); `attachments` has the shape of information_requests.answer_attachments.
 */
import { sql } from 'drizzle-orm'
import { check, date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { cases } from './cases.tables.ts'

export const caseReports = pgTable(
  'case_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    /** 'draft' | 'final' (CASE_REPORT_KINDS). */
    kind: text('kind').notNull(),
    summary: text('summary').notNull(),
    conclusion: text('conclusion'),
    /** The case's findings when the report was issued: ReportFinding[]. */
    findings: jsonb('findings').notNull().default(sql`'[]'::jsonb`),
    /** Draft only: the last day of the business's comment window. */
    responseDueOn: date('response_due_on'),
    /** Final only: the examiner's view of the business's response. */
    responseAssessment: text('response_assessment'),
    issuedBy: uuid('issued_by')
      .notNull()
      .references(() => users.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('case_reports_case_kind_unique').on(t.caseId, t.kind),
    index('case_reports_entity_idx').on(t.entityId, t.kind, t.issuedAt),
    check('case_reports_kind_check', sql`kind in ('draft', 'final')`),
    check('case_reports_due_check', sql`(kind = 'draft') = (response_due_on is not null)`),
    check('case_reports_assessment_check', sql`kind = 'final' or response_assessment is null`),
  ],
)

/** The business's written response to the draft report, with its files (one per draft). */
export const caseReportResponses = pgTable(
  'case_report_responses',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => caseReports.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    body: text('body').notNull(),
    /** [{ fileKey, displayName, mediaType, sizeBytes, sha256 }] (FileStore keys). */
    attachments: jsonb('attachments').notNull().default(sql`'[]'::jsonb`),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('case_report_responses_report_unique').on(t.reportId)],
)
