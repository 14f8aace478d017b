/**
 * Receives one uploaded file (a multipart file part, or any stream with a name) into a FileStore
 * (house style R24, stack.md §4.2):
 *
 *  1. streams it to a `.part` file in the store's temporary directory, hashing as it goes;
 *  2. over `maxBytes` (or cut off by the multipart `fileSize` limit) → partial deleted,
 *     AppError('PAYLOAD_TOO_LARGE', documents.errors.tooLarge {max}); an empty file →
 *     AppError('VALIDATION', documents.errors.empty);
 *  3. sniffs the real type from the bytes with file-type: the declared type and the name are
 *     ignored; not in `allowed` → AppError('UNSUPPORTED_MEDIA_TYPE', documents.errors.type);
 *  4. only then moves the file into place under a generated key.
 *
 * Any write error (ENOSPC included) deletes the partial and throws AppError('INSUFFICIENT_STORAGE');
 * the OS error is only the `cause`. Runs outside any database transaction (R3).
 */
import type { Readable } from 'node:stream'
import { AppError } from '#src/platform/errors.ts'
import { cleanDisplayName } from './file-names.rules.ts'
import { isMediaType, type MediaType } from './documents.model.ts'
import type { FileStore, StoredFile } from './file-store.ts'
import { streamToTemp } from './stream-to-temp.ts'

/** The bits of a @fastify/multipart file part we use (kept structural: no framework import). */
export type UploadPart = {
  file: Readable & { truncated?: boolean }
  /** As the browser sent it: display data only. */
  filename?: string
}

export type ReceivedUpload = StoredFile & {
  /** Detected from the content. */
  mediaType: MediaType
  /** Cleaned for display (file-names.rules.ts). */
  displayName: string
}

export type ReceiveUploadOptions = {
  part: UploadPart
  maxBytes: number
  allowed: readonly MediaType[]
}

/** The error codes receiveUpload throws for a bad file (as opposed to a broken request or disk). */
export const UPLOAD_PROBLEM_CODES = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE', 'VALIDATION'] as const
export const isUploadProblem = (e: unknown): e is AppError =>
  e instanceof AppError && (UPLOAD_PROBLEM_CODES as readonly string[]).includes(e.code) && e.messageKey.startsWith('documents.errors.')

const toMb = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10

export async function receiveUpload(deps: { files: FileStore }, opts: ReceiveUploadOptions): Promise<ReceivedUpload> {
  const { files } = deps
  const written = await streamToTemp(files, opts.part.file, { maxBytes: opts.maxBytes })
  if (written.kind === 'too_large') {
    throw new AppError('PAYLOAD_TOO_LARGE', { messageKey: 'documents.errors.tooLarge', params: { max: toMb(opts.maxBytes) } })
  }
  const { tempPath, size, sha256 } = written
  if (size === 0) {
    await files.discardTemp(tempPath)
    throw new AppError('VALIDATION', { messageKey: 'documents.errors.empty' })
  }
  let detected: string | undefined
  try {
    const { fileTypeFromFile } = await import('file-type') // ESM-only and ~0.1 s to load: on first upload
    detected = (await fileTypeFromFile(tempPath))?.mime
  } catch (e) {
    await files.discardTemp(tempPath)
    throw new AppError('INSUFFICIENT_STORAGE', { messageKey: 'errors.page.storage.title', cause: e })
  }
  if (!detected || !isMediaType(detected) || !opts.allowed.includes(detected)) {
    await files.discardTemp(tempPath)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { messageKey: 'documents.errors.type' })
  }
  const stored = await files.put({ tempPath, known: { size, sha256 } })
  return { ...stored, mediaType: detected, displayName: cleanDisplayName(opts.part.filename) }
}
