/**
 * Deadline extensions for AMLO staff, under /staff/extensions (issue 7):
 *
 *   GET  /               pending requests (oldest first) and recent decisions
 *   GET  /new            extend one business's deadline directly      POST /   extend
 *   GET  /:id            one request, with the grant and refuse forms
 *   POST /:id/grant      grant (the requested date or another one)
 *   POST /:id/refuse     refuse with a reason
 *
 * Every route declares `extensions:decide:any` (supervisors and admins, R5); the use cases audit
 * and e-mail the business. Forms work without JavaScript (422 + error summary, 303 after success).
 */
import type { FastifyPluginAsync } from 'fastify'
import { ExtendDeadlineInput, GrantExtensionInput, RefuseExtensionInput } from '#src/cycles/cycles.schemas.ts'
import { decideExtensionRequest } from '#src/cycles/decide-extension.ts'
import { extendDeadline } from '#src/cycles/extend-deadline.ts'
import { getExtensionForStaff, listCyclesForExtension, listExtensionsForStaff } from '#src/cycles/list-extensions.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseForm, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { ExtendDeadlinePage, ExtensionPage, ExtensionsListPage, extensionPath } from './extensions-pages.tsx'

type IdParams = { Params: { id: string } }
const rawOf = (body: unknown): RawForm => (body && typeof body === 'object' ? (body as RawForm) : {})

export const extensionStaffRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('extensions:decide:any') }

  app.get('/', guard, async (req, reply) => {
    const { pending, recent } = await listExtensionsForStaff(deps, { actor: req.actor })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <ExtensionsListPage ctx={ctx} pending={pending} recent={recent} flash={flash} />)
  })

  app.get('/new', guard, async (req, reply) => {
    const cycles = await listCyclesForExtension(deps, { actor: req.actor })
    return sendPage(req, reply, (ctx) => <ExtendDeadlinePage ctx={ctx} cycles={cycles} />)
  })

  app.post('/', guard, async (req, reply) => {
    const form = parseForm(ExtendDeadlineInput, req.body)
    const invalid = async (errors: FormErrors) => {
      const cycles = await listCyclesForExtension(deps, { actor: req.actor })
      return respond(req, reply).invalid((ctx) => <ExtendDeadlinePage ctx={ctx} cycles={cycles} values={rawOf(req.body)} errors={errors} />)
    }
    if (!form.ok) return invalid(form.errors)
    const result = await extendDeadline(deps, { actor: req.actor, input: form.value, ip: req.ip })
    if (!result.ok) return invalid(result.errors)
    setFlash(req, 'cycles.extend.done', { business: result.entityName })
    return respond(req, reply).redirect('/staff/extensions')
  })

  app.get<IdParams>('/:id', guard, async (req, reply) => {
    const row = await getExtensionForStaff(deps, { actor: req.actor, extensionId: req.params.id })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <ExtensionPage ctx={ctx} row={row} flash={flash} />)
  })

  app.post<IdParams>('/:id/grant', guard, async (req, reply) => {
    const row = await getExtensionForStaff(deps, { actor: req.actor, extensionId: req.params.id })
    const form = parseForm(GrantExtensionInput, req.body)
    const invalid = (errors: FormErrors) => respond(req, reply).invalid((ctx) => <ExtensionPage ctx={ctx} row={row} form={{ kind: 'grant', values: rawOf(req.body), errors }} />)
    if (!form.ok) return invalid(form.errors)
    const result = await decideExtensionRequest(deps, { actor: req.actor, extensionId: row.id, decision: 'grant', deadlineOn: form.value.deadlineOn, reason: form.value.reason, ip: req.ip })
    if (!result.ok) return invalid(result.errors)
    setFlash(req, 'cycles.extension.grant.done')
    return respond(req, reply).redirect(extensionPath(row.id))
  })

  app.post<IdParams>('/:id/refuse', guard, async (req, reply) => {
    const row = await getExtensionForStaff(deps, { actor: req.actor, extensionId: req.params.id })
    const form = parseForm(RefuseExtensionInput, req.body)
    if (!form.ok) return respond(req, reply).invalid((ctx) => <ExtensionPage ctx={ctx} row={row} form={{ kind: 'refuse', values: rawOf(req.body), errors: form.errors }} />)
    await decideExtensionRequest(deps, { actor: req.actor, extensionId: row.id, decision: 'refuse', reason: form.value.reason, ip: req.ip })
    setFlash(req, 'cycles.extension.refuse.done')
    return respond(req, reply).redirect(extensionPath(row.id))
  })
}
