/**
 * The business's side of AMLO cases (registered under /portal/cases):
 *
 *   GET  /requests/:requestId   one of its information requests (the answer form while open)
 *   POST /requests/:requestId   multipart: answer text + up to 5 files → answerInformationRequest → 303 back to its page
 *   GET  /actions/:actionId     one of its remediation actions (the "done" form while open or rejected)
 *   POST /actions/:actionId     multipart: note + evidence files → markRemediationDone → 303 back to its page
 *   GET  /requests/:requestId/files/:index, /actions/:actionId/files/:index   a file the business sent
 *
 * Every lookup is scoped to the signed-in user's business in SQL: another business's request or
 * action is 404. Multipart as in attachments.routes.tsx: CSRF and the permission are checked before
 * any file byte is read; each file goes through receiveUpload (size limit, type from content). A
 * refused post, or a retry of one already taken, removes the files it stored; a refused one re-renders
 * the page with the error summary (case-file-uploads.ts handleCaseUpload).
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { answerInformationRequest, MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import { getBusinessAction, getBusinessRequest } from '#src/cases/get-business-case-tasks.ts'
import { markRemediationDone } from '#src/cases/mark-remediation-done.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import { takeFlash } from '#src/web/lib/flash.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { caseFileUploads } from './case-file-uploads.ts'
import { CaseActionPage, CaseRequestPage, type CaseFormState } from './case-task-pages.tsx'
import { caseActionPath, caseRequestPath } from './case-tasks-section.tsx'

const str = (v: unknown) => (typeof v === 'string' ? v : '')

export const caseTaskRoutes: FastifyPluginAsync = async (app) => {
  const { config, clock } = app.deps
  const { sendCaseFile, handleCaseUpload } = caseFileUploads(app.deps)

  const form = (body: FormBody | undefined, extra: Partial<CaseFormState> = {}): CaseFormState => ({ idempotencyKey: str(body?.idempotencyKey) || randomUUID(), ...extra })

  app.get<{ Params: { requestId: string } }>('/requests/:requestId', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const request = await getBusinessRequest(app.deps, { actor: req.actor, requestId: req.params.requestId })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CaseRequestPage ctx={ctx} request={request} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(undefined)} flash={flash} />)
  })

  app.post<{ Params: { requestId: string } }>('/requests/:requestId', { ...multipartForm({ maxFiles: MAX_CASE_FILES + 1 }), preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    // CSRF and permission have been checked; the files are still unread. Not this business's: 404 before any byte.
    const request = await getBusinessRequest(app.deps, { actor: req.actor, requestId: req.params.requestId })
    return handleCaseUpload(req, reply, {
      textField: 'answer',
      textRequired: 'cases.errors.textRequired',
      run: ({ text, files, idempotencyKey }) => answerInformationRequest(app.deps, { actor: req.actor, requestId: request.id, answerText: text, files, idempotencyKey }),
      rerender: async (f, status) => {
        const fresh = await getBusinessRequest(app.deps, { actor: req.actor, requestId: request.id })
        return respond(req, reply).invalid((ctx) => <CaseRequestPage ctx={ctx} request={fresh} now={clock.now()} maxUploadMb={config.maxUploadMb} form={f} />, { status })
      },
      flash: 'cases.request.answered',
      redirectTo: caseRequestPath(request.id),
    })
  })

  app.get<{ Params: { requestId: string; index: string } }>('/requests/:requestId/files/:index', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const request = await getBusinessRequest(app.deps, { actor: req.actor, requestId: req.params.requestId })
    return sendCaseFile(reply, request.answerAttachments, req.params.index)
  })

  app.get<{ Params: { actionId: string; index: string } }>('/actions/:actionId/files/:index', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const action = await getBusinessAction(app.deps, { actor: req.actor, actionId: req.params.actionId })
    return sendCaseFile(reply, action.evidence, req.params.index)
  })

  app.get<{ Params: { actionId: string } }>('/actions/:actionId', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const action = await getBusinessAction(app.deps, { actor: req.actor, actionId: req.params.actionId })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CaseActionPage ctx={ctx} action={action} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(undefined)} flash={flash} />)
  })

  app.post<{ Params: { actionId: string } }>('/actions/:actionId', { ...multipartForm({ maxFiles: MAX_CASE_FILES + 1 }), preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const action = await getBusinessAction(app.deps, { actor: req.actor, actionId: req.params.actionId })
    return handleCaseUpload(req, reply, {
      textField: 'note',
      filesRequired: 'cases.errors.evidenceRequired',
      run: ({ text, files, idempotencyKey }) => markRemediationDone(app.deps, { actor: req.actor, actionId: action.id, note: text, files, idempotencyKey }),
      rerender: async (f, status) => {
        const fresh = await getBusinessAction(app.deps, { actor: req.actor, actionId: action.id })
        return respond(req, reply).invalid((ctx) => <CaseActionPage ctx={ctx} action={fresh} now={clock.now()} maxUploadMb={config.maxUploadMb} form={f} />, { status })
      },
      flash: 'cases.action.done',
      redirectTo: caseActionPath(action.id),
    })
  })
}
