/**
 * Reading the audit log (query; staff with audit:read:any, i.e. admins and supervisors): newest
 * first, filtered by event type, actor, business, the account an event is about and a Bangkok date
 * range; keyset-paged by id (stable while new events arrive, fast however long the log is).
 */
import { isUuid, requireAdminActor, unsafeUserNames } from '#src/identity/admin-users.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findChainHead, findLastChainCheck, type ChainHead } from './audit-chain.repo.ts'
import { AuditEvent, type AuditAction } from './audit-events.model.ts'
import { listAudit, unsafeEntityLabels, type AuditQuery, type AuditRow, type EntityLabel } from './audit.repo.ts'

export const AUDIT_PAGE_SIZE = 50
/** The most rows one CSV export holds (a narrower filter gets the rest). */
export const AUDIT_EXPORT_MAX = 50_000

export type AuditLogFilters = {
  action?: AuditAction
  /** Events about this account (the link from an account's page). */
  userId?: string
  actorText?: string
  businessText?: string
  /** ISO calendar dates, inclusive, in Bangkok time. */
  fromDate?: string
  toDate?: string
}

export type AuditLogPage = {
  rows: AuditRow[]
  /** Display names of the actors and target accounts on the page. */
  names: Map<string, { name: string; username: string }>
  /** Businesses the rows name. */
  entities: Map<string, EntityLabel>
  /** The `before` cursor of the next (older) page, if there is one. */
  olderBefore?: number
}

/** Bangkok has no daylight saving: a calendar day there starts at 00:00 +07:00. */
const bangkokMidnight = (iso: string) => new Date(`${iso}T00:00:00+07:00`)
const nextDay = (iso: string) => new Date(bangkokMidnight(iso).getTime() + 24 * 3600_000)

const toQuery = (f: AuditLogFilters): AuditQuery => ({
  action: f.action,
  targetId: f.userId,
  actorText: f.actorText,
  businessText: f.businessText,
  from: f.fromDate ? bangkokMidnight(f.fromDate) : undefined,
  toExclusive: f.toDate ? nextDay(f.toDate) : undefined,
})

/** The accounts an audit row names (actor, and the target when it is an account). */
export const userIdsOf = (rows: AuditRow[]) => rows.flatMap((r) => [r.actorUserId ?? '', r.targetType === 'user' ? (r.targetId ?? '') : '']).filter(isUuid)
const entityIdsOf = (rows: AuditRow[]) => rows.flatMap((r) => [r.entityId ?? '', r.targetType === 'entity' ? (r.targetId ?? '') : '']).filter(isUuid)

export async function readAuditLog(
  deps: Pick<AppDeps, 'database'>,
  opts: { actor: Actor; filters: AuditLogFilters; before?: number; limit?: number },
): Promise<AuditLogPage> {
  requireAdminActor(opts.actor, 'audit:read:any')
  const db = deps.database.db
  const limit = opts.limit ?? AUDIT_PAGE_SIZE
  const found = await listAudit(db, { ...toQuery(opts.filters), beforeId: opts.before, limit: limit + 1 })
  const rows = found.slice(0, limit)
  const [names, entities] = await Promise.all([unsafeUserNames(db, userIdsOf(rows)), unsafeEntityLabels(db, entityIdsOf(rows))])
  return { rows, names, entities, ...(found.length > limit ? { olderBefore: rows[rows.length - 1]!.id } : {}) }
}

/** Every row the filters match (newest first, at most AUDIT_EXPORT_MAX), read in keyset pages. */
export async function readAuditLogForExport(
  deps: Pick<AppDeps, 'database'>,
  opts: { actor: Actor; filters: AuditLogFilters },
): Promise<AuditLogPage & { truncated: boolean }> {
  requireAdminActor(opts.actor, 'audit:read:any')
  const db = deps.database.db
  const rows: AuditRow[] = []
  let before: number | undefined
  for (;;) {
    const page = await listAudit(db, { ...toQuery(opts.filters), beforeId: before, limit: 1_000 })
    rows.push(...page)
    if (page.length < 1_000 || rows.length >= AUDIT_EXPORT_MAX) break
    before = page[page.length - 1]!.id
  }
  const kept = rows.slice(0, AUDIT_EXPORT_MAX)
  const [names, entities] = await Promise.all([unsafeUserNames(db, userIdsOf(kept)), unsafeEntityLabels(db, entityIdsOf(kept))])
  return { rows: kept, names, entities, truncated: rows.length > AUDIT_EXPORT_MAX }
}

export type ChainState = {
  head: ChainHead | undefined
  /** The latest recorded verification (`npm run audit:verify` or the audit page's button). */
  lastCheck: { at: Date; ok: boolean; auditId?: number } | undefined
}

export async function readAuditChainState(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<ChainState> {
  requireAdminActor(opts.actor, 'audit:read:any')
  const db = deps.database.db
  const head = await findChainHead(db)
  const check = await findLastChainCheck(db)
  const parsed = check ? AuditEvent.safeParse(check.payload) : undefined
  const event = parsed?.success && parsed.data.action === 'audit.chain_verified' ? parsed.data : undefined
  return { head, lastCheck: check && event ? { at: check.at, ok: event.ok, ...(event.auditId !== undefined ? { auditId: event.auditId } : {}) } : undefined }
}
