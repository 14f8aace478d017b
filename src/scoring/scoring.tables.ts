import { sql } from 'drizzle-orm'
import { boolean, check, customType, date, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { assessmentCycles, submissions } from '../submissions/submissions.tables.ts'

const BANDS = `('low', 'medium_low', 'medium_high', 'high')`

/**
 * A JSON document stored as its text (migration 0021): written and read whole by the app, never
 * queried in SQL, so PostgreSQL neither parses it into jsonb on the way in nor prints it on the way out.
 */
const jsonText = customType<{ data: unknown; driverData: string }>({
  dataType: () => 'text',
  toDriver: (value) => JSON.stringify(value),
  fromDriver: (value) => JSON.parse(value) as unknown,
})

/**
 * Computed risk scores (domain.md §6). One row per (submission, ruleset version) computation; exactly
 * one row per submission is current (partial unique index). Rows are never updated except to clear
 * `is_current` when a newer computation replaces them, so every rating shown is reproducible from
 * its `score` JSON, its `ruleset_version` and the submission's immutable snapshot.
 * The JSON is the Score of src/scoring/score.model.ts: changing that shape needs a data migration.
 * It is stored as text; what SQL needs of it (flag codes, previous submission, scoring date) are columns.
 */
export const riskScores = pgTable(
  'risk_scores',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    submissionId: uuid('submission_id')
      .notNull()
      .references(() => submissions.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id),
    rulesetVersion: text('ruleset_version').notNull(),
    residualBand: text('residual_band').notNull(),
    inherentBand: text('inherent_band').notNull(),
    controlBand: text('control_band').notNull(),
    irs: doublePrecision('irs').notNull(),
    cePercent: doublePrecision('ce_percent').notNull(),
    flagsCount: integer('flags_count').notNull(),
    score: jsonText('score').notNull(),
    /** score.previousSubmissionId and score.asOf, which rescoring reuses (a copy; the score is the truth). */
    previousSubmissionId: uuid('previous_submission_id'),
    asOf: date('as_of', { mode: 'string' }),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** Who asked for it: null at submission, the staff user for an activated rescoring. */
    computedBy: uuid('computed_by'),
    isCurrent: boolean('is_current').notNull().default(true),
    /** The flag codes of `score` as a small JSON array (dashboard counts read this, not the large score). */
    flagCodes: jsonb('flag_codes').$type<string[]>().notNull(),
  },
  (t) => [
    uniqueIndex('risk_scores_current_unique').on(t.submissionId).where(sql`${t.isCurrent}`),
    index('risk_scores_cycle_idx').on(t.cycleId, t.residualBand),
    index('risk_scores_entity_idx').on(t.entityId),
    // The dashboard's flag counts read only the flagged current scores, from the index alone.
    index('risk_scores_current_flags_idx').on(t.submissionId, t.flagCodes).where(sql`${t.isCurrent} and ${t.flagsCount} > 0`),
    check('risk_scores_residual_check', sql.raw(`residual_band in ${BANDS}`)),
    check('risk_scores_inherent_check', sql.raw(`inherent_band in ${BANDS}`)),
    check('risk_scores_control_check', sql.raw(`control_band in ('strong', 'adequate', 'needs_improvement', 'weak')`)),
  ],
)
