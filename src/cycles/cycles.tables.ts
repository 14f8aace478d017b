import { sql } from 'drizzle-orm'
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { assessmentCycles } from '../submissions/submissions.tables.ts'
import { EXTENSION_STATUSES } from './deadline.rules.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/**
 * A business's deadline extension for one cycle (migration 0016_cycles_extensions): requested by
 * the business (date and reason) then granted or refused by AMLO staff, or granted directly by
 * staff (no request fields). The latest granted row gives the business's effective deadline
 * (deadline.rules.ts). At most one pending request per business per cycle.
 */
export const deadlineExtensions = pgTable(
  'deadline_extensions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => assessmentCycles.id),
    entityId: uuid('entity_id')
      .notNull()
      .references(() => reportingEntities.id),
    status: text('status').notNull(),
    requestedDeadline: timestamp('requested_deadline', { withTimezone: true }),
    requestReason: text('request_reason'),
    requestedBy: uuid('requested_by').references(() => users.id),
    requestedAt: timestamp('requested_at', { withTimezone: true }),
    grantedDeadline: timestamp('granted_deadline', { withTimezone: true }),
    decisionReason: text('decision_reason'),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('deadline_extensions_status_check', inList('status', EXTENSION_STATUSES)),
    check('deadline_extensions_granted_check', sql`status <> 'granted' OR granted_deadline IS NOT NULL`),
    index('deadline_extensions_entity_cycle_idx').on(t.entityId, t.cycleId, t.createdAt),
    index('deadline_extensions_cycle_status_idx').on(t.cycleId, t.status),
    uniqueIndex('deadline_extensions_one_pending_unique').on(t.entityId, t.cycleId).where(sql`${t.status} = 'requested'`),
  ],
)
