/**
 * Attachments of the business's assessment (registered under /portal/assessments):
 *
 *   GET  /:cycle/documents/new?part&page&field   the "+ เพิ่มเอกสาร" page of one file question
 *   POST /:cycle/documents                       multipart upload → addAttachment → 303 to the question
 *   GET  /:cycle/documents/:attachmentId         download one of the business's own attachments
 *
 * Multipart and CSRF: see src/web/lib/multipart-form.ts. The fields before the file (the CSRF
 * token first, then part/page/field and the document type) are read in preValidation, the CSRF
 * check and requirePermission run, and only then is the file streamed through receiveUpload (size
 * limit MAX_UPLOAD_MB, type sniffed from the content, the name kept as display data only). A bad
 * file, a missing choice, the quota or a submitted assessment re-render the page with the error
 * summary (413/415/422/409) and the chosen document type kept; nothing is stored.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { MultipartFile } from '@fastify/multipart'
import { z } from 'zod'
import { downloadHeaders } from '#src/documents/file-names.rules.ts'
import { isUploadProblem, receiveUpload, type ReceivedUpload } from '#src/documents/receive-upload.ts'
import { AppError, isAppError } from '#src/platform/errors.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import { isDocumentType, PAGE_ID, PART_ID, type DocumentType } from '#src/questionnaire/engine/index.ts'
import { addAttachment } from '#src/submissions/attachments.ts'
import { getUploadTarget, type UploadTarget } from '#src/submissions/get-upload-target.ts'
import { openAttachment } from '#src/submissions/open-attachment.ts'
import { CYCLE_CODE } from '#src/submissions/open-cycle.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { multipartForm, receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { questionHref, UploadDocumentPage, uploadableMediaTypes } from './upload-document-page.tsx'

/** A form path of a file question: `C1_1_evidence`, `A07.0.document`. */
const FIELD_PATH = /^[A-Za-z0-9_]{1,48}(?:\.\d{1,3}\.[A-Za-z0-9]{1,32})?$/

const Target = z.object({
  part: z.string().regex(PART_ID),
  page: z.string().regex(PAGE_ID),
  field: z.string().regex(FIELD_PATH),
})

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

/** The target named by a query or the hidden fields; junk (arrays, other shapes) is not found, never a 500. */
function parseTarget(raw: unknown): { partId: string; pageId: string; fieldPath: string } {
  const parsed = Target.safeParse(raw && typeof raw === 'object' ? raw : {})
  if (!parsed.success) throw notFound()
  return { partId: parsed.data.part, pageId: parsed.data.page, fieldPath: parsed.data.field }
}

/** The document type for this upload: the only one the question takes, or the one chosen. */
function chosenDocumentType(target: UploadTarget, raw: unknown): DocumentType | undefined {
  const types = target.question.documentTypes
  if (types.length === 1) return types[0]
  return isDocumentType(raw) && types.includes(raw) ? raw : undefined
}

/** Reads a file part to its end without keeping it (no document type chosen: nothing is stored). */
async function discard(part: MultipartFile): Promise<void> {
  for await (const _chunk of part.file) {
    // dropped
  }
}

/** Errors from addAttachment that belong on the form rather than an error page. */
const FORM_ERROR_CODES = new Set(['VALIDATION', 'UNSUPPORTED_MEDIA_TYPE', 'PAYLOAD_TOO_LARGE', 'INVALID_TRANSITION', 'CONFLICT'])
const DOCUMENT_TYPE_KEYS = new Set(['questionnaire.errors.unknownDocumentType', 'questionnaire.errors.file.documentType'])

