/**
 * A migrated, cleanly closed PGlite cluster kept in <project>/.cache, one per PGlite version and set
 * of migrations. A new embedded database starts as a copy of it (~0.2 s) instead of running initdb
 * (~3 s and ~800 MB on this machine, far more under load): the first `npm start` on a fresh data
 * directory, every browser-suite run and every PGlite test file. Built in a private directory and
 * renamed into place, so parallel processes never see half a template.
 */
import { createHash, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const CACHE_DIR = path.join(ROOT, '.cache')
const READY_MARK = 'READY'

/** The installed PGlite's version: a new one may write a different on-disk format. */
function pgliteVersion(): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'))
  for (;;) {
    const file = path.join(dir, 'package.json')
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string }
      if (pkg.name === '@electric-sql/pglite' && pkg.version) return pkg.version
    }
    const up = path.dirname(dir)
    if (up === dir) return 'unknown'
    dir = up
  }
}

function migrationsHash(migrationsDir: string): string {
  const h = createHash('sha256')
  for (const f of fs.readdirSync(migrationsDir, { recursive: true }).map(String).sort()) {
    const p = path.join(migrationsDir, f)
    if (fs.statSync(p).isFile()) h.update(f).update(fs.readFileSync(p))
  }
  return h.digest('hex').slice(0, 16)
}

/** Returns the template directory (its cluster is in `<dir>/pgdata`), building it when missing. */
export async function ensurePgliteTemplate(migrationsDir: string, cacheDir = CACHE_DIR): Promise<string> {
  const template = path.join(cacheDir, `pglite-template-${pgliteVersion()}-${migrationsHash(migrationsDir)}`)
  if (fs.existsSync(path.join(template, READY_MARK))) return template
  fs.mkdirSync(cacheDir, { recursive: true })
  removeAbandonedBuilds(cacheDir)
  const building = path.join(cacheDir, `building-${process.pid}-${randomBytes(4).toString('hex')}`)
  fs.mkdirSync(building)
  try {
    const { PGlite } = await import('@electric-sql/pglite')
    const { drizzle } = await import('drizzle-orm/pglite')
    const { migrate } = await import('drizzle-orm/pglite/migrator')
    const { pg_trgm } = await import('@electric-sql/pglite/contrib/pg_trgm')
    const client = await PGlite.create({ dataDir: path.join(building, 'pgdata'), extensions: { pg_trgm } })
    try {
      await migrate(drizzle(client), { migrationsFolder: migrationsDir })
    } finally {
      await client.close()
    }
    fs.writeFileSync(path.join(building, READY_MARK), new Date().toISOString())
    try {
      fs.renameSync(building, template)
    } catch (e) {
      if (!fs.existsSync(path.join(template, READY_MARK))) throw e // else another process won the race
    }
    return template
  } finally {
    fs.rmSync(building, { recursive: true, force: true })
  }
}

/** Removes half-built templates left by processes that were killed while building one. */
function removeAbandonedBuilds(cacheDir: string): void {
  for (const name of fs.readdirSync(cacheDir)) {
    const pid = Number(/^building-(\d+)-/.exec(name)?.[1])
    if (pid && !isAlive(pid)) fs.rmSync(path.join(cacheDir, name), { recursive: true, force: true })
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** True when `dir` holds no cluster and nothing else (a template may be copied into it). */
export function isEmptyDataDir(dir: string): boolean {
  try {
    return fs.readdirSync(dir).length === 0
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return true
    throw e
  }
}

/** Copies the template's cluster to `dir` (which must be empty) through a temporary sibling. */
export function copyPgliteTemplate(template: string, dir: string): void {
  const tmp = `${dir}.copy-${process.pid}-${randomBytes(4).toString('hex')}`
  try {
    fs.cpSync(path.join(template, 'pgdata'), tmp, { recursive: true })
    fs.rmSync(dir, { recursive: true, force: true }) // empty, checked by the caller
    fs.renameSync(tmp, dir)
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true })
  }
}
