/**
 * A business asks AMLO for more time to file a cycle (use case, entity users, R3): the date it asks
 * for (the end of that day in Bangkok, after the cycle's deadline) and why. Refused while the cycle
 * is closed, once the assessment is submitted, or while another request waits for a decision (one
 * pending request per business per cycle, also held by a unique index). Audited.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findAssessment } from '#src/submissions/submissions.repo.ts'
import { requireCycle, requireEntityActor } from '#src/submissions/submissions.shared.ts'
import { acceptsFilings } from './cycle-status.rules.ts'
import { findPendingExtension, insertExtensionRequest, type ExtensionRow } from './cycles.repo.ts'
import type { RequestExtensionInput } from './cycles.schemas.ts'
import { bangkokEndOfDay, checkExtensionDate } from './deadline.rules.ts'

export type RequestExtensionResult = { ok: true; extension: ExtensionRow } | { ok: false; errors: Record<string, MessageKey> }

const refuse = (messageKey: MessageKey) => new AppError('INVALID_TRANSITION', { messageKey })

/** Why the business cannot ask now, or undefined when it can (the task list hides the link then). */
export function requestBlocker(cycle: { status: string }, assessmentStatus: string | undefined, hasPending: boolean): MessageKey | undefined {
  if (!acceptsFilings(cycle)) return 'cycles.errors.cycleClosed'
  if (assessmentStatus === 'submitted' || assessmentStatus === 'accepted') return 'cycles.extension.errors.alreadySubmitted'
  if (hasPending) return 'cycles.extension.errors.pending'
  return undefined
}

export async function requestExtension(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; cycleCode: string; input: RequestExtensionInput; ip?: string | undefined }): Promise<RequestExtensionResult> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  const cycle = await requireCycle(db, opts.cycleCode)
  const requested = bangkokEndOfDay(opts.input.deadlineOn)
  const now = deps.clock.now()
  return db.transaction(async (tx): Promise<RequestExtensionResult> => {
    const assessment = await findAssessment(tx, actor.entityId, cycle.id)
    const blocker = requestBlocker(cycle, assessment?.status, !!(await findPendingExtension(tx, actor.entityId, cycle.id)))
    if (blocker) throw refuse(blocker)
    const date = checkExtensionDate(cycle.deadline, requested)
    if (!date.ok) return { ok: false, errors: { deadlineOn: date.messageKey } }
    const extension = await insertExtensionRequest(tx, {
      cycleId: cycle.id,
      entityId: actor.entityId,
      status: 'requested',
      requestedDeadline: requested,
      requestReason: opts.input.reason,
      requestedBy: actor.id,
      requestedAt: now,
      createdAt: now,
    })
    if (!extension) throw refuse('cycles.extension.errors.pending') // a parallel request won
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip ?? null },
      { action: 'deadline.extension_requested', cycleCode: cycle.code, requestedDeadline: requested.toISOString() },
      { targetType: 'cycle', targetId: cycle.id, entityId: actor.entityId },
    )
    return { ok: true, extension }
  })
}
