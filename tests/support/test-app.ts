/**
 * HTTP harness: buildApp() on a test database, driven through app.inject() (house style R25).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'
import { createLocalFileStore, type LocalFileStore } from '#src/documents/local-file-store.ts'
import { fixedClock, type Clock } from '#src/platform/clock.ts'
import { loadConfig } from '#src/platform/config.ts'
import { createPdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { buildApp } from '#src/server/app.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { createTestDatabase, type TestDatabase } from './test-db.ts'

export type TestApp = {
  app: FastifyInstance
  deps: AppDeps
  testDb: TestDatabase
  clock: ReturnType<typeof fixedClock>
  /** The app's file store, in a temporary directory removed by close(). */
  files: LocalFileStore
  close(): Promise<void>
}

export async function createTestApp(
  opts: { env?: Record<string, string>; clock?: Clock; testDb?: TestDatabase } = {},
): Promise<TestApp> {
  const testDb = opts.testDb ?? (await createTestDatabase())
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data', ...opts.env })
  const clock = fixedClock('2026-11-29T03:00:00Z')
  // The PDF renderer launches Chromium only when a test prints a PDF.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-files-'))
  const files = createLocalFileStore(filesDir)
  const deps: AppDeps = { config, database: testDb.handle, clock: opts.clock ?? clock, pdf: createPdfRenderer({ executablePath: config.chromiumPath }), files }
  const app = await buildApp(deps, { logger: false })
  await app.ready()
  return {
    app,
    deps,
    testDb,
    clock,
    files,
    close: async () => {
      await app.close()
      await deps.pdf.close()
      if (!opts.testDb) await testDb.close()
      fs.rmSync(filesDir, { recursive: true, force: true })
    },
  }
}

/** Parses an HTML response for assertions on what a user would see. */
export function html(res: LightMyRequestResponse) {
  return cheerio.load(res.body)
}

/** Cookie jar for a sequence of inject() calls: copies raw Set-Cookie values (stack.md §4.2). */
export class CookieJar {
  private cookies = new Map<string, string>()
  store(res: LightMyRequestResponse): void {
    const set = res.headers['set-cookie']
    const list = Array.isArray(set) ? set : set ? [set] : []
    for (const c of list) {
      const [pair = ''] = c.split(';')
      const i = pair.indexOf('=')
      const name = pair.slice(0, i)
      const value = pair.slice(i + 1)
      if (/max-age=0|expires=thu, 01 jan 1970/i.test(c)) this.cookies.delete(name)
      else this.cookies.set(name, value)
    }
  }
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }
  get(name: string): string | undefined {
    return this.cookies.get(name)
  }
}
