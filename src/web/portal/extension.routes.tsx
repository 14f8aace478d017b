/**
 * A business asks for more time, under /portal/assessments (issue 7):
 *
 *   GET  /:cycle/extension    the request form (or why a request cannot be made now)
 *   POST /:cycle/extension    send the request (303 to the task list, which shows it)
 *
 * `portal:access:own` (R5); the use case scopes everything to the user's business and audits.
 */
import type { FastifyPluginAsync } from 'fastify'
import { RequestExtensionInput } from '#src/cycles/cycles.schemas.ts'
import { getExtensionStatus } from '#src/cycles/get-extension-status.ts'
import { requestExtension } from '#src/cycles/request-extension.ts'
import { AppError } from '#src/platform/errors.ts'
import { isCycleCode } from '#src/submissions/open-cycle.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { parseForm, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { assessmentPaths } from './assessment-pages.tsx'
import { ExtensionRequestPage } from './extension-pages.tsx'

type CycleParams = { Params: { cycle: string } }

const checkCycle = (cycle: string) => {
  if (!isCycleCode(cycle)) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  return cycle
}
const rawOf = (body: unknown): RawForm => (body && typeof body === 'object' ? (body as RawForm) : {})

export const extensionRequestRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('portal:access:own') }

  app.get<CycleParams>('/:cycle/extension', guard, async (req, reply) => {
    const view = await getExtensionStatus(deps, { actor: req.actor, cycleCode: checkCycle(req.params.cycle) })
    return sendPage(req, reply, (ctx) => <ExtensionRequestPage ctx={ctx} view={view} taskListHref={assessmentPaths(view.cycle.code).taskList} />)
  })

  app.post<CycleParams>('/:cycle/extension', guard, async (req, reply) => {
    const cycleCode = checkCycle(req.params.cycle)
    const form = parseForm(RequestExtensionInput, req.body)
    const invalid = async (errors: FormErrors) => {
      const view = await getExtensionStatus(deps, { actor: req.actor, cycleCode })
      return respond(req, reply).invalid((ctx) => <ExtensionRequestPage ctx={ctx} view={view} taskListHref={assessmentPaths(cycleCode).taskList} values={rawOf(req.body)} errors={errors} />)
    }
    if (!form.ok) return invalid(form.errors)
    const result = await requestExtension(deps, { actor: req.actor, cycleCode, input: form.value, ip: req.ip })
    if (!result.ok) return invalid(result.errors)
    setFlash(req, 'cycles.request.done')
    return respond(req, reply).redirect(assessmentPaths(cycleCode).taskList)
  })
}
