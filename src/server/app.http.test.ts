/**
 * The platform's promises at the HTTP edge: security headers, localised error pages with a
 * reference and no internals, and bad input answered with 4xx (quality.md §7), never 500.
 */
import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { MAX_FORM_FIELDS, parseUrlEncoded } from '#src/server/plugins/body-parsers.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'
import { Client } from '#tests/support/builders.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

const INTERNALS = /at .*\.(ts|js):\d+|node_modules|stack|SELECT|syntax error|ENOSPC|\/work\//i

describe('security headers', () => {
  test('every HTML page carries a strict CSP, frame-ancestors none, nosniff, a referrer policy and no-store', async () => {
    for (const url of ['/', '/help', '/accessibility', '/auth/login', '/nope']) {
      const res = await t.app.inject({ method: 'GET', url })
      const csp = String(res.headers['content-security-policy'])
      assert.match(csp, /default-src 'self'/, url)
      assert.match(csp, /script-src 'self'(;|$)/, url)
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, url)
      assert.match(csp, /frame-ancestors 'none'/, url)
      assert.equal(res.headers['x-content-type-options'], 'nosniff', url)
      assert.equal(res.headers['x-frame-options'], 'DENY', url)
      assert.equal(res.headers['referrer-policy'], 'same-origin', url)
      assert.equal(res.headers['cache-control'], 'no-store', url)
      assert.match(String(res.headers['content-type']), /charset=utf-8/, url)
    }
  })

  test('pages load scripts, styles and fonts only from our own /assets, never inline script', async () => {
    const $ = html(await t.app.inject({ method: 'GET', url: '/' }))
    const scripts = $('script')
    assert.ok(scripts.length >= 2)
    scripts.each((_, s) => {
      assert.match(String($(s).attr('src')), /^\/assets\//)
      assert.equal($(s).html(), '')
    })
    $('link[href]').each((_, l) => assert.match(String($(l).attr('href')), /^\/assets\//))
    const css = await t.app.inject({ method: 'GET', url: String($('link[rel=stylesheet]').attr('href')) })
    assert.equal(css.statusCode, 200)
    assert.match(css.body, /font-family: 'Sarabun'/)
    assert.doesNotMatch(css.body, /https?:\/\//, 'no outside request from the stylesheet')
    const font = await t.app.inject({ method: 'GET', url: '/assets/fonts/sarabun-thai-400-normal.woff2' })
    assert.equal(font.statusCode, 200)
    const htmx = await t.app.inject({ method: 'GET', url: String($('script[src*="htmx"]').attr('src')) })
    assert.equal(htmx.statusCode, 200)
    assert.match(String(htmx.headers['cache-control']), /immutable/)
  })

  test('assets cannot be used to read other files', async () => {
    for (const url of ['/assets/css/..%2f..%2fpackage.json', '/assets/vendor/htmx.js', '/assets/nope/app.css', '/assets/css/%2e%2e']) {
      const res = await t.app.inject({ method: 'GET', url })
      assert.equal(res.statusCode, 404, url)
    }
  })

  test('security.txt names a contact, an expiry and the languages', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/security.txt' })
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /^Contact: mailto:/m)
    assert.match(res.body, /^Expires: 2027-05-28T00:00:00\.000Z$/m)
    assert.match(res.body, /^Preferred-Languages: th, en$/m)
  })
})

describe('operations', () => {
  test('/healthz and /readyz answer when the database is reachable', async () => {
    assert.deepEqual((await t.app.inject({ method: 'GET', url: '/healthz' })).json(), { status: 'ok' })
    const ready = await t.app.inject({ method: 'GET', url: '/readyz' })
    assert.equal(ready.statusCode, 200)
    assert.deepEqual(ready.json(), { status: 'ready', database: 'ok' })
  })
})

describe('unknown routes', () => {
  test('404 page in Thai by default and in English when chosen, with a way home', async () => {
    const th = await t.app.inject({ method: 'GET', url: '/no/such/page' })
    assert.equal(th.statusCode, 404)
    assert.equal(html(th)('h1').text(), 'ไม่พบหน้าที่ท่านต้องการ')
    assert.equal(html(th)('main a[href="/"]').length, 1)
    const en = await t.app.inject({ method: 'GET', url: '/no/such/page', headers: { cookie: 'amrac_lang=en' } })
    assert.equal(html(en)('h1').text(), 'Page not found')
  })

  test('probing for internals gets the same 404', async () => {
    for (const url of ['/.git/config', '/.env', '/package.json', '/src/server/main.ts', '/node_modules/htmx.org/package.json']) {
      const res = await t.app.inject({ method: 'GET', url })
      assert.equal(res.statusCode, 404, url)
      assert.doesNotMatch(html(res)('main').text(), INTERNALS, url)
    }
  })

  test('a JSON client gets {error, ref} and no page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/nope', headers: { accept: 'application/json' } })
    assert.equal(res.statusCode, 404)
    const body = res.json()
    assert.equal(body.error, 'not_found')
    assert.match(body.ref, /^[0-9A-Z]{5}-[0-9A-Z]{5}$/)
  })
})

