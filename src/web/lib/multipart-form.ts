/**
 * Reading a multipart/form-data form (a form with a file input) so that the CSRF check and the
 * route's permission guard run BEFORE any file byte is accepted.
 *
 * Fastify's order is: preValidation → preHandler (global CSRF hook, then the route's
 * requirePermission) → handler. So:
 *
 *  1. `multipartForm()` adds a route `preValidation` hook that reads the parts up to the first
 *     file part and stops there, leaving that part unread (busboy applies back-pressure). The text
 *     fields read so far become `req.body`, so the global CSRF preHandler sees `_csrf` exactly as
 *     for a urlencoded form. `<Form>` renders `_csrf` first, so it always precedes the file; a
 *     token placed after the file is simply not seen and the post gets 403 with nothing stored.
 *  2. The preHandlers run (CSRF 403, permission 401/403) with the file still unread.
 *  3. The handler calls `receiveMultipartFiles(req, onFile)`, which hands each file part to
 *     `onFile` (e.g. receiveUpload) and adds any later text fields to `req.body`.
 *
 * If the response goes out before the handler read the file (403, an error), a route `onResponse`
 * hook discards the rest of the upload so the connection is not left hanging. Fields are checked
 * like urlencoded ones: NUL bytes and broken UTF-16 → 400, a truncated field or name → 413,
 * `__proto__` → 400 (by @fastify/multipart); repeated names become arrays.
 * A non-multipart post to the same route is parsed as usual and simply has no files.
 */
import type { MultipartFile, MultipartValue } from '@fastify/multipart'
import type { FastifyRequest, onResponseAsyncHookHandler, preValidationAsyncHookHandler } from 'fastify'
import { AppError } from '#src/platform/errors.ts'
import { hasForbiddenChars, type FormBody } from '#src/server/plugins/body-parsers.ts'

type Part = MultipartFile | MultipartValue
type State = { parts: AsyncIterator<Part>; body: FormBody; pendingFile?: MultipartFile; done: boolean }

const states = new WeakMap<FastifyRequest, State>()
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

const badRequest = () => new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', { messageKey: 'errors.page.tooLarge.title' })

function addField(body: FormBody, part: MultipartValue): void {
  if (part.fieldnameTruncated || part.valueTruncated) throw tooLarge()
  const { fieldname: name, value } = part
  if (typeof value !== 'string') throw badRequest() // a JSON-typed part
  if (FORBIDDEN_KEYS.has(name) || name.length > 200 || hasForbiddenChars(name) || hasForbiddenChars(value)) throw badRequest()
  const prev = body[name]
  if (prev === undefined) body[name] = value
  else if (Array.isArray(prev)) prev.push(value)
  else body[name] = [prev, value]
}

async function next(state: State): Promise<Part | undefined> {
  if (state.pendingFile) {
    const file = state.pendingFile
    state.pendingFile = undefined
    return file
  }
  if (state.done) return undefined
  const r = await state.parts.next()
  if (r.done) {
    state.done = true
    return undefined
  }
  return r.value
}

/** Reads text fields up to the first file part into req.body (see the header); `maxFiles` raises the plugin's one-file limit. */
const readLeadingFieldsUpTo = (maxFiles?: number): preValidationAsyncHookHandler => async (req) => {
  if (!req.isMultipart()) return
  const state: State = { parts: maxFiles ? req.parts({ limits: { files: maxFiles } }) : req.parts(), body: Object.create(null) as FormBody, done: false }
  states.set(req, state)
  req.body = state.body
  for (let part = await next(state); part; part = await next(state)) {
    if (part.type === 'file') {
      state.pendingFile = part
      return
    }
    addField(state.body, part)
  }
}

/** Discards an upload nobody read (the post was refused before the handler ran). */
const releaseUnreadFile: onResponseAsyncHookHandler = async (req) => {
  const state = states.get(req)
  if (!state) return
  states.delete(req)
  if (state.done && !state.pendingFile) return
  // Read (and drop) whatever is left so busboy reaches the end of the body; errors do not matter now.
  void (async () => {
    try {
      for (let part = await next(state); part; part = await next(state)) if (part.type === 'file') part.file.resume()
    } catch {
      // the request is over
    }
  })()
}

const readLeadingFields = readLeadingFieldsUpTo()

/** Route options for a multipart form route: `{ ...multipartForm(), preHandler: requirePermission(…) }` (one file unless `maxFiles`). */
export function multipartForm(opts: { maxFiles?: number } = {}) {
  return { preValidation: opts.maxFiles ? readLeadingFieldsUpTo(opts.maxFiles) : readLeadingFields, onResponse: releaseUnreadFile }
}

/**
 * In the handler, after CSRF and permission checks: passes every non-empty file part to `onFile`
 * (an empty file input — no file chosen — is skipped) and adds later text fields to req.body.
 * `onFile` must read the stream to its end or throw; on a throw the part is drained and the error
 * rethrown.
 */
export async function receiveMultipartFiles<R>(
  req: FastifyRequest,
  onFile: (part: MultipartFile) => Promise<R>,
): Promise<{ body: FormBody; files: { field: string; result: R }[] }> {
  const state = states.get(req)
  if (!state) return { body: (req.body ?? {}) as FormBody, files: [] }
  const files: { field: string; result: R }[] = []
  for (let part = await next(state); part; part = await next(state)) {
    if (part.type === 'field') {
      addField(state.body, part)
      continue
    }
    if (!part.filename) {
      // <input type="file"> with nothing chosen still sends an empty part without a name.
      part.file.resume()
      continue
    }
    try {
      files.push({ field: part.fieldname, result: await onFile(part) })
    } catch (e) {
      part.file.resume()
      throw e
    }
  }
  return { body: state.body, files }
}
