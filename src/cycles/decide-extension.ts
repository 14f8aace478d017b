/**
 * AMLO staff decide a business's extension request (use case, supervisors and admins, R3): grant
 * it — with the requested date or another one, always after the cycle's deadline — or refuse it
 * with a reason. Under the request's row lock (a request is decided once); the decision, its audit
 * row and the e-mail to the business (requester and entity administrators) in one transaction.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findRegistryRowForPrefill } from '#src/submissions/submissions.repo.ts'
import { findCycleById, unsafeLockExtension, updateExtension, type ExtensionRow } from './cycles.repo.ts'
import { deadlineForEntity, enqueueDecisionMails, requireActorWith } from './cycles.shared.ts'
import { bangkokEndOfDay, checkExtensionDate, decideExtension } from './deadline.rules.ts'

export type DecideExtensionOptions =
  | { actor: Actor; extensionId: string; decision: 'grant'; deadlineOn: string; reason?: string | undefined; ip?: string | undefined }
  | { actor: Actor; extensionId: string; decision: 'refuse'; reason: string; ip?: string | undefined }

export type DecideExtensionResult = { ok: true; extension: ExtensionRow } | { ok: false; errors: Record<string, MessageKey> }

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'cycles.extension.errors.notFound' })

export async function decideExtensionRequest(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: DecideExtensionOptions): Promise<DecideExtensionResult> {
  const staff = requireActorWith(opts.actor, 'extensions:decide:any')
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx): Promise<DecideExtensionResult> => {
    const found = await unsafeLockExtension(tx, opts.extensionId)
    if (!found) throw notFound()
    const verdict = decideExtension(found.status, opts.decision)
    if (!verdict.ok) throw new AppError('INVALID_TRANSITION', { messageKey: verdict.messageKey })
    const [cycle, entity] = await Promise.all([findCycleById(tx, found.cycleId), findRegistryRowForPrefill(tx, found.entityId)])
    if (!cycle || !entity) throw notFound()
    const reason = opts.reason?.trim() ? opts.reason.trim() : null
    let updated: ExtensionRow
    let deadline: Date
    if (opts.decision === 'grant') {
      deadline = bangkokEndOfDay(opts.deadlineOn)
      const date = checkExtensionDate(cycle.deadline, deadline)
      if (!date.ok) return { ok: false, errors: { deadlineOn: date.messageKey } }
      updated = await updateExtension(tx, found.id, { status: verdict.next, grantedDeadline: deadline, decisionReason: reason, decidedBy: staff.id, decidedAt: now })
    } else {
      updated = await updateExtension(tx, found.id, { status: verdict.next, grantedDeadline: null, decisionReason: reason, decidedBy: staff.id, decidedAt: now })
      deadline = (await deadlineForEntity(tx, found.entityId, cycle)).deadline
    }
    const ctx = { at: now, actorUserId: staff.id, actorRole: staff.role, ip: opts.ip ?? null }
    const target = { targetType: 'cycle', targetId: cycle.id, entityId: found.entityId } as const
    if (opts.decision === 'grant') await appendAudit(tx, ctx, { action: 'deadline.extension_granted', cycleCode: cycle.code, deadline: deadline.toISOString(), onRequest: true }, target)
    else await appendAudit(tx, ctx, { action: 'deadline.extension_refused', cycleCode: cycle.code }, target)
    await enqueueDecisionMails(tx, {
      entity,
      requesterId: found.requestedBy,
      cycle,
      decision: opts.decision === 'grant' ? 'granted' : 'refused',
      deadline,
      reason,
      baseUrl: deps.config.baseUrl,
      now,
    })
    return { ok: true, extension: updated }
  })
}
