import { sql } from 'drizzle-orm'
import { check, index, integer, pgSequence, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { businessTypes, reportingEntities } from '../entities/entities.tables.ts'
import { users } from '../identity/users.tables.ts'
import { SUPPORT_CATEGORIES, SUPPORT_QUEUES, SUPPORT_TICKET_STATUSES, SUPPORT_TOPICS } from './support.rules.ts'
import { SCREENSHOT_MEDIA_TYPES } from '../documents/documents.model.ts'
import { TICKET_AUTHOR_KINDS, TICKET_MESSAGE_KINDS } from './support-thread.model.ts'

const inListText = (col: string, values: readonly string[]) => `${col} in (${values.map((v) => `'${v}'`).join(', ')})`
const inList = (col: string, values: readonly string[]) => sql.raw(inListText(col, values))

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
    /** When the requester last wrote (the ticket itself, then each reply): the queue's ageing. */
    lastRequesterAt: timestamp('last_requester_at', { withTimezone: true }).notNull(),
    /** Set when closed, cleared when reopened: a requester may reopen within REOPEN_WINDOW_DAYS. */
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('support_tickets_reference_unique').on(t.reference),
    uniqueIndex('support_tickets_idempotency_key_unique').on(t.idempotencyKey),
    index('support_tickets_queue_idx').on(t.queue, t.status, t.createdAt),
    index('support_tickets_queue_last_requester_idx').on(t.queue, t.status, t.lastRequesterAt),
    index('support_tickets_created_by_idx').on(t.createdByUserId),
    index('support_tickets_entity_idx').on(t.entityId),
    check('support_tickets_category_check', inList('category', SUPPORT_CATEGORIES)),
    check('support_tickets_topic_check', inList('topic', SUPPORT_TOPICS)),
    check('support_tickets_queue_check', inList('queue', SUPPORT_QUEUES)),
    check('support_tickets_status_check', inList('status', SUPPORT_TICKET_STATUSES)),
    check('support_tickets_closed_at', sql`(status = 'closed') = (closed_at is not null)`),
    check('support_tickets_locale_check', sql`locale in ('th', 'en')`),
    check('support_tickets_juristic_id_format', sql`juristic_id is null or juristic_id ~ '^0[0-9]{12}$'`),
    check('support_tickets_message_length', sql`char_length(message) between 1 and 2000`),
    check(
      'support_tickets_screenshot_complete',
      sql`(screenshot_key is null) = (screenshot_name is null) and (screenshot_key is null) = (screenshot_type is null) and (screenshot_key is null) = (screenshot_size is null) and (screenshot_key is null) = (screenshot_sha256 is null)`,
    ),
  ],
)

/**
 * The thread of a ticket after the first message (which stays on support_tickets): replies from
 * staff and from the requester, and staff-only notes left when a ticket moves to the other queue.
 */
export const supportTicketMessages = pgTable(
  'support_ticket_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ticketId: uuid('ticket_id')
      .notNull()
      .references(() => supportTickets.id),
    /** `message` is seen by both sides; `move_note` (the reason for a move) only by staff. */
    kind: text('kind').notNull().default('message'),
    authorKind: text('author_kind').notNull(),
    /** Null for a requester without an account (replying through the signed link). */
    authorUserId: uuid('author_user_id').references(() => users.id),
    body: text('body').notNull(),
    /** For a move note: the queue the ticket moved to. */
    movedToQueue: text('moved_to_queue'),
    attachmentKey: text('attachment_key'),
    attachmentName: text('attachment_name'),
    attachmentType: text('attachment_type'),
    attachmentSize: integer('attachment_size'),
    attachmentSha256: text('attachment_sha256'),
    /** Bound to the session (or link) and the form instance: a double submit adds one reply. */
    idempotencyKey: text('idempotency_key'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    index('support_ticket_messages_ticket_idx').on(t.ticketId, t.createdAt),
    uniqueIndex('support_ticket_messages_idempotency_key_unique').on(t.idempotencyKey),
    check('support_ticket_messages_kind_check', inList('kind', TICKET_MESSAGE_KINDS)),
    check('support_ticket_messages_author_kind_check', inList('author_kind', TICKET_AUTHOR_KINDS)),
    check('support_ticket_messages_body_length', sql`char_length(body) between 1 and 2000`),
    check('support_ticket_messages_moved_to_queue', sql.raw(`(kind = 'move_note') = (moved_to_queue is not null) and (moved_to_queue is null or ${inListText('moved_to_queue', SUPPORT_QUEUES)})`)),
    check('support_ticket_messages_attachment_type', sql.raw(`attachment_type is null or ${inListText('attachment_type', SCREENSHOT_MEDIA_TYPES)}`)),
    check(
      'support_ticket_messages_attachment_complete',
      sql`(attachment_key is null) = (attachment_name is null) and (attachment_key is null) = (attachment_type is null) and (attachment_key is null) = (attachment_size is null) and (attachment_key is null) = (attachment_sha256 is null)`,
    ),
  ],
)
