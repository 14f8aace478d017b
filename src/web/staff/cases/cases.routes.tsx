/**
 * Case work for AMLO staff under /staff/cases (issue 8):
 *
 *   GET  /cases                        the inbox: mine / a team's / all, counts, filters, pages
 *   GET  /cases/export.csv             the filtered list as CSV
 *   POST /cases/bulk                   bulk assign or bulk close (per-case refusals reported)
 *   GET  /cases/:caseId                one case
 *   POST /cases/:caseId/status         a lifecycle action (with its reason)
 *   POST /cases/:caseId/assign         assignee and team
 *   POST /cases/:caseId/notes          an internal note
 *   POST /cases/:caseId/requests       an information request with a due date
 *   POST /cases/:caseId/findings       a finding (severity, obligation breached)
 *   POST /cases/:caseId/findings/:findingId/remediation   a remediation action with its deadline
 *   POST /cases/:caseId/remediation/:actionId/verify      accept the business's evidence (verifyRemediation)
 *   POST /cases/:caseId/remediation/:actionId/reject      refuse it with a reason (rejectRemediation)
 *   POST /cases/:caseId/visits         the on-site visit record (recordVisit)
 *   GET  /cases/:caseId/notification.pdf   the notification letter (Thai PDF)
 *
 * Every route declares `cases:work:any` (examiners and supervisors, R5); the rules decide who may
 * do what (a supervisor closes). Forms work without JavaScript: a refused post re-renders the page
 * (422) with the message; success answers 303 with a flash.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { addCaseNote } from '#src/cases/add-case-note.ts'
import { addRemediationAction } from '#src/cases/add-remediation-action.ts'
import { assignCase } from '#src/cases/assign-case.ts'
import { bulkAssignCases, bulkCloseCases } from '#src/cases/bulk-update-cases.ts'
import { CASE_STATUSES, CASE_TYPES, isCaseAction } from '#src/cases/case-status.rules.ts'
import { changeCaseStatus } from '#src/cases/change-case-status.ts'
import { createInformationRequest } from '#src/cases/create-information-request.ts'
import { getCaseView } from '#src/cases/get-case-view.ts'
import { exportCases, listCases, type CaseCriteria } from '#src/cases/list-cases.ts'
import { recordFinding } from '#src/cases/record-finding.ts'
import { getNotificationLetter } from '#src/cases/get-notification-letter.ts'
import { recordVisit } from '#src/cases/record-visit.ts'
import { rejectRemediation } from '#src/cases/reject-remediation.ts'
import { verifyRemediation } from '#src/cases/verify-remediation.ts'
import { normaliseNameForSearch } from '#src/entities/entity-name.rules.ts'
import { can } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import { isUuid } from '#src/platform/ids.ts'
import { notificationLetterFileName, renderNotificationLetterPdf } from '#src/reports/case-notification-letter.tsx'
import { toCsv } from '#src/web/staff/queue-export.ts'
import { setFlash, takeFlash, type Flash } from '#src/web/lib/flash.ts'
import { parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { sendPdf } from '#src/web/lib/send-pdf.ts'
import { respond } from '#src/web/lib/respond.ts'
import { bodyOf, caseActionRunner, keyOf, text, type CaseParams } from './case-action.tsx'
import { CasePage } from './case-page.tsx'
import { casesTable } from './cases-export.ts'
import { InboxPage, type BulkRefusal, type InboxQuery } from './inbox-page.tsx'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)
const str = (max: number) => z.preprocess((v) => (typeof v === 'string' ? v : ''), z.string().trim().max(max).catch(''))
const oneOf = <T extends readonly [string, ...string[]]>(values: T) => z.preprocess(emptyToUndefined, z.enum(values).optional()).catch(undefined)

const InboxQuerySchema = z.object({
  view: z.enum(['mine', 'all']).catch('mine'),
  assignee: str(40).transform((v) => (v === 'unassigned' || isUuid(v) ? v : '')),
  team: str(100),
  type: oneOf(CASE_TYPES),
  status: oneOf([...CASE_STATUSES, 'open', 'any'] as const),
  overdue: oneOf(['yes'] as const),
  q: str(200),
  dir: z.enum(['asc', 'desc']).catch('asc'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
})
type InboxQueryValues = z.output<typeof InboxQuerySchema>

function criteriaOf(q: InboxQueryValues): CaseCriteria {
  const digits = q.q.replace(/[\s-]/g, '')
  const name = normaliseNameForSearch(q.q).toLowerCase()
  // Naming a person or a team looks at everyone's cases.
  const view = q.assignee || q.team ? 'all' : q.view
  return {
    view,
    assignee: q.assignee || undefined,
    team: q.team || undefined,
    type: q.type,
    status: q.status,
    overdue: q.overdue === 'yes',
    search: /^\d+$/.test(digits) ? { kind: 'juristic', digits } : name ? { kind: 'name', text: name } : undefined,
    dir: q.dir,
  }
}
const echo = (q: InboxQueryValues): InboxQuery => ({ ...q, view: q.assignee || q.team ? 'all' : q.view, type: q.type ?? '', status: q.status ?? '', overdue: q.overdue ?? '' })

/** `yyyy-mm-dd`, or `dd/mm/yyyy` in either era (a year after 2400 is Buddhist Era) → `yyyy-mm-dd`; else as typed (the use case refuses it). */
export function dueDateInput(raw: string): string {
  const v = raw.trim()
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v)
  if (!m) return v
  const year = Number(m[3]) > 2400 ? Number(m[3]) - 543 : Number(m[3])
  return `${String(year).padStart(4, '0')}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`
}

