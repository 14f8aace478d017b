import { sql } from 'drizzle-orm'
import { check, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { businessTypes, reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { SUPPORT_CATEGORIES, SUPPORT_QUEUES, SUPPORT_TICKET_STATUSES, SUPPORT_TOPICS } from './support.rules.ts'

const inList = (col: string, values: readonly string[]) => sql.raw(`${col} in (${values.map((v) => `'${v}'`).join(', ')})`)

/** Numbers for ticket references (`T-2569-000123`): unique, not gap-free. */
export const supportTicketNumberSeq = pgSequence('support_ticket_number_seq', { startWith: 1, increment: 1 })

/** Messages from the help form (product brief step 6). */
export const supportTickets = pgTable(
  'support_tickets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    reference: text('reference').notNull(),
    category: text('category').notNull(),
    topic: text('topic').notNull(),
    /** technical → admin, content → supervision (support.rules.ts). */
    queue: text('queue').notNull(),
    status: text('status').notNull().default('open'),
    businessName: text('business_name').notNull(),
    /** 13 digits, normalised and checksum-checked; what the person typed, not a registry link. */
    juristicId: text('juristic_id'),
    businessTypeCode: text('business_type_code').references(() => businessTypes.code),
    contactName: text('contact_name').notNull(),
    /** E.164 (+ ";ext="). */
    phone: text('phone').notNull(),
    email: text('email').notNull(),
    message: text('message').notNull(),
    /** The language the person wrote in, so the answer can be in it. */
    locale: text('locale').notNull(),
    /** FileStore key of the screenshot; the name is display data only. */
    screenshotKey: text('screenshot_key'),
    screenshotName: text('screenshot_name'),
    screenshotType: text('screenshot_type'),
    screenshotSize: integer('screenshot_size'),
    screenshotSha256: text('screenshot_sha256'),
    createdByUserId: uuid('created_by_user_id').references(() => users.id),
    entityId: uuid('entity_id').references(() => reportingEntities.id),
    /** Bound to the browser session and the form instance: a double submit creates one ticket. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('support_tickets_reference_unique').on(t.reference),
    uniqueIndex('support_tickets_idempotency_key_unique').on(t.idempotencyKey),
    index('support_tickets_queue_idx').on(t.queue, t.status, t.createdAt),
    index('support_tickets_created_by_idx').on(t.createdByUserId),
    index('support_tickets_entity_idx').on(t.entityId),
    check('support_tickets_category_check', inList('category', SUPPORT_CATEGORIES)),
    check('support_tickets_topic_check', inList('topic', SUPPORT_TOPICS)),
    check('support_tickets_queue_check', inList('queue', SUPPORT_QUEUES)),
    check('support_tickets_status_check', inList('status', SUPPORT_TICKET_STATUSES)),
    check('support_tickets_locale_check', sql`locale in ('th', 'en')`),
    check('support_tickets_juristic_id_format', sql`juristic_id is null or juristic_id ~ '^0[0-9]{12}$'`),
    check('support_tickets_message_length', sql`char_length(message) between 1 and 2000`),
    check(
      'support_tickets_screenshot_complete',
      sql`(screenshot_key is null) = (screenshot_name is null) and (screenshot_key is null) = (screenshot_type is null) and (screenshot_key is null) = (screenshot_size is null) and (screenshot_key is null) = (screenshot_sha256 is null)`,
    ),
  ],
)
