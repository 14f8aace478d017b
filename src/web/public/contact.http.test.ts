import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { auditLog } from '#src/audit/audit.tables.ts'
import { hashPassword } from '#src/identity/passwords.ts'
import { loadConfig } from '#src/platform/config.ts'
import { supportTickets } from '#src/support/support.tables.ts'
import { multipartBody, type MultipartEntry } from '#tests/support/multipart.ts'
import { HTML_PAGE, PDF_MIN, PNG_1X1 } from '#tests/support/sample-files.ts'
import { insertEntity, insertEntityUser, SAMPLE_JURISTIC_ID } from '#tests/support/support-fixtures.ts'
import { CookieJar, createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  // 1 MB keeps the over-size case cheap; the default (20) is checked below.
  t = await createTestApp({ env: { MAX_UPLOAD_MB: '1' } })
})
after(() => t.close())
beforeEach(async () => {
  await t.testDb.reset()
  // An empty store for every test (the tmp directory stays; its leftovers go).
  for (const name of fs.readdirSync(t.files.root)) {
    const p = path.join(t.files.root, name)
    if (name === 'tmp') for (const f of fs.readdirSync(p)) fs.rmSync(path.join(p, f), { force: true })
    else fs.rmSync(p, { recursive: true, force: true })
  }
})

const FORM = '/help/contact'
type Lang = 'th' | 'en'

const cookieHeader = (jar: CookieJar, lang?: Lang) => [jar.header(), lang ? `amrac_lang=${lang}` : ''].filter(Boolean).join('; ')

async function openForm(opts: { jar?: CookieJar; lang?: Lang; query?: string } = {}) {
  const jar = opts.jar ?? new CookieJar()
  const res = await t.app.inject({ method: 'GET', url: `${FORM}${opts.query ?? ''}`, headers: { cookie: cookieHeader(jar, opts.lang) } })
  assert.equal(res.statusCode, 200, res.body.slice(0, 500))
  jar.store(res)
  const $ = html(res)
  const token = $('form#contact-form input[name="_csrf"]').attr('value')
  const formId = $('form#contact-form input[name="formId"]').attr('value')
  assert.ok(token && formId)
  return { jar, token, formId, res, $ }
}

function post(jar: CookieJar, entries: readonly MultipartEntry[], opts: { lang?: Lang } = {}) {
  const { payload, contentType } = multipartBody(entries)
  return t.app.inject({ method: 'POST', url: FORM, payload, headers: { 'content-type': contentType, cookie: cookieHeader(jar, opts.lang) } })
}

const text = (over: Record<string, string> = {}): MultipartEntry[] =>
  Object.entries({
    category: 'technical',
    businessName: 'บริษัท ทองดี จำกัด',
    juristicId: '',
    businessType: 'precious_goods',
    contactName: 'สมชาย ใจดี',
    phone: '081 234 5678',
    email: 'somchai@example.com',
    message: 'เข้าสู่ระบบไม่ได้ ขึ้นข้อความว่า "ระบบขัดข้อง"',
    ...over,
  })

/** What a browser posts: the CSRF token first, hidden fields, the fields, the file input last. */
const entries = (token: string, formId: string, over: Record<string, string> = {}, file?: MultipartEntry[1]): MultipartEntry[] => [
  ['_csrf', token],
  ['formId', formId],
  ...text(over),
  ['screenshot', file ?? { filename: '', content: Buffer.alloc(0) }],
]

/** Stored files and leftovers, relative to the store root. */
function storedFiles(): string[] {
  return fs
    .readdirSync(t.files.root, { recursive: true })
    .map(String)
    .filter((p) => fs.statSync(path.join(t.files.root, p)).isFile())
}
const tickets = () => t.testDb.handle.db.select().from(supportTickets)
const summaryLinks = (res: LightMyRequestResponse) => html(res)('[data-error-summary] a').map((_, a) => html(res)(a).attr('href')).get()
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

