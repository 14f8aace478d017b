import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { LightMyRequestResponse } from 'fastify'
import { CookieJar, createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { GALLERY } from './gallery.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

const FORM = '/dev/components/form'

/** GETs the form with a fresh (or given) cookie jar and returns the jar and the page's CSRF token. */
async function openForm(opts: { jar?: CookieJar; lang?: 'th' | 'en' } = {}) {
  const jar = opts.jar ?? new CookieJar()
  const cookie = [jar.header(), opts.lang ? `amrac_lang=${opts.lang}` : ''].filter(Boolean).join('; ')
  const res = await t.app.inject({ method: 'GET', url: FORM, headers: cookie ? { cookie } : {} })
  assert.equal(res.statusCode, 200)
  jar.store(res)
  const token = html(res)('form#example-form input[name="_csrf"]').attr('value')
  assert.ok(token, 'the form carries a CSRF token')
  return { jar, token }
}

type Fields = Record<string, string | string[]>
function post(jar: CookieJar, fields: Fields, opts: { htmx?: boolean; lang?: 'th' | 'en' } = {}) {
  const body = new URLSearchParams()
  for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
  const cookie = [jar.header(), opts.lang ? `amrac_lang=${opts.lang}` : ''].filter(Boolean).join('; ')
  return t.app.inject({
    method: 'POST',
    url: FORM,
    payload: body.toString(),
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie,
      ...(opts.htmx ? { 'hx-request': 'true' } : {}),
    },
  })
}

const valid = (token: string, over: Fields = {}): Fields => ({
  _csrf: token,
  fullName: 'สมชาย ใจดี',
  email: 'somchai@example.com',
  businessType: 'car_dealer',
  channels: ['shop', 'online'],
  'registeredOn.day': '15',
  'registeredOn.month': '6',
  'registeredOn.year': '2568',
  ...over,
})

const summaryLinks = (res: LightMyRequestResponse) =>
  html(res)('[data-error-summary] a').map((_, a) => html(res)(a).attr('href')).get()

describe('component gallery', () => {
  test('shows every example of every component under a heading per component, with unique ids', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/dev/components' })
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.equal($('h1').length, 1)
    for (const section of GALLERY) {
      assert.equal($(`section h2#${section.slug}`).text(), section.component)
      assert.equal($(`section[aria-labelledby="${section.slug}"] .gallery__example`).length, section.examples.length, section.component)
    }
    const ids = $('[id]').map((_, el) => $(el).attr('id')).get()
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i)
    assert.deepEqual(dupes, [], 'ids are unique across the gallery')
    // English examples are marked as English for screen readers.
    assert.ok($('[lang="en"] #ex-text-en').length === 1)
    // Every label points at an element that exists.
    $('label[for]').each((_, l) => assert.equal($(`#${$(l).attr('for')}`).length, 1, $(l).attr('for')))
  })
})

