import { bigint, check, pgTable, text, timestamp, unique } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { auditLog } from './audit.tables.ts'

/**
 * The hash chain over `audit_log` (docs/decisions/0008-audit-hash-chain.md): one link per audit row,
 * in `seq` order, `hash = sha256(prev_hash || canonical JSON of the row)`. Append-only (a trigger
 * refuses UPDATE and DELETE); written only by `sealAuditChain`, never by the audited transactions.
 */
export const auditChain = pgTable(
  'audit_chain',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    auditId: bigint('audit_id', { mode: 'number' })
      .notNull()
      .references(() => auditLog.id),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
    sealedAt: timestamp('sealed_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('audit_chain_audit_id_unique').on(t.auditId),
    check('audit_chain_hash_format', sql`${t.hash} ~ '^[0-9a-f]{64}$' AND ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
  ],
)
