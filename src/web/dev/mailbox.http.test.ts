/**
 * /dev/mail: mail kept locally (no SMTP_URL) is listed newest first and readable, with the raw
 * message, the HTML part and attachments offered only as downloads; 404 in production.
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { simpleParser } from 'mailparser'
import { deliverPending } from '#src/notifications/deliver-pending.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { SAMPLE_CONFIRM_URL, SAMPLE_MAIL_PAYLOADS } from '#tests/fixtures/mail-payloads.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
let messageUrl = ''
before(async () => {
  t = await createTestApp()
  const db = t.deps.database.db
  const now = t.clock.now()
  await enqueueMail(db, { template: 'registration', to: 'somchai@example.co.th', locale: 'th', payload: SAMPLE_MAIL_PAYLOADS.registration, now })
  assert.equal((await deliverPending(t.deps, { now })).sent, 1)
  // A later mail whose subject carries markup from user data.
  t.clock.advance(60_000)
  await enqueueMail(db, {
    template: 'approval_needed',
    to: 'admin@example.co.th',
    locale: 'th',
    payload: { ...SAMPLE_MAIL_PAYLOADS.approval_needed, registrantName: '<img src=x onerror=alert(1)>' },
    now: t.clock.now(),
  })
  assert.equal((await deliverPending(t.deps, { now: t.clock.now() })).sent, 1)
})
after(() => t.close())

describe('/dev/mail', () => {
  test('lists kept mail newest first with the Bangkok time, the recipient and the subject', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/dev/mail' })
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.equal($('h1').text(), 'กล่องจดหมายสำหรับนักพัฒนา')
    const rows = $('table tbody tr')
    assert.equal(rows.length, 2)
    const first = rows.eq(0).find('td')
    assert.equal(first.eq(1).text(), 'admin@example.co.th')
    assert.match(first.eq(2).text(), /^มีผู้ใช้งานใหม่รอการอนุมัติ: <img src=x onerror=alert\(1\)> \//)
    assert.equal($('main img').length, 0, 'markup in a subject is shown as text')
    const second = rows.eq(1).find('td')
    assert.equal(second.eq(0).text(), '29/11/2026 10:00')
    assert.equal(second.eq(1).text(), 'somchai@example.co.th')
    messageUrl = String(second.eq(2).find('a').attr('href'))
    assert.match(messageUrl, /^\/dev\/mail\/[0-9a-f-]{36}$/)
  })

  test('shows one message: decoded headers, the text part and the downloads', async () => {
    const res = await t.app.inject({ method: 'GET', url: messageUrl })
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.match($('h1').text(), /^ยืนยันอีเมลและแบบฟอร์มขอใช้บริการระบบ AMRAC \//)
    const headers = $('dl.mail-headers').text()
    assert.match(headers, /From"AMRAC" <no-reply@amlo\.go\.th>/)
    assert.match(headers, /Tosomchai@example\.co\.th/)
    const text = $('pre.mail-text').text()
    assert.match(text, /ชื่อผู้ใช้งาน: somchai\.j/)
    assert.ok(text.includes(SAMPLE_CONFIRM_URL))
    const links = $('main ul a')
      .map((_, a) => $(a).attr('href'))
      .get()
    assert.deepEqual(links, [`${messageUrl}/raw`, `${messageUrl}/html`, `${messageUrl}/attachments/0`])
    assert.match($('main ul').text(), /ไฟล์แนบ แบบฟอร์มขอใช้บริการ-AMRAC-0105561234567\.pdf/)
    assert.equal($('iframe').length, 0)
  })

  test('the raw message downloads as .eml and is the real message, attachment included', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${messageUrl}/raw` })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'message/rfc822')
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="amrac-mail-[0-9a-f-]+\.eml"/)
    assert.equal(res.headers['x-content-type-options'], 'nosniff')
    const parsed = await simpleParser(res.rawPayload)
    assert.equal(parsed.attachments[0]?.filename, 'แบบฟอร์มขอใช้บริการ-AMRAC-0105561234567.pdf')
  })

  test('the HTML part and the PDF are downloads, never rendered in the page', async () => {
    const htmlPart = await t.app.inject({ method: 'GET', url: `${messageUrl}/html` })
    assert.equal(htmlPart.statusCode, 200)
    assert.match(String(htmlPart.headers['content-disposition']), /^attachment;/)
    assert.equal(htmlPart.headers['x-content-type-options'], 'nosniff')
    assert.match(htmlPart.body, /<html lang="th">/)

    const pdf = await t.app.inject({ method: 'GET', url: `${messageUrl}/attachments/0` })
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.equal(
      pdf.headers['content-disposition'],
      `attachment; filename="${'_'.repeat('แบบฟอร์มขอใช้บริการ'.length)}-AMRAC-0105561234567.pdf"; filename*=UTF-8''${encodeURIComponent('แบบฟอร์มขอใช้บริการ-AMRAC-0105561234567.pdf')}`,
    )
    assert.equal(pdf.headers['x-content-type-options'], 'nosniff')
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-')
  })

  test('unknown, malformed or out-of-range ids are 404', async () => {
    for (const url of ['/dev/mail/not-a-uuid', '/dev/mail/00000000-0000-4000-8000-000000000000', `${messageUrl}/attachments/5`, `${messageUrl}/attachments/-1`, '/dev/mail/x/raw']) {
      assert.equal((await t.app.inject({ method: 'GET', url })).statusCode, 404, url)
    }
  })
})

describe('in production', () => {
  test('/dev/mail does not exist', async () => {
    const prod = await createTestApp({
      testDb: t.testDb,
      env: { NODE_ENV: 'production', SESSION_SECRET: 'a-production-test-secret-of-at-least-32-chars', DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused', SMTP_URL: 'smtp://127.0.0.1:1' },
    })
    try {
      for (const url of ['/dev/mail', messageUrl, `${messageUrl}/raw`, `${messageUrl}/attachments/0`]) {
        assert.equal((await prod.app.inject({ method: 'GET', url })).statusCode, 404, url)
      }
    } finally {
      await prod.app.close()
    }
  })
})
