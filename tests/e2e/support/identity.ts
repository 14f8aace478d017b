/**
 * Helpers for the identity journeys (auth.*.spec.ts): unique people per project and run, the
 * local mailbox at /dev/mail, and — for specs whose subject is not registration itself — a
 * registration done over HTTP with the page's own cookie jar (`page.request`), so no document is
 * loaded that axe would have to check. The registration pages themselves are driven through the
 * browser in auth.registration.spec.ts.
 *
 * Both projects (js-on, js-off) share one app instance and run in parallel, so every user name
 * and e-mail carries the project and a random suffix, and every journey that makes the FIRST user
 * of a business (who becomes its administrator) uses a business of its own (see BUSINESSES).
 */
import { randomBytes } from 'node:crypto'
import type { APIRequestContext, TestInfo } from '@playwright/test'
import { expect } from './fixtures.ts'

/** src/db/seed/demo-accounts.ts DEMO_PASSWORD (the demo accounts' password). */
export const DEMO_PASSWORD = 'amrac-demo-2026'

/**
 * Demo businesses (src/db/seed/registry-generator.ts DEMO_BUSINESSES). THONGDEE already has users
 * (thongdee.admin, thongdee.staff, thongdee.new); the others listed here have none in
 * demo-accounts.ts, so the first registrant to confirm becomes their entity administrator.
 * One business per project and journey: the projects never race for the same one.
 */
export const BUSINESSES = {
  thongdee: { juristicId: '0105536900012', nameTh: 'ทองดีเยาวราช', formatted: '0-10-5-536-90001-2' },
  registration: {
    'js-on': { juristicId: '0503548900025', nameTh: 'เพชรล้านนาจิวเวลรี่', formatted: '0-50-3-548-90002-5' },
    'js-off': { juristicId: '0905554900030', nameTh: 'ทองศรีทักษิณ', formatted: '0-90-5-554-90003-0' },
  },
  recovery: {
    'js-on': { juristicId: '0407539900055', nameTh: 'อีสานออโต้เซลส์', formatted: '0-40-7-539-90005-5' },
    'js-off': { juristicId: '0835558900060', nameTh: 'อันดามัน พร็อพเพอร์ตี้ เอเจนซี่', formatted: '0-83-5-558-90006-0' },
  },
  // portal.assessment.spec.ts: antique dealers that also sell gold (js-on) or that turn to gold
  // (js-off); the journey answers part ก with gold as the primary type (v1-gold-shop.ts).
  assessment: {
    'js-on': { juristicId: '0105532900085', nameTh: 'สี่พระยาแอนทีค', formatted: '0-10-5-532-90008-5' },
    'js-off': { juristicId: '0573555900094', nameTh: 'แม่สายโบราณศิลป์', formatted: '0-57-3-555-90009-4' },
  },
} as const

export type ProjectName = 'js-on' | 'js-off'
export function projectOf(testInfo: TestInfo): ProjectName {
  const name = testInfo.project.name
  if (name !== 'js-on' && name !== 'js-off') throw new Error(`unexpected project ${name}`)
  return name
}

/** A valid 13-digit juristic number (right check digit) that is not in the demo registry. */
export const UNKNOWN_JURISTIC_ID = '0105536999990'

/**
 * admin.missing-business.spec.ts: valid juristic numbers (check digit per domain.md §9.1) that are
 * not in the demo registry until the journey's admin adds them — one per project.
 */
export const MISSING_BUSINESS_IDS = {
  'js-on': { juristicId: '0105536999884', formatted: '0-10-5-536-99988-4' },
  'js-off': { juristicId: '0105536999876', formatted: '0-10-5-536-99987-6' },
} as const

export const MAIL_SUBJECT = {
  registration: 'ยืนยันอีเมลและแบบฟอร์มขอใช้บริการระบบ AMRAC',
  passwordReset: 'ตั้งรหัสผ่านใหม่สำหรับระบบ AMRAC',
  accountApproved: 'บัญชีผู้ใช้งานระบบ AMRAC ของท่านได้รับการอนุมัติแล้ว',
} as const

export type Person = {
  title: 'mr' | 'mrs' | 'ms' | 'other'
  firstName: string
  lastName: string
  position: string
  phone: string
  email: string
  username: string
  password: string
}

/**
 * A new registrant unique to this project and run. `role` goes into the user name and e-mail
 * (ASCII, lower case: the app stores user names lower-cased); the Thai last name carries the
 * same tag so that "อนุมัติ {name}" buttons are unique on a shared business.
 */
