/**
 * Bulk assign and bulk close from the inbox (issue 8; use case; R3). Each case goes through the
 * single-case use case (assignCase, changeCaseStatus) in its own transaction, so every rule
 * applies as it would on the case page; a case refused by the rules is reported with the reason's
 * message key and the others go ahead. A retry with the same key changes nothing twice.
 */
import type { Actor } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { isAppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { assignCase } from './assign-case.ts'
import { changeCaseStatus } from './change-case-status.ts'
import { listCaseRefs } from './case-inbox.repo.ts'
import { requireCaseWorker, storedKey } from './cases.shared.ts'

/** At most this many cases per request (one page of the inbox is 50). */
export const BULK_MAX = 200

export type BulkOutcome = { caseId: string; number: number | null; ok: true } | { caseId: string; number: number | null; ok: false; messageKey: MessageKey }

type Deps = Pick<AppDeps, 'database' | 'clock'>

async function eachCase(deps: Deps, actor: Actor, caseIds: readonly string[], idempotencyKey: string, run: (caseId: string, key: string) => Promise<unknown>): Promise<BulkOutcome[]> {
  const staff = requireCaseWorker(actor)
  storedKey(staff, idempotencyKey)
  const ids = [...new Set(caseIds.filter(isUuid))].slice(0, BULK_MAX)
  const numbers = new Map((await listCaseRefs(deps.database.db, ids)).map((r) => [r.id, r.number]))
  const out: BulkOutcome[] = []
  for (const caseId of ids) {
    const number = numbers.get(caseId) ?? null
    try {
      await run(caseId, `${idempotencyKey}:${caseId}`)
      out.push({ caseId, number, ok: true })
    } catch (e) {
      if (!isAppError(e) || !e.messageKey || ['UNAUTHENTICATED', 'BAD_REQUEST'].includes(e.code)) throw e
      out.push({ caseId, number, ok: false, messageKey: e.messageKey as MessageKey })
    }
  }
  return out
}

export const bulkAssignCases = (deps: Deps, opts: { actor: Actor; caseIds: readonly string[]; assigneeUserId: string | null; idempotencyKey: string }) =>
  eachCase(deps, opts.actor, opts.caseIds, opts.idempotencyKey, (caseId, key) => assignCase(deps, { actor: opts.actor, caseId, assigneeUserId: opts.assigneeUserId, idempotencyKey: key }))

export const bulkCloseCases = (deps: Deps, opts: { actor: Actor; caseIds: readonly string[]; reason?: string | null; idempotencyKey: string }) =>
  eachCase(deps, opts.actor, opts.caseIds, opts.idempotencyKey, (caseId, key) => changeCaseStatus(deps, { actor: opts.actor, caseId, action: 'close', reason: opts.reason ?? null, idempotencyKey: key }))
