/**
 * ออกรายงานข้อมูลพื้นฐาน: the business's basic-information report as a printable page (issue 4;
 * issue 5 prints the same document as a PDF). `/portal/assessments/:cycle/basic-report` shows the
 * working draft (marked ฉบับร่าง), or the latest submitted version once the assessment cannot be
 * edited; `?version=N` shows submitted version N exactly as submitted. The actor's own business
 * only: the use case scopes every read by the actor's entity, so anything else is "not found".
 */
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { AppError } from '#src/platform/errors.ts'
import { getBasicReport } from '#src/submissions/get-basic-report.ts'
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

export const basicReportRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { cycle: string }; Querystring: Record<string, unknown> }>(
    '/:cycle/basic-report',
    { preHandler: requirePermission('portal:access:own') },
    async (req, reply) => {
      const query = ReportQuery.safeParse(req.query)
      if (!query.success) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
      const report = await getBasicReport(app.deps, { actor: req.actor, cycleCode: req.params.cycle, version: query.data.version })
      return sendPage(req, reply, (ctx) => <BasicReportPage ctx={ctx} report={report} />)
    },
  )
}
