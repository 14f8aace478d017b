import { date, index, integer, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { assessmentCycles } from '../submissions/submissions.tables.ts'

/**
 * Filing reminders sent to a business that has not filed (staff batch reminder). One row per
 * business, cycle and Bangkok calendar day: the unique index makes a second batch on the same day
 * skip businesses already reminded (`insert … on conflict do nothing`).
 */
export const filingReminders = pgTable(
  'filing_reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id),
    /** The Bangkok calendar day of the reminder (idempotency: one per business per day). */
    remindedOn: date('reminded_on').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentBy: uuid('sent_by')
      .notNull()
      .references(() => users.id),
    /** How many entity administrators were e-mailed. */
    recipients: integer('recipients').notNull(),
  },
  (t) => [uniqueIndex('filing_reminders_entity_cycle_day_unique').on(t.entityId, t.cycleId, t.remindedOn), index('filing_reminders_cycle_idx').on(t.cycleId, t.remindedOn)],
)
