/**
 * Assessment cycles for admins, under /admin/cycles (issue 7):
 *
 *   GET  /                  the cycles with counts (assessments, submitted, pending extension requests)
 *   GET  /new               the create form               POST /   create (303 to the cycle)
 *   GET  /:code             one cycle: settings form and close / reopen
 *   POST /:code             save the settings (names, period, opening day, deadline, version)
 *   POST /:code/status      close or reopen
 *
 * Every route declares `cycles:manage:any` (R5); use cases audit every change; forms work without
 * JavaScript (422 page with the error summary, 303 after success).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { changeCycleStatus } from '#src/cycles/change-cycle-status.ts'
import { CreateCycleInput, CycleStatusInput, EditCycleInput } from '#src/cycles/cycles.schemas.ts'
import { createCycle } from '#src/cycles/create-cycle.ts'
import { getCycleForAdmin } from '#src/cycles/get-cycle.ts'
import { listCyclesForAdmin } from '#src/cycles/list-cycles.ts'
import { publishedQuestionnaireVersions } from '#src/cycles/cycles.shared.ts'
import { updateCycleSettings } from '#src/cycles/update-cycle.ts'
import { AppError } from '#src/platform/errors.ts'
import { isCycleCode } from '#src/submissions/open-cycle.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseForm, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { CreateCyclePage, CyclePage, CyclesListPage, cyclePath } from './cycles-pages.tsx'

type CodeParams = { Params: { code: string } }

const checkCode = (code: string) => {
  if (!isCycleCode(code)) throw new AppError('NOT_FOUND', { messageKey: 'cycles.errors.notFound' })
  return code
}
const rawOf = (body: unknown): RawForm => (body && typeof body === 'object' ? (body as RawForm) : {})
const ip = (req: FastifyRequest) => req.ip

export const cycleAdminRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cycles:manage:any') }

  app.get('/', guard, async (req, reply) => {
    const rows = await listCyclesForAdmin(deps, { actor: req.actor })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CyclesListPage ctx={ctx} rows={rows} now={deps.clock.now()} flash={flash} />)
  })

  app.get('/new', guard, async (req, reply) => {
    const versions = await publishedQuestionnaireVersions(deps)
    return sendPage(req, reply, (ctx) => <CreateCyclePage ctx={ctx} versions={versions} />)
  })

  app.post('/', guard, async (req, reply) => {
    const form = parseForm(CreateCycleInput, req.body)
    const versions = await publishedQuestionnaireVersions(deps)
    if (!form.ok) return respond(req, reply).invalid((ctx) => <CreateCyclePage ctx={ctx} versions={versions} values={form.values} errors={form.errors} />)
    const result = await createCycle(deps, { actor: req.actor, input: form.value, ip: ip(req) })
    if (!result.ok) return respond(req, reply).invalid((ctx) => <CreateCyclePage ctx={ctx} versions={versions} values={rawOf(req.body)} errors={result.errors} />)
    setFlash(req, 'cycles.create.done', { code: result.cycle.code })
    return respond(req, reply).redirect(cyclePath(result.cycle.code))
  })

  app.get<CodeParams>('/:code', guard, async (req, reply) => {
    const view = await getCycleForAdmin(deps, { actor: req.actor, code: checkCode(req.params.code) })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CyclePage ctx={ctx} {...view} now={deps.clock.now()} flash={flash} />)
  })

  app.post<CodeParams>('/:code', guard, async (req, reply) => {
    const code = checkCode(req.params.code)
    const form = parseForm(EditCycleInput, req.body)
    const invalid = async (errors: FormErrors) => {
      const view = await getCycleForAdmin(deps, { actor: req.actor, code })
      return respond(req, reply).invalid((ctx) => <CyclePage ctx={ctx} {...view} now={deps.clock.now()} values={rawOf(req.body)} errors={errors} />)
    }
    if (!form.ok) return invalid(form.errors)
    const result = await updateCycleSettings(deps, { actor: req.actor, code, input: form.value, ip: ip(req) })
    if (!result.ok) return invalid(result.errors)
    setFlash(req, 'cycles.edit.done')
    return respond(req, reply).redirect(cyclePath(code))
  })

  app.post<CodeParams>('/:code/status', guard, async (req, reply) => {
    const code = checkCode(req.params.code)
    const form = parseForm(CycleStatusInput, req.body)
    if (!form.ok) throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    await changeCycleStatus(deps, { actor: req.actor, code, action: form.value.action, ip: ip(req) })
    setFlash(req, form.value.action === 'close' ? 'cycles.close.done' : 'cycles.reopen.done')
    return respond(req, reply).redirect(cyclePath(code))
  })
}