describe('GET /help/contact', () => {
  test('a multipart post form, CSRF token first, every field labelled, business types from the table', async () => {
    const { $ } = await openForm()
    const form = $('form#contact-form')
    assert.equal(form.attr('method'), 'post')
    assert.equal(form.attr('enctype'), 'multipart/form-data')
    assert.equal(form.find('input').first().attr('name'), '_csrf')
    assert.equal($('h1').text(), 'แบบฟอร์มติดต่อเจ้าหน้าที่')
    assert.match($('label[for="category"]').text(), /ปัญหาทางด้านเทคนิค \(แจ้งผู้ดูแลระบบ\)/)
    assert.match($('label[for="category-2"]').text(), /ปัญหาเกี่ยวกับหัวข้อแบบประเมินความเสี่ยง \(แจ้งเจ้าหน้าที่กองกำกับและตรวจสอบ\)/)
    for (const id of ['businessName', 'juristicId', 'businessType', 'contactName', 'phone', 'email', 'message', 'screenshot']) {
      assert.equal($(`label[for="${id}"]`).length, 1, id)
    }
    assert.equal($('#screenshot').attr('type'), 'file')
    assert.match($('#screenshot-hint').text(), /PNG, JPEG หรือ PDF ขนาดไม่เกิน 1 MB/)
    assert.equal($('#businessType option').length, 1 + 9, 'placeholder + the section-16 types')
    assert.match($('#businessType').text(), /ทอง|อัญมณี/)
    assert.equal($('#message').attr('maxlength'), '2000')
  })

  test('pre-filled from the registration link: category, topic and the business name typed', async () => {
    const q = `?category=technical&topic=business_not_found&business=${encodeURIComponent('ทองดี <b>เยาวราช</b>')}`
    const { $, res } = await openForm({ query: q })
    assert.equal($('input[name="category"]:checked').val(), 'technical')
    assert.equal($('input[name="topic"]').val(), 'business_not_found')
    assert.equal($('#businessName').val(), 'ทองดี <b>เยาวราช</b>')
    assert.equal($('#juristicId').val(), '')
    assert.match($('.banner').text(), /ไม่พบรายชื่อกิจการ/)
    assert.doesNotMatch(res.body, /<b>เยาวราช/, 'markup from the query is text')
  })

  test('a juristic number typed on the registration page fills the number field', async () => {
    const { $ } = await openForm({ query: `?business=${encodeURIComponent('0-1055-61234-56-0')}` })
    assert.equal($('#juristicId').val(), SAMPLE_JURISTIC_ID)
    assert.equal($('#businessName').val(), '')
  })

  test('nonsense in the query is ignored, not a 400', async () => {
    const { $ } = await openForm({ query: '?category=evil&topic=<x>&business=' })
    assert.equal($('input[name="category"]:checked').length, 0)
    assert.equal($('input[name="topic"]').length, 0)
  })

  test('signed in: pre-filled with the user and their business', async () => {
    const entity = await insertEntity(t.testDb.handle.db)
    await insertEntityUser(t.testDb.handle.db, entity.id, { passwordHash: await hashPassword('Correct-Horse-Battery-9') })
    const jar = new CookieJar()
    const login = await t.app.inject({ method: 'GET', url: '/auth/login' })
    jar.store(login)
    const csrf = html(login)('input[name="_csrf"]').attr('value')!
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/auth/login',
      payload: new URLSearchParams({ _csrf: csrf, identifier: 'somchai', password: 'Correct-Horse-Battery-9' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: jar.header() },
    })
    assert.equal(signIn.statusCode, 303, signIn.body.slice(0, 300))
    jar.store(signIn)
    const { $ } = await openForm({ jar })
    assert.equal($('#contactName').val(), 'สมชาย ใจดี')
    assert.equal($('#phone').val(), '081-234-5678')
    assert.equal($('#email').val(), 'somchai@example.com')
    assert.match(String($('#businessName').val()), /ทองดีเยาวราช/)
    assert.equal($('#juristicId').val(), SAMPLE_JURISTIC_ID)
    assert.equal($('#businessType').val(), 'precious_goods')
  })

  test('/help links to the form and no longer says it is coming', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/help' })
    assert.equal(html(res)('main a[href="/help/contact"]').length, 1)
    assert.doesNotMatch(res.body, /เร็ว ๆ นี้/)
  })

  test('MAX_UPLOAD_MB defaults to 20', () => {
    assert.equal(loadConfig({}).maxUploadMb, 20)
    assert.equal(loadConfig({}).maxUploadBytes, 20 * 1024 * 1024)
  })
})

