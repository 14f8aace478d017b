/**
 * AMLO staff extend one business's deadline without a request (use case, supervisors and admins,
 * R3): the cycle, the business (its 13-digit registration number), the new date (after the cycle's
 * deadline) and the reason. A request the business has pending is granted by it (so nothing waits
 * for a decision any more); otherwise a granted extension is recorded. Audited; the business is e-mailed.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { findEntityByJuristicId } from '#src/entities/entities.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findCycleByCode } from '#src/submissions/submissions.repo.ts'
import { findPendingExtension, insertExtension, updateExtension, type ExtensionRow } from './cycles.repo.ts'
import type { ExtendDeadlineInput } from './cycles.schemas.ts'
import { enqueueDecisionMails, requireActorWith } from './cycles.shared.ts'
import { bangkokEndOfDay, checkExtensionDate } from './deadline.rules.ts'

export type ExtendDeadlineResult = { ok: true; extension: ExtensionRow; entityName: string } | { ok: false; errors: Record<string, MessageKey> }

export async function extendDeadline(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: { actor: Actor; input: ExtendDeadlineInput; ip?: string | undefined }): Promise<ExtendDeadlineResult> {
  const staff = requireActorWith(opts.actor, 'extensions:decide:any')
  const db = deps.database.db
  const { input } = opts
  const [cycle, entity] = await Promise.all([findCycleByCode(db, input.cycle), findEntityByJuristicId(db, input.juristicId)])
  const errors: Record<string, MessageKey> = {}
  if (!cycle) errors.cycle = 'cycles.errors.notFound'
  if (!entity) errors.juristicId = 'cycles.extension.errors.businessNotFound'
  const deadline = bangkokEndOfDay(input.deadlineOn)
  if (cycle) {
    const date = checkExtensionDate(cycle.deadline, deadline)
    if (!date.ok) errors.deadlineOn = date.messageKey
  }
  if (!cycle || !entity || Object.keys(errors).length) return { ok: false, errors }
  const now = deps.clock.now()
  return db.transaction(async (tx): Promise<ExtendDeadlineResult> => {
    const pending = await findPendingExtension(tx, entity.id, cycle.id)
    const decided = { status: 'granted' as const, grantedDeadline: deadline, decisionReason: input.reason, decidedBy: staff.id, decidedAt: now }
    const extension = pending ? await updateExtension(tx, pending.id, decided) : await insertExtension(tx, { cycleId: cycle.id, entityId: entity.id, ...decided, createdAt: now })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role, ip: opts.ip ?? null },
      { action: 'deadline.extension_granted', cycleCode: cycle.code, deadline: deadline.toISOString(), onRequest: !!pending },
      { targetType: 'cycle', targetId: cycle.id, entityId: entity.id },
    )
    await enqueueDecisionMails(tx, { entity, requesterId: pending?.requestedBy ?? null, cycle, decision: 'granted', deadline, reason: input.reason, baseUrl: deps.config.baseUrl, now })
    return { ok: true, extension, entityName: entity.nameTh }
  })
}
