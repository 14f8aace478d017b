/**
 * FileStore on the local disk, under DATA_DIR/files:
 *
 *   files/tmp/<random>.part        uploads being written (swept at start-up)
 *   files/ab/cd/abcd…(32 hex)      stored files, sharded by the first two byte pairs of the key
 *
 * Keys are random (128 bits), so a user's file name never reaches the file system. Temporary files
 * live on the same file system as the store, so moving one into place is an atomic rename.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import path from 'node:path'
import type { Readable } from 'node:stream'
import { AppError } from '#src/platform/errors.ts'
import { isFileKey, PARTIAL_SUFFIX, type FileStore, type StoredFile, type TempFile, type TempSource } from './file-store.ts'
import { streamToTemp } from './stream-to-temp.ts'

export type LocalFileStore = FileStore & { readonly root: string; readonly tmpDir: string }

export const storageError = (cause: unknown) =>
  new AppError('INSUFFICIENT_STORAGE', { messageKey: 'errors.page.storage.title', cause })

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

const newKey = () => randomBytes(16).toString('hex')

async function sha256OfFile(file: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256')
  let size = 0
  for await (const chunk of fs.createReadStream(file)) {
    size += (chunk as Buffer).length
    hash.update(chunk as Buffer)
  }
  return { size, sha256: hash.digest('hex') }
}

export function createLocalFileStore(root: string): LocalFileStore {
  const absRoot = path.resolve(root)
  const tmpDir = path.join(absRoot, 'tmp')
  fs.mkdirSync(tmpDir, { recursive: true, mode: 0o700 })

  const pathOf = (key: string) => path.join(absRoot, key.slice(0, 2), key.slice(2, 4), key)

  const discardTemp = async (tempPath: string) => {
    await fsp.rm(tempPath, { force: true }).catch(() => undefined)
  }

  const createTemp = (): TempFile => {
    const p = path.join(tmpDir, `${randomBytes(12).toString('hex')}${PARTIAL_SUFFIX}`)
    return { path: p, stream: fs.createWriteStream(p, { flags: 'wx', mode: 0o600 }) }
  }

  async function moveIntoPlace(source: TempSource): Promise<StoredFile> {
    const tempPath = path.resolve(source.tempPath)
    if (path.dirname(tempPath) !== tmpDir || !tempPath.endsWith(PARTIAL_SUFFIX)) {
      throw new Error('FileStore.put({ tempPath }) only takes a file made by createTemp() of the same store')
    }
    try {
      const { size, sha256 } = source.known ?? (await sha256OfFile(tempPath))
      const key = newKey()
      const target = pathOf(key)
      await fsp.mkdir(path.dirname(target), { recursive: true, mode: 0o700 })
      await fsp.rename(tempPath, target)
      return { key, size, sha256 }
    } catch (e) {
      await discardTemp(tempPath)
      throw storageError(e)
    }
  }

  const store: LocalFileStore = {
    root: absRoot,
    tmpDir,
    createTemp,
    discardTemp,
    async put(source: Readable | TempSource): Promise<StoredFile> {
      if ('tempPath' in source) return moveIntoPlace(source)
      const written = await streamToTemp(store, source, {})
      if (written.kind === 'too_large') throw new Error('unreachable: no size limit given')
      return moveIntoPlace({ tempPath: written.tempPath, known: { size: written.size, sha256: written.sha256 } })
    },
    async open(key: string) {
      if (!isFileKey(key)) throw notFound()
      let handle: fsp.FileHandle
      try {
        handle = await fsp.open(pathOf(key), 'r')
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw notFound()
        throw e
      }
      try {
        const { size } = await handle.stat()
        // The stream owns the descriptor from here: it closes it at the end or on destroy().
        return { stream: handle.createReadStream(), size }
      } catch (e) {
        await handle.close()
        throw e
      }
    },
    async remove(key: string) {
      if (!isFileKey(key)) return
      await fsp.rm(pathOf(key), { force: true })
    },
  }
  return store
}

/**
 * Start-up sweep: deletes `.part` files left by uploads interrupted by a crash or restart. Call it
 * once before the server listens. `olderThanMs` spares uploads in progress when several instances
 * share one store (requests time out long before 10 minutes). Returns how many were removed.
 */
export async function sweepPartialUploads(
  store: Pick<LocalFileStore, 'tmpDir'>,
  opts: { now?: Date; olderThanMs?: number } = {},
): Promise<number> {
  const now = (opts.now ?? new Date()).getTime()
  const olderThan = opts.olderThanMs ?? 0
  let entries: string[]
  try {
    entries = await fsp.readdir(store.tmpDir)
  } catch {
    return 0
  }
  let removed = 0
  for (const name of entries) {
    if (!name.endsWith(PARTIAL_SUFFIX)) continue
    const p = path.join(store.tmpDir, name)
    try {
      const st = await fsp.lstat(p)
      if (!st.isFile() || now - st.mtimeMs < olderThan) continue
      await fsp.rm(p, { force: true })
      removed++
    } catch {
      // vanished meanwhile, or unreadable: leave it for the next sweep
    }
  }
  return removed
}
