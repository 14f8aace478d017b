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
 * any file byte is read; a refused post removes the files it stored and re-renders the page.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import { getBusinessReport, getBusinessReportDocument } from '#src/cases/get-case-reports.ts'
import { respondToDraftReport } from '#src/cases/respond-to-draft-report.ts'
import { contentDisposition } from '#src/documents/file-names.rules.ts'
import { AppError, isAppError } from '#src/platform/errors.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import { caseReportFileName, renderCaseReportPdf } from '#src/reports/case-report-document.tsx'
import { PdfRenderError } from '#src/reports/pdf/pdf-renderer.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { caseFileUploads } from './case-file-uploads.ts'
import { CaseReportPage } from './case-report-page.tsx'
import type { CaseFormState } from './case-task-pages.tsx'
import { caseReportPath } from './case-tasks-section.tsx'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
/** Errors of the use case that belong on the form rather than an error page. */
const FORM_ERROR_CODES = new Set(['VALIDATION', 'INVALID_TRANSITION', 'BAD_REQUEST'])

type ReportParams = { Params: { reportId: string } }

export const caseReportPortalRoutes: FastifyPluginAsync = async (app) => {
  const { config, clock } = app.deps
  const { receiveFiles, removeAll, fileErrors, sendCaseFile } = caseFileUploads(app.deps)
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
    const received = await receiveFiles(req)
    const response = str(received.body.response)
    const values: RawForm = { response }
    const invalid = async (errors: FormErrors, status: number, params?: MessageParams) => {
      await removeAll(received.files)
      const fresh = await getBusinessReport(app.deps, { actor: req.actor, reportId: found.report.id })
      return respond(req, reply).invalid(
        (ctx) => <CaseReportPage ctx={ctx} found={fresh} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(received.body, { values, errors, errorParams: params })} />,
        { status },
      )
    }
    const bad = fileErrors(received)
    const errors: FormErrors = { ...(response.trim() ? {} : { response: 'casework.reports.errors.responseRequired' }), ...bad?.errors }
    if (Object.keys(errors).length) return invalid(errors, bad?.status ?? 422, bad?.params)
    try {
      await respondToDraftReport(app.deps, { actor: req.actor, reportId: found.report.id, body: response, files: received.files, idempotencyKey: form(received.body).idempotencyKey })
    } catch (e) {
      if (!isAppError(e) || !FORM_ERROR_CODES.has(e.code)) {
        await removeAll(received.files)
        throw e
      }
      return invalid({ [e.messageKey === 'cases.errors.tooManyFiles' ? 'file' : 'response']: e.messageKey }, e.httpStatus, e.params)
    }
    setFlash(req, 'casework.reports.flash.responseSent')
    return respond(req, reply).redirect(caseReportPath(found.report.id))
  })

  app.get<{ Params: { reportId: string; index: string } }>('/reports/:reportId/files/:index', { preHandler: guard }, async (req, reply) => {
    const found = await getBusinessReport(app.deps, { actor: req.actor, reportId: req.params.reportId })
    return sendCaseFile(reply, found.response?.attachments ?? [], req.params.index)
  })

  // Each PDF is a Chromium print: the same per-IP limit as the other PDFs.
  const pdfLimit = app.rateLimit({ max: config.pdfRateLimitPerMinute, timeWindow: '1 minute' })
  app.get<ReportParams>('/reports/:reportId/report.pdf', { preHandler: [pdfLimit, guard] }, async (req, reply) => {
    const data = await getBusinessReportDocument(app.deps, { actor: req.actor, reportId: req.params.reportId })
    let pdf: Buffer
    try {
      pdf = await renderCaseReportPdf(app.deps.pdf, data)
    } catch (e) {
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
