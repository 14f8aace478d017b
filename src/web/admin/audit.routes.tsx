/**
 * The audit log viewer under /admin (admins and supervisors: audit:read:any): filters by actor,
 * business, event type and Bangkok date range (BE or CE years), keyset pages, the filtered list as
 * CSV, and the hash chain's state with a "Verify now" button (docs/decisions/0008).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AuditAction } from '#src/audit/audit-events.model.ts'
import { isAuditAction } from '#src/audit/describe-audit-event.ts'
import { readAuditChainState, readAuditLog, readAuditLogForExport, type AuditLogFilters } from '#src/audit/read-audit-log.ts'
import { verifyAuditChainAsStaff } from '#src/audit/verify-audit-chain.ts'
import { isUuid } from '#src/identity/admin-users.ts'
import { can } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { parseDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseForm, unflatten, type FormErrors } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { auditCsv } from './audit-export.ts'
import { AUDIT_SEARCH_MAX, AuditPage } from './audit-page.tsx'

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)
const search = z.string().trim().max(AUDIT_SEARCH_MAX, 'errors.field.tooLong').optional().transform((v) => v || undefined)
const dateBox = z.string().max(20, 'errors.date.notNumber').optional()
/** Day / month / year boxes (BE or CE year) → ISO date; all empty → no bound. */
const optionalDate = z
  .object({ day: dateBox, month: dateBox, year: dateBox })
  .optional()
  .transform((parts, ctx) => {
    const parsed = parseDateParts(parts ?? {})
    if (parsed.ok) return parsed.iso
    if (parsed.empty) return undefined
    ctx.issues.push({ code: 'custom', message: parsed.error, input: parts })
    return z.NEVER
  })

const AuditQuery = z
  .object({
    actor: search,
    business: search,
    action: z.preprocess(emptyToUndefined, z.string().max(60).refine(isAuditAction).transform((v) => v as AuditAction).optional()),
    user: z.preprocess(emptyToUndefined, z.string().trim().refine(isUuid).optional()),
    from: optionalDate,
    to: optionalDate,
    before: z.coerce.number().int().min(1).optional(),
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'auditlog.filter.dateOrder' })
  })
type AuditQuery = z.output<typeof AuditQuery>

/** Problems a person can make in the form; anything else is a tampered link (400). */
const USER_FIXABLE = new Set(['actor', 'business', 'from', 'to'])
const badRequest = () => new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })

const filtersOf = (q: AuditQuery): AuditLogFilters => ({ action: q.action, userId: q.user, actorText: q.actor, businessText: q.business, fromDate: q.from, toDate: q.to })

/** The valid filters as a query string, dates as typed (so a BE year stays BE), without the cursor. */
function filterQuery(q: AuditQuery, raw: Record<string, unknown>): string {
  const p = new URLSearchParams()
  if (q.actor) p.set('actor', q.actor)
  if (q.business) p.set('business', q.business)
  if (q.action) p.set('action', q.action)
  if (q.user) p.set('user', q.user)
  for (const bound of ['from', 'to'] as const) {
    if (!q[bound]) continue
    for (const box of ['day', 'month', 'year']) p.set(`${bound}.${box}`, String(raw[`${bound}.${box}`] ?? ''))
  }
  return p.toString()
}

function parseAuditQuery(query: unknown): { ok: true; value: AuditQuery } | { ok: false; errors: FormErrors } {
  const form = parseForm(AuditQuery, query)
  if (form.ok) return form
  if (Object.keys(form.errors).some((k) => !USER_FIXABLE.has(k.split('.')[0]!))) throw badRequest()
  return { ok: false, errors: form.errors }
}

const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })

export const auditRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const read = { preHandler: requirePermission('audit:read:any') }

  app.get('/audit', read, async (req, reply) => {
    const raw = (req.query ?? {}) as Record<string, unknown>
    const parsed = parseAuditQuery(raw)
    const values = unflatten(raw)
    const chain = await readAuditChainState(deps, { actor: req.actor })
    const canOpenUsers = can(req.actor, 'users:manage:any')
    const flash = takeFlash(req)
    if (!parsed.ok) {
      const view = { rows: [], names: new Map(), entities: new Map(), values, errors: parsed.errors, filterQuery: '', canOpenUsers, chain, flash }
      return sendPage(req, reply, (ctx) => <AuditPage ctx={ctx} {...view} />, { status: 422 })
    }
    const q = parsed.value
    const page = await readAuditLog(deps, { actor: req.actor, filters: filtersOf(q), before: q.before })
    const query = filterQuery(q, raw)
    const olderHref = page.olderBefore ? `/admin/audit?${query ? `${query}&` : ''}before=${page.olderBefore}` : undefined
    return sendPage(req, reply, (ctx) => (
      <AuditPage ctx={ctx} rows={page.rows} names={page.names} entities={page.entities} values={values} filterQuery={query} olderHref={olderHref} canOpenUsers={canOpenUsers} chain={chain} flash={flash} />
    ))
  })

  app.get('/audit/export.csv', read, async (req, reply) => {
    const parsed = parseAuditQuery(req.query)
    if (!parsed.ok) throw badRequest()
    const result = await readAuditLogForExport(deps, { actor: req.actor, filters: filtersOf(parsed.value) })
    const stamp = deps.clock.now().toISOString().slice(0, 10)
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="amrac-audit-${stamp}.csv"`)
      .header('cache-control', 'no-store')
      .header('x-amrac-truncated', result.truncated ? 'true' : 'false')
      .send(auditCsv(req.t, req.locale, result.rows, result.names, result.entities))
  })

  app.post('/audit/verify', read, async (req, reply) => {
    const result = await verifyAuditChainAsStaff(deps, { actor: req.actor, ...meta(req) })
    setFlash(req, result.ok ? 'auditlog.chain.verifiedOk' : 'auditlog.chain.verifiedBroken')
    return respond(req, reply).redirect('/admin/audit')
  })
}