describe('example form', () => {
  test('GET renders a post form with CSRF field, labelled fields and the date boxes', async () => {
    const res = await t.app.inject({ method: 'GET', url: FORM })
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    const form = $('form#example-form')
    assert.equal(form.attr('method'), 'post')
    assert.equal(form.attr('action'), FORM)
    assert.equal($('[data-error-summary]').length, 0)
    assert.doesNotMatch($('title').text(), /ข้อผิดพลาด/)
    assert.equal($('label[for="fullName"]').text(), 'ชื่อ')
    assert.equal($('#fullName').attr('maxlength'), '100')
    assert.equal($('#businessType').attr('type'), 'radio')
    assert.equal($('#channels').attr('type'), 'checkbox')
    for (const box of ['day', 'month', 'year']) {
      assert.equal($(`#registeredOn-${box}`).attr('name'), `registeredOn.${box}`)
      assert.equal($(`#registeredOn-${box}`).attr('inputmode'), 'numeric')
    }
  })

  test('POST without a CSRF token gets the 403 page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: FORM,
      payload: 'fullName=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    })
    assert.equal(res.statusCode, 403)
    assert.equal(html(res)('h1').text(), 'แบบฟอร์มหมดอายุ')
  })

  test('POST with a wrong CSRF token also gets the 403 page', async () => {
    const { jar } = await openForm()
    const res = await post(jar, valid('not-the-token'))
    assert.equal(res.statusCode, 403)
  })

  test('an empty post: 422, error summary in field order, each field in error, title prefixed', async () => {
    const { jar, token } = await openForm()
    const res = await post(jar, { _csrf: token })
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.match($('title').text(), /^ข้อผิดพลาด: ตัวอย่างแบบฟอร์ม/)
    const summary = $('[data-error-summary]')
    assert.equal(summary.attr('tabindex'), '-1')
    assert.equal(summary.attr('role'), 'alert')
    assert.equal($(`#${summary.attr('aria-labelledby')}`).text(), 'มีข้อมูลที่ต้องแก้ไข')
    assert.deepEqual(summaryLinks(res), ['#fullName', '#email', '#businessType', '#channels', '#registeredOn-day'])
    // Every link lands on an element of the page.
    for (const href of summaryLinks(res)) assert.equal($(href).length, 1, href)
    assert.equal($('#fullName-error').text(), 'ข้อผิดพลาด: โปรดกรอกข้อมูลนี้')
    assert.equal($('#fullName').attr('aria-invalid'), 'true')
    assert.match($('#businessType-error').text(), /โปรดเลือกหนึ่งรายการ/)
    assert.match($('#channels-error').text(), /โปรดเลือกอย่างน้อยหนึ่งรายการ/)
    assert.match($('#registeredOn-error').text(), /โปรดกรอกวันที่/)
    assert.equal($('.form-group--error').length, 5)
  })

  test('an invalid post keeps every typed value, including the date boxes as typed', async () => {
    const { jar, token } = await openForm()
    const res = await post(jar, {
      _csrf: token,
      fullName: 'ก'.repeat(101),
      email: 'somchai@',
      businessType: 'real_estate',
      channels: 'online',
      'registeredOn.day': '31',
      'registeredOn.month': '2',
      'registeredOn.year': '๒๕๖๘',
    })
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.deepEqual(summaryLinks(res), ['#fullName', '#email', '#registeredOn-day'])
    assert.equal($('#fullName').val(), 'ก'.repeat(101))
    assert.match($('#fullName-error').text(), /ข้อความยาวเกิน 100 ตัวอักษร/)
    assert.equal($('#email').val(), 'somchai@')
    assert.match($('#email-error').text(), /โปรดกรอกอีเมลให้ถูกต้อง/)
    assert.equal($('input[name="businessType"]:checked').val(), 'real_estate')
    assert.deepEqual($('input[name="channels"]:checked').map((_, el) => $(el).val()).get(), ['online'])
    assert.equal($('#registeredOn-day').val(), '31')
    assert.equal($('#registeredOn-month').val(), '2')
    assert.equal($('#registeredOn-year').val(), '๒๕๖๘')
    assert.match($('#registeredOn-error').text(), /ไม่มีวันที่นี้ในปฏิทิน/)
    // An impossible date highlights day and month, not the year.
    assert.equal($('#registeredOn-day').attr('aria-invalid'), 'true')
    assert.equal($('#registeredOn-year').attr('aria-invalid'), undefined)
  })

  test('a date in the future (Bangkok time) is refused', async () => {
    const { jar, token } = await openForm()
    // The test clock is 2026-11-29 10:00 in Bangkok: 30 November 2569 BE is tomorrow.
    const res = await post(jar, valid(token, { 'registeredOn.day': '30', 'registeredOn.month': '11', 'registeredOn.year': '2569' }))
    assert.equal(res.statusCode, 422)
    assert.deepEqual(summaryLinks(res), ['#registeredOn-day'])
    assert.match(html(res)('#registeredOn-error').text(), /ต้องเป็นวันนี้หรือก่อนหน้านี้/)
    const today = await post(jar, valid(token, { 'registeredOn.day': '29', 'registeredOn.month': '11', 'registeredOn.year': '2026' }))
    assert.equal(today.statusCode, 303)
  })

  test('with HX-Request an invalid post is 200 with the form fragment (htmx does not swap 4xx)', async () => {
    const { jar, token } = await openForm()
    const res = await post(jar, { _csrf: token, fullName: 'สมชาย' }, { htmx: true })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers.vary), /HX-Request/i)
    const $ = html(res)
    assert.equal($('html > head > title').length, 0, 'a fragment, not a page')
    assert.deepEqual(summaryLinks(res), ['#email', '#businessType', '#channels', '#registeredOn-day'])
    assert.equal($('#fullName').val(), 'สมชาย')
    assert.ok($('form#example-form input[name="_csrf"]').attr('value'))
  })

  test('a valid post with a Buddhist-Era year: 303, then a success banner with the date written out', async () => {
    const { jar, token } = await openForm()
    const res = await post(jar, valid(token))
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `${FORM}?saved=1`)
    jar.store(res)
    const page = await t.app.inject({ method: 'GET', url: `${FORM}?saved=1`, headers: { cookie: jar.header() } })
    assert.equal(page.statusCode, 200)
    const $ = html(page)
    const banner = $('.banner--success')
    assert.equal(banner.attr('role'), 'alert')
    assert.equal($(`#${banner.attr('aria-labelledby')}`).text(), 'สำเร็จ')
    assert.match(banner.text(), /15 มิถุนายน 2568/)
  })

  test('a valid post with a Gregorian year, in English, with one channel', async () => {
    const { jar, token } = await openForm({ lang: 'en' })
    const res = await post(jar, valid(token, { channels: 'shop', 'registeredOn.year': '2025' }), { lang: 'en' })
    assert.equal(res.statusCode, 303)
    jar.store(res)
    const page = await t.app.inject({ method: 'GET', url: `${FORM}?saved=1`, headers: { cookie: `${jar.header()}; amrac_lang=en` } })
    assert.match(html(page)('.banner--success').text(), /15 June 2025/)
  })

  test('with HX-Request a valid post answers 200 with HX-Redirect', async () => {
    const { jar, token } = await openForm()
    const res = await post(jar, valid(token), { htmx: true })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['hx-redirect'], `${FORM}?saved=1`)
    assert.equal(res.headers.location, undefined)
  })

  test('the English page shows English errors and title prefix', async () => {
    const { jar, token } = await openForm({ lang: 'en' })
    const res = await post(jar, { _csrf: token, email: 'x' }, { lang: 'en' })
    assert.equal(res.statusCode, 422)
    const $ = html(res)
    assert.equal($('html').attr('lang'), 'en')
    assert.match($('title').text(), /^Error: Example form/)
    assert.equal($('.error-summary__title').text(), 'There is a problem')
    assert.equal($('[data-error-summary] a[href="#fullName"]').text(), 'Enter this information')
    assert.equal($('#email-error').text(), 'Error: Enter an e-mail address in the correct format, like name@example.com')
    assert.equal($('#registeredOn-error').text(), 'Error: Enter a date')
  })

  test('a repeated single-value field is refused as a bad request', async () => {
    const { jar, token } = await openForm()
    const res = await post(jar, valid(token, { fullName: ['a', 'b'] }))
    assert.equal(res.statusCode, 400)
  })
})

describe('in production', () => {
  test('the /dev routes do not exist', async () => {
    const prod = await createTestApp({
      testDb: t.testDb,
      env: {
        NODE_ENV: 'production',
        SESSION_SECRET: 'a-production-test-secret-of-at-least-32-chars',
        DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
        SMTP_URL: 'smtp://127.0.0.1:1',
      },
    })
    try {
      for (const url of ['/dev/components', FORM]) {
        const res = await prod.app.inject({ method: 'GET', url })
        assert.equal(res.statusCode, 404, url)
      }
      const res = await prod.app.inject({ method: 'POST', url: FORM, payload: 'a=b', headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      assert.notEqual(res.statusCode, 303)
      assert.notEqual(res.statusCode, 422)
    } finally {
      await prod.close()
    }
  })
})
