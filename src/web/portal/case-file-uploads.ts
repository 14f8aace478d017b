/**
 * The files a business sends on a case (answers to information requests, evidence of remediation,
 * responses to a draft report): multipart file parts streamed through receiveUpload (size limit,
 * type from content; at most MAX_CASE_FILES kept), the errors they give the form, removing them
 * when the post is refused, and sending one back to the business. Shared by the portal case routes.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { MultipartFile } from '@fastify/multipart'
import { MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import type { CaseFile } from '#src/cases/case-tasks.repo.ts'
import { MEDIA_TYPES } from '#src/documents/documents.model.ts'
import { downloadHeaders } from '#src/documents/file-names.rules.ts'
import { isUploadProblem, receiveUpload } from '#src/documents/receive-upload.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'
import type { FormErrors } from '#src/web/lib/parse-form.ts'

export type ReceivedCaseFiles = { files: CaseFile[]; body: FormBody; problem?: AppError; tooMany: boolean }

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

  return { receiveFiles, removeAll, fileErrors, sendCaseFile }
}
