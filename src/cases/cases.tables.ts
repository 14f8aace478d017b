/**
 * Supervision plans and cases (domain.md §7, §8; issue 8). Statuses are text with CHECKs built
 * from the rules' tuples (R23); derived facts (overdue, days left, escalation due) are computed
 * from these columns with `now` (sla.rules.ts, findings.rules.ts), never stored.
 * case_events.payload is STORED (case-events.model.ts): changing a payload needs a data migration.
 */
import { sql } from 'drizzle-orm'
import { type AnyPgColumn, bigserial, check, date, doublePrecision, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { RATINGS } from '../review/review.model.ts'
import { assessmentCycles, submissions } from '../submissions/submissions.tables.ts'
import { CASE_EVENT_KINDS } from './case-events.model.ts'
import { CASE_STATUSES, CASE_TYPES } from './case-status.rules.ts'
import { CONTROL_AREAS, ESCALATION_STEPS, FINDING_SEVERITIES, REMEDIATION_STATUSES } from './findings.rules.ts'
import { PLAN_REASONS, PLAN_SCOPES } from './plan.rules.ts'
import { INFORMATION_REQUEST_STATUSES, PLAN_ITEM_STATUSES, PLAN_STATUSES } from './cases.model.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/** A cycle's supervision plan (§7): proposed from ratings, approved by a supervisor, then frozen. Versioned per cycle. */
export const supervisionPlans = pgTable(
  'supervision_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id),
    version: integer('version').notNull(),
    status: text('status').notNull().default('proposed'),
    /** The day the plan's due dates count from. */
    asOf: date('as_of').notNull(),
    /** Examiners and capacities, policy: what the proposal was computed from. */
    parameters: jsonb('parameters').notNull(),
    proposedBy: uuid('proposed_by')
      .notNull()
      .references(() => users.id),
    proposedAt: timestamp('proposed_at', { withTimezone: true }).notNull(),
    approvedBy: uuid('approved_by').references(() => users.id),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_plans_cycle_version_unique').on(t.cycleId, t.version),
    uniqueIndex('supervision_plans_idempotency_unique').on(t.idempotencyKey),
    // At most one approved plan per cycle.
    uniqueIndex('supervision_plans_one_approved').on(t.cycleId).where(sql`status = 'approved'`),
    check('supervision_plans_status_check', inList('status', PLAN_STATUSES)),
  ],
)

/** One proposed piece of work of a plan; `case_id` is set when approval opens the case. */
export const supervisionPlanItems = pgTable(
  'supervision_plan_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => supervisionPlans.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    caseType: text('case_type').notNull(),
    scope: text('scope').notNull(),
    reason: text('reason').notNull(),
    rating: text('rating').notNull(),
    score: doublePrecision('score'),
    rank: integer('rank').notNull(),
    dueOn: date('due_on').notNull(),
    /** planned: within capacity; over_capacity: proposed but nobody has room. */
    status: text('status').notNull(),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    caseId: uuid('case_id'),
  },
  (t) => [
    uniqueIndex('supervision_plan_items_unique').on(t.planId, t.entityId, t.caseType),
    index('supervision_plan_items_rank_idx').on(t.planId, t.rank),
    check('supervision_plan_items_type_check', inList('case_type', CASE_TYPES)),
    check('supervision_plan_items_scope_check', inList('scope', PLAN_SCOPES)),
    check('supervision_plan_items_reason_check', inList('reason', PLAN_REASONS)),
    check('supervision_plan_items_rating_check', inList('rating', RATINGS)),
    check('supervision_plan_items_status_check', inList('status', PLAN_ITEM_STATUSES)),
  ],
)

/** A supervision case on one business (§8.1). `due_on` is the running SLA date (sla.rules.ts), kept for the inbox. */
export const cases = pgTable(
  'cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Shown as the case number (CASE-000123): unique, not gap-free. */
    number: bigserial('number', { mode: 'number' }).notNull(),
    type: text('type').notNull(),
    status: text('status').notNull(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    cycleId: uuid('cycle_id').references(() => assessmentCycles.id),
    planItemId: uuid('plan_item_id').references(() => supervisionPlanItems.id),
    /** The questionnaire submission the case starts from, if any. */
    submissionId: uuid('submission_id').references(() => submissions.id),
    scope: text('scope'),
    assigneeUserId: uuid('assignee_user_id').references(() => users.id),
    /** The team (division unit) whose shared inbox shows the case. */
    team: text('team'),
    /** The plan's target date (e.g. on-site within 12 months). */
    targetDate: date('target_date'),
    /** The running deadline: the target date while planned, else the status's SLA (null: none). */
    dueOn: date('due_on'),
    statusChangedAt: timestamp('status_changed_at', { withTimezone: true }).notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedBy: uuid('opened_by')
      .notNull()
      .references(() => users.id),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** The escalated case an enforcement referral continues (migration 0025); null: none. */
    parentCaseId: uuid('parent_case_id').references((): AnyPgColumn => cases.id),
  },
  (t) => [
    uniqueIndex('cases_number_unique').on(t.number),
    uniqueIndex('cases_plan_item_unique').on(t.planItemId),
    // Inboxes over 20,000 cases: "my cases" and "my team's cases" by status, soonest due first.
    index('cases_inbox_assignee_idx').on(t.assigneeUserId, t.status, t.dueOn.asc().nullsLast(), t.id),
    index('cases_inbox_team_idx').on(t.team, t.status, t.dueOn.asc().nullsLast(), t.id),
    // All open cases by due date (overdue lists, the supervisor's view).
    index('cases_open_due_idx').on(t.dueOn, t.id).where(sql`status not in ('closed', 'escalated', 'cancelled')`),
    index('cases_entity_idx').on(t.entityId, t.openedAt.desc()),
    index('cases_cycle_idx').on(t.cycleId, t.type),
    index('cases_parent_idx').on(t.parentCaseId).where(sql`parent_case_id is not null`),
    check('cases_type_check', inList('type', CASE_TYPES)),
    check('cases_status_check', inList('status', CASE_STATUSES)),
    check('cases_scope_check', sql`scope is null or ${inList('scope', PLAN_SCOPES)}`),
  ],
)

