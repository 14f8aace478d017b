/**
 * The help form's screenshot: read the multipart body (after the CSRF and permission checks),
 * stream the file through receiveUpload, and keep a good upload in the session so that a post
 * failing validation does not make the person upload it again.
 *
 * The session holds the file's key and details (`supportScreenshot`); the page only carries a
 * random token in a hidden field. The token is looked up in the session that uploaded the file,
 * so it cannot be swapped for another person's file, and the key never reaches the browser.
 */
import { randomBytes } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { SCREENSHOT_MEDIA_TYPES, type MediaType } from '#src/documents/documents.model.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import { isUploadProblem, receiveUpload, type ReceivedUpload } from '#src/documents/receive-upload.ts'
import { AppError } from '#src/platform/errors.ts'
import type { FormBody } from '#src/server/plugins/body-parsers.ts'
import { receiveMultipartFiles } from '#src/web/lib/multipart-form.ts'

export type PendingScreenshot = { token: string; key: string; name: string; mediaType: MediaType; size: number; sha256: string }

declare module 'fastify' {
  interface Session {
    /** A screenshot uploaded with a help-form post that failed validation (kept for the next try). */
    supportScreenshot?: PendingScreenshot
  }
}

type FileOutcome = { ok: true; upload: ReceivedUpload } | { ok: false; problem: AppError }

export type ContactUpload = {
  body: FormBody
  /** The screenshot for this post: uploaded now, or kept from an earlier post of this session. */
  screenshot?: PendingScreenshot
  /** A file that was refused (too large, wrong type, empty): an error for the file field. */
  problem?: AppError
  /** The key stored by this very request, if any. */
  storedNow?: string
}

export async function receiveContactUpload(deps: { files: FileStore; maxBytes: number }, req: FastifyRequest): Promise<ContactUpload> {
  const { files } = deps
  const stored: string[] = []
  const { body, files: received } = await receiveMultipartFiles(req, async (part): Promise<FileOutcome> => {
    if (part.fieldname !== 'screenshot') throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    try {
      const upload = await receiveUpload({ files }, { part, maxBytes: deps.maxBytes, allowed: SCREENSHOT_MEDIA_TYPES })
      stored.push(upload.key)
      return { ok: true, upload }
    } catch (e) {
      if (isUploadProblem(e)) return { ok: false, problem: e }
      throw e
    }
  }).catch(async (e: unknown) => {
    // The request broke after a file was stored (e.g. a second file over the limit): drop it.
    await Promise.all(stored.map((key) => files.remove(key)))
    throw e
  })

  const kept = req.session.get('supportScreenshot')
  const out: ContactUpload = { body, screenshot: kept && body.screenshotToken === kept.token ? kept : undefined }
  for (const { result } of received) {
    if (!result.ok) {
      out.problem = result.problem
      continue
    }
    // A new upload replaces the kept one, whose file goes.
    if (kept) await files.remove(kept.key)
    const { key, displayName: name, mediaType, size, sha256 } = result.upload
    out.screenshot = { token: randomBytes(16).toString('hex'), key, name, mediaType, size, sha256 }
    out.storedNow = key
    req.session.set('supportScreenshot', out.screenshot)
  }
  return out
}

/** After the ticket is made: the screenshot belongs to it now. */
export function forgetKeptScreenshot(req: FastifyRequest): void {
  req.session.set('supportScreenshot', undefined)
}
