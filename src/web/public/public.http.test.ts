import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())

describe('home page', () => {
  test('is Thai by default, with the AMRAC name and links to sign in, register, help and accessibility', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/' })
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /text\/html; charset=utf-8/)
    const $ = html(res)
    assert.equal($('html').attr('lang'), 'th')
    assert.match($('title').text(), /AMRAC/)
    assert.equal($('h1').text(), 'ยินดีต้อนรับสู่ระบบ AMRAC')
    const hrefs = $('a').map((_, a) => $(a).attr('href')).get()
    for (const href of ['/auth/login', '/auth/register', '/help', '/accessibility']) assert.ok(hrefs.includes(href), href)
    assert.equal($('a[href="/auth/login"]').first().text(), 'เข้าสู่ระบบ')
    assert.equal($('a[href="/auth/register"]').first().text(), 'ลงทะเบียนผู้ใช้งาน')
  })

  test('the language switch is remembered: English after switching, on every later page', async () => {
    const sw = await t.app.inject({ method: 'GET', url: '/language/en?next=%2Fhelp' })
    assert.equal(sw.statusCode, 303)
    assert.equal(sw.headers.location, '/help')
    const cookie = String(sw.headers['set-cookie'])
    assert.match(cookie, /amrac_lang=en/)
    const help = await t.app.inject({ method: 'GET', url: '/help', headers: { cookie: 'amrac_lang=en' } })
    const $ = html(help)
    assert.equal($('html').attr('lang'), 'en')
    assert.equal($('h1').text(), 'Contact and help')
    assert.equal($('.site-header__lang').text(), 'ภาษาไทย')
    assert.equal($('.site-header__lang').attr('href'), '/language/th?next=%2Fhelp')
  })

  test('the language switch never redirects off the site', async () => {
    for (const next of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await t.app.inject({ method: 'GET', url: `/language/th?next=${encodeURIComponent(next)}` })
      assert.equal(res.statusCode, 303)
      assert.equal(res.headers.location, '/')
    }
  })

  test('Accept-Language picks English when no choice was made', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/', headers: { 'accept-language': 'en-US,en;q=0.9' } })
    assert.equal(html(res)('html').attr('lang'), 'en')
  })
})
