import { sql } from 'drizzle-orm'
import { bigserial, boolean, check, index, integer, jsonb, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '../identity/users.tables.ts'
import { assessmentCycles, assessments } from '../submissions/submissions.tables.ts'
import { OVERRIDE_STATUSES, RATINGS, REVIEW_EVENT_KINDS } from './review.model.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/**
 * AMLO's working state of one assessment (staff only; a business never reads this table): who
 * reviews it and the approved rating override in force, copied here when a supervisor approves it.
 *
 * The queue columns (`cycle_id` … `effective_rank`) are a maintained COPY so that one indexed row
 * serves the queue's filters and sorts (issue 6: 100,000 businesses). The sources of truth stay
 * `submissions` (latest version), `risk_scores` (is_current) and the override columns here; ONLY
 * `syncQueueRatings` and `expireQueueOverrides` in review.repo.ts write the copy, called by every
 * use case that changes an input: submitting (storeSubmissionScore), scoring on demand, rescore
 * activation and override approval. An override's expiry needs no job: the queue calls
 * `expireQueueOverrides` before it reads (an update of the few rows whose override has expired).
 * Every submitted assessment has a row (created on submission; migration 0012 backfilled the rest).
 */
export const assessmentReviews = pgTable(
  'assessment_reviews',
  {
    assessmentId: uuid('assessment_id')
      .primaryKey()
      .references(() => assessments.id),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
    overrideRating: text('override_rating'),
    overrideExpiresAt: timestamp('override_expires_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** Queue copy: the assessment's cycle and its latest submission's time. */
    cycleId: uuid('cycle_id').references(() => assessmentCycles.id),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    /** Queue copy: the current score's residual band and number of flags (null: not scored). */
    computedRating: text('computed_rating'),
    flagsCount: integer('flags_count'),
    /** The rating in force: the approved override while it has not expired, else `computed_rating`. */
    effectiveRating: text('effective_rating'),
    /** `effective_rating`'s place in RATINGS (1 = low … 4 = high), for sorting. */
    /**
     * Copies of the business's primary type, province and standing (status = active), for the
     * dashboard's counts without joins; kept by PostgreSQL triggers (migration 0022), never written here.
     */
    businessType: text('business_type'),
    province: text('province'),
    entityActive: boolean('entity_active'),
    effectiveRank: smallint('effective_rank').generatedAlwaysAs(
      sql.raw(`case effective_rating ${RATINGS.map((r, i) => `when '${r}' then ${i + 1}`).join(' ')} end`),
    ),
  },
  (t) => [
    index('assessment_reviews_assignee_idx').on(t.assigneeUserId),
    check('assessment_reviews_override_check', sql`override_rating is null or ${inList('override_rating', RATINGS)}`),
    index('assessment_reviews_queue_submitted_idx').on(t.cycleId, t.submittedAt.desc().nullsFirst(), t.assessmentId),
    index('assessment_reviews_queue_rating_idx').on(t.cycleId, t.effectiveRating, t.submittedAt.desc().nullsFirst(), t.assessmentId),
    index('assessment_reviews_queue_rank_idx').on(t.cycleId, t.effectiveRank.desc().nullsLast(), t.submittedAt.desc().nullsFirst(), t.assessmentId),
    index('assessment_reviews_queue_flags_idx').on(t.cycleId, t.flagsCount.desc().nullsLast(), t.submittedAt.desc().nullsFirst(), t.assessmentId),
    index('assessment_reviews_queue_assignee_idx').on(t.cycleId, t.assigneeUserId, t.submittedAt.desc().nullsFirst()),
    index('assessment_reviews_override_expiry_idx').on(t.cycleId, t.overrideExpiresAt).where(sql`override_expires_at is not null`),
  ],
)

/** A rating override: proposed by one officer, approved or rejected by a different supervisor (four eyes). */
export const ratingOverrides = pgTable(
  'rating_overrides',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    fromRating: text('from_rating'),
    toRating: text('to_rating').notNull(),
    justification: text('justification').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    status: text('status').notNull().default('pending'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('rating_overrides_assessment_idx').on(t.assessmentId, t.requestedAt),
    check('rating_overrides_status_check', inList('status', OVERRIDE_STATUSES)),
    check('rating_overrides_to_check', inList('to_rating', RATINGS)),
    check('rating_overrides_four_eyes', sql`decided_by is null or decided_by <> requested_by`),
  ],
)

/** Staff-only notes on an assessment. */
export const reviewNotes = pgTable(
  'review_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    body: text('body').notNull(),
  },
  (t) => [index('review_notes_assessment_idx').on(t.assessmentId, t.at)],
)

/**
 * Staff-only review events (R8): assignment, notes, overrides. Kept apart from assessment_events,
 * which the business may one day see. Payloads are STORED: changing one needs a data migration.
 */
export const reviewEvents = pgTable(
  'review_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    kind: text('kind').notNull(),
    reason: text('reason'),
    payload: jsonb('payload').notNull(),
  },
  (t) => [index('review_events_assessment_idx').on(t.assessmentId, t.at), check('review_events_kind_check', inList('kind', REVIEW_EVENT_KINDS))],
)

/** A staff user's named queue filter: the query string of /staff/submissions. */
export const savedFilters = pgTable(
  'saved_filters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    query: text('query').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('saved_filters_user_name_unique').on(t.userId, t.name)],
)
