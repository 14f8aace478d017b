/**
 * The pure part of the audit hash chain (docs/decisions/0008-audit-hash-chain.md): what a link
 * hashes, and how a run of links is checked. The hash function is passed in (no node:* here, R1).
 */

/** `prev_hash` of the first link. */
export const GENESIS_HASH = '0'.repeat(64)

/** The stored columns of one audit row, as text exactly as the database holds them. */
export type SealableAuditRow = {
  id: number
  /** `at` in UTC with microseconds (`2026-11-29T03:00:00.000000Z`): a Date would drop them. */
  at: string
  action: string
  actorUserId: string | null
  actorRole: string | null
  targetType: string | null
  targetId: string | null
  entityId: string | null
  ip: string | null
  userAgent: string | null
  payload: unknown
}

/** JSON with object keys sorted at every level and no spaces: the same value always gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** What a link hashes after its predecessor's hash: every stored column of the audit row. */
export const canonicalAuditRow = (row: SealableAuditRow): string =>
  canonicalJson({
    id: row.id,
    at: row.at,
    action: row.action,
    actor_user_id: row.actorUserId,
    actor_role: row.actorRole,
    target_type: row.targetType,
    target_id: row.targetId,
    entity_id: row.entityId,
    ip: row.ip,
    user_agent: row.userAgent,
    payload: row.payload,
  })

export type Sha256 = (text: string) => string

export const linkHash = (sha256: Sha256, prevHash: string, row: SealableAuditRow): string => sha256(prevHash + canonicalAuditRow(row))

/** One stored link joined with its audit row (`row` undefined when the row is gone). */
export type ChainLink = { seq: number; auditId: number; prevHash: string; hash: string; row: SealableAuditRow | undefined }

export const CHAIN_PROBLEMS = ['row_changed', 'row_missing', 'link_broken', 'seq_gap', 'row_unsealed'] as const
export type ChainProblem = (typeof CHAIN_PROBLEMS)[number]

export type ChainBreak = { problem: ChainProblem; seq: number | null; auditId: number }

/**
 * Checks links in seq order after the link `(lastSeq, lastHash)` (0 and GENESIS_HASH at the start).
 * Returns the first break, or the new position to continue from.
 */
export function checkLinks(
  sha256: Sha256,
  from: { lastSeq: number; lastHash: string },
  links: readonly ChainLink[],
): { ok: true; lastSeq: number; lastHash: string } | { ok: false; broken: ChainBreak } {
  let { lastSeq, lastHash } = from
  for (const link of links) {
    if (link.seq !== lastSeq + 1) return { ok: false, broken: { problem: 'seq_gap', seq: link.seq, auditId: link.auditId } }
    if (link.prevHash !== lastHash) return { ok: false, broken: { problem: 'link_broken', seq: link.seq, auditId: link.auditId } }
    if (!link.row) return { ok: false, broken: { problem: 'row_missing', seq: link.seq, auditId: link.auditId } }
    if (link.row.id !== link.auditId || linkHash(sha256, link.prevHash, link.row) !== link.hash) {
      return { ok: false, broken: { problem: 'row_changed', seq: link.seq, auditId: link.auditId } }
    }
    lastSeq = link.seq
    lastHash = link.hash
  }
  return { ok: true, lastSeq, lastHash }
}
