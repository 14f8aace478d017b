/**
 * Verifies the audit hash chain (docs/decisions/0008-audit-hash-chain.md): seals first, then
 * recomputes every link in seq order and reports the first break (a changed, missing or reordered
 * row, or a row that escaped the chain). Used by `npm run audit:verify` and the admin audit page.
 * With `record`, the result is appended to the audit log as `audit.chain_verified`.
 */
import { requireAdminActor } from '#src/identity/admin-users.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findChainHead, findFirstUnsealedRow, listChainLinks, type ChainHead } from './audit-chain.repo.ts'
import { GENESIS_HASH, checkLinks, type ChainBreak } from './audit-chain.rules.ts'
import { appendAudit, type AuditContext } from './audit.repo.ts'
import { sealAuditChain, sha256Hex } from './seal-audit-chain.ts'

const VERIFY_BATCH = 2_000

export type ChainVerification = {
  ok: boolean
  /** Links checked (all of them when ok). */
  links: number
  /** Links added by the sealing that ran first. */
  sealedNow: number
  head: ChainHead | undefined
  broken?: ChainBreak
}

export async function verifyAuditChain(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { record?: Omit<AuditContext, 'at'> } = {},
): Promise<ChainVerification> {
  const { sealed } = await sealAuditChain(deps)
  const db = deps.database.db
  let pos = { lastSeq: 0, lastHash: GENESIS_HASH }
  let links = 0
  let broken: ChainBreak | undefined
  for (;;) {
    const batch = await listChainLinks(db, { afterSeq: pos.lastSeq, limit: VERIFY_BATCH })
    if (!batch.length) break
    const checked = checkLinks(sha256Hex, pos, batch)
    if (!checked.ok) {
      broken = checked.broken
      links += checked.broken.seq === null ? 0 : Math.max(0, checked.broken.seq - pos.lastSeq - 1)
      break
    }
    links += checked.lastSeq - pos.lastSeq
    pos = checked
    if (batch.length < VERIFY_BATCH) break
  }
  if (!broken) {
    const stray = await findFirstUnsealedRow(db)
    if (stray !== undefined) broken = { problem: 'row_unsealed', seq: null, auditId: stray }
  }
  const head = await findChainHead(db)
  const result: ChainVerification = { ok: !broken, links, sealedNow: sealed, head, ...(broken ? { broken } : {}) }
  if (opts.record) {
    await appendAudit(db, { ...opts.record, at: deps.clock.now() }, {
      action: 'audit.chain_verified',
      ok: result.ok,
      links,
      ...(broken ? { problem: broken.problem, seq: broken.seq, auditId: broken.auditId } : {}),
    })
  }
  return result
}

/** The audit page's "Verify now": staff with audit:read:any; the result is recorded in the log. */
export async function verifyAuditChainAsStaff(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; ip?: string | null; userAgent?: string | null },
): Promise<ChainVerification> {
  const actor = requireAdminActor(opts.actor, 'audit:read:any')
  return verifyAuditChain(deps, { record: { actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent } })
}