describe('POST /help/contact', () => {
  test('success with a screenshot: 303 to the sent page, ticket + audit rows, the file stored with its SHA-256', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, entries(token, formId, {}, { filename: 'จอ.png', content: PNG_1X1, contentType: 'image/png' }))
    assert.equal(res.statusCode, 303, res.body.slice(0, 500))
    const location = String(res.headers.location)
    assert.match(location, /^\/help\/contact\/sent\?ref=T-2569-\d{6}$/)
    const [ticket, ...rest] = await tickets()
    assert.equal(rest.length, 0)
    assert.equal(ticket!.queue, 'admin')
    assert.equal(ticket!.phone, '+66812345678')
    assert.equal(ticket!.topic, 'other')
    assert.equal(ticket!.screenshotName, 'จอ.png')
    assert.equal(ticket!.screenshotType, 'image/png')
    assert.equal(ticket!.screenshotSha256, sha256(PNG_1X1))
    const key = ticket!.screenshotKey!
    const onDisk = fs.readFileSync(path.join(t.files.root, key.slice(0, 2), key.slice(2, 4), key))
    assert.equal(sha256(onDisk), sha256(PNG_1X1))
    assert.deepEqual(storedFiles(), [path.join(key.slice(0, 2), key.slice(2, 4), key)], 'no .part left')
    const audit = await t.testDb.handle.db.select().from(auditLog).where(eq(auditLog.targetId, ticket!.id))
    assert.equal(audit[0]!.action, 'support.ticket_created')

    jar.store(res)
    const sent = await t.app.inject({ method: 'GET', url: location, headers: { cookie: jar.header() } })
    assert.equal(sent.statusCode, 200)
    assert.equal(html(sent)('[data-ticket-reference]').text(), ticket!.reference)
    assert.equal(html(sent)('[data-ticket-team]').text(), 'ผู้ดูแลระบบ')
    // Another browser cannot see it, nor can anyone guess another reference.
    assert.equal((await t.app.inject({ method: 'GET', url: location })).statusCode, 404)
    assert.equal((await t.app.inject({ method: 'GET', url: '/help/contact/sent?ref=T-2569-999999', headers: { cookie: jar.header() } })).statusCode, 404)
  })

  test('a question about the questionnaire goes to supervision staff; no file chosen is fine', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, entries(token, formId, { category: 'content' }))
    assert.equal(res.statusCode, 303)
    jar.store(res)
    const [ticket] = await tickets()
    assert.equal(ticket!.queue, 'supervision')
    assert.equal(ticket!.screenshotKey, null)
    const sent = await t.app.inject({ method: 'GET', url: String(res.headers.location), headers: { cookie: jar.header() } })
    assert.equal(html(sent)('[data-ticket-team]').text(), 'เจ้าหน้าที่กองกำกับและตรวจสอบ')
    assert.deepEqual(storedFiles(), [])
  })

  test('without a CSRF token: 403 and nothing stored, not even a partial', async () => {
    const { jar, formId } = await openForm()
    const res = await post(jar, entries('', formId, {}, { filename: 'a.png', content: PNG_1X1 }).filter(([n]) => n !== '_csrf'))
    assert.equal(res.statusCode, 403)
    assert.equal(html(res)('h1').text(), 'แบบฟอร์มหมดอายุ')
    assert.deepEqual(storedFiles(), [])
    assert.equal((await tickets()).length, 0)
  })

  test('a token sent after the file is not seen: 403, nothing stored', async () => {
    const { jar, token, formId } = await openForm()
    const body: MultipartEntry[] = [['formId', formId], ...text(), ['screenshot', { filename: 'a.png', content: PNG_1X1 }], ['_csrf', token]]
    const res = await post(jar, body)
    assert.equal(res.statusCode, 403)
    assert.deepEqual(storedFiles(), [])
  })

  test('another session’s token: 403', async () => {
    const a = await openForm()
    const b = await openForm()
    const res = await post(b.jar, entries(a.token, b.formId, {}, { filename: 'a.png', content: PNG_1X1 }))
    assert.equal(res.statusCode, 403)
    assert.deepEqual(storedFiles(), [])
  })

  test('invalid fields: 422, error summary in page order, every typed value kept, markup shown as text', async () => {
    const { jar, token, formId } = await openForm()
    const evil = '<img src=x onerror=alert(1)>'
    const res = await post(
      jar,
      entries(token, formId, { category: '', businessName: evil, contactName: `${evil}สมชาย`, phone: '12', email: 'somchai@', message: `${evil}\nบรรทัดสอง`, juristicId: '0105561234561' }),
    )
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.match($('title').text(), /^ข้อผิดพลาด:/)
    assert.deepEqual(summaryLinks(res), ['#category', '#juristicId', '#phone', '#email'])
    assert.equal($('#businessName').val(), evil)
    assert.equal($('#contactName').val(), `${evil}สมชาย`)
    assert.equal($('#phone').val(), '12')
    assert.equal($('#email').val(), 'somchai@')
    assert.equal($('#message').val(), `${evil}\nบรรทัดสอง`)
    assert.equal($('#juristicId').val(), '0105561234561')
    assert.equal($('#businessType').val(), 'precious_goods')
    assert.equal($('img').length, 0, 'no element was injected')
    assert.doesNotMatch(res.body, /<img src=x/)
    assert.equal((await tickets()).length, 0)
  })

  test('an HTML file named .png: the form again with a Thai error on the file field; nothing kept', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, entries(token, formId, {}, { filename: 'screenshot.png', content: HTML_PAGE, contentType: 'image/png' }))
    assert.equal(res.statusCode, 415)
    const $ = html(res)
    assert.deepEqual(summaryLinks(res), ['#screenshot'])
    assert.match($('#screenshot-error').text(), /ไฟล์ที่เลือกต้องเป็นไฟล์ PNG, JPEG หรือ PDF เท่านั้น/)
    assert.equal($('#screenshot').attr('aria-invalid'), 'true')
    assert.equal($('#businessName').val(), 'บริษัท ทองดี จำกัด', 'the other values are kept')
    assert.deepEqual(storedFiles(), [])
    assert.equal((await tickets()).length, 0)
  })

  test('over the size limit: 413 with the form and a clear error; nothing stored', async () => {
    const { jar, token, formId } = await openForm()
    const big = Buffer.concat([PNG_1X1, Buffer.alloc(1024 * 1024)])
    const res = await post(jar, entries(token, formId, {}, { filename: 'big.png', content: big }))
    assert.equal(res.statusCode, 413)
    assert.match(html(res)('#screenshot-error').text(), /ต้องมีขนาดไม่เกิน 1 MB/)
    assert.equal(html(res)('#email').val(), 'somchai@example.com')
    assert.deepEqual(storedFiles(), [])
  })

  test('an empty file: 422 with an error on the file field', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, entries(token, formId, {}, { filename: 'empty.png', content: Buffer.alloc(0) }))
    assert.equal(res.statusCode, 422)
    assert.match(html(res)('#screenshot-error').text(), /ไม่มีข้อมูล/)
    assert.deepEqual(storedFiles(), [])
  })

  test('a screenshot sent with a failed post is kept: no re-upload; it cannot be claimed by another session', async () => {
    const { jar, token, formId } = await openForm()
    const first = await post(jar, entries(token, formId, { email: '' }, { filename: 'scan.pdf', content: PDF_MIN }))
    assert.equal(first.statusCode, 422)
    jar.store(first)
    const $ = html(first)
    assert.match($('#screenshot-current').text(), /แนบไฟล์ไว้แล้ว: scan\.pdf/)
    const keptToken = String($('input[name="screenshotToken"]').val())
    assert.match(keptToken, /^[0-9a-f]{32}$/)
    assert.equal(storedFiles().length, 1)
    assert.doesNotMatch(first.body, new RegExp(storedFiles()[0]!.slice(-32)), 'the file key never reaches the page')

    // Someone else replaying the token gets no file.
    const other = await openForm()
    const stolen = await post(other.jar, [...entries(other.token, other.formId).slice(0, -1), ['screenshotToken', keptToken], ['screenshot', { filename: '', content: Buffer.alloc(0) }]])
    assert.equal(stolen.statusCode, 303)
    assert.equal((await tickets())[0]!.screenshotKey, null)

    const token2 = String($('input[name="_csrf"]').val())
    const second = await post(jar, [['_csrf', token2], ['formId', formId], ['screenshotToken', keptToken], ...text(), ['screenshot', { filename: '', content: Buffer.alloc(0) }]])
    assert.equal(second.statusCode, 303, second.body.slice(0, 400))
    const mine = (await tickets()).find((r) => r.screenshotKey)
    assert.equal(mine!.screenshotName, 'scan.pdf')
    assert.equal(mine!.screenshotType, 'application/pdf')
    assert.equal(mine!.screenshotSha256, sha256(PDF_MIN))
    assert.equal(storedFiles().length, 1)
  })

  test('a path-traversal file name is display data only: stored under a generated key', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, entries(token, formId, {}, { filename: '../../../../etc/cron.d/x\u202Egnp.png', content: PNG_1X1 }))
    assert.equal(res.statusCode, 303)
    const [ticket] = await tickets()
    assert.equal(ticket!.screenshotName, 'xgnp.png')
    assert.match(ticket!.screenshotKey!, /^[0-9a-f]{32}$/)
    assert.deepEqual(storedFiles(), [path.join(ticket!.screenshotKey!.slice(0, 2), ticket!.screenshotKey!.slice(2, 4), ticket!.screenshotKey!)])
  })

  test('a NUL byte in a field: 400, nothing stored', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, entries(token, formId, { businessName: 'ทอง\u0000ดี' }, { filename: 'a.png', content: PNG_1X1 }))
    assert.equal(res.statusCode, 400)
    assert.deepEqual(storedFiles(), [])
    assert.equal((await tickets()).length, 0)
  })

  test('two files where one is allowed: 413, nothing stored', async () => {
    const { jar, token, formId } = await openForm()
    const res = await post(jar, [...entries(token, formId, {}, { filename: 'a.png', content: PNG_1X1 }), ['screenshot', { filename: 'b.png', content: PNG_1X1 }]])
    assert.equal(res.statusCode, 413)
    assert.equal((await tickets()).length, 0)
    assert.deepEqual(storedFiles(), [], 'the first file, already stored, was removed')
  })

  test('thousands of tiny parts: 413 before anything is stored', async () => {
    const { jar, token, formId } = await openForm()
    const flood: MultipartEntry[] = Array.from({ length: 2000 }, (_, i) => [`f${i}`, 'x'])
    const res = await post(jar, [['_csrf', token], ['formId', formId], ...flood, ['screenshot', { filename: 'a.png', content: PNG_1X1 }]])
    assert.equal(res.statusCode, 413)
    assert.deepEqual(storedFiles(), [])
  })

  test('the disk is full (ENOSPC): the 507 page with a reference, no OS text, no partial, no ticket', async () => {
    const { jar, token, formId } = await openForm()
    const realCreateTemp = t.files.createTemp
    t.files.createTemp = () => {
      const temp = realCreateTemp()
      temp.stream.write = ((_chunk: unknown, cb?: unknown) => {
        process.nextTick(() => temp.stream.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })))
        if (typeof cb === 'function') process.nextTick(cb as () => void)
        return false
      }) as typeof temp.stream.write
      return temp
    }
    try {
      const res = await post(jar, entries(token, formId, {}, { filename: 'a.png', content: PNG_1X1 }))
      assert.equal(res.statusCode, 507)
      assert.equal(html(res)('h1').text(), 'พื้นที่จัดเก็บไฟล์เต็ม')
      assert.match(res.body, /[0-9A-Z]{5}-[0-9A-Z]{5}/, 'a reference to quote')
      assert.doesNotMatch(res.body, /ENOSPC|no space left/i)
    } finally {
      t.files.createTemp = realCreateTemp
    }
    assert.deepEqual(storedFiles(), [])
    assert.equal((await tickets()).length, 0)
  })

  test('a double submit of the same form makes one ticket', async () => {
    const { jar, token, formId } = await openForm()
    const a = await post(jar, entries(token, formId))
    const b = await post(jar, entries(token, formId))
    assert.equal(a.statusCode, 303)
    assert.equal(b.headers.location, a.headers.location)
    assert.equal((await tickets()).length, 1)
  })

  test('in English: labels, errors and the sent page', async () => {
    const { jar, token, formId, $ } = await openForm({ lang: 'en' })
    assert.equal($('h1').text(), 'Contact form')
    const bad = await post(jar, entries(token, formId, { email: 'x' }, { filename: 'a.png', content: HTML_PAGE }), { lang: 'en' })
    assert.equal(bad.statusCode, 415)
    assert.match(html(bad)('#screenshot-error').text(), /must be a PNG, JPEG or PDF file/)
    assert.match(html(bad)('#email-error').text(), /e-?mail|example/i)
    const ok = await post(jar, entries(token, formId, { category: 'content' }), { lang: 'en' })
    assert.equal(ok.statusCode, 303)
    jar.store(ok)
    const sent = await t.app.inject({ method: 'GET', url: String(ok.headers.location), headers: { cookie: cookieHeader(jar, 'en') } })
    assert.equal(html(sent)('h1').text(), 'Message sent')
    assert.equal(html(sent)('[data-ticket-team]').text(), 'Supervision and examination staff')
    assert.equal((await tickets())[0]!.locale, 'en')
  })
})
