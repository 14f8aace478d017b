/**
 * The set-up every HTTP and database test file repeated, as one call at the top of the file:
 * `useTestApp()` / `useTestDatabase()` register the file's before/after/beforeEach hooks (create
 * once, close at the end, and before each test empty the database and put the clock back to
 * TEST_NOW). They return objects that read the current app or database, so test bodies keep
 * writing `t.app`, `t.deps`, `t.clock`, `tdb.handle`.
 * A file with more to do before each test registers its own beforeEach after the call; node:test
 * runs hooks in the order they were registered.
 */
import fs from 'node:fs'
import path from 'node:path'
import { after, before, beforeEach } from 'node:test'
import type { LocalFileStore } from '#src/documents/local-file-store.ts'
import { fixedClock } from '#src/platform/clock.ts'
import { createTestApp, type TestApp } from './test-app.ts'
import { createTestDatabase, type TestDatabase } from './test-db.ts'

/** 29 Nov 2026, 10:00 in Bangkok: the time every test starts at. */
export const TEST_NOW = '2026-11-29T03:00:00Z'

type Db = TestApp['deps']['database']['db']

/** Empties the app's file store between tests (keeps the tmp folder itself). */
export function clearFileStore(files: Pick<LocalFileStore, 'root'>): void {
  for (const name of fs.readdirSync(files.root)) {
    const p = path.join(files.root, name)
    if (name === 'tmp') for (const f of fs.readdirSync(p)) fs.rmSync(path.join(p, f), { force: true })
    else fs.rmSync(p, { recursive: true, force: true })
  }
}

function ready<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the test ${what} is not ready: use it inside a test or hook`)
  return value
}

/** One app for the file's tests; `db()` is its database. `clearFiles` also empties the file store before each test. */
export function useTestApp(opts: { env?: Record<string, string>; clearFiles?: boolean } = {}): TestApp & { db(): Db } {
  let current: TestApp | undefined
  const get = () => ready(current, 'app')
  before(async () => {
    current = await createTestApp(opts.env ? { env: opts.env } : {})
  })
  after(() => current?.close())
  beforeEach(async () => {
    const t = get()
    await t.testDb.reset()
    t.clock.set(TEST_NOW)
    if (opts.clearFiles) clearFileStore(t.files)
  })
  return {
    get app() {
      return get().app
    },
    get deps() {
      return get().deps
    },
    get testDb() {
      return get().testDb
    },
    get clock() {
      return get().clock
    },
    get files() {
      return get().files
    },
    close: () => get().close(),
    db: () => get().deps.database.db,
  }
}

/** One database for the file's tests and a fixed clock, both reset before each test. */
export function useTestDatabase(): { tdb: TestDatabase; clock: ReturnType<typeof fixedClock> } {
  let current: TestDatabase | undefined
  const get = () => ready(current, 'database')
  const clock = fixedClock(TEST_NOW)
  before(async () => {
    current = await createTestDatabase()
  })
  after(() => current?.close())
  beforeEach(async () => {
    await get().reset()
    clock.set(TEST_NOW)
  })
  const tdb: TestDatabase = {
    get handle() {
      return get().handle
    },
    get kind() {
      return get().kind
    },
    reset: () => get().reset(),
    close: () => get().close(),
  }
  return { tdb, clock }
}
