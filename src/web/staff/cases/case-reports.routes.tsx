/**
 * Case reports for AMLO staff (issue 8; registered under /staff):
 *
 *   POST /cases/:caseId/draft-report                              send the draft report to the business (sendDraftReport)
 *   POST /cases/:caseId/final-report                              issue the final report (issueFinalReport; a supervisor)
 *   GET  /cases/:caseId/reports/:reportId.pdf                     the draft or final report (Thai PDF)
 *
 * `cases:work:any` like every case route; the rules decide who may do what. Forms work without
 * JavaScript: a refused post re-renders the case page (422) with the message at its field and what
 * was typed; success answers 303 to the case page with a flash.
 */
import type { FastifyPluginAsync } from 'fastify'
import { getCaseReportDocument } from '#src/cases/get-case-reports.ts'
import { issueFinalReport } from '#src/cases/issue-final-report.ts'
import { sendDraftReport } from '#src/cases/send-draft-report.ts'
import type { AppError } from '#src/platform/errors.ts'
import { caseReportFileName, renderCaseReportPdf } from '#src/reports/case-report-document.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { sendPdf } from '#src/web/lib/send-pdf.ts'
import { bodyOf, caseActionRunner, keyOf, text, type CaseParams } from './case-action.tsx'
import { REPORTS_SECTION_ID } from './case-reports-section.tsx'
import { dueDateInput } from './cases.routes.tsx'


/**
 * Where the error summary links for a refusal: the field it names (reportText's `params.field`, the
 * due date); the report section itself when the step is no longer open — another officer sent the
 * report or moved the case (CONFLICT, INVALID_TRANSITION) — as the form may be gone.
 */
function fieldOf(form: 'draftReport' | 'finalReport', e: AppError): string {
  if (e.code === 'CONFLICT' || e.code === 'INVALID_TRANSITION') return REPORTS_SECTION_ID
  if (e.messageKey === 'cases.errors.dueOn') return 'responseDueOn'
  const prefix = form === 'draftReport' ? 'draft' : 'final'
  if (e.params?.field === 'conclusion') return `${prefix}Conclusion`
  if (e.params?.field === 'responseAssessment') return 'responseAssessment'
  return `${prefix}Summary`
}

export const caseReportRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cases:work:any') }

  const act = caseActionRunner(deps)

  app.post<CaseParams>('/cases/:caseId/draft-report', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'draftReport',
      run: () => sendDraftReport(deps, { actor: req.actor, caseId: req.params.caseId, summary: text(b.summary), conclusion: text(b.conclusion), responseDueOn: dueDateInput(text(b.responseDueOn)), idempotencyKey: keyOf(req) }),
      done: 'casework.reports.flash.draftSent',
      fieldOf: (e) => fieldOf('draftReport', e),
    })
  })

  app.post<CaseParams>('/cases/:caseId/final-report', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'finalReport',
      run: () => issueFinalReport(deps, { actor: req.actor, caseId: req.params.caseId, summary: text(b.summary), conclusion: text(b.conclusion), responseAssessment: text(b.responseAssessment), idempotencyKey: keyOf(req) }),
      done: 'casework.reports.flash.finalIssued',
      fieldOf: (e) => fieldOf('finalReport', e),
    })
  })

  // Each PDF is a Chromium print: the same per-IP limit as the other PDFs.
  const pdfLimit = app.rateLimit({ max: deps.config.pdfRateLimitPerMinute, timeWindow: '1 minute' })
  app.get<{ Params: { caseId: string; reportId: string } }>('/cases/:caseId/reports/:reportId.pdf', { preHandler: [pdfLimit, requirePermission('cases:work:any')] }, async (req, reply) => {
    const data = await getCaseReportDocument(deps, { actor: req.actor, caseId: req.params.caseId, reportId: req.params.reportId })
    return sendPdf(reply, caseReportFileName(data), () => renderCaseReportPdf(deps.pdf, data))
  })
}
