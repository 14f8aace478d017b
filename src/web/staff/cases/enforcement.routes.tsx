/**
 * Escalation and enforcement for AMLO staff under /staff/cases (§8.5; issue 8):
 *
 *   GET  /cases/enforcement.csv                  every enforcement measure as CSV (statistics)
 *   POST /cases/:caseId/escalations              take the escalation steps due now (escalateCase)
 *   POST /cases/:caseId/measures                 record an enforcement measure (a referral case)
 *   POST /cases/:caseId/measures/:measureId      update a measure's payment and appeal status
 *
 * Every route declares `cases:work:any` (examiners and supervisors, R5). Forms work without
 * JavaScript: a refused post re-renders the case page (422) with the message at its field and in
 * the error summary; success answers 303 with a flash. Idempotency keys come from the form.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { escalateCase } from '#src/cases/escalate-case.ts'
import { exportEnforcementMeasures } from '#src/cases/export-enforcement-measures.ts'
import { getCaseView } from '#src/cases/get-case-view.ts'
import { MEASURE_FIELDS, recordEnforcementMeasure, updateEnforcementMeasure, type MeasureField } from '#src/cases/record-enforcement-measure.ts'
import { isAppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import { setFlash, type Flash } from '#src/web/lib/flash.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { toCsv } from '#src/web/staff/queue-export.ts'
import { CasePage, type CaseForm } from './case-page.tsx'
import { dueDateInput } from './cases.routes.tsx'
import { measuresTable } from './enforcement-export.ts'
import { measureFieldId, measureStatusFieldId } from './enforcement-section.tsx'
import { caseHref } from './inbox-page.tsx'

type CaseParams = { Params: { caseId: string } }
type MeasureParams = { Params: { caseId: string; measureId: string } }
const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>
const text = (v: unknown) => (typeof v === 'string' ? v : '')
/** The form's idempotency key, or a fresh one when it is missing (a hand-made post). */
const keyOf = (req: FastifyRequest) => text(bodyOf(req).idempotencyKey).slice(0, 100) || randomUUID()
const isMeasureField = (v: unknown): v is MeasureField => typeof v === 'string' && (MEASURE_FIELDS as readonly string[]).includes(v)

export const enforcementRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cases:work:any') }

  app.get('/cases/enforcement.csv', guard, async (req, reply) => {
    const rows = await exportEnforcementMeasures(deps, { actor: req.actor })
    reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="amrac-enforcement-measures.csv"')
    return reply.type('text/csv; charset=utf-8').send(toCsv(measuresTable(req.t, req.locale, rows)))
  })

  /**
   * Runs one action; a refusal re-renders the case page (422) with the message at `fieldOf(error)`.
   * `done` names the flash after success (from the use case's result).
   */
  async function act<R>(req: FastifyRequest<CaseParams>, reply: FastifyReply, form: CaseForm, run: () => Promise<R>, done: (r: R) => Flash, fieldOf: (params: Record<string, string | number> | undefined) => string) {
    let result: R
    try {
      result = await run()
    } catch (e) {
      if (!isAppError(e) || !['VALIDATION', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'].includes(e.code) || !e.messageKey || !isMessageKey(e.messageKey)) throw e
      const messageKey = e.messageKey
      const fieldId = fieldOf(e.params)
      const view = await getCaseView(deps, { actor: req.actor, caseId: req.params.caseId })
      return respond(req, reply).invalid((ctx) => <CasePage ctx={ctx} view={view} formKey={randomUUID()} problem={{ form, messageKey, values: bodyOf(req), fieldId }} />)
    }
    const flash = done(result)
    setFlash(req, flash.key, flash.params)
    return respond(req, reply).redirect(caseHref(req.params.caseId))
  }

  app.post<CaseParams>('/cases/:caseId/escalations', guard, (req, reply) =>
    act(
      req,
      reply,
      'escalation',
      () => escalateCase(deps, { actor: req.actor, caseId: req.params.caseId, idempotencyKey: keyOf(req) }),
      (r) => (r.steps.length ? { key: 'enforcement.flash.escalated', params: { count: String(r.steps.length) } } : { key: 'enforcement.flash.nothingDue' }),
      () => 'escalation-error',
    ),
  )

  app.post<CaseParams>('/cases/:caseId/measures', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(
      req,
      reply,
      'measure',
      () =>
        recordEnforcementMeasure(deps, {
          actor: req.actor,
          caseId: req.params.caseId,
          input: {
            measure: text(b.measure),
            legalProvision: text(b.legalProvision),
            amount: text(b.amount),
            decisionBody: text(b.decisionBody),
            decidedOn: dueDateInput(text(b.decidedOn)),
            paymentStatus: text(b.paymentStatus),
            appealStatus: text(b.appealStatus),
          },
          idempotencyKey: keyOf(req),
        }),
      () => ({ key: 'enforcement.flash.measureRecorded' }),
      (params) => measureFieldId(isMeasureField(params?.field) ? params.field : 'measure'),
    )
  })

  app.post<MeasureParams>('/cases/:caseId/measures/:measureId', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(
      req,
      reply,
      'measureStatus',
      () => updateEnforcementMeasure(deps, { actor: req.actor, caseId: req.params.caseId, measureId: req.params.measureId, paymentStatus: text(b.paymentStatus), appealStatus: text(b.appealStatus), idempotencyKey: keyOf(req) }),
      (r) => ({ key: r.changed ? 'enforcement.flash.measureUpdated' : 'enforcement.flash.measureUnchanged' }),
      (params) => measureStatusFieldId(req.params.measureId, params?.field === 'appealStatus' ? 'appealStatus' : 'paymentStatus'),
    )
  })
}
