/**
 * ออกรายงานข้อมูลพื้นฐาน: the business's basic-information report as a printable page (issue 4;
 * issue 5 prints the same document as a PDF). `/portal/assessments/:cycle/basic-report` shows the
 * working draft (marked ฉบับร่าง), or the latest submitted version once the assessment cannot be
 * edited; `?version=N` shows submitted version N exactly as submitted. The actor's own business
 * only: the use case scopes every read by the actor's entity, so anything else is "not found".
 * `…/basic-report.pdf[?version=N]` is the same report as an A4 PDF in the reader's language, under
 * the same rules; when Chromium cannot print it the reader gets a 503 page, never a hang, and
 * each address may ask for PDF_RATE_LIMIT_PER_MINUTE (config) of them a minute (429 page after that). A `:cycle` that is
 * not a CYCLE_CODE is a 404 without a database read.
 */
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { AppError } from '#src/platform/errors.ts'
import { basicReportFileName, renderBasicReportPdf } from '#src/reports/basic-report-pdf.tsx'
import { getBasicReport } from '#src/submissions/get-basic-report.ts'
import { CYCLE_CODE } from '#src/submissions/open-cycle.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { BasicReportPage } from './basic-report-page.tsx'

/** `?version=3`: a positive whole number, nothing else (junk is a 404, never a 500). */
const ReportQuery = z.object({
  version: z
    .string()
    .regex(/^[1-9][0-9]{0,5}$/)
    .transform(Number)
    .optional(),
})

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

export const basicReportRoutes: FastifyPluginAsync = async (app) => {
  const pdfLimit = app.rateLimit({ max: app.deps.config.pdfRateLimitPerMinute, timeWindow: '1 minute' })

  app.get<{ Params: { cycle: string }; Querystring: Record<string, unknown> }>(
    '/:cycle/basic-report',
    { preHandler: requirePermission('portal:access:own') },
    async (req, reply) => {
      const query = ReportQuery.safeParse(req.query)
      if (!query.success || !CYCLE_CODE.test(req.params.cycle)) throw notFound()
      const report = await getBasicReport(app.deps, { actor: req.actor, cycleCode: req.params.cycle, version: query.data.version })
      return sendPage(req, reply, (ctx) => <BasicReportPage ctx={ctx} report={report} />)
    },
  )

  app.get<{ Params: { cycle: string }; Querystring: Record<string, unknown> }>(
    '/:cycle/basic-report.pdf',
    { preHandler: [pdfLimit, requirePermission('portal:access:own')] },
    async (req, reply) => {
      const query = ReportQuery.safeParse(req.query)
      if (!query.success || !CYCLE_CODE.test(req.params.cycle)) throw notFound()
      const report = await getBasicReport(app.deps, { actor: req.actor, cycleCode: req.params.cycle, version: query.data.version })
      const bytes = await renderBasicReportPdf(app.deps.pdf, report, req.locale)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="${basicReportFileName(report)}"`)
        .header('cache-control', 'private, no-store')
        .send(bytes)
    },
  )
}
