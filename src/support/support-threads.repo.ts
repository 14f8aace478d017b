/**
 * Queries for support-ticket threads and queues (R16). Scoping is in the function: a queue's staff
 * load tickets of that queue only (`findTicketInQueue`), a requester with an account their own
 * (`findOwnTicket`). `unsafeFindTicketById` is for the signed reply link, whose token names the
 * one ticket it opens (the caller verified it).
 */
import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { isMediaType, type MediaType } from '#src/documents/documents.model.ts'
import { users } from '#src/identity/users.tables.ts'
import { supportTicketMessages, supportTickets } from './support.tables.ts'
import type { SupportCategory, SupportQueue, SupportTopic } from './support.rules.ts'
import type { TicketAuthorKind, TicketDetail, TicketFile, TicketMessage, TicketMessageKind } from './support-thread.model.ts'
import { SUPPORT_TICKET_STATUSES, type SupportTicketStatus } from './ticket-status.rules.ts'

const detailColumns = {
  id: supportTickets.id,
  reference: supportTickets.reference,
  category: supportTickets.category,
  topic: supportTickets.topic,
  queue: supportTickets.queue,
  status: supportTickets.status,
  businessName: supportTickets.businessName,
  juristicId: supportTickets.juristicId,
  businessTypeCode: supportTickets.businessTypeCode,
  contactName: supportTickets.contactName,
  phone: supportTickets.phone,
  email: supportTickets.email,
  message: supportTickets.message,
  locale: supportTickets.locale,
  screenshotName: supportTickets.screenshotName,
  screenshotType: supportTickets.screenshotType,
  screenshotSize: supportTickets.screenshotSize,
  createdByUserId: supportTickets.createdByUserId,
  createdAt: supportTickets.createdAt,
  lastRequesterAt: supportTickets.lastRequesterAt,
  closedAt: supportTickets.closedAt,
}
type DetailRow = { [K in keyof typeof detailColumns]: (typeof supportTickets.$inferSelect)[K] }

const file = (name: string | null, type: string | null, size: number | null): TicketFile | null =>
  name && type && size !== null && isMediaType(type) ? { name, mediaType: type, size } : null

function toDetail(r: DetailRow): TicketDetail & { createdByUserId: string | null } {
  return {
    ...r,
    category: r.category as SupportCategory,
    topic: r.topic as SupportTopic,
    queue: r.queue as SupportQueue,
    status: r.status as SupportTicketStatus,
    locale: r.locale as 'th' | 'en',
    screenshot: file(r.screenshotName, r.screenshotType, r.screenshotSize),
    hasAccount: r.createdByUserId !== null,
  }
}
export type LoadedTicket = ReturnType<typeof toDetail>

async function findTicket(db: DbOrTx, where: SQL): Promise<LoadedTicket | undefined> {
  const [row] = await db.select(detailColumns).from(supportTickets).where(where).limit(1)
  return row ? toDetail(row) : undefined
}

export const findTicketInQueue = (db: DbOrTx, queue: SupportQueue, id: string) =>
  findTicket(db, and(eq(supportTickets.id, id), eq(supportTickets.queue, queue))!)
export const findOwnTicket = (db: DbOrTx, userId: string, id: string) =>
  findTicket(db, and(eq(supportTickets.id, id), eq(supportTickets.createdByUserId, userId))!)
export const unsafeFindTicketById = (db: DbOrTx, id: string) => findTicket(db, eq(supportTickets.id, id))

/** Locks the ticket row for a status change (PostgreSQL; PGlite runs one transaction at a time). */
export async function lockTicket(db: DbOrTx, id: string): Promise<void> {
  await db.select({ id: supportTickets.id }).from(supportTickets).where(eq(supportTickets.id, id)).for('update')
}

export async function listTicketMessages(db: DbOrTx, ticketId: string): Promise<TicketMessage[]> {
  const rows = await db
    .select({
      id: supportTicketMessages.id,
      kind: supportTicketMessages.kind,
      authorKind: supportTicketMessages.authorKind,
      firstName: users.firstName,
      lastName: users.lastName,
      body: supportTicketMessages.body,
      movedToQueue: supportTicketMessages.movedToQueue,
      attachmentName: supportTicketMessages.attachmentName,
      attachmentType: supportTicketMessages.attachmentType,
      attachmentSize: supportTicketMessages.attachmentSize,
      createdAt: supportTicketMessages.createdAt,
      contactName: supportTickets.contactName,
    })
    .from(supportTicketMessages)
    .innerJoin(supportTickets, eq(supportTickets.id, supportTicketMessages.ticketId))
    .leftJoin(users, eq(users.id, supportTicketMessages.authorUserId))
    .where(eq(supportTicketMessages.ticketId, ticketId))
    .orderBy(asc(supportTicketMessages.createdAt), asc(supportTicketMessages.id))
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as TicketMessageKind,
    authorKind: r.authorKind as TicketAuthorKind,
    authorName: r.authorKind === 'staff' ? [r.firstName, r.lastName].filter(Boolean).join(' ') : r.contactName,
    body: r.body,
    movedToQueue: r.movedToQueue as SupportQueue | null,
    attachment: file(r.attachmentName, r.attachmentType, r.attachmentSize),
    createdAt: r.createdAt,
  }))
}

export type NewTicketMessage = typeof supportTicketMessages.$inferInsert