export function newPerson(testInfo: TestInfo, role: string, firstName = 'สมศักดิ์'): Person {
  const tag = `${projectOf(testInfo).replace('js-', '')}${randomBytes(3).toString('hex')}`
  return {
    title: 'mr',
    firstName,
    lastName: `ทดสอบ${tag}`,
    position: 'ผู้จัดการฝ่ายกำกับดูแล',
    phone: '081-234-5678',
    email: `${role}.${tag}@example.com`,
    username: `${role}.${tag}`,
    // A Thai pass phrase: long, none of the person's own words (registration refuses those).
    password: `ช้างเผือกกินกล้วยหอมริมแม่น้ำ ${randomBytes(2).toString('hex')}`,
  }
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function csrfOf(html: string): string {
  const m = /name="_csrf" value="([^"]+)"/.exec(html)
  if (!m) throw new Error('no _csrf field in the page')
  return m[1]!
}

/**
 * Waits (up to 15 s: the mail worker delivers every 5 s) until /dev/mail lists a mail to `to`
 * whose subject starts with `subject`; returns its path (/dev/mail/<id>). Polls over HTTP, so no
 * page is loaded per attempt.
 */
export async function waitForMail(request: APIRequestContext, to: string, subject: string): Promise<string> {
  const row = new RegExp(`<td>${escapeRe(to)}</td><td><a href="(/dev/mail/[0-9a-f-]{36})">${escapeRe(subject)}`)
  let path: string | undefined
  await expect
    .poll(
      async () => {
        const res = await request.get('/dev/mail')
        path = row.exec(await res.text())?.[1]
        return path
      },
      { timeout: 15_000, intervals: [250, 500, 1_000], message: `a mail "${subject}" to ${to} listed at /dev/mail` },
    )
    .toBeDefined()
  return path!
}

/** The decoded text part of a kept mail, as /dev/mail/<id> shows it (HTML entities undone). */
export async function mailText(request: APIRequestContext, mailPath: string): Promise<string> {
  const html = await (await request.get(mailPath)).text()
  const pre = /<pre class="mail-text">([\s\S]*?)<\/pre>/.exec(html)?.[1]
  if (pre === undefined) throw new Error(`${mailPath} shows no text part`)
  return pre.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&')
}

/**
 * The first link to `pathPrefix` (e.g. /auth/confirm-email/) in a mail's text, as a path on this site.
 * A token may have dot-separated parts (the support reply link's `<id>.<expiry>.<mac>`); a full
 * stop after the link is not part of it.
 */
export function linkIn(text: string, pathPrefix: string): string {
  const m = new RegExp(`https?://[^\\s/]+(${escapeRe(pathPrefix)}[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*)`).exec(text)
  if (!m) throw new Error(`no ${pathPrefix} link in the mail:\n${text}`)
  return m[1]!
}

/**
 * Registers `person` for the business `juristicId` over HTTP (search → details form → post),
 * then confirms the address with the link from the mail. Returns what the confirmation said:
 * 'admin' (first user of the business) or 'pending' (the business already has users).
 */
export async function registerAndConfirmOverHttp(request: APIRequestContext, juristicId: string, person: Person): Promise<'admin' | 'pending'> {
  const search = await (await request.get(`/auth/register?q=${juristicId}`)).text()
  const entityPath = /href="(\/auth\/register\/[0-9a-f-]{36})"/.exec(search)?.[1]
  if (!entityPath) throw new Error(`business ${juristicId} not found on /auth/register`)
  const form = await (await request.get(entityPath)).text()
  const { password, ...rest } = person
  const posted = await request.post(entityPath, {
    form: { _csrf: csrfOf(form), ...rest, password, passwordConfirm: password, acceptTerms: 'yes', acceptPrivacy: 'yes' },
    maxRedirects: 0,
  })
  expect(posted.status(), `registration of ${person.username} is accepted`).toBe(303)
  expect(posted.headers().location).toBe('/auth/register/sent')

  const text = await mailText(request, await waitForMail(request, person.email, MAIL_SUBJECT.registration))
  const confirmPath = linkIn(text, '/auth/confirm-email/')
  const confirmPage = await (await request.get(confirmPath)).text()
  const confirmed = await request.post('/auth/confirm-email', { form: { _csrf: csrfOf(confirmPage), token: confirmPath.split('/').pop()! } })
  expect(confirmed.status()).toBe(200)
  const body = await confirmed.text()
  if (body.includes('ท่านเป็นผู้ดูแลบัญชีของกิจการนี้')) return 'admin'
  if (body.includes('บัญชีของท่านจะใช้งานได้เมื่อผู้ดูแลบัญชีของกิจการหรือผู้ดูแลระบบอนุมัติ')) return 'pending'
  throw new Error(`unexpected confirmation page for ${person.username}`)
}