describe('bad input gets a clear, localised 4xx, never a 500', () => {
  const expectBadRequest = (res: { statusCode: number; body: string }, status = 400) => {
    assert.equal(res.statusCode, status, res.body.slice(0, 200))
    assert.doesNotMatch(res.body, INTERNALS)
  }

  test('NUL bytes in the path or query', async () => {
    for (const url of ['/help%00', '/?q=%00', '/language/en?next=/%00', '/?q=%ED%A0%80']) {
      const res = await t.app.inject({ method: 'GET', url })
      expectBadRequest(res)
      assert.equal(html(res)('h1').text(), 'คำขอไม่ถูกต้อง', url)
    }
  })

  test('malformed percent-encoding', async () => {
    expectBadRequest(await t.app.inject({ method: 'GET', url: '/?q=%E0%A4%A' }))
  })

  test('repeated parameters where one value is expected', async () => {
    expectBadRequest(await t.app.inject({ method: 'GET', url: '/language/en?next=/a&next=/b' }))
  })

  test('a body over the size limit gets 413 with the localised page', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=' + 'x'.repeat(1024 * 1024 + 10),
    })
    expectBadRequest(res, 413)
    assert.equal(html(res)('h1').text(), 'ข้อมูลมีขนาดใหญ่เกินไป')
  })

  test('too many form fields gets 413', async () => {
    const payload = Array.from({ length: MAX_FORM_FIELDS + 1 }, (_, i) => `f${i}=1`).join('&')
    expectBadRequest(await t.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload }), 413)
  })

  test('a long questionnaire page (80 directors × 13 columns) is within the form field limit', async () => {
    const rows = Array.from({ length: 80 }, (_, r) => Array.from({ length: 13 }, (_, c) => `B10.${r}.col${c}=x`)).flat()
    const payload = [...rows, ...Array.from({ length: 200 }, (_, i) => `Q${i}=1`)].join('&')
    const parsed = parseUrlEncoded(payload)
    assert.equal(Object.keys(parsed).length, 80 * 13 + 200)
    const res = await t.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload })
    assert.notEqual(res.statusCode, 413)
  })

  test('NUL bytes and prototype keys in a form body get 400', async () => {
    for (const payload of ['name=a%00b', '__proto__=x', 'constructor=1']) {
      expectBadRequest(await t.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload }))
    }
  })

  test('deeply nested JSON gets 400 (not parsed)', async () => {
    const payload = '['.repeat(20_000) + ']'.repeat(20_000)
    expectBadRequest(await t.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, payload }))
  })

  test('malformed JSON gets 400', async () => {
    expectBadRequest(await t.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, payload: '{"a":' }))
  })

  test('a state-changing request without a CSRF token is refused with the localised "form expired" page', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' })
    assert.equal(res.statusCode, 403)
    assert.equal(html(res)('h1').text(), 'แบบฟอร์มหมดอายุ')
  })

  test('prototype pollution through dotted form names is refused and the process stays healthy', async () => {
    const c = new Client(t.app)
    const res = await c.submit('/auth/forgot-password', '/auth/forgot-password', {
      identifier: 'x',
      '__proto__.userId': '00000000-0000-4000-8000-000000000000',
      '__proto__.authAt': 'x',
    })
    assert.equal(res.statusCode, 400)
    assert.equal(({} as Record<string, unknown>).userId, undefined)
    assert.equal((await t.app.inject({ method: 'GET', url: '/' })).statusCode, 200)
    assert.equal((await c.get('/auth/login')).statusCode, 200)
  })

  test('a forged session cookie is ignored, not an error', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { cookie: 'amrac_sid=forged.value' } })
    assert.equal(res.statusCode, 200)
  })
})

describe('database outage', () => {
  test('requests that need the database get a localised 503 page with a reference and Retry-After; /readyz says unavailable', async () => {
    const down = await createTestApp()
    try {
      // A visitor with a session needs the session store, i.e. the database.
      await down.testDb.handle.close()
      const ready = await down.app.inject({ method: 'GET', url: '/readyz' })
      assert.equal(ready.statusCode, 503)
      assert.deepEqual(ready.json(), { status: 'unavailable', database: 'unreachable' })
      const sid = 'a'.repeat(32)
      const signed = `${sid}.${createHmac('sha256', down.deps.config.sessionSecret).update(sid).digest('base64').replace(/=+$/, '')}`
      const page = await down.app.inject({ method: 'GET', url: '/help', headers: { cookie: `amrac_sid=${encodeURIComponent(signed)}` } })
      assert.equal(page.statusCode, 503)
      assert.equal(page.headers['retry-after'], '5')
      const $ = html(page)
      assert.equal($('h1').text(), 'ระบบไม่พร้อมให้บริการชั่วคราว')
      assert.match($('main').text(), /รหัสอ้างอิง: [0-9A-Z]{5}-[0-9A-Z]{5}/)
      assert.doesNotMatch(page.body, INTERNALS)
      // Pages that do not need the database keep working.
      assert.equal((await down.app.inject({ method: 'GET', url: '/' })).statusCode, 200)
    } finally {
      await down.app.close()
    }
  })
})
