import { desc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { localMailbox } from './outbox.tables.ts'

export type LocalMailSummary = { id: string; toAddress: string; subject: string; createdAt: Date }
export type LocalMail = LocalMailSummary & { outboxId: string | null; raw: string }

export async function insertLocalMail(
  db: DbOrTx,
  mail: { outboxId: string | null; toAddress: string; subject: string; raw: string; createdAt: Date },
): Promise<string> {
  const [row] = await db.insert(localMailbox).values(mail).returning({ id: localMailbox.id })
  return row!.id
}

/** Newest first. */
export async function listLocalMail(db: DbOrTx, opts: { limit: number }): Promise<LocalMailSummary[]> {
  return db
    .select({ id: localMailbox.id, toAddress: localMailbox.toAddress, subject: localMailbox.subject, createdAt: localMailbox.createdAt })
    .from(localMailbox)
    .orderBy(desc(localMailbox.createdAt), desc(localMailbox.id))
    .limit(opts.limit)
}

export async function findLocalMail(db: DbOrTx, id: string): Promise<LocalMail | undefined> {
  const [row] = await db
    .select({
      id: localMailbox.id,
      outboxId: localMailbox.outboxId,
      toAddress: localMailbox.toAddress,
      subject: localMailbox.subject,
      raw: localMailbox.raw,
      createdAt: localMailbox.createdAt,
    })
    .from(localMailbox)
    .where(eq(localMailbox.id, id))
  return row
}
