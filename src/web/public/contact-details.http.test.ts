/**
 * Contact details are configuration (CONTACT_* in src/platform/config.ts): the footer of every
 * page and /help show whatever the environment says, including a LINE account and its QR image
 * (drawn by the server, a configured file, or a configured https URL allowed by the CSP).
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { loadConfig } from '#src/platform/config.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let testDb: TestDatabase
const apps: TestApp[] = []
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-contact-'))
/** The 8-byte PNG signature and an IHDR start: enough for a file the server sends as it is. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')

before(async () => {
  testDb = await createTestDatabase()
})
after(async () => {
  for (const a of apps) await a.close()
  await testDb.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

async function appWith(env: Record<string, string> = {}) {
  const app = await createTestApp({ env, testDb })
  apps.push(app)
  return app
}
const page = async (app: TestApp, url: string) => html(await app.app.inject({ method: 'GET', url }))

describe('contact details from configuration', () => {
  test('the defaults: AMLO-like e-mail and phone with extension in the footer and on /help, no LINE', async () => {
    const app = await appWith()
    const $ = await page(app, '/')
    const footer = $('[data-footer-contact]')
    assert.match(footer.text(), /amrac-admin@amlo\.go\.th/)
    assert.match(footer.text(), /0 2219 3600 ต่อ 3601/)
    assert.equal(footer.find('a[href^="tel:"]').attr('href'), 'tel:+6622193600;ext=3601')
    assert.equal(footer.find('img').length, 0)
    const help = await page(app, '/help')
    assert.match(help('#help-content').parent().text(), /amrac-supervision@amlo\.go\.th/)
    assert.equal(help('[data-help-line]').length, 0)
    assert.equal((await app.app.inject({ method: 'GET', url: '/help/line-qr' })).statusCode, 404)
  })

  test('changing the environment changes the footer, /help and the QR code the server draws', async () => {
    const app = await appWith({
      CONTACT_TECHNICAL_EMAIL: 'helpdesk@example.go.th',
      CONTACT_TECHNICAL_PHONES: '02-111-2222 ext 15, 081 234 5678',
      CONTACT_CONTENT_EMAIL: 'questions@example.go.th',
      CONTACT_CONTENT_PHONES: '0 2333 4444 #9',
      CONTACT_LINE_ID: 'amrac.help',
    })
    const $ = await page(app, '/auth/login')
    const footer = $('[data-footer-contact]')
    assert.match(footer.text(), /helpdesk@example\.go\.th/)
    assert.ok(!/amlo\.go\.th/.test(footer.text()), 'no default left in the footer')
    assert.match(footer.text(), /02-111-2222 ต่อ 15, 081 234 5678/)
    assert.equal(footer.find('img').attr('src'), '/help/line-qr')
    assert.equal(footer.find('img').attr('alt'), 'คิวอาร์โค้ดสำหรับเพิ่มเพื่อนทางไลน์ @amrac.help')
    assert.equal(footer.find('a[href^="https://line.me"]').attr('href'), 'https://line.me/R/ti/p/%40amrac.help')

    const help = await page(app, '/help')
    assert.match(help('#help-technical').parent().find('[data-contact-phones]').text(), /02-111-2222 ต่อ 15/)
    assert.match(help('#help-content').parent().text(), /questions@example\.go\.th/)
    assert.match(help('#help-content').parent().text(), /0 2333 4444 ต่อ 9/)
    assert.match(help('[data-help-line]').text(), /ค้นหาไอดี @amrac\.help/)
    const en = html(await app.app.inject({ method: 'GET', url: '/help', headers: { 'accept-language': 'en' } }))
    assert.match(en('#help-content').parent().text(), /0 2333 4444 ext\. 9/)

    const qr = await app.app.inject({ method: 'GET', url: '/help/line-qr' })
    assert.equal(qr.statusCode, 200)
    assert.equal(qr.headers['content-type'], 'image/svg+xml')
    assert.match(qr.body, /^<svg/)
  })

  test('a QR file is served as it is; a QR URL is linked and allowed by the CSP', async () => {
    const file = path.join(tmp, 'line.png')
    fs.writeFileSync(file, PNG)
    const fromFile = await appWith({ CONTACT_LINE_ID: '@amrac', CONTACT_LINE_QR: file })
    const qr = await fromFile.app.inject({ method: 'GET', url: '/help/line-qr' })
    assert.equal(qr.headers['content-type'], 'image/png')
    assert.deepEqual(qr.rawPayload, PNG)

    const fromUrl = await appWith({ CONTACT_LINE_ID: '@amrac', CONTACT_LINE_QR: 'https://cdn.example.go.th/qr/amrac.png' })
    const res = await fromUrl.app.inject({ method: 'GET', url: '/help' })
    assert.equal(html(res)('[data-help-line] img').attr('src'), 'https://cdn.example.go.th/qr/amrac.png')
    assert.match(String(res.headers['content-security-policy']), /img-src 'self' data: https:\/\/cdn\.example\.go\.th;/)
  })

  test('bad values stop start-up with a message naming the variable', () => {
    assert.throws(() => loadConfig({ CONTACT_TECHNICAL_PHONES: '12345' }), /CONTACT_TECHNICAL_PHONES: "12345" is not a phone number/)
    assert.throws(() => loadConfig({ CONTACT_CONTENT_EMAIL: 'not-an-address' }), /CONTACT_CONTENT_EMAIL: must be an e-mail address/)
    assert.throws(() => loadConfig({ CONTACT_LINE_ID: '@amrac', CONTACT_LINE_QR: path.join(tmp, 'missing.png') }), /CONTACT_LINE_QR: file .* does not exist/)
    assert.throws(() => loadConfig({ CONTACT_LINE_ID: '@amrac', CONTACT_LINE_QR: 'http://insecure.example/qr.png' }), /CONTACT_LINE_QR: must be an https:\/\/ URL \(not http:\/\/\)/)
    assert.throws(() => loadConfig({ CONTACT_LINE_QR: 'https://cdn.example.go.th/qr.png' }), /set CONTACT_LINE_ID too/)
  })
})
