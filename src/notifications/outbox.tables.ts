import { sql } from 'drizzle-orm'
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Mail outbox: a row is written in the same transaction as the action that causes the mail; the
 * worker delivers it with retries and back-off. SMTP being down never fails the action.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    template: text('template').notNull(),
    toAddress: text('to_address').notNull(),
    locale: text('locale').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull(),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('outbox_due_idx').on(t.status, t.nextAttemptAt),
    check('outbox_status_check', sql`status in ('pending', 'sent', 'failed')`),
  ],
)

/** Mail kept locally when no SMTP_URL is set; readable at /dev/mail (never in production). */
export const localMailbox = pgTable(
  'local_mailbox',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    outboxId: uuid('outbox_id'),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    raw: text('raw').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('local_mailbox_created_idx').on(t.createdAt)],
)
