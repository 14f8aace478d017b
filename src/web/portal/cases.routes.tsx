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
 * refused post removes the files it stored and re-renders the page with the error summary.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { answerInformationRequest, MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import { getBusinessAction, getBusinessRequest } from '#src/cases/get-business-case-tasks.ts'
import { markRemediationDone } from '#src/cases/mark-remediation-done.ts'
import { isAppError } from '#src/platform/errors.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { caseFileUploads } from './case-file-uploads.ts'
import { CaseActionPage, CaseRequestPage, type CaseFormState } from './case-task-pages.tsx'
import { caseActionPath, caseRequestPath } from './case-tasks-section.tsx'

const str = (v: unknown) => (typeof v === 'string' ? v : '')
/** Errors of the use cases that belong on the form rather than an error page. */
const FORM_ERROR_CODES = new Set(['VALIDATION', 'INVALID_TRANSITION', 'BAD_REQUEST'])

export const caseTaskRoutes: FastifyPluginAsync = async (app) => {
  const { config, clock } = app.deps
  const { receiveFiles, removeAll, fileErrors, sendCaseFile } = caseFileUploads(app.deps)

  const form = (body: FormBody | undefined, extra: Partial<CaseFormState> = {}): CaseFormState => ({ idempotencyKey: str(body?.idempotencyKey) || randomUUID(), ...extra })

  app.get<{ Params: { requestId: string } }>('/requests/:requestId', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const request = await getBusinessRequest(app.deps, { actor: req.actor, requestId: req.params.requestId })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <CaseRequestPage ctx={ctx} request={request} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(undefined)} flash={flash} />)
  })

  app.post<{ Params: { requestId: string } }>('/requests/:requestId', { ...multipartForm({ maxFiles: MAX_CASE_FILES + 1 }), preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    // CSRF and permission have been checked; the files are still unread. Not this business's: 404 before any byte.
    const request = await getBusinessRequest(app.deps, { actor: req.actor, requestId: req.params.requestId })
    const received = await receiveFiles(req)
    const answer = str(received.body.answer)
    const values: RawForm = { answer }
    const invalid = async (errors: FormErrors, status: number, params?: MessageParams) => {
      await removeAll(received.files)
      const fresh = await getBusinessRequest(app.deps, { actor: req.actor, requestId: request.id })
      return respond(req, reply).invalid(
        (ctx) => <CaseRequestPage ctx={ctx} request={fresh} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(received.body, { values, errors, errorParams: params })} />,
        { status },
      )
    }
    const bad = fileErrors(received)
    const errors: FormErrors = { ...(answer.trim() ? {} : { answer: 'cases.errors.textRequired' }), ...bad?.errors }
    if (Object.keys(errors).length) return invalid(errors, bad?.status ?? 422, bad?.params)
    try {
      await answerInformationRequest(app.deps, { actor: req.actor, requestId: request.id, answerText: answer, files: received.files, idempotencyKey: form(received.body).idempotencyKey })
    } catch (e) {
      if (!isAppError(e) || !FORM_ERROR_CODES.has(e.code)) {
        await removeAll(received.files)
        throw e
      }
      return invalid({ [e.messageKey === 'cases.errors.tooManyFiles' ? 'file' : 'answer']: e.messageKey }, e.httpStatus, e.params)
    }
    setFlash(req, 'cases.request.answered')
    return respond(req, reply).redirect(caseRequestPath(request.id))
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
    const received = await receiveFiles(req)
    const note = str(received.body.note)
    const values: RawForm = { note }
    const invalid = async (errors: FormErrors, status: number, params?: MessageParams) => {
      await removeAll(received.files)
      const fresh = await getBusinessAction(app.deps, { actor: req.actor, actionId: action.id })
      return respond(req, reply).invalid(
        (ctx) => <CaseActionPage ctx={ctx} action={fresh} now={clock.now()} maxUploadMb={config.maxUploadMb} form={form(received.body, { values, errors, errorParams: params })} />,
        { status },
      )
    }
    const bad = fileErrors(received)
    if (bad) return invalid(bad.errors, bad.status, bad.params)
    if (!received.files.length) return invalid({ file: 'cases.errors.evidenceRequired' }, 422)
    try {
      await markRemediationDone(app.deps, { actor: req.actor, actionId: action.id, note, files: received.files, idempotencyKey: form(received.body).idempotencyKey })
    } catch (e) {
      if (!isAppError(e) || !FORM_ERROR_CODES.has(e.code)) {
        await removeAll(received.files)
        throw e
      }
      const path = e.messageKey === 'cases.errors.evidenceRequired' || e.messageKey === 'cases.errors.tooManyFiles' ? 'file' : 'note'
      return invalid({ [path]: e.messageKey }, e.httpStatus, e.params)
    }
    setFlash(req, 'cases.action.done')
    return respond(req, reply).redirect(caseActionPath(action.id))
  })
}