export const attachmentRoutes: FastifyPluginAsync = async (app) => {
  const { files, config } = app.deps

  type Invalid = { target: UploadTarget; values: RawForm; errors: FormErrors; params?: MessageParams; status: number }
  const invalid = (req: FastifyRequest, reply: FastifyReply, s: Invalid) => {
    return respond(req, reply).invalid(
      (ctx) => (
        <UploadDocumentPage
          ctx={ctx}
          target={s.target}
          maxUploadMb={config.maxUploadMb}
          values={s.values}
          errors={s.errors}
          errorParams={s.params}
        />
      ),
      { status: s.status },
    )
  }

  app.get<{ Params: { cycle: string } }>('/:cycle/documents/new', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    if (!CYCLE_CODE.test(req.params.cycle)) throw notFound()
    const where = parseTarget(req.query)
    const target = await getUploadTarget(app.deps, { actor: req.actor, cycleCode: req.params.cycle, ...where })
    return sendPage(req, reply, (ctx) => <UploadDocumentPage ctx={ctx} target={target} maxUploadMb={config.maxUploadMb} />)
  })

  app.post<{ Params: { cycle: string } }>(
    '/:cycle/documents',
    { ...multipartForm(), preHandler: requirePermission('portal:access:own') },
    async (req, reply) => {
      // CSRF and permission have been checked; the file is still unread.
      if (!CYCLE_CODE.test(req.params.cycle)) throw notFound()
      const head = (req.body ?? {}) as FormBody
      const where = parseTarget(head)
      const target = await getUploadTarget(app.deps, { actor: req.actor, cycleCode: req.params.cycle, ...where })
      const values: RawForm = { documentType: typeof head.documentType === 'string' ? head.documentType : '' }
      if (!target.editable) {
        // Refused before any byte is read; the unread file is discarded when the response goes.
        return invalid(req, reply, { target, values, errors: { file: 'questionnaire.errors.notEditable' }, status: 409 })
      }
      const documentType = chosenDocumentType(target, head.documentType)
      let upload: ReceivedUpload | undefined
      let problem: AppError | undefined
      await receiveMultipartFiles(req, async (part) => {
        if (part.fieldname !== 'file' || !documentType || upload) return discard(part)
        try {
          upload = await receiveUpload({ files }, { part, maxBytes: config.maxUploadBytes, allowed: uploadableMediaTypes([documentType]) })
        } catch (e) {
          if (!isUploadProblem(e)) throw e
          problem = e
        }
      }).catch(async (e: unknown) => {
        // The request broke after the file was stored (e.g. a second file over the limit): drop it.
        if (upload) await files.remove(upload.key)
        throw e
      })

      const errors: FormErrors = {}
      if (!documentType) errors.documentType = 'questionnaire.errors.unknownDocumentType'
      if (problem) errors.file = problem.messageKey
      else if (!upload && documentType) errors.file = 'questionnaire.upload.errors.noFile'
      if (!documentType || !upload) {
        if (upload) await files.remove(upload.key)
        return invalid(req, reply, { target, values, errors, params: problem?.params, status: problem?.httpStatus ?? 422 })
      }

      try {
        const row = await addAttachment(app.deps, { actor: req.actor, cycleCode: target.cycleCode, partId: target.partId, fieldPath: target.fieldPath, documentType, stored: upload })
        setFlash(req, 'questionnaire.upload.added', { name: row.displayName })
        return respond(req, reply).redirect(questionHref(target))
      } catch (e) {
        // addAttachment has removed the stored file already.
        if (!isAppError(e) || !FORM_ERROR_CODES.has(e.code)) throw e
        const path = DOCUMENT_TYPE_KEYS.has(e.messageKey) ? 'documentType' : 'file'
        return invalid(req, reply, { target, values, errors: { [path]: e.messageKey }, params: e.params, status: e.httpStatus })
      }
    },
  )

  app.get<{ Params: { cycle: string; attachmentId: string } }>(
    '/:cycle/documents/:attachmentId',
    { preHandler: requirePermission('portal:access:own') },
    async (req, reply) => {
      if (!CYCLE_CODE.test(req.params.cycle)) throw notFound()
      const file = await openAttachment(app.deps, { actor: req.actor, cycleCode: req.params.cycle, attachmentId: req.params.attachmentId })
      return reply.headers({ ...downloadHeaders(file.displayName, file.mediaType), 'content-length': String(file.size) }).send(file.stream)
    },
  )
}
