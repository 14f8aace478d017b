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
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { getCaseReportDocument } from '#src/cases/get-case-reports.ts'
import { getCaseView } from '#src/cases/get-case-view.ts'
import { issueFinalReport } from '#src/cases/issue-final-report.ts'
import { sendDraftReport } from '#src/cases/send-draft-report.ts'
import { contentDisposition } from '#src/documents/file-names.rules.ts'
import { AppError, isAppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import { caseReportFileName, renderCaseReportPdf } from '#src/reports/case-report-document.tsx'
import { PdfRenderError } from '#src/reports/pdf/pdf-renderer.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { CasePage } from './case-page.tsx'
import { dueDateInput } from './cases.routes.tsx'
import { caseHref } from './inbox-page.tsx'

type CaseParams = { Params: { caseId: string } }
const bodyOf = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>
const text = (v: unknown) => (typeof v === 'string' ? v : '')
const keyOf = (req: FastifyRequest) => text(bodyOf(req).idempotencyKey).slice(0, 100) || randomUUID()

/** The field of the report forms a refusal belongs to (the error summary links to it). */
function fieldOf(form: 'draftReport' | 'finalReport', messageKey: string): string {
  if (messageKey === 'cases.errors.dueOn') return 'responseDueOn'
  if (messageKey === 'casework.reports.errors.assessmentRequired') return 'responseAssessment'
  return form === 'draftReport' ? 'draftSummary' : 'finalSummary'
}

export const caseReportRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cases:work:any') }

  async function act(req: FastifyRequest<CaseParams>, reply: FastifyReply, form: 'draftReport' | 'finalReport', run: () => Promise<unknown>, done: 'casework.reports.flash.draftSent' | 'casework.reports.flash.finalIssued') {
    try {
      await run()
    } catch (e) {
      if (!isAppError(e) || !['VALIDATION', 'CONFLICT', 'INVALID_TRANSITION', 'FORBIDDEN'].includes(e.code) || !e.messageKey || !isMessageKey(e.messageKey)) throw e
      const messageKey = e.messageKey
      const view = await getCaseView(deps, { actor: req.actor, caseId: req.params.caseId })
      return respond(req, reply).invalid((ctx) => <CasePage ctx={ctx} view={view} formKey={randomUUID()} problem={{ form, messageKey, values: bodyOf(req), fieldId: fieldOf(form, messageKey) }} />)
    }
    setFlash(req, done)
    return respond(req, reply).redirect(caseHref(req.params.caseId))
  }

  app.post<CaseParams>('/cases/:caseId/draft-report', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(
      req,
      reply,
      'draftReport',
      () => sendDraftReport(deps, { actor: req.actor, caseId: req.params.caseId, summary: text(b.summary), conclusion: text(b.conclusion), responseDueOn: dueDateInput(text(b.responseDueOn)), idempotencyKey: keyOf(req) }),
      'casework.reports.flash.draftSent',
    )
  })

  app.post<CaseParams>('/cases/:caseId/final-report', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(
      req,
      reply,
      'finalReport',
      () => issueFinalReport(deps, { actor: req.actor, caseId: req.params.caseId, summary: text(b.summary), conclusion: text(b.conclusion), responseAssessment: text(b.responseAssessment), idempotencyKey: keyOf(req) }),
      'casework.reports.flash.finalIssued',
    )
  })

  // Each PDF is a Chromium print: the same per-IP limit as the other PDFs.
  const pdfLimit = app.rateLimit({ max: deps.config.pdfRateLimitPerMinute, timeWindow: '1 minute' })
  app.get<{ Params: { caseId: string; reportId: string } }>('/cases/:caseId/reports/:reportId.pdf', { preHandler: [pdfLimit, requirePermission('cases:work:any')] }, async (req, reply) => {
    const data = await getCaseReportDocument(deps, { actor: req.actor, caseId: req.params.caseId, reportId: req.params.reportId })
    let pdf: Buffer
    try {
      pdf = await renderCaseReportPdf(deps.pdf, data)
    } catch (e) {
      // Chromium could not print: "try again later" (503), never a raw 500.
      if (e instanceof PdfRenderError) throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'errors.page.unavailable.title', cause: e })
      throw e
    }
    return reply
      .type('application/pdf')
      .header('content-disposition', contentDisposition(caseReportFileName(data), 'inline'))
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(pdf)
  })
}
