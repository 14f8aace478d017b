/**
 * AMLO staff workspace under /staff: the review queue (filters, search, sort, pages, saved filters,
 * CSV/XLSX export), the submission view, its attachments, and the review actions. Every route
 * declares its permission (R5); every action is a POST with CSRF whose use case appends an event
 * and an audit row, then answers 303 back to the submission with a flash message.
 */
import { can } from '#src/identity/permissions.ts'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { listActiveBusinessTypes } from '#src/entities/business-types.repo.ts'
import { normaliseNameForSearch } from '#src/entities/entity-name.rules.ts'
import { listProvinces } from '#src/entities/thai-address.ts'
import { AppError, isAppError } from '#src/platform/errors.ts'
import { addReviewNote } from '#src/review/add-review-note.ts'
import { assignAssessment } from '#src/review/assign-assessment.ts'
import { decideRatingOverride } from '#src/review/decide-rating-override.ts'
import { getSubmissionReview } from '#src/review/get-submission-review.ts'
import { exportReviewQueue, listReviewQueue, type QueueCriteria } from '#src/review/list-review-queue.ts'
import { deleteFilter, listMySavedFilters, saveFilter } from '#src/review/manage-saved-filters.ts'
import { openStaffAttachment } from '#src/review/open-staff-attachment.ts'
import { requestRatingOverride } from '#src/review/request-rating-override.ts'
import { RATINGS } from '#src/review/review.model.ts'
import { QUEUE_SORTS } from '#src/review/review.repo.ts'
import { ASSESSMENT_STATUSES } from '#src/submissions/assessment-status.rules.ts'
import { acceptAssessment, returnForCorrection } from '#src/submissions/review-assessment.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { exportTable, toCsv, toXlsx } from './queue-export.ts'
import { QueuePage, type QueueQuery } from './queue-page.tsx'
import { SubmissionPage, type ActionForm } from './submission-page.tsx'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)
const str = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(max).catch(''))
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(emptyToUndefined, z.enum(values).optional()).catch(undefined)

