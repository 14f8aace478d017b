/**
 * The files a business sends on a case (answers to information requests, evidence of remediation,
 * responses to a draft report): multipart file parts streamed through receiveUpload (size limit,
 * type from content; at most MAX_CASE_FILES kept), the errors they give the form, removing them
 * when the post is refused or was already taken (a retry), and sending one back to the business.
 * `handleCaseUpload` is the whole multipart POST of the three portal case forms (answer to a
 * request, remediation done, response to a draft report). Shared by the portal case routes.
 */
import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MultipartFile } from '@fastify/multipart'
import { MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import type { CaseFile } from '#src/cases/case-tasks.repo.ts'
import { MEDIA_TYPES } from '#src/documents/documents.model.ts'
import { downloadHeaders } from '#src/documents/file-names.rules.ts'
import { isUploadProblem, receiveUpload } from '#src/documents/receive-upload.ts'
import { AppError, isAppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { respond } from '#src/web/lib/respond.ts'
import type { CaseFormState } from './case-task-pages.tsx'

export type ReceivedCaseFiles = { files: CaseFile[]; body: FormBody; problem?: AppError; tooMany: boolean }

/** Errors of the use cases that belong on the form rather than an error page. */
const FORM_ERROR_CODES = new Set(['VALIDATION', 'INVALID_TRANSITION', 'BAD_REQUEST'])
/** Use-case errors about the files: shown at the file field, every other one at the text field. */
const FILE_MESSAGES = new Set(['cases.errors.tooManyFiles', 'cases.errors.evidenceRequired'])

export type CaseUpload = {
  /** The form's text field (answer, note, response). */
  textField: string
  /** The message when the text is left empty; absent: the text is optional. */
  textRequired?: MessageKey
  /** The message when no file was sent; absent: files are optional. */
  filesRequired?: MessageKey
  /** Runs the use case; `duplicate`: a retry of a post already taken. */
  run: (input: { text: string; files: CaseFile[]; idempotencyKey: string }) => Promise<{ duplicate: boolean }>
  /** Re-renders the form's page with its errors and what was typed (the refused post's status). */
  rerender: (form: CaseFormState, status: number) => Promise<FastifyReply>
  flash: MessageKey
  /** Where success answers 303. */
  redirectTo: string
}

export function caseFileUploads({ files, config }: Pick<AppDeps, 'files' | 'config'>) {
  const removeAll = (list: readonly CaseFile[]) => Promise.all(list.map((f) => files.remove(f.fileKey)))

  /** Streams every file part through receiveUpload (at most MAX_CASE_FILES kept); bad files become one form error. */
  async function receiveFiles(req: FastifyRequest): Promise<ReceivedCaseFiles> {
    const out: ReceivedCaseFiles = { files: [], body: {} as FormBody, tooMany: false }
    const drop = async (part: MultipartFile) => {
      for await (const _chunk of part.file) {
        // dropped
      }
    }
    const { body } = await receiveMultipartFiles(req, async (part) => {
      if (part.fieldname !== 'file' || out.problem) return drop(part)
      if (out.files.length >= MAX_CASE_FILES) {
        out.tooMany = true
        return drop(part)
      }
      try {
        const u = await receiveUpload({ files }, { part, maxBytes: config.maxUploadBytes, allowed: MEDIA_TYPES })
        out.files.push({ fileKey: u.key, displayName: u.displayName, mediaType: u.mediaType, sizeBytes: u.size, sha256: u.sha256 })
      } catch (e) {
        if (!isUploadProblem(e)) throw e
        out.problem = e
      }
    }).catch(async (e: unknown) => {
      await removeAll(out.files)
      throw e
    })
    out.body = body
    return out
  }

  /** Files refused, too many, or a use-case error → errors for the form (or undefined). */
  function fileErrors(r: ReceivedCaseFiles): { errors: FormErrors; params?: MessageParams; status: number } | undefined {
    if (r.problem) return { errors: { file: r.problem.messageKey }, params: r.problem.params, status: r.problem.httpStatus }
    if (r.tooMany) return { errors: { file: 'cases.errors.tooManyFiles' }, params: { max: MAX_CASE_FILES }, status: 422 }
    return undefined
  }

  /** Downloads one of the files the business itself sent. */
  async function sendCaseFile(reply: FastifyReply, list: readonly CaseFile[], index: string) {
    const f = /^\d{1,2}$/.test(index) ? list[Number(index)] : undefined
    if (!f) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
    const opened = await files.open(f.fileKey)
    return reply.headers({ ...downloadHeaders(f.displayName, f.mediaType), 'content-length': String(opened.size) }).send(opened.stream)
  }

  /**
   * The multipart POST of a portal case form (CSRF, permission and the business's own record are
   * checked by the route before any byte is read): receive the files, check the text and the files,
   * run the use case. A refused post removes the files it stored and re-renders the form; a retry of
   * a post already taken (double submit) removes this post's files — the first post's are the ones
   * kept — and answers like the first.
   */
  async function handleCaseUpload(req: FastifyRequest, reply: FastifyReply, spec: CaseUpload): Promise<FastifyReply> {
    const received = await receiveFiles(req)
    const text = typeof received.body[spec.textField] === 'string' ? (received.body[spec.textField] as string) : ''
    const values: RawForm = { [spec.textField]: text }
    const idempotencyKey = (typeof received.body.idempotencyKey === 'string' ? received.body.idempotencyKey : '') || randomUUID()
    const invalid = async (errors: FormErrors, status: number, params?: MessageParams) => {
      await removeAll(received.files)
      return spec.rerender({ idempotencyKey, values, errors, errorParams: params }, status)
    }
    const bad = fileErrors(received)
    const missingFiles: FormErrors = !bad && spec.filesRequired && !received.files.length ? { file: spec.filesRequired } : {}
    const errors: FormErrors = { ...(spec.textRequired && !text.trim() ? { [spec.textField]: spec.textRequired } : {}), ...bad?.errors, ...missingFiles }
    if (Object.keys(errors).length) return invalid(errors, bad?.status ?? 422, bad?.params)
    let outcome: { duplicate: boolean }
    try {
      outcome = await spec.run({ text, files: received.files, idempotencyKey })
    } catch (e) {
      if (!isAppError(e) || !FORM_ERROR_CODES.has(e.code)) {
        await removeAll(received.files)
        throw e
      }
      return invalid({ [FILE_MESSAGES.has(e.messageKey) ? 'file' : spec.textField]: e.messageKey }, e.httpStatus, e.params)
    }
    if (outcome.duplicate) await removeAll(received.files)
    setFlash(req, spec.flash)
    return respond(req, reply).redirect(spec.redirectTo)
  }

  return { receiveFiles, removeAll, fileErrors, sendCaseFile, handleCaseUpload }
}
