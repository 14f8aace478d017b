/**
 * Documents staff attach to a case (issue 8; registered under /staff):
 *
 *   POST /cases/:caseId/documents                 + เพิ่มเอกสาร: a title (optional) and one file (multipart)
 *   GET  /cases/:caseId/documents/:documentId     open it (audited, like the business's files)
 *
 * `cases:work:any`. The file is read only after the CSRF check and the permission guard
 * (multipartForm), streamed through receiveUpload (size limit, type from content). A refused post
 * re-renders the case page with the message at the file field and the title as typed, and removes
 * whatever was stored; a repeated post (same form key) stores nothing a second time.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import type { MultipartFile } from '@fastify/multipart'
import { addCaseDocument } from '#src/cases/add-case-document.ts'
import type { CaseFile } from '#src/cases/case-tasks.repo.ts'
import { getCaseView } from '#src/cases/get-case-view.ts'
import { openCaseFile } from '#src/cases/open-case-file.ts'
import { MEDIA_TYPES } from '#src/documents/documents.model.ts'
import { isUploadProblem, receiveUpload } from '#src/documents/receive-upload.ts'
import { isAppError, type AppError } from '#src/platform/errors.ts'
import { isMessageKey } from '#src/platform/i18n/catalog.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { multipartForm, receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { mediaTypeNames } from '#src/web/portal/upload-document-page.tsx'
import { caseFileHeaders } from './case-files.routes.tsx'
import { CasePage } from './case-page.tsx'
import { caseHref } from './inbox-page.tsx'

type CaseParams = { Params: { caseId: string } }
const text = (v: unknown) => (typeof v === 'string' ? v : '')

export const caseDocumentRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const permission = requirePermission('cases:work:any')

  app.post<CaseParams>('/cases/:caseId/documents', { ...multipartForm({ maxFiles: 2 }), preHandler: permission }, async (req, reply) => {
    let stored: CaseFile | null = null
    let problem: AppError | undefined
    const drain = async (part: MultipartFile) => {
      for await (const _chunk of part.file) {
        // one file per post: further parts are read and dropped
      }
    }
    const { body } = await receiveMultipartFiles(req, async (part) => {
      if (part.fieldname !== 'file' || stored || problem) return drain(part)
      try {
        const u = await receiveUpload({ files: deps.files }, { part, maxBytes: deps.config.maxUploadBytes, allowed: MEDIA_TYPES })
        stored = { fileKey: u.key, displayName: u.displayName, mediaType: u.mediaType, sizeBytes: u.size, sha256: u.sha256 }
      } catch (e) {
        if (!isUploadProblem(e)) throw e
        problem = e
      }
    })
    const file = stored as CaseFile | null
    const title = text(body.title)
    try {
      if (problem) throw problem
      const r = await addCaseDocument(deps, { actor: req.actor, caseId: req.params.caseId, title, file, idempotencyKey: text(body.idempotencyKey).slice(0, 100) || randomUUID() })
      if (r.duplicate && file) await deps.files.remove(file.fileKey)
      if (!r.duplicate) setFlash(req, 'casedocs.added', { title: title.trim() || file!.displayName })
      return respond(req, reply).redirect(`${caseHref(req.params.caseId)}#case-documents`)
    } catch (e) {
      if (file) await deps.files.remove(file.fileKey)
      if (!isAppError(e) || !['VALIDATION', 'PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'CONFLICT'].includes(e.code) || !e.messageKey || !isMessageKey(e.messageKey)) throw e
      const messageKey = e.messageKey
      const view = await getCaseView(deps, { actor: req.actor, caseId: req.params.caseId })
      const fieldId = e.messageKey === 'cases.errors.tooLong' ? 'documentTitle' : 'documentFile'
      // File messages name the accepted types and the size limit.
      return respond(req, reply).invalid(
        (ctx) => (
          <CasePage
            ctx={ctx}
            view={view}
            formKey={randomUUID()}
            problem={{ form: 'document', messageKey, values: { title }, fieldId, params: { max: deps.config.maxUploadMb, types: mediaTypeNames(MEDIA_TYPES, ctx.locale), ...e.params } }}
          />
        ),
        { status: e.httpStatus },
      )
    }
  })

  app.get<{ Params: { caseId: string; documentId: string } }>('/cases/:caseId/documents/:documentId', { preHandler: permission }, async (req, reply) => {
    const file = await openCaseFile(deps, { actor: req.actor, caseId: req.params.caseId, source: 'case_document', itemId: req.params.documentId, index: '0', ip: req.ip, userAgent: req.headers['user-agent'] })
    return reply.headers(caseFileHeaders(file.displayName, file.mediaType, file.size)).send(file.stream)
  })
}

