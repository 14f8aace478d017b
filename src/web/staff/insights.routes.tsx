/**
 * AMLO staff insight pages under /staff (registered beside staffRoutes with the same prefix):
 * a business's profile, the filing status of a cycle with the batch reminder, and the dashboard.
 * Every route declares `staff:access:any` (R5); the use cases check the actor again.
 */
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { listActiveBusinessTypes } from '#src/entities/business-types.repo.ts'
import { listProvinces } from '#src/entities/thai-address.ts'
import { getBusinessProfile } from '#src/insights/get-business-profile.ts'
import { getDashboard } from '#src/insights/get-dashboard.ts'
import { getFilingStatus } from '#src/insights/get-filing-status.ts'
import { sendFilingReminders } from '#src/insights/send-filing-reminders.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { loadCharts } from './dashboard-chart.tsx'
import { DashboardPage } from './dashboard-page.tsx'
import { FilingPage, filingHref } from './filing-page.tsx'
import { ProfilePage } from './profile-page.tsx'

const str = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(max).catch(''))
/** A cycle code is the Buddhist-Era year; anything else is ignored (the current cycle is shown). */
const cycleCode = z.preprocess((v) => (typeof v === 'string' && /^\d{4}$/.test(v.trim()) ? v.trim() : undefined), z.string().optional())

const FilingQuery = z.object({
  cycle: cycleCode,
  type: str(60),
  province: str(100),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
const DashboardQuery = z.object({ cycle: cycleCode })

const text = (v: unknown, max: number) => (typeof v === 'string' ? v.trim().slice(0, max) : '')

export const insightsRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const staff = { preHandler: requirePermission('staff:access:any') }

  app.get<{ Params: { entityId: string } }>('/businesses/:entityId', staff, async (req, reply) => {
    const [profile, businessTypes] = await Promise.all([getBusinessProfile(deps, { actor: req.actor, entityId: req.params.entityId }), listActiveBusinessTypes(deps.database.db)])
    await loadCharts()
    return sendPage(req, reply, (ctx) => <ProfilePage ctx={ctx} profile={profile} businessTypes={businessTypes} />)
  })

  app.get('/filing', staff, async (req, reply) => {
    const q = parseQuery(FilingQuery, req.query)
    const filters = { businessType: q.type || undefined, province: q.province || undefined }
    const [status, businessTypes, provinces] = await Promise.all([
      getFilingStatus(deps, { actor: req.actor, cycleCode: q.cycle, filters, page: q.page }),
      listActiveBusinessTypes(deps.database.db),
      listProvinces(),
    ])
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <FilingPage ctx={ctx} status={status} filters={{ type: q.type, province: q.province }} businessTypes={businessTypes} provinces={provinces} flash={flash} />)
  })

  app.post('/filing/reminders', staff, async (req, reply) => {
    const b = (req.body ?? {}) as Record<string, unknown>
    const code = cycleCode.parse(b.cycle)
    const type = text(b.type, 60)
    const province = text(b.province, 100)
    const outcome = await sendFilingReminders(deps, { actor: req.actor, cycleCode: code, filters: { businessType: type || undefined, province: province || undefined }, ip: req.ip })
    const params = { sent: String(outcome.sent), mails: String(outcome.mails), skipped: String(outcome.skipped), withoutAdmin: String(outcome.withoutAdmin), remaining: String(outcome.remaining) }
    setFlash(req, outcome.remaining > 0 ? 'insights.filing.flash.sentMore' : 'insights.filing.flash.sent', params)
    return respond(req, reply).redirect(filingHref({ cycle: outcome.cycleCode, type, province }))
  })

  app.get('/dashboard', staff, async (req, reply) => {
    const q = parseQuery(DashboardQuery, req.query)
    const view = await getDashboard(deps, { actor: req.actor, cycleCode: q.cycle })
    await loadCharts()
    return sendPage(req, reply, (ctx) => <DashboardPage ctx={ctx} view={view} />)
  })
}
