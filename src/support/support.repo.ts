import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { supportTickets } from './support.tables.ts'

export type SupportTicketRow = typeof supportTickets.$inferSelect
export type NewSupportTicket = typeof supportTickets.$inferInsert

const summaryColumns = {
  id: supportTickets.id,
  reference: supportTickets.reference,
  category: supportTickets.category,
  queue: supportTickets.queue,
  status: supportTickets.status,
  createdAt: supportTickets.createdAt,
}
export type SupportTicketSummary = { [K in keyof typeof summaryColumns]: SupportTicketRow[K] }

/** The next ticket number (a sequence: unique, not gap-free). */
export async function nextTicketNumber(db: DbOrTx): Promise<number> {
  const res = await db.execute(sql`select nextval('support_ticket_number_seq')::int as n`)
  const rows = (res as unknown as { rows: { n: number | string }[] }).rows
  return Number(rows[0]!.n)
}

/** Inserts a ticket; `undefined` when the idempotency key was already used (a double submit). */
export async function insertSupportTicket(db: DbOrTx, row: NewSupportTicket): Promise<SupportTicketSummary | undefined> {
  const [inserted] = await db
    .insert(supportTickets)
    .values(row)
    .onConflictDoNothing({ target: supportTickets.idempotencyKey })
    .returning(summaryColumns)
  return inserted
}

export async function findTicketByIdempotencyKey(db: DbOrTx, key: string): Promise<SupportTicketSummary | undefined> {
  const [row] = await db.select(summaryColumns).from(supportTickets).where(eq(supportTickets.idempotencyKey, key)).limit(1)
  return row
}
