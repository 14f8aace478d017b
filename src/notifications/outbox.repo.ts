import { and, asc, eq, inArray, lte, sql } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { jsonRowFor } from '#src/db/json-rows.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { MailPayloads, MailTemplate } from './mail-templates.model.ts'
import { outbox } from './outbox.tables.ts'

/** enqueueMail as a row written later, inside the COMMIT: the receipt e-mail carries the receipt number, given out at commit (migration 0028). */
export function mailRowAtCommit<T extends MailTemplate>(mail: { template: T; to: string; locale: Locale; payload: MailPayloads[T]; now: Date }): { table: 'outbox'; row: Record<string, unknown> } {
  return { table: 'outbox', row: jsonRowFor(outbox, mailValues(mail)) }
}

const mailValues = (mail: { template: MailTemplate; to: string; locale: Locale; payload: unknown; now: Date }): typeof outbox.$inferInsert => ({
  template: mail.template,
  toAddress: mail.to,
  locale: mail.locale,
  payload: mail.payload,
  nextAttemptAt: mail.now,
})

/** Queues an e-mail inside the caller's transaction: it is sent only if the action commits. */
export async function enqueueMail<T extends MailTemplate>(
  db: DbOrTx,
  mail: { template: T; to: string; locale: Locale; payload: MailPayloads[T]; now: Date },
): Promise<string> {
  const [row] = await db
    .insert(outbox)
    .values(mailValues(mail))
    .returning({ id: outbox.id })
  return row!.id
}

export type ClaimedMail = {
  id: string
  template: MailTemplate
  toAddress: string
  locale: Locale
  payload: unknown
  /** Attempts including this one. */
  attempts: number
}

/**
 * Claims the oldest due pending mail in one statement: `FOR UPDATE SKIP LOCKED` lets several workers
 * (PostgreSQL) or the single process (PGlite) pick different rows; the lease hides the row from
 * other workers while it is being sent, and a worker that dies mid-send leaves it to be retried
 * when the lease ends. The attempt is counted here, so a mail that crashes the worker cannot loop.
 */
export async function claimDueMail(db: DbOrTx, opts: { now: Date; leaseUntil: Date }): Promise<ClaimedMail | undefined> {
  const due = db
    .select({ id: outbox.id })
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, opts.now)))
    .orderBy(asc(outbox.nextAttemptAt), asc(outbox.createdAt))
    .limit(1)
    .for('update', { skipLocked: true })
  const [row] = await db
    .update(outbox)
    .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: opts.leaseUntil })
    .where(and(inArray(outbox.id, due), eq(outbox.status, 'pending')))
    .returning({
      id: outbox.id,
      template: outbox.template,
      toAddress: outbox.toAddress,
      locale: outbox.locale,
      payload: outbox.payload,
      attempts: outbox.attempts,
    })
  return row ? { ...row, template: row.template as MailTemplate, locale: row.locale as Locale } : undefined
}

/** Only the claim that sent it may mark it (same attempt count): a stale worker changes nothing. */
/**
 * A delivered (or abandoned) mail no longer needs its links: one-time tokens are removed from the
 * stored payload so the database never keeps a usable link longer than the mail is pending.
 * The top-level `…Url` fields are where templates carry one-time links.
 */
const scrubLinks = sql`(select coalesce(jsonb_object_agg(key, case when key like '%Url' then to_jsonb('[removed after delivery]'::text) else value end), '{}'::jsonb) from jsonb_each(${outbox.payload}))`

export async function markMailSent(db: DbOrTx, claim: { id: string; attempts: number; at: Date }): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ status: 'sent', sentAt: claim.at, lastError: null, payload: scrubLinks })
    .where(and(eq(outbox.id, claim.id), eq(outbox.attempts, claim.attempts), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id })
  return rows.length === 1
}

export async function markMailAttemptFailed(
  db: DbOrTx,
  claim: { id: string; attempts: number; error: string; next: { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date } },
): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set(
      claim.next.status === 'failed'
        ? { status: 'failed', lastError: claim.error, payload: scrubLinks }
        : { status: 'pending', lastError: claim.error, nextAttemptAt: claim.next.nextAttemptAt },
    )
    .where(and(eq(outbox.id, claim.id), eq(outbox.attempts, claim.attempts), eq(outbox.status, 'pending')))
    .returning({ id: outbox.id })
  return rows.length === 1
}

export type OutboxRow = typeof outbox.$inferSelect

/** For tests and the admin view: one row as stored. */
export async function findOutboxRow(db: DbOrTx, id: string): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id))
  return row
}
