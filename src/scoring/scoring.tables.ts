import { sql } from 'drizzle-orm'
import { check, doublePrecision, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { assessmentCycles, submissions } from '../submissions/submissions.tables.ts'

const BANDS = `('low', 'medium_low', 'medium_high', 'high')`

/**
 * Computed risk scores (domain.md §6). One row per (submission, ruleset version) computation; exactly
 * one row per submission is current (partial unique index). Rows are never updated except to clear
 * `is_current` when a newer computation replaces them, so every rating shown is reproducible from
 * its `score` JSON, its `ruleset_version` and the submission's immutable snapshot.
 * The JSON is the Score of src/scoring/score.model.ts: changing that shape needs a data migration.
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
    score: jsonb('score').notNull(),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
    /** Who asked for it: null at submission, the staff user for an activated rescoring. */
    computedBy: uuid('computed_by'),
    isCurrent: boolean('is_current').notNull().default(true),
    /** The flag codes of `score` as a small JSON array, kept by PostgreSQL (dashboard counts read this, not the large score). */
    flagCodes: jsonb('flag_codes').generatedAlwaysAs(sql`jsonb_path_query_array(score, '$.flags[*].code')`),
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