const list = (v: unknown) => (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === 'string')

const REFUSED_SHOWN = 50
function refusalsOf(flash: Flash | undefined): BulkRefusal[] | undefined {
  if (!flash?.params?.refusedList) return undefined
  try {
    const raw = JSON.parse(flash.params.refusedList) as unknown
    if (!Array.isArray(raw)) return undefined
    return raw.flatMap((r: { n?: unknown; k?: unknown }) => (typeof r.k === "string" && isMessageKey(r.k) ? [{ number: typeof r.n === 'number' ? r.n : null, messageKey: r.k }] : []))
  } catch {
    return undefined
  }
}

export const caseRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cases:work:any') }

  app.get('/cases', guard, async (req, reply) => {
    const q = parseQuery(InboxQuerySchema, req.query)
    const result = await listCases(deps, { actor: req.actor, criteria: criteriaOf(q), page: q.page })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => (
      <InboxPage ctx={ctx} query={{ ...echo(q), page: result.page }} list={result} bulkKey={randomUUID()} flash={flash} refused={refusalsOf(flash)} canClose={can(req.actor, 'cases:approve:any')} />
    ))
  })

  app.get('/cases/export.csv', guard, async (req, reply) => {
    const q = parseQuery(InboxQuerySchema, req.query)
    const rows = await exportCases(deps, { actor: req.actor, criteria: criteriaOf(q) })
    reply.header('cache-control', 'no-store').header('content-disposition', 'attachment; filename="amrac-cases.csv"')
    return reply.type('text/csv; charset=utf-8').send(toCsv(casesTable(req.t, req.locale, rows)))
  })

  app.post('/cases/bulk', guard, async (req, reply) => {
    const b = bodyOf(req)
    const back = text(b.back)
    const to = /^\/staff\/cases(\?[^\s]*)?$/.test(back) ? back : '/staff/cases'
    const caseIds = list(b.caseId)
    const op = text(b.op)
    if (!caseIds.length || (op !== 'assign' && op !== 'close')) {
      setFlash(req, 'casework.bulk.nothingSelected')
      return respond(req, reply).redirect(to)
    }
    const assignee = text(b.assignee)
    const outcomes =
      op === 'assign'
        ? await bulkAssignCases(deps, { actor: req.actor, caseIds, assigneeUserId: assignee || null, idempotencyKey: keyOf(req) })
        : await bulkCloseCases(deps, { actor: req.actor, caseIds, reason: text(b.reason), idempotencyKey: keyOf(req) })
    const refused = outcomes.flatMap((o) => (o.ok ? [] : [{ n: o.number, k: o.messageKey }]))
    setFlash(req, op === 'assign' ? 'casework.bulk.assigned' : 'casework.bulk.closed', {
      done: String(outcomes.length - refused.length),
      refused: String(refused.length),
      refusedList: JSON.stringify(refused.slice(0, REFUSED_SHOWN)),
    })
    return respond(req, reply).redirect(to)
  })

  app.get<CaseParams>('/cases/:caseId', guard, async (req, reply) => {
    const view = await getCaseView(deps, { actor: req.actor, caseId: req.params.caseId })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CasePage ctx={ctx} view={view} formKey={randomUUID()} flash={flash} />)
  })

  const act = caseActionRunner(deps)

  app.post<CaseParams>('/cases/:caseId/status', guard, (req, reply) => {
    const action = text(bodyOf(req).action)
    return act(req, reply, {
      form: 'status',
      run: async () => {
        if (!isCaseAction(action)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.notAllowed' })
        // Sending the draft and issuing the final report go through their forms (changeCaseStatus refuses them).
        await changeCaseStatus(deps, { actor: req.actor, caseId: req.params.caseId, action, reason: text(bodyOf(req).reason), idempotencyKey: keyOf(req) })
      },
      done: 'casework.flash.statusChanged',
      extra: { action },
    })
  })

  app.post<CaseParams>('/cases/:caseId/assign', guard, (req, reply) => {
    const b = bodyOf(req)
    const assignee = text(b.assignee)
    return act(req, reply, {
      form: 'assign',
      run: () => assignCase(deps, { actor: req.actor, caseId: req.params.caseId, assigneeUserId: assignee || null, team: text(b.team), idempotencyKey: keyOf(req) }),
      done: assignee ? 'casework.flash.assigned' : 'casework.flash.unassigned',
    })
  })

  app.post<CaseParams>('/cases/:caseId/notes', guard, (req, reply) =>
    act(req, reply, { form: 'note', run: () => addCaseNote(deps, { actor: req.actor, caseId: req.params.caseId, body: text(bodyOf(req).body), idempotencyKey: keyOf(req) }), done: 'casework.flash.noteAdded' }),
  )

  app.post<CaseParams>('/cases/:caseId/requests', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'request',
      run: () => createInformationRequest(deps, { actor: req.actor, caseId: req.params.caseId, subject: text(b.subject), body: text(b.body), dueOn: dueDateInput(text(b.dueOn)), idempotencyKey: keyOf(req) }),
      done: 'casework.flash.requestCreated',
    })
  })

  app.post<CaseParams>('/cases/:caseId/findings', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'finding',
      run: () =>
        recordFinding(deps, {
          actor: req.actor,
          caseId: req.params.caseId,
          controlArea: text(b.controlArea),
          severity: text(b.severity),
          title: text(b.title),
          description: text(b.description),
          legalBasis: text(b.legalBasis),
          rootCause: text(b.rootCause),
          requiredAction: text(b.requiredAction),
          dueOn: dueDateInput(text(b.dueOn)) || null,
          idempotencyKey: keyOf(req),
        }),
      done: 'casework.flash.findingRecorded',
    })
  })

  app.post<{ Params: { caseId: string; findingId: string } }>('/cases/:caseId/findings/:findingId/remediation', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'remediation',
      run: () => addRemediationAction(deps, { actor: req.actor, findingId: req.params.findingId, description: text(b.description), ownerName: text(b.ownerName), dueOn: dueDateInput(text(b.dueOn)) || null, idempotencyKey: keyOf(req) }),
      done: 'casework.flash.remediationAdded',
      extra: { findingId: req.params.findingId },
    })
  })

  type ActionParams = { Params: { caseId: string; actionId: string } }
  app.post<ActionParams>('/cases/:caseId/remediation/:actionId/verify', guard, (req, reply) =>
    act(req, reply, { form: 'verify', run: () => verifyRemediation(deps, { actor: req.actor, actionId: req.params.actionId, idempotencyKey: keyOf(req) }), done: 'casework.flash.remediationVerified', extra: { actionId: req.params.actionId } }),
  )

  app.post<ActionParams>('/cases/:caseId/remediation/:actionId/reject', guard, (req, reply) =>
    act(req, reply, {
      form: 'reject',
      run: () => rejectRemediation(deps, { actor: req.actor, actionId: req.params.actionId, reason: text(bodyOf(req).reason), idempotencyKey: keyOf(req) }),
      done: 'casework.flash.remediationRejected',
      extra: { actionId: req.params.actionId },
    }),
  )

  app.post<CaseParams>('/cases/:caseId/visits', guard, (req, reply) => {
    const b = bodyOf(req)
    return act(req, reply, {
      form: 'visit',
      run: () => recordVisit(deps, { actor: req.actor, caseId: req.params.caseId, visitedOn: dueDateInput(text(b.visitedOn)), attendees: text(b.attendees), notes: text(b.notes), idempotencyKey: keyOf(req) }),
      done: 'casework.flash.visitRecorded',
    })
  })

  // Each PDF is a Chromium print: the same per-IP limit as the other PDFs.
  const pdfLimit = app.rateLimit({ max: deps.config.pdfRateLimitPerMinute, timeWindow: '1 minute' })
  app.get<CaseParams>('/cases/:caseId/notification.pdf', { preHandler: [pdfLimit, requirePermission('cases:work:any')] }, async (req, reply) => {
    const data = await getNotificationLetter(deps, { actor: req.actor, caseId: req.params.caseId })
    return sendPdf(reply, notificationLetterFileName(data), () => renderNotificationLetterPdf(deps.pdf, data, deps.clock.now()))
  })
}
