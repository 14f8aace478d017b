/**
 * A supervisor adjusts a proposed supervision plan before approving it (issue 8; use case; R3):
 * change an item's case type, examiner or due month, remove an item, or add a business of the
 * cycle that has a rating in force. An item with an examiner is planned (approval opens its case);
 * one without stays over capacity. Only a proposed plan changes; each change is audited.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { can, type Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { Rating } from '#src/review/review.model.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { deletePlanItem, findEntityByJuristicId, findPlanItem, insertPlanItem, listPlanItemsWithNames, maxPlanRank, updatePlanItem } from './case-inbox.repo.ts'
import { isCaseType, type CaseType } from './case-status.rules.ts'
import { findCycleCodeById, listCaseWorkers, listPlanCandidates, lockPlan, type PlanRow } from './cases.repo.ts'
import { requireCaseWorker } from './cases.shared.ts'
import type { PlanReason, PlanScope } from './plan.rules.ts'
import { addDays, addMonths, bangkokDay } from './sla.rules.ts'

/** The case types a plan proposes (§7); the others open from triggers, not the plan. */
export const PLAN_CASE_TYPES = ['onsite_inspection', 'desk_review'] as const satisfies readonly CaseType[]
type PlanCaseType = (typeof PLAN_CASE_TYPES)[number]
const isPlanCaseType = (v: string): v is PlanCaseType => isCaseType(v) && (PLAN_CASE_TYPES as readonly string[]).includes(v)

/** The §7 reason and scope an item of this rating and type stands for (R7: every rating says). */
const SHAPE = {
  high: { onsite_inspection: ['high_onsite', 'full'], desk_review: ['medium_high_desk', 'standard'] },
  medium_high: { onsite_inspection: ['medium_high_onsite', 'risk_focused'], desk_review: ['medium_high_desk', 'standard'] },
  medium_low: { onsite_inspection: ['medium_low_onsite_sample', 'sample'], desk_review: ['medium_low_desk', 'standard'] },
  low: { onsite_inspection: ['medium_low_onsite_sample', 'sample'], desk_review: ['low_desk_sample', 'sample'] },
} as const satisfies Record<Rating, Record<PlanCaseType, readonly [PlanReason, PlanScope]>>

/** `yyyy-mm` (this month or later) → the last day of that month. */
function dueOnOfMonth(month: string, now: Date): string {
  const ok = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) && month >= bangkokDay(now).slice(0, 7)
  if (!ok) throw new AppError('VALIDATION', { messageKey: 'casework.plans.errors.month' })
  return addDays(addMonths(`${month}-01`, 1), -1)
}

export type AdjustPlanOptions = { actor: Actor; planId: string } & (
  | { change: 'update'; itemId: string; caseType: string; assigneeUserId: string | null; dueMonth: string }
  | { change: 'remove'; itemId: string }
  | { change: 'add'; juristicId: string; caseType: string; assigneeUserId: string | null; dueMonth: string }
)

export async function adjustPlan(deps: Pick<AppDeps, 'database' | 'clock'>, opts: AdjustPlanOptions): Promise<{ plan: PlanRow }> {
  const staff = requireCaseWorker(opts.actor)
  if (!can(staff, 'cases:approve:any')) throw new AppError('FORBIDDEN', { messageKey: 'cases.errors.supervisorOnly' })
  if (!isUuid(opts.planId)) throw new AppError('NOT_FOUND', { messageKey: 'cases.errors.planNotFound' })
  const db = deps.database.db
  const now = deps.clock.now()
  const fields =
    opts.change === 'remove'
      ? undefined
      : {
          caseType: isPlanCaseType(opts.caseType) ? opts.caseType : (() => { throw new AppError('VALIDATION', { messageKey: 'casework.plans.errors.caseType' }) })(),
          dueOn: dueOnOfMonth(opts.dueMonth, now),
          assigneeUserId: opts.assigneeUserId,
        }
  if (fields?.assigneeUserId && (!isUuid(fields.assigneeUserId) || (await listCaseWorkers(db, [fields.assigneeUserId])).length !== 1)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.assignee' })
  return db.transaction(async (tx) => {
    const plan = await lockPlan(tx, opts.planId)
    if (!plan) throw new AppError('NOT_FOUND', { messageKey: 'cases.errors.planNotFound' })
    if (plan.status !== 'proposed') throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.planNotProposed' })
    const items = await listPlanItemsWithNames(tx, plan.id)
    const clash = (entityId: string, caseType: string, exceptId?: string) => items.some((i) => i.entityId === entityId && i.caseType === caseType && i.id !== exceptId)
    let entityId: string
    if (opts.change === 'add') {
      const entity = await findEntityByJuristicId(tx, opts.juristicId.replace(/[\s-]/g, ''))
      const rated = entity ? (await listPlanCandidates(tx, plan.cycleId, now)).find((c) => c.entityId === entity.id) : undefined
      if (!rated) throw new AppError('VALIDATION', { messageKey: 'casework.plans.errors.notRated' })
      if (clash(rated.entityId, fields!.caseType)) throw new AppError('CONFLICT', { messageKey: 'casework.plans.errors.duplicate' })
      const [reason, scope] = SHAPE[rated.rating][fields!.caseType]
      await insertPlanItem(tx, {
        planId: plan.id,
        entityId: rated.entityId,
        caseType: fields!.caseType,
        scope,
        reason,
        rating: rated.rating,
        score: rated.score,
        rank: (await maxPlanRank(tx, plan.id)) + 1,
        dueOn: fields!.dueOn,
        status: fields!.assigneeUserId ? 'planned' : 'over_capacity',
        assigneeUserId: fields!.assigneeUserId,
      })
      entityId = rated.entityId
    } else {
      const item = isUuid(opts.itemId) ? await findPlanItem(tx, opts.itemId) : undefined
      if (!item || item.planId !== plan.id) throw new AppError('NOT_FOUND', { messageKey: 'casework.plans.errors.itemNotFound' })
      entityId = item.entityId
      if (opts.change === 'remove') await deletePlanItem(tx, item.id)
      else {
        if (clash(item.entityId, fields!.caseType, item.id)) throw new AppError('CONFLICT', { messageKey: 'casework.plans.errors.duplicate' })
        const [reason, scope] = SHAPE[item.rating][fields!.caseType]
        await updatePlanItem(tx, item.id, { caseType: fields!.caseType, dueOn: fields!.dueOn, assigneeUserId: fields!.assigneeUserId, status: fields!.assigneeUserId ? 'planned' : 'over_capacity', ...(fields!.caseType === item.caseType ? {} : { reason, scope }) })
      }
    }
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'plan.adjusted', planId: plan.id, cycleCode: (await findCycleCodeById(tx, plan.cycleId)) ?? '', version: plan.version, change: opts.change, entityId },
      { targetType: 'plan', targetId: plan.id, entityId },
    )
    return { plan }
  })
}
