/**
 * Queries of the audit hash chain (audit_chain over audit_log). Raw SQL where the exact stored text
 * matters: `at` is read with its microseconds, ids and uuids as text.
 */
import { desc, eq, sql, type SQL } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import type { ChainLink, SealableAuditRow } from './audit-chain.rules.ts'
import { auditLog } from './audit.tables.ts'

/** The advisory-lock key of the sealer (any constant; "AMRA" in ASCII). */
const SEALER_LOCK_KEY = 0x414d5241

type Raw = Record<string, unknown>
const rowsOf = async (db: DbOrTx, query: SQL): Promise<Raw[]> => ((await db.execute(query)) as unknown as { rows: Raw[] }).rows

const ROW_COLUMNS = sql.raw(`a.id::text as "id", to_char(a.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as "at", a.action as "action",
  a.actor_user_id::text as "actorUserId", a.actor_role as "actorRole", a.target_type as "targetType", a.target_id as "targetId",
  a.entity_id::text as "entityId", a.ip as "ip", a.user_agent as "userAgent", a.payload as "payload"`)

const toRow = (r: Raw): SealableAuditRow => ({
  id: Number(r.id),
  at: String(r.at),
  action: String(r.action),
  actorUserId: (r.actorUserId as string | null) ?? null,
  actorRole: (r.actorRole as string | null) ?? null,
  targetType: (r.targetType as string | null) ?? null,
  targetId: (r.targetId as string | null) ?? null,
  entityId: (r.entityId as string | null) ?? null,
  ip: (r.ip as string | null) ?? null,
  userAgent: (r.userAgent as string | null) ?? null,
  payload: typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload,
})

/** Waits for the sealer lock; it is released when the transaction ends (one sealer across processes). */
export async function lockSealer(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${SEALER_LOCK_KEY})`)
}

export type ChainHead = { seq: number; hash: string; sealedAt: Date; auditId: number }

export async function findChainHead(db: DbOrTx): Promise<ChainHead | undefined> {
  const [r] = await rowsOf(db, sql`select seq::text as seq, hash, sealed_at as "sealedAt", audit_id::text as "auditId" from audit_chain c order by c.seq desc limit 1`)
  return r ? { seq: Number(r.seq), hash: String(r.hash), sealedAt: new Date(r.sealedAt as string | Date), auditId: Number(r.auditId) } : undefined
}

/**
 * The highest audit id sealed before `cutoff`. Audit rows below it were all committed long ago, so
 * the search for unsealed rows starts there instead of scanning the whole log.
 */
export async function findSealFloor(db: DbOrTx, cutoff: Date): Promise<number> {
  const [r] = await rowsOf(db, sql`select audit_id::text as "auditId" from audit_chain where sealed_at < ${cutoff.toISOString()}::timestamptz order by audit_id desc limit 1`)
  return r ? Number(r.auditId) : 0
}

/** Audit rows above `floor` without a link, in id order. */
export async function listUnsealedRows(db: DbOrTx, args: { floor: number; limit: number }): Promise<SealableAuditRow[]> {
  const rows = await rowsOf(
    db,
    sql`select ${ROW_COLUMNS} from audit_log a where a.id > ${args.floor} and not exists (select 1 from audit_chain c where c.audit_id = a.id) order by a.id limit ${args.limit}`,
  )
  return rows.map(toRow)
}

export async function insertChainLinks(db: DbOrTx, links: { seq: number; auditId: number; prevHash: string; hash: string; sealedAt: Date }[]): Promise<void> {
  if (!links.length) return
  const values = sql.join(
    links.map((l) => sql`(${l.seq}, ${l.auditId}, ${l.prevHash}, ${l.hash}, ${l.sealedAt.toISOString()}::timestamptz)`),
    sql`, `,
  )
  await db.execute(sql`insert into audit_chain (seq, audit_id, prev_hash, hash, sealed_at) values ${values}`)
}

/** Links after `afterSeq` in seq order, each with its audit row (undefined when the row is gone). */
export async function listChainLinks(db: DbOrTx, args: { afterSeq: number; limit: number }): Promise<ChainLink[]> {
  const rows = await rowsOf(
    db,
    sql`select c.seq::text as "seq", c.audit_id::text as "linkAuditId", c.prev_hash as "prevHash", c.hash as "hash", a.id is not null as "present", ${ROW_COLUMNS}
        from audit_chain c left join audit_log a on a.id = c.audit_id where c.seq > ${args.afterSeq} order by c.seq limit ${args.limit}`,
  )
  return rows.map((r) => ({
    seq: Number(r.seq),
    auditId: Number(r.linkAuditId),
    prevHash: String(r.prevHash),
    hash: String(r.hash),
    row: r.present ? toRow(r) : undefined,
  }))
}

/** The first audit row that has no link (after sealing: a row inserted out of order). */
export async function findFirstUnsealedRow(db: DbOrTx): Promise<number | undefined> {
  const [r] = await rowsOf(db, sql`select a.id::text as id from audit_log a where not exists (select 1 from audit_chain c where c.audit_id = a.id) order by a.id limit 1`)
  return r ? Number(r.id) : undefined
}

/** The latest `audit.chain_verified` event (time and stored payload). */
export async function findLastChainCheck(db: DbOrTx): Promise<{ at: Date; payload: unknown } | undefined> {
  const [row] = await db.select({ at: auditLog.at, payload: auditLog.payload }).from(auditLog).where(eq(auditLog.action, 'audit.chain_verified')).orderBy(desc(auditLog.id)).limit(1)
  return row
}
