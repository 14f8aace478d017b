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
import type { FastifyPluginAsync } from 'fastify'
import { escalateCase } from '#src/cases/escalate-case.ts'
import { exportEnforcementMeasures } from '#src/cases/export-enforcement-measures.ts'
import { MEASURE_FIELDS, recordEnforcementMeasure, updateEnforcementMeasure, type MeasureField } from '#src/cases/record-enforcement-measure.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { toCsv } from '#src/web/staff/queue-export.ts'
import { bodyOf, caseActionRunner, keyOf, text, type CaseParams } from './case-action.tsx'
import { dueDateInput } from './cases.routes.tsx'
import { measuresTable } from './enforcement-export.ts'
import { measureFieldId, measureStatusFieldId } from './enforcement-section.tsx'

type MeasureParams = { Params: { caseId: string; measureId: string } }
const isMeasureField = (v: unknown): v is MeasureField => typeof v === 'string' && (MEASURE_FIELDS as readonly string[]).includes(v)

export const enforcementRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cases:work:any') }

  app.get('/cases/enforcement.csv', guard, async (req, reply) => {
    const rows = await exportEnforcementMeasures(deps, { actor: req.actor })
    reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="amrac-enforcement-measures.csv"')
    return reply.type('text/csv; charset=utf-8').send(toCsv(measuresTable(req.t, req.locale, rows)))
  })

  const act = caseActionRunner(deps)

  app.post<CaseParams>('/cases/:caseId/escalations', guard, (req, reply) =>
    act(req, reply, {
      form: 'escalation',
      run: () => escalateCase(deps, { actor: req.actor, caseId: req.params.caseId, idempotencyKey: keyOf(req) }),
      // A retry of the same form (double click) says so, not "nothing was due": its steps were taken the first time.
      done: (r) => (r.duplicate ? { key: 'enforcement.flash.alreadyApplied' } : r.steps.length ? { key: 'enforcement.flash.escalated', params: { count: String(r.steps.length) } } : { key: 'enforcement.flash.nothingDue' }),
      fieldOf: () => 'escalation-error',
    }),
  )

  app.post<CaseParams>('/cases/:caseId/measures', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'measure',
      run: () =>
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
      done: 'enforcement.flash.measureRecorded',
      fieldOf: (e) => measureFieldId(isMeasureField(e.params?.field) ? e.params.field : 'measure'),
    })
  })

  app.post<MeasureParams>('/cases/:caseId/measures/:measureId', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'measureStatus',
      run: () => updateEnforcementMeasure(deps, { actor: req.actor, caseId: req.params.caseId, measureId: req.params.measureId, paymentStatus: text(b.paymentStatus), appealStatus: text(b.appealStatus), idempotencyKey: keyOf(req) }),
      done: (r) => ({ key: r.changed ? 'enforcement.flash.measureUpdated' : 'enforcement.flash.measureUnchanged' }),
      fieldOf: (e) => measureStatusFieldId(req.params.measureId, e.params?.field === 'appealStatus' ? 'appealStatus' : 'paymentStatus'),
    })
  })
}
