/**
 * Reading a ticket reply form (multipart): the text fields and an optional `attachment`, streamed
 * through receiveUpload (PNG, JPEG or PDF by content; the declared type is ignored) only after the
 * CSRF and permission checks (multipart-form.ts). A refused or failed reply removes the stored file
 * (`discard`); unlike the help form, the file is not kept across a failed post (the person chooses
 * it again).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { SCREENSHOT_MEDIA_TYPES } from '#src/documents/documents.model.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import { isUploadProblem, receiveUpload } from '#src/documents/receive-upload.ts'
import { AppError } from '#src/platform/errors.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import type { TicketAttachmentInput } from '#src/support/support-thread.model.ts'
import { receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'

export type ReplyUpload = { body: FormBody; attachment?: TicketAttachmentInput; problem?: AppError; discard(): Promise<void> }

export async function receiveReplyUpload(deps: { files: FileStore; maxBytes: number }, req: FastifyRequest): Promise<ReplyUpload> {
  const stored: string[] = []
  const discard = async () => {
    await Promise.all(stored.splice(0).map((key) => deps.files.remove(key)))
  }
  const { body, files } = await receiveMultipartFiles(req, async (part) => {
    if (part.fieldname !== 'attachment') throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    try {
      const upload = await receiveUpload({ files: deps.files }, { part, maxBytes: deps.maxBytes, allowed: SCREENSHOT_MEDIA_TYPES })
      stored.push(upload.key)
      return { ok: true as const, upload }
    } catch (e) {
      if (isUploadProblem(e)) return { ok: false as const, problem: e }
      throw e
    }
  }).catch(async (e: unknown) => {
    await discard()
    throw e
  })
  const out: ReplyUpload = { body, discard }
  for (const { result } of files) {
    if (!result.ok) {
      out.problem = result.problem
      continue
    }
    const { key, displayName: name, mediaType, size, sha256 } = result.upload
    out.attachment = { key, name, mediaType, size, sha256 }
  }
  return out
}

const FORM_ID = /^[A-Za-z0-9_-]{16,64}$/
export const newFormId = () => randomBytes(18).toString('base64url')

/** Bound to the browser session, the ticket and the form instance: a double submit adds one reply. */
export function replyIdempotencyKey(req: FastifyRequest, ticketId: string, formId: unknown): string {
  const id = typeof formId === 'string' && FORM_ID.test(formId) ? formId : newFormId()
  return createHash('sha256').update(`support-reply:${req.session.sessionId}:${ticketId}:${id}`).digest('hex')
}

/** Response headers for a ticket file: always a download, never sniffed (file-names.rules.ts). */
export { downloadHeaders } from '#src/documents/file-names.rules.ts'