/** Adds a message; `undefined` when its idempotency key was already used (a double submit). */
export async function insertTicketMessage(db: DbOrTx, row: NewTicketMessage): Promise<string | undefined> {
  const [inserted] = await db
    .insert(supportTicketMessages)
    .values(row)
    .onConflictDoNothing({ target: supportTicketMessages.idempotencyKey })
    .returning({ id: supportTicketMessages.id })
  return inserted?.id
}

export async function hasMessageWithKey(db: DbOrTx, key: string): Promise<boolean> {
  const [row] = await db.select({ id: supportTicketMessages.id }).from(supportTicketMessages).where(eq(supportTicketMessages.idempotencyKey, key)).limit(1)
  return row !== undefined
}

export async function updateTicket(
  db: DbOrTx,
  id: string,
  patch: Partial<Pick<typeof supportTickets.$inferInsert, 'status' | 'closedAt' | 'lastRequesterAt' | 'queue'>>,
): Promise<void> {
  await db.update(supportTickets).set(patch).where(eq(supportTickets.id, id))
}

/** A stored file of a ticket: its screenshot (`messageId` undefined) or a message's attachment. */
export async function findTicketFile(
  db: DbOrTx,
  ticketId: string,
  messageId: string | undefined,
  opts: { includeStaffOnly: boolean },
): Promise<{ key: string; name: string; mediaType: MediaType } | undefined> {
  if (messageId === undefined) {
    const [r] = await db
      .select({ key: supportTickets.screenshotKey, name: supportTickets.screenshotName, type: supportTickets.screenshotType })
      .from(supportTickets)
      .where(eq(supportTickets.id, ticketId))
    return r?.key && r.name && r.type && isMediaType(r.type) ? { key: r.key, name: r.name, mediaType: r.type } : undefined
  }
  const where = [eq(supportTicketMessages.id, messageId), eq(supportTicketMessages.ticketId, ticketId)]
  if (!opts.includeStaffOnly) where.push(eq(supportTicketMessages.kind, 'message'))
  const [r] = await db
    .select({ key: supportTicketMessages.attachmentKey, name: supportTicketMessages.attachmentName, type: supportTicketMessages.attachmentType })
    .from(supportTicketMessages)
    .where(and(...where))
  return r?.key && r.name && r.type && isMediaType(r.type) ? { key: r.key, name: r.name, mediaType: r.type } : undefined
}

export type QueueRow = {
  id: string
  reference: string
  topic: SupportTopic
  status: SupportTicketStatus
  businessName: string
  contactName: string
  createdAt: Date
  lastRequesterAt: Date
}

export const QUEUE_PAGE_SIZE = 200

/** A queue's tickets, oldest first (opened), optionally of one status; at most QUEUE_PAGE_SIZE. */
export async function listQueueTickets(db: DbOrTx, args: { queue: SupportQueue; status?: SupportTicketStatus }): Promise<QueueRow[]> {
  const where = [eq(supportTickets.queue, args.queue)]
  if (args.status) where.push(eq(supportTickets.status, args.status))
  const rows = await db
    .select({
      id: supportTickets.id,
      reference: supportTickets.reference,
      topic: supportTickets.topic,
      status: supportTickets.status,
      businessName: supportTickets.businessName,
      contactName: supportTickets.contactName,
      createdAt: supportTickets.createdAt,
      lastRequesterAt: supportTickets.lastRequesterAt,
    })
    .from(supportTickets)
    .where(and(...where))
    .orderBy(asc(supportTickets.createdAt), asc(supportTickets.reference))
    .limit(QUEUE_PAGE_SIZE)
  return rows.map((r) => ({ ...r, topic: r.topic as SupportTopic, status: r.status as SupportTicketStatus }))
}

/** How many tickets of the queue are in each status. */
export async function countQueueByStatus(db: DbOrTx, queue: SupportQueue): Promise<Record<SupportTicketStatus, number>> {
  const rows = await db
    .select({ status: supportTickets.status, n: count() })
    .from(supportTickets)
    .where(eq(supportTickets.queue, queue))
    .groupBy(supportTickets.status)
  const out = Object.fromEntries(SUPPORT_TICKET_STATUSES.map((s) => [s, 0])) as Record<SupportTicketStatus, number>
  for (const r of rows) out[r.status as SupportTicketStatus] = Number(r.n)
  return out
}

/** A requester's own tickets (created while signed in), newest first. */
export async function listTicketsOfUser(db: DbOrTx, userId: string): Promise<QueueRow[]> {
  const rows = await db
    .select({
      id: supportTickets.id,
      reference: supportTickets.reference,
      topic: supportTickets.topic,
      status: supportTickets.status,
      businessName: supportTickets.businessName,
      contactName: supportTickets.contactName,
      createdAt: supportTickets.createdAt,
      lastRequesterAt: supportTickets.lastRequesterAt,
    })
    .from(supportTickets)
    .where(eq(supportTickets.createdByUserId, userId))
    .orderBy(desc(supportTickets.createdAt))
    .limit(QUEUE_PAGE_SIZE)
  return rows.map((r) => ({ ...r, topic: r.topic as SupportTopic, status: r.status as SupportTicketStatus }))
}

/** Active staff of the given roles, who receive a queue's notices. */
export async function listActiveStaffOfRoles(db: DbOrTx, roles: readonly string[]): Promise<{ email: string; firstName: string; lastName: string; locale: string }[]> {
  return db
    .select({ email: users.email, firstName: users.firstName, lastName: users.lastName, locale: users.locale })
    .from(users)
    .where(and(inArray(users.role, [...roles]), eq(users.status, 'active')))
    .orderBy(asc(users.email))
}
