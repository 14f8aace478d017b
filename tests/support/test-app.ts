/**
 * HTTP harness: buildApp() on a test database, driven through app.inject() (house style R25).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'
import { fixedClock, type Clock } from '#src/platform/clock.ts'
import { loadConfig } from '#src/platform/config.ts'
import { buildApp } from '#src/server/app.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { createTestDatabase, type TestDatabase } from './test-db.ts'

export type TestApp = {
  app: FastifyInstance
  deps: AppDeps
  testDb: TestDatabase
  clock: ReturnType<typeof fixedClock>
  close(): Promise<void>
}

export async function createTestApp(
  opts: { env?: Record<string, string>; clock?: Clock; testDb?: TestDatabase } = {},
): Promise<TestApp> {
  const testDb = opts.testDb ?? (await createTestDatabase())
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATA_DIR: '/nonexistent-test-data', ...opts.env })
  const clock = fixedClock('2026-11-29T03:00:00Z')
  const deps: AppDeps = { config, database: testDb.handle, clock: opts.clock ?? clock }
  const app = await buildApp(deps, { logger: false })
  await app.ready()
  return {
    app,
    deps,
    testDb,
    clock,
    close: async () => {
      await app.close()
      if (!opts.testDb) await testDb.close()
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
