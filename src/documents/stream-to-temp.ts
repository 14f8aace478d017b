/**
 * Streams bytes into a `.part` file of a FileStore while computing SHA-256 and counting bytes.
 * Shared by FileStore adapters (`put(stream)`) and receiveUpload.
 *
 * - A write error (ENOSPC, EIO, …) deletes the partial and throws AppError('INSUFFICIENT_STORAGE')
 *   with the OS error only as `cause` (logged, never shown).
 * - A read error (the client went away, a malformed part) deletes the partial and is rethrown as is
 *   when it carries an HTTP status (multipart limit errors), else as AppError('BAD_REQUEST').
 * - Over `maxBytes`, or a source flagged `truncated` (busboy's fileSize limit), deletes the partial
 *   and returns `{ kind: 'too_large' }`. The source is read to its end (discarding) instead of being
 *   destroyed, so a multipart parser can go on to the parts after the file.
 */
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import type { Readable } from 'node:stream'
import { AppError } from '#src/platform/errors.ts'
import type { FileStore } from './file-store.ts'

export type StreamedTemp =
  | { kind: 'ok'; tempPath: string; size: number; sha256: string }
  | { kind: 'too_large' }

const storageError = (cause: unknown) => new AppError('INSUFFICIENT_STORAGE', { messageKey: 'errors.page.storage.title', cause })

function readError(cause: unknown): Error {
  const status = (cause as { statusCode?: unknown })?.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) return cause as Error
  return new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title', cause })
}

export async function streamToTemp(
  store: Pick<FileStore, 'createTemp' | 'discardTemp'>,
  source: Readable & { truncated?: boolean },
  opts: { maxBytes?: number },
): Promise<StreamedTemp> {
  const hash = createHash('sha256')
  let size = 0
  let overLimit = false
  let writeError: unknown
  let temp: ReturnType<FileStore['createTemp']>
  try {
    temp = store.createTemp()
  } catch (e) {
    source.resume()
    throw storageError(e)
  }
  const out = temp.stream
  out.on('error', (e) => {
    writeError ??= e
  })

  const abandon = async () => {
    if (!out.closed) {
      const closed = once(out, 'close').catch(() => undefined)
      out.destroy()
      await closed
    }
    await store.discardTemp(temp.path)
  }

  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer
      size += buf.length
      // After a problem keep reading (and discarding) so the rest of the request can be parsed.
      if (overLimit || writeError !== undefined) continue
      if (opts.maxBytes !== undefined && size > opts.maxBytes) {
        overLimit = true
        continue
      }
      hash.update(buf)
      if (!out.write(buf)) {
        try {
          await once(out, 'drain') // rejects when the stream errors instead
        } catch (e) {
          writeError ??= e
        }
      }
    }
  } catch (e) {
    await abandon()
    throw readError(e)
  }

  if (writeError === undefined && !overLimit && !source.truncated) {
    out.end()
    try {
      await once(out, 'finish')
    } catch (e) {
      writeError ??= e
    }
    // 'finish' can race a late error: wait for the descriptor to close before trusting the file.
    if (!out.closed) await once(out, 'close').catch(() => undefined)
  }
  if (writeError !== undefined) {
    await abandon()
    throw storageError(writeError)
  }
  if (overLimit || source.truncated) {
    await abandon()
    return { kind: 'too_large' }
  }
  return { kind: 'ok', tempPath: temp.path, size, sha256: hash.digest('hex') }
}
