/**
 * The sealer (docs/decisions/0008-audit-hash-chain.md): appends a hash-chain link for every audit
 * row not yet chained, in id order, one sealer at a time across processes (a transaction-level
 * advisory lock). Audited transactions never wait for it: they only insert into audit_log.
 */
import { createHash } from 'node:crypto'
import type { AppDeps } from '#src/server/deps.ts'
import { findChainHead, findSealFloor, insertChainLinks, listUnsealedRows, lockSealer } from './audit-chain.repo.ts'
import { GENESIS_HASH, linkHash } from './audit-chain.rules.ts'

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex')

/** Rows per sealing transaction: short transactions (PGlite runs one query at a time). */
const SEAL_BATCH = 500
/**
 * Rows sealed longer ago than this bound the search for unsealed rows. A transaction that stays
 * open longer than this after inserting its audit row is reported by verification as `row_unsealed`.
 */
export const SEAL_LOOKBACK_MS = 10 * 60_000

export type SealResult = { sealed: number; lastSeq: number }

export async function sealAuditChain(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { batchSize?: number } = {}): Promise<SealResult> {
  const batch = opts.batchSize ?? SEAL_BATCH
  let sealed = 0
  let lastSeq = 0
  for (;;) {
    const n = await deps.database.db.transaction(async (tx) => {
      await lockSealer(tx)
      const now = deps.clock.now()
      const head = await findChainHead(tx)
      const floor = await findSealFloor(tx, new Date(now.getTime() - SEAL_LOOKBACK_MS))
      const rows = await listUnsealedRows(tx, { floor, limit: batch })
      let seq = head?.seq ?? 0
      let prev = head?.hash ?? GENESIS_HASH
      const links = rows.map((row) => {
        const hash = linkHash(sha256Hex, prev, row)
        const link = { seq: ++seq, auditId: row.id, prevHash: prev, hash, sealedAt: now }
        prev = hash
        return link
      })
      await insertChainLinks(tx, links)
      lastSeq = seq
      return links.length
    })
    sealed += n
    if (n < batch) return { sealed, lastSeq }
  }
}

type Log = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void }
export type AuditSealer = { stop(): Promise<void> }

/** Seals every `intervalMs` in the server process (unref'd timer); `stop()` waits for a running round. */
export function startAuditSealer(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { intervalMs: number; log: Log }): AuditSealer {
  let stopped = false
  let running: Promise<void> | undefined
  const timer = setInterval(() => {
    if (stopped || running) return
    running = sealAuditChain(deps)
      .then(
        (r) => {
          if (r.sealed) opts.log.info({ sealed: r.sealed, lastSeq: r.lastSeq }, 'audit chain sealed')
        },
        (e: unknown) => opts.log.warn({ err: { message: (e as Error)?.message } }, 'audit sealing failed'),
      )
      .finally(() => {
        running = undefined
      })
  }, opts.intervalMs)
  timer.unref()
  return {
    async stop() {
      stopped = true
      clearInterval(timer)
      await running
    },
  }
}
