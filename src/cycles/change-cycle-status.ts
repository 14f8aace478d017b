/**
 * Closing a cycle (no more drafts or submissions) or reopening it (use case, cycle admins only,
 * R3): status rule checked under the cycle's row lock, the change and its audit row in one transaction.
 */
import type { AuditEvent } from '#src/audit/audit-events.model.ts'
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { Cycle } from '#src/submissions/submissions.repo.ts'
import { decideCycleAction, isCycleStatus, type CycleAction } from './cycle-status.rules.ts'
import { lockCycle, updateCycle } from './cycles.repo.ts'
import { cycleNotFound, requireActorWith } from './cycles.shared.ts'

const AUDIT_EVENT = {
  close: (code: string) => ({ action: 'cycle.closed', code }) as const,
  reopen: (code: string) => ({ action: 'cycle.reopened', code }) as const,
} satisfies Record<CycleAction, (code: string) => AuditEvent>

export async function changeCycleStatus(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; code: string; action: CycleAction; ip?: string | undefined }): Promise<Cycle> {
  const actor = requireActorWith(opts.actor, 'cycles:manage:any')
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const cycle = await lockCycle(tx, opts.code)
    if (!cycle || !isCycleStatus(cycle.status)) throw cycleNotFound()
    const decision = decideCycleAction(cycle.status, opts.action)
    if (!decision.ok) throw new AppError('INVALID_TRANSITION', { messageKey: decision.messageKey })
    const updated = await updateCycle(tx, cycle.id, { status: decision.next, statusChangedAt: now })
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip ?? null }, AUDIT_EVENT[opts.action](cycle.code), { targetType: 'cycle', targetId: cycle.id })
    return updated
  })
}