/** `yyyy-mm-dd` or `dd/mm/yyyy` (Gregorian) → `yyyy-mm-dd`; anything else → ''. */
export function isoDate(input: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(input) ?? (/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(input) ? [input, ...input.split('/').reverse()] : null)
  if (!m) return ''
  const [, y, mo, d] = m as string[]
  const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`
  const date = new Date(`${iso}T00:00:00+07:00`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 10) ? '' : iso
}
const bangkokMidnight = (iso: string, plusDays = 0) => new Date(new Date(`${iso}T00:00:00+07:00`).getTime() + plusDays * 86_400_000)

const QueueQuerySchema = z.object({
  cycle: str(40),
  status: oneOf(ASSESSMENT_STATUSES),
  type: str(60),
  province: str(100),
  rating: oneOf([...RATINGS, 'none'] as const),
  flags: oneOf(['yes', 'no'] as const),
  from: str(20).transform(isoDate),
  to: str(20).transform(isoDate),
  assignee: oneOf(['me', 'unassigned'] as const),
  q: str(200),
  sort: z.enum(QUEUE_SORTS).catch('submitted'),
  dir: z.enum(['asc', 'desc']).catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})

function criteriaOf(q: z.output<typeof QueueQuerySchema>): QueueCriteria {
  const digits = q.q.replace(/[\s-]/g, '')
  const search = /^\d+$/.test(digits) ? ({ kind: 'juristic', digits } as const) : q.q && normaliseNameForSearch(q.q) ? ({ kind: 'name', text: normaliseNameForSearch(q.q).toLowerCase() } as const) : undefined
  return {
    cycleId: q.cycle || undefined,
    status: q.status,
    businessType: q.type || undefined,
    province: q.province || undefined,
    rating: q.rating,
    flags: q.flags,
    submittedFrom: q.from ? bangkokMidnight(q.from) : undefined,
    submittedBefore: q.to ? bangkokMidnight(q.to, 1) : undefined,
    assignee: q.assignee,
    search,
    sort: q.sort,
    dir: q.dir,
  }
}
const echo = (q: z.output<typeof QueueQuerySchema>): QueueQuery => ({ ...q, status: q.status ?? '', rating: q.rating ?? '', flags: q.flags ?? '', assignee: q.assignee ?? '' })

type Params = { Params: { assessmentId: string } }
const body = (req: FastifyRequest) => (req.body ?? {}) as Record<string, unknown>
const text = (v: unknown) => (typeof v === 'string' ? v : '')

export const staffRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const staff = { preHandler: requirePermission('staff:access:any') }

  app.get('/', staff, (req, reply) =>
    sendPage(req, reply, (ctx) => (
      <PageLayout ctx={ctx} title={ctx.t('staff.title')}>
        <h1 class="heading-xl">{ctx.t('staff.title')}</h1>
        <p class="body">{ctx.t('staff.lead')}</p>
        <ul class="list" id="staff-links">
          <li>
            <a href="/staff/submissions">{ctx.t('staff.queue.title')}</a>
          </li>
          <li>
            <a href="/staff/dashboard">{ctx.t('insights.dashboard.title')}</a>
          </li>
          <li>
            <a href="/staff/filing">{ctx.t('insights.filing.title')}</a>
          </li>
          <li>
            <a href="/staff/rescore">{ctx.t('rescore.title')}</a>
          </li>
          {can(ctx.actor, 'support_content:answer:any') ? <li><a href="/staff/support">{ctx.t('support.queue.title.supervision')}</a></li> : null}
          {can(ctx.actor, 'extensions:decide:any') ? <li><a href="/staff/extensions">{ctx.t('cycles.extensions.title')}</a></li> : null}
          {can(ctx.actor, 'cases:work:any') ? <><li><a href="/staff/cases">{ctx.t('casework.inbox.title')}</a></li><li><a href="/staff/plans">{ctx.t('casework.plans.title')}</a></li></> : null}
        </ul>
      </PageLayout>
    )),
  )

  app.get('/submissions', staff, async (req, reply) => {
    const q = parseQuery(QueueQuerySchema, req.query)
    const result = await listReviewQueue(deps, { actor: req.actor, criteria: criteriaOf(q), page: q.page })
    const [businessTypes, provinces, savedFilters] = await Promise.all([listActiveBusinessTypes(deps.database.db), listProvinces(), listMySavedFilters(deps, { actor: req.actor })])
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => (
      <QueuePage ctx={ctx} query={{ ...echo(q), page: result.page }} cycles={result.cycles} cycleId={result.cycle?.id} rows={result.rows} total={result.total} moreThanTotal={result.moreThanTotal} pages={result.pages} businessTypes={businessTypes} provinces={provinces} savedFilters={savedFilters} flash={flash} />
    ))
  })

  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/submissions/export.${format}`, staff, async (req, reply) => {
      const q = parseQuery(QueueQuerySchema, req.query)
      const { cycle, rows } = await exportReviewQueue(deps, { actor: req.actor, criteria: criteriaOf(q) })
      const types = await listActiveBusinessTypes(deps.database.db)
      const typeName = (code: string) => types.find((b) => b.code === code)?.[req.locale === 'en' ? 'nameEn' : 'nameTh'] ?? code
      const table = exportTable(req.t, req.locale, rows, typeName)
      const name = `amrac-queue-${cycle?.code ?? 'none'}.${format}`
      reply.header('cache-control', 'no-store').header('content-disposition', `attachment; filename="${name}"`)
      if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(toCsv(table))
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(table, req.t('staff.queue.title')))
    })
  }

  app.post('/filters', staff, async (req, reply) => {
    const name = text(body(req).name).normalize('NFC').trim().slice(0, 100)
    const query = text(body(req).query).slice(0, 2000)
    if (!name) {
      setFlash(req, 'staff.saved.nameRequired')
      return respond(req, reply).redirect(`/staff/submissions${query ? `?${new URLSearchParams(query).toString()}` : ''}`)
    }
    await saveFilter(deps, { actor: req.actor, name, query: new URLSearchParams(query).toString() })
    setFlash(req, 'staff.saved.saved', { name })
    return respond(req, reply).redirect(`/staff/submissions${query ? `?${new URLSearchParams(query).toString()}` : ''}`)
  })

  app.post<{ Params: { filterId: string } }>('/filters/:filterId/delete', staff, async (req, reply) => {
    await deleteFilter(deps, { actor: req.actor, filterId: req.params.filterId })
    setFlash(req, 'staff.saved.deleted')
    return respond(req, reply).redirect('/staff/submissions')
  })

  app.get<Params>('/submissions/:assessmentId', staff, async (req, reply) => {
    const view = await getSubmissionReview(deps, { actor: req.actor, assessmentId: req.params.assessmentId })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <SubmissionPage ctx={ctx} view={view} flash={flash} />)
  })

  app.get<{ Params: { assessmentId: string; attachmentId: string } }>('/submissions/:assessmentId/attachments/:attachmentId', staff, async (req, reply) => {
    const file = await openStaffAttachment(deps, { actor: req.actor, assessmentId: req.params.assessmentId, attachmentId: req.params.attachmentId })
    return reply
      .type(file.mediaType)
      .header('content-length', String(file.size))
      .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.displayName)}`)
      .header('x-content-type-options', 'nosniff')
      .header('cache-control', 'private, no-store')
      .send(file.stream)
  })

  /** Runs an action; a refused one re-renders the page (422) with the message and what was typed. */
  async function act(req: FastifyRequest<Params>, reply: FastifyReply, form: ActionForm, run: () => Promise<void>, done: Parameters<typeof setFlash>[1]) {
    try {
      await run()
    } catch (e) {
      if (!isAppError(e) || !['VALIDATION', 'CONFLICT', 'INVALID_TRANSITION'].includes(e.code) || !e.messageKey) throw e
      const view = await getSubmissionReview(deps, { actor: req.actor, assessmentId: req.params.assessmentId })
      const problem = { form, messageKey: e.messageKey, values: body(req) }
      return respond(req, reply).invalid((ctx) => <SubmissionPage ctx={ctx} view={view} problem={problem} />)
    }
    setFlash(req, done)
    return respond(req, reply).redirect(`/staff/submissions/${req.params.assessmentId}`)
  }

  app.post<Params>('/submissions/:assessmentId/assign', staff, (req, reply) => {
    const assignee = text(body(req).assignee)
    return act(req, reply, 'assign', () => assignAssessment(deps, { actor: req.actor, assessmentId: req.params.assessmentId, assigneeUserId: assignee || null }), assignee ? 'staff.flash.assigned' : 'staff.flash.unassigned')
  })

  app.post<Params>('/submissions/:assessmentId/accept', staff, (req, reply) => act(req, reply, 'accept', () => acceptAssessment(deps, { actor: req.actor, assessmentId: req.params.assessmentId }), 'staff.flash.accepted'))

  app.post<Params>('/submissions/:assessmentId/return', staff, (req, reply) => {
    const b = body(req)
    const parts = (b.parts && typeof b.parts === 'object' ? b.parts : {}) as Record<string, unknown>
    const partReasons = Object.fromEntries(Object.entries(parts).flatMap(([k, v]) => (/^part-[a-z]$/.test(k) && typeof v === 'string' ? [[k, v.slice(0, 2000)]] : [])))
    const fields: Record<string, string> = {}
    for (const n of [1, 2, 3]) {
      const id = text(b[`question${n}`])
      const reason = text(b[`questionReason${n}`]).slice(0, 2000)
      if (id && /^[A-Za-z0-9_]{1,40}$/.test(id) && reason.trim()) fields[id] = reason
    }
    return act(req, reply, 'return', () => returnForCorrection(deps, { actor: req.actor, assessmentId: req.params.assessmentId, reasons: { parts: partReasons, fields } }), 'staff.flash.returned')
  })

  app.post<Params>('/submissions/:assessmentId/override', staff, (req, reply) => {
    const b = body(req)
    const to = text(b.toRating)
    const expiresRaw = text(b.expiresOn).trim()
    const expires = expiresRaw ? isoDate(expiresRaw) : ''
    return act(
      req,
      reply,
      'override',
      async () => {
        if (!(RATINGS as readonly string[]).includes(to)) throw new AppError('VALIDATION', { messageKey: 'staff.errors.ratingRequired' })
        if (expiresRaw && !expires) throw new AppError('VALIDATION', { messageKey: 'staff.errors.expiryInvalid' })
        await requestRatingOverride(deps, { actor: req.actor, assessmentId: req.params.assessmentId, toRating: to as (typeof RATINGS)[number], justification: text(b.justification), expiresAt: expires ? bangkokMidnight(expires, 1) : null })
      },
      'staff.flash.overrideRequested',
    )
  })

  app.post<{ Params: { assessmentId: string; overrideId: string } }>('/submissions/:assessmentId/overrides/:overrideId/decide', { preHandler: requirePermission('reviews:approve:any') }, (req, reply) => {
    const decision = text(body(req).decision) === 'rejected' ? 'rejected' : 'approved'
    return act(
      req as unknown as FastifyRequest<Params>,
      reply,
      'decide',
      () => decideRatingOverride(deps, { actor: req.actor, assessmentId: req.params.assessmentId, overrideId: req.params.overrideId, decision, note: text(body(req).note) }),
      decision === 'approved' ? 'staff.flash.overrideApproved' : 'staff.flash.overrideRejected',
    )
  })

  app.post<Params>('/submissions/:assessmentId/notes', staff, (req, reply) => act(req, reply, 'note', () => addReviewNote(deps, { actor: req.actor, assessmentId: req.params.assessmentId, body: text(body(req).body) }), 'staff.flash.noteAdded'))
}
