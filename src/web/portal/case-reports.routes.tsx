/**
 * The business's inspection reports (issue 8; registered under /portal/cases):
 *
 *   GET  /reports/:reportId              its draft or final report (the response form while the draft waits for it)
 *   POST /reports/:reportId              multipart: response text + up to 5 files → respondToDraftReport → 303 back to its page
 *   GET  /reports/:reportId/report.pdf   the report as a Thai PDF
 *   GET  /reports/:reportId/files/:index a file the business sent with its response
 *
 * Every lookup is scoped to the signed-in user's business in SQL: another business's report is 404.
 * Files as in cases.routes.tsx (case-file-uploads.ts): CSRF and the permission are checked before
 * any file byte is read; a refused post (or a retry of one already taken) removes the files it
 * stored; a refused one re-renders the page (case-file-uploads.ts handleCaseUpload).
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import { getBusinessReport, getBusinessReportDocument } from '#src/cases/get-case-reports.ts'
import { respondToDraftReport } from '#src/cases/respond-to-draft-report.ts'
import { caseReportFileName, renderCaseReportPdf } from '#src/reports/case-report-document.tsx'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { takeFlash } from '#src/web/lib/flash.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { sendPdf } from '#src/web/lib/send-pdf.ts'
import { caseFileUploads } from './case-file-uploads.ts'
import { CaseReportPage } from './case-report-page.tsx'
import type { CaseFormState } from './case-task-pages.tsx'
import { caseReportPath } from './case-tasks-section.tsx'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

type ReportParams = { Params: { reportId: string } }

export const caseReportPortalRoutes: FastifyPluginAsync = async (app) => {
  const { config, clock } = app.deps
  const { sendCaseFile, handleCaseUpload } = caseFileUploads(app.deps)
  const guard = requirePermission('portal:access:own')
  const form = (body: FormBody | undefined, extra: Partial<CaseFormState> = {}): CaseFormState => ({ idempotencyKey: str(body?.idempotencyKey) || randomUUID(), ...extra })

  app.get<ReportParams>('/reports/:reportId', { preHandler: guard }, async (req, reply) => {
    const found = await getBusinessReport(app.deps, { actor: req.actor, reportId: req.params.reportId })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CaseReportPage ctx={ctx} found={found} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(undefined)} flash={flash} />)
  })

  app.post<ReportParams>('/reports/:reportId', { ...multipartForm({ maxFiles: MAX_CASE_FILES + 1 }), preHandler: guard }, async (req, reply) => {
    // CSRF and permission have been checked; the files are still unread. Not this business's: 404 before any byte.
    const found = await getBusinessReport(app.deps, { actor: req.actor, reportId: req.params.reportId })
    return handleCaseUpload(req, reply, {
      textField: 'response',
      textRequired: 'casework.reports.errors.responseRequired',
      run: ({ text, files, idempotencyKey }) => respondToDraftReport(app.deps, { actor: req.actor, reportId: found.report.id, body: text, files, idempotencyKey }),
      rerender: async (f, status) => {
        const fresh = await getBusinessReport(app.deps, { actor: req.actor, reportId: found.report.id })
        return respond(req, reply).invalid((ctx) => <CaseReportPage ctx={ctx} found={fresh} now={clock.now()} maxUploadMb={config.maxUploadMb} form={f} />, { status })
      },
      flash: 'casework.reports.flash.responseSent',
      redirectTo: caseReportPath(found.report.id),
    })
  })

  app.get<{ Params: { reportId: string; index: string } }>('/reports/:reportId/files/:index', { preHandler: guard }, async (req, reply) => {
    const found = await getBusinessReport(app.deps, { actor: req.actor, reportId: req.params.reportId })
    return sendCaseFile(reply, found.response?.attachments ?? [], req.params.index)
  })

  // Each PDF is a Chromium print: the same per-IP limit as the other PDFs.
  const pdfLimit = app.rateLimit({ max: config.pdfRateLimitPerMinute, timeWindow: '1 minute' })
  app.get<ReportParams>('/reports/:reportId/report.pdf', { preHandler: [pdfLimit, guard] }, async (req, reply) => {
    const data = await getBusinessReportDocument(app.deps, { actor: req.actor, reportId: req.params.reportId })
    return sendPdf(reply, caseReportFileName(data), () => renderCaseReportPdf(app.deps.pdf, data))
  })
}
