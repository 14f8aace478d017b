/**
 * Exclusive lock on the PGlite data directory (stack.md §4.1): a second process on the same
 * directory silently loses commits or corrupts it for good, so it must refuse to start and never
 * open the directory. The lock is an O_EXCL file holding the owner's pid; a dead pid means stale.
 */
import fs from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly ownerPid: number,
  ) {
    super(
      `The data directory is in use by another AMRAC process (pid ${ownerPid}). ` +
        `Only one process may open an embedded database. Stop that process, or set DATA_DIR to another directory. ` +
        `Lock file: ${lockFile}`,
    )
    this.name = 'DataDirLockedError'
  }
}

export type DataDirLock = { file: string; release(): void }

/** Lock files this process holds: a second open in the same process is refused too. */
const held = new Set<string>()

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

export function acquireDataDirLock(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true })
  const file = path.join(dataDir, 'amrac.lock')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx', 0o600)
      fs.writeSync(fd, String(process.pid))
      fs.closeSync(fd)
      held.add(file)
      let released = false
      return {
        file,
        release() {
          if (released) return
          released = true
          held.delete(file)
          try {
            if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.unlinkSync(file)
          } catch {
            /* already gone */
          }
        },
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const owner = Number(fs.readFileSync(file, 'utf8').trim())
      // Our own pid counts as alive only if this process really holds the lock: in a container the
      // app is often pid 1 again after a crash, and the old file is then stale.
      const ownedHere = owner === process.pid && held.has(file)
      if (ownedHere || (owner !== process.pid && isAlive(owner))) throw new DataDirLockedError(file, owner)
      // Stale lock from a process that died (kill -9, power loss): remove it and try once more.
      fs.rmSync(file, { force: true })
    }
  }
  throw new DataDirLockedError(file, -1)
}
