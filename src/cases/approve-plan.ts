/**
 * A supervisor approves a proposed supervision plan (use case; R3): the plan is frozen and one
 * case is opened, `planned`, per item within capacity (over-capacity items stay in the plan as
 * proposed and open nothing). One transaction: the plan row is locked, so approving twice opens
 * the cases once; a retry of an approved plan answers `duplicate` without writing.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { can, type Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendCaseEvents, findCycleCodeById, hasApprovedPlan, insertCases, linkPlanItemsToCases, listPlanItems, lockPlan, setPlanApproved, type CaseRow, type PlanRow } from './cases.repo.ts'
import { requireCaseWorker, storedKey } from './cases.shared.ts'
import { dueOnAfterTransition } from './sla.rules.ts'

const PAGE = 1000

export type ApprovePlanOptions = { actor: Actor; planId: string; idempotencyKey: string }

export async function approvePlan(deps: Pick<AppDeps, 'database' | 'clock'>, opts: ApprovePlanOptions): Promise<{ plan: PlanRow; casesOpened: number; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  if (!can(staff, 'cases:approve:any')) throw new AppError('FORBIDDEN', { messageKey: 'cases.errors.supervisorOnly' })
  storedKey(staff, opts.idempotencyKey)
  if (!isUuid(opts.planId)) throw new AppError('NOT_FOUND', { messageKey: 'cases.errors.planNotFound' })
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const plan = await lockPlan(tx, opts.planId)
    if (!plan) throw new AppError('NOT_FOUND', { messageKey: 'cases.errors.planNotFound' })
    if (plan.status === 'approved') return { plan, casesOpened: 0, duplicate: true }
    if (plan.status !== 'proposed') throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.planNotProposed' })
    if (await hasApprovedPlan(tx, plan.cycleId)) throw new AppError('CONFLICT', { messageKey: 'cases.errors.planAlreadyApproved' })
    const cycleCode = (await findCycleCodeById(tx, plan.cycleId)) ?? ''
    const items = (await listPlanItems(tx, plan.id)).filter((i) => i.status === 'planned')
    const opened: CaseRow[] = []
    for (let i = 0; i < items.length; i += PAGE) {
      const page = items.slice(i, i + PAGE)
      opened.push(
        ...(await insertCases(
          tx,
          page.map((item) => ({
            type: item.caseType,
            status: 'planned',
            entityId: item.entityId,
            cycleId: plan.cycleId,
            planItemId: item.id,
            scope: item.scope,
            assigneeUserId: item.assigneeUserId,
            targetDate: item.dueOn,
            dueOn: dueOnAfterTransition({ from: null, to: 'planned', at: now, currentDueOn: null, targetDate: item.dueOn }),
            statusChangedAt: now,
            openedAt: now,
            openedBy: staff.id,
            updatedAt: now,
          })),
        )),
      )
    }
    for (let i = 0; i < opened.length; i += PAGE) {
      await appendCaseEvents(
        tx,
        opened.slice(i, i + PAGE).map((c) => ({ caseId: c.id, at: now, actorUserId: staff.id, idempotencyKey: null, event: { kind: 'opened', caseType: c.type, source: 'plan', planId: plan.id } })),
      )
    }
    await linkPlanItemsToCases(tx, opened.map((c) => ({ itemId: c.planItemId!, caseId: c.id })))
    await setPlanApproved(tx, plan.id, staff.id, now)
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'plan.approved', planId: plan.id, cycleCode, version: plan.version, casesOpened: opened.length },
      { targetType: 'plan', targetId: plan.id },
    )
    return { plan: { ...plan, status: 'approved', approvedBy: staff.id, approvedAt: now }, casesOpened: opened.length, duplicate: false }
  })
}
