/**
 * Enforcement measures recorded on an enforcement referral case (§8.5; migration 0025): the step of
 * the ladder, the legal provision, the amount (a fine), the decision body and day, and the payment
 * and appeal status, kept as data for the statistics export (/staff/cases/enforcement.csv).
 */
import { sql } from 'drizzle-orm'
import { check, date, index, numeric, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { cases } from './cases.tables.ts'
import { APPEAL_STATUSES, ENFORCEMENT_MEASURES, PAYMENT_STATUSES } from './enforcement.model.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

export const enforcementMeasures = pgTable(
  'enforcement_measures',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => cases.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    measure: text('measure').notNull(),
    legalProvision: text('legal_provision').notNull(),
    /** Baht with two decimals (a string in Drizzle: exact); null when the measure has no amount. */
    amountThb: numeric('amount_thb', { precision: 16, scale: 2 }),
    decisionBody: text('decision_body').notNull(),
    decidedOn: date('decided_on').notNull(),
    paymentStatus: text('payment_status').notNull(),
    appealStatus: text('appeal_status').notNull().default('none'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('enforcement_measures_case_idx').on(t.caseId, t.decidedOn),
    index('enforcement_measures_entity_idx').on(t.entityId, t.decidedOn),
    check('enforcement_measures_measure_check', inList('measure', ENFORCEMENT_MEASURES)),
    check('enforcement_measures_payment_check', inList('payment_status', PAYMENT_STATUSES)),
    check('enforcement_measures_appeal_check', inList('appeal_status', APPEAL_STATUSES)),
    check('enforcement_measures_amount_check', sql`amount_thb is null or amount_thb >= 0`),
    check('enforcement_measures_fine_amount_check', sql`measure <> 'administrative_fine' or amount_thb is not null`),
  ],
)
