/**
 * Seeded builders and HTTP helpers for tests: a business in the registry, a user of any role,
 * the CSRF dance and signing in through the real pages.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import * as cheerio from 'cheerio'
import type { DbOrTx } from '#src/db/client.ts'
import { reportingEntities } from '#src/entities/entities.tables.ts'
import { normaliseNameForSearch } from '#src/entities/entity-name.rules.ts'
import { thaiId13CheckDigit } from '#src/entities/juristic-id.rules.ts'
import { emailKey } from '#src/identity/identity.rules.ts'
import type { UserStatus } from '#src/identity/identity.model.ts'
import { hashPassword } from '#src/identity/passwords.ts'
import type { Role } from '#src/identity/permissions.ts'
import { insertUser, type User } from '#src/identity/users.repo.ts'
import { CookieJar } from './test-app.ts'

export const TEST_PASSWORD = 'test-password-for-amrac-2026'
let hashed: Promise<string> | undefined
const testHash = () => (hashed ??= hashPassword(TEST_PASSWORD))

let serial = 0
export function juristicId(seq = ++serial): string {
  const first12 = `01055${String(60000 + seq).padStart(7, '0')}`.slice(0, 12)
  return `${first12}${thaiId13CheckDigit(first12)}`
}

export async function makeEntity(db: DbOrTx, over: Partial<typeof reportingEntities.$inferInsert> = {}) {
  const nameTh = over.nameTh ?? `ทดสอบ${++serial}`
  const [row] = await db
    .insert(reportingEntities)
    .values({
      juristicId: over.juristicId ?? juristicId(),
      nameTh,
      legalForm: 'company_limited',
      primaryBusinessType: 'precious_goods',
      businessTypes: ['precious_goods'],
      addressLine: '1 ถนนเยาวราช',
      subdistrict: 'จักรวรรดิ์',
      district: 'สัมพันธวงศ์',
      province: 'กรุงเทพมหานคร',
      postcode: '10100',
      nameSearch: normaliseNameForSearch(nameTh),
      ...over,
    })
    .returning()
  return row!
}

export async function makeUser(
  db: DbOrTx,
  over: { username?: string; role?: Role; status?: UserStatus; entityId?: string | null; email?: string; firstName?: string; lastName?: string; locale?: 'th' | 'en' } = {},
): Promise<User> {
  const username = over.username ?? `user${++serial}`
  const email = over.email ?? `${username}@example.com`
  const role = over.role ?? 'entity_user'
  return insertUser(db, {
    entityId: over.entityId ?? null,
    role,
    status: over.status ?? 'active',
    username,
    usernameKey: username,
    email,
    emailKey: emailKey(email),
    emailVerifiedAt: new Date(),
    firstName: over.firstName ?? 'สมชาย',
    lastName: over.lastName ?? 'ทดสอบ',
    position: 'ผู้จัดการ',
    phone: '+66812345678',
    passwordHash: await testHash(),
    locale: over.locale ?? 'th',
  })
}

/** The CSRF token of the first form on a page. */
export function csrfOf(res: LightMyRequestResponse): string {
  const token = cheerio.load(res.body)('input[name="_csrf"]').first().attr('value')
  if (!token) throw new Error(`no CSRF token on the page (status ${res.statusCode})`)
  return token
}

/** A browser-like client: keeps cookies, fetches a form to get its token, then posts it. */
export class Client {
  readonly jar = new CookieJar()
  constructor(readonly app: FastifyInstance) {}

  async get(url: string, headers: Record<string, string> = {}) {
    const res = await this.app.inject({ method: 'GET', url, headers: { cookie: this.jar.header(), ...headers } })
    this.jar.store(res)
    return res
  }

  /** Posts `fields` to `action`, taking the CSRF token from the page at `formUrl`. */
  async submit(formUrl: string, action: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const page = await this.get(formUrl)
    return this.post(action, { _csrf: csrfOf(page), ...fields }, headers)
  }

  async post(url: string, fields: Record<string, string | string[]>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one)
    const res = await this.app.inject({
      method: 'POST',
      url,
      headers: { cookie: this.jar.header(), 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: body.toString(),
    })
    this.jar.store(res)
    return res
  }

  async signIn(identifier: string, password = TEST_PASSWORD) {
    return this.submit('/auth/login', '/auth/login', { identifier, password })
  }
}