/**
 * Every change of a case (R8), appended in the transaction of the change. The payload is the typed
 * CaseEvent of case-events.model.ts and is STORED: changing it needs a data migration.
 * `idempotency_key` makes a retried request a no-op.
 */
export const caseEvents = pgTable(
  'case_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id),
    kind: text('kind').notNull(),
    payload: jsonb('payload').notNull(),
    idempotencyKey: text('idempotency_key'),
  },
  (t) => [
    index('case_events_case_idx').on(t.caseId, t.at, t.id),
    uniqueIndex('case_events_idempotency_unique').on(t.idempotencyKey),
    check('case_events_kind_check', inList('kind', CASE_EVENT_KINDS)),
  ],
)

/** Staff-only notes on a case; the business never sees them. */
export const caseNotes = pgTable(
  'case_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    authorUserId: uuid('author_user_id')
      .notNull()
      .references(() => users.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
    body: text('body').notNull(),
  },
  (t) => [index('case_notes_case_idx').on(t.caseId, t.at)],
)

/** A request for documents or information sent to the business (§7: notification with a document request). */
export const informationRequests = pgTable(
  'information_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    answerText: text('answer_text'),
    /** Files sent with the answer: [{ fileKey, displayName, mediaType, sizeBytes, sha256 }] (FileStore keys). */
    answerAttachments: jsonb('answer_attachments').notNull().default(sql`'[]'::jsonb`),
    answeredBy: uuid('answered_by').references(() => users.id),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
  },
  (t) => [
    index('information_requests_case_idx').on(t.caseId, t.requestedAt),
    // The business's open requests, soonest first.
    index('information_requests_entity_idx').on(t.entityId, t.status, t.dueOn),
    check('information_requests_status_check', inList('status', INFORMATION_REQUEST_STATUSES)),
  ],
)

/** A finding of a case (§8.4); its entity is copied for the §6.5 floor ("critical finding still open"). */
export const findings = pgTable(
  'findings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    controlArea: text('control_area').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    legalBasis: text('legal_basis').notNull(),
    severity: text('severity').notNull(),
    rootCause: text('root_cause'),
    requiredAction: text('required_action').notNull(),
    dueOn: date('due_on').notNull(),
    /** The last escalation step taken (findings.rules.ts escalationsDue); null: none. */
    escalationStep: text('escalation_step'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('findings_case_idx').on(t.caseId, t.recordedAt),
    index('findings_entity_idx').on(t.entityId, t.severity, t.dueOn),
    check('findings_control_area_check', inList('control_area', CONTROL_AREAS)),
    check('findings_severity_check', inList('severity', FINDING_SEVERITIES)),
    check('findings_escalation_check', sql`escalation_step is null or ${inList('escalation_step', ESCALATION_STEPS)}`),
  ],
)

/** One item of the business's action plan for a finding (§8.4). */
export const remediationActions = pgTable(
  'remediation_actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    findingId: uuid('finding_id')
      .notNull()
      .references(() => findings.id),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    description: text('description').notNull(),
    /** The person at the business responsible for it. */
    ownerName: text('owner_name').notNull(),
    dueOn: date('due_on').notNull(),
    status: text('status').notNull().default('open'),
    /** Evidence files: [{ fileKey, displayName, mediaType, sizeBytes, sha256 }]. */
    evidence: jsonb('evidence').notNull().default(sql`'[]'::jsonb`),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: uuid('done_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: uuid('decided_by').references(() => users.id),
    rejectionReason: text('rejection_reason'),
    /** What the business wrote when it reported the action done (migration 0023). */
    doneNote: text('done_note'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('remediation_actions_finding_idx').on(t.findingId, t.createdAt),
    index('remediation_actions_entity_idx').on(t.entityId, t.status, t.dueOn),
    check('remediation_actions_status_check', inList('status', REMEDIATION_STATUSES)),
  ],
)

/** The record of an on-site visit (who attended, what was seen); staff-only (migration 0023). */
export const caseVisits = pgTable(
  'case_visits',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    visitedOn: date('visited_on').notNull(),
    attendees: text('attendees').notNull(),
    notes: text('notes').notNull(),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('case_visits_case_idx').on(t.caseId, t.visitedOn)],
)

export const CASE_REMINDER_ITEM_KINDS = ['information_request', 'remediation_action'] as const
export type CaseReminderItemKind = (typeof CASE_REMINDER_ITEM_KINDS)[number]

/** One row per reminder step sent for a business's open item (sla.rules.ts remindersDue): never twice. */
export const caseReminders = pgTable(
  'case_reminders',
  {
    itemKind: text('item_kind').notNull(),
    itemId: uuid('item_id').notNull(),
    step: text('step').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ name: 'case_reminders_pk', columns: [t.itemKind, t.itemId, t.step] }), check('case_reminders_kind_check', inList('item_kind', CASE_REMINDER_ITEM_KINDS))],
)
