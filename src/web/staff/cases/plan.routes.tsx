/**
 * The supervision plan for AMLO staff under /staff/plans (issue 8, domain.md §7):
 *
 *   GET  /plans                           a cycle's plan versions, one plan's items, the propose form
 *   POST /plans/propose                   propose a new version from the ratings and capacities
 *   POST /plans/:planId/items             add a business to a proposed plan (supervisor)
 *   POST /plans/:planId/items/:itemId     change (type, examiner, due month) or remove an item (supervisor)
 *   POST /plans/:planId/approve           approve with confirmation: opens the cases (supervisor)
 *
 * Reading and proposing need `cases:work:any`; adjusting and approving `cases:approve:any` (R5).
 * A refused post re-renders the page (422) with the message; success answers 303 with a flash.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { adjustPlan } from '#src/cases/adjust-plan.ts'
import { approvePlan } from '#src/cases/approve-plan.ts'
import { getPlanView } from '#src/cases/get-plan-view.ts'
import { proposePlan } from '#src/cases/propose-plan.ts'
import { can } from '#src/identity/permissions.ts'
import { AppError, isAppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { PlanPage, planHref, type PlanProblem } from './plan-page.tsx'

const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>
const text = (v: unknown) => (typeof v === 'string' ? v : '')
const keyOf = (req: FastifyRequest) => text(bodyOf(req).idempotencyKey).slice(0, 100) || randomUUID()
const EXAMINERS_MAX = 500

export const planRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const work = { preHandler: requirePermission('cases:work:any') }
  const approve = { preHandler: requirePermission('cases:approve:any') }

  app.get<{ Querystring: { cycle?: unknown; plan?: unknown } }>('/plans', work, async (req, reply) => {
    const view = await getPlanView(deps, { actor: req.actor, cycleCode: text(req.query.cycle).slice(0, 40), planId: text(req.query.plan).slice(0, 40) })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <PlanPage ctx={ctx} view={view} canApprove={can(req.actor, 'cases:approve:any')} formKey={randomUUID()} flash={flash} />)
  })

  /** Runs one change; a refusal re-renders the plan page (422) with the message and what was typed. */
  async function act(req: FastifyRequest, reply: FastifyReply, where: { cycle: string; planId?: string }, problem: Omit<PlanProblem, 'messageKey' | 'values'>, run: () => Promise<{ to: string; done: Parameters<typeof setFlash>[1]; params?: Record<string, string> }>) {
    try {
      const { to, done, params } = await run()
      setFlash(req, done, params)
      return respond(req, reply).redirect(to)
    } catch (e) {
      if (!isAppError(e) || !['VALIDATION', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'].includes(e.code) || !e.messageKey || !isMessageKey(e.messageKey)) throw e
      const messageKey = e.messageKey
      const view = await getPlanView(deps, { actor: req.actor, cycleCode: where.cycle, planId: where.planId })
      return respond(req, reply).invalid((ctx) => <PlanPage ctx={ctx} view={view} canApprove={can(req.actor, 'cases:approve:any')} formKey={randomUUID()} problem={{ ...problem, messageKey, values: bodyOf(req) }} />)
    }
  }

  app.post('/plans/propose', work, (req, reply) => {
    const b = bodyOf(req)
    const cycle = text(b.cycle).slice(0, 40)
    return act(req, reply, { cycle }, { form: 'propose' }, async () => {
      const examiners: { userId: string; capacity: number }[] = []
      for (let n = 0; n < EXAMINERS_MAX && b[`examiner_${n}`] !== undefined; n++) {
        const raw = text(b[`capacity_${n}`]).trim()
        if (!raw) continue
        if (!/^\d{1,4}$/.test(raw)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.examiners' })
        if (Number(raw) > 0) examiners.push({ userId: text(b[`examiner_${n}`]), capacity: Number(raw) })
      }
      if (!examiners.length) throw new AppError('VALIDATION', { messageKey: 'casework.plans.errors.noCapacity' })
      const result = await proposePlan(deps, { actor: req.actor, cycleCode: cycle, examiners, idempotencyKey: keyOf(req) })
      return { to: planHref(cycle, result.plan.id), done: 'casework.plans.flash.proposed', params: { planned: String(result.items.length), over: String(result.overCapacity.length) } }
    })
  })

  app.post<{ Params: { planId: string } }>('/plans/:planId/items', approve, (req, reply) => {
    const b = bodyOf(req)
    const cycle = text(b.cycle)
    return act(req, reply, { cycle, planId: req.params.planId }, { form: 'add' }, async () => {
      await adjustPlan(deps, { actor: req.actor, planId: req.params.planId, change: 'add', juristicId: text(b.juristicId).slice(0, 20), caseType: text(b.caseType), assigneeUserId: text(b.assignee) || null, dueMonth: text(b.dueMonth).trim() })
      return { to: planHref(undefined, req.params.planId), done: 'casework.plans.flash.added' }
    })
  })

  app.post<{ Params: { planId: string; itemId: string } }>('/plans/:planId/items/:itemId', approve, (req, reply) => {
    const b = bodyOf(req)
    const remove = text(b.op) === 'remove'
    return act(req, reply, { cycle: '', planId: req.params.planId }, { form: 'item', itemId: req.params.itemId }, async () => {
      await adjustPlan(
        deps,
        remove
          ? { actor: req.actor, planId: req.params.planId, change: 'remove', itemId: req.params.itemId }
          : { actor: req.actor, planId: req.params.planId, change: 'update', itemId: req.params.itemId, caseType: text(b.caseType), assigneeUserId: text(b.assignee) || null, dueMonth: text(b.dueMonth).trim() },
      )
      return { to: planHref(undefined, req.params.planId), done: remove ? 'casework.plans.flash.removed' : 'casework.plans.flash.updated' }
    })
  })

  app.post<{ Params: { planId: string } }>('/plans/:planId/approve', approve, (req, reply) =>
    act(req, reply, { cycle: '', planId: req.params.planId }, { form: 'approve' }, async () => {
      if (text(bodyOf(req).confirm) !== 'yes') throw new AppError('VALIDATION', { messageKey: 'casework.plans.errors.confirm' })
      const result = await approvePlan(deps, { actor: req.actor, planId: req.params.planId, idempotencyKey: keyOf(req) })
      return { to: planHref(undefined, req.params.planId), done: 'casework.plans.flash.approved', params: { count: String(result.casesOpened) } }
    }),
  )
}
