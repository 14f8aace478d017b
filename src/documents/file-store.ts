/**
 * The FileStore port (house style R24): where uploaded files live. Use cases and routes only see
 * this interface; the local-disk adapter is local-file-store.ts (an object-store adapter can follow).
 *
 * Keys are generated ids (32 lowercase hex characters), never a user's file name: the name a user
 * gave is display data only (see file-names.rules.ts), stored beside the key by the owning module.
 */
import type { Readable, Writable } from 'node:stream'

export type StoredFile = {
  key: string
  /** Bytes. */
  size: number
  /** Lowercase hex SHA-256 of the content. */
  sha256: string
}

/** A `.part` file in the store's own temporary area, being written by an upload. */
export type TempFile = {
  path: string
  stream: Writable
}

/** A finished temporary file to move into the store; `known` skips re-hashing when already computed. */
export type TempSource = { tempPath: string; known?: { size: number; sha256: string } }

export interface FileStore {
  /**
   * Stores a stream (written to a `.part` file, then moved into place) or a finished temp file from
   * `createTemp()` (moved, not copied). A failed write deletes the partial and throws
   * AppError('INSUFFICIENT_STORAGE'); the OS error is kept only as the cause.
   */
  put(source: Readable | TempSource): Promise<StoredFile>
  /** Streams a stored file; AppError('NOT_FOUND') for an unknown or malformed key. */
  open(key: string): Promise<{ stream: Readable; size: number }>
  /** Deletes a stored file; a missing file is not an error. */
  remove(key: string): Promise<void>
  /** A new `.part` file in the store's temporary directory (same file system, so moving is a rename). */
  createTemp(): TempFile
  /** Deletes a temporary file if it exists (never throws). */
  discardTemp(tempPath: string): Promise<void>
}

export const FILE_KEY_PATTERN = /^[0-9a-f]{32}$/
export const isFileKey = (key: string): boolean => FILE_KEY_PATTERN.test(key)
/** The suffix of every temporary upload file; the start-up sweep removes leftovers. */
export const PARTIAL_SUFFIX = '.part'
