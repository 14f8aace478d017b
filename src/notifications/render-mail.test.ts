import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { simpleParser } from 'mailparser'
import { SAMPLE_CONFIRM_URL, SAMPLE_MAIL_PAYLOADS } from '#tests/fixtures/mail-payloads.ts'
import { MAIL_TEMPLATES } from './mail-templates.model.ts'
import { renderMail } from './render-mail.tsx'
import { buildRawMessage } from './transports/local-transport.ts'

const THAI = /[\u0E00-\u0E7F]/

describe('every mail template', () => {
  for (const template of MAIL_TEMPLATES) {
    test(`${template}: Thai first, English below, in the subject, the text and the HTML part`, () => {
      const m = renderMail(template, SAMPLE_MAIL_PAYLOADS[template] as never)
      const [thSubject, enSubject] = m.subject.split(' / ')
      assert.match(thSubject!, THAI)
      assert.match(enSubject!, /^[A-Z]/)
      for (const body of [m.text, m.html]) {
        const thai = body.indexOf('เรียน ')
        const english = body.indexOf('Dear ')
        assert.ok(thai >= 0 && english > thai, 'the Thai greeting comes before the English one')
        assert.ok(body.indexOf('สำนักงาน ปปง. จะไม่ขอรหัสผ่าน') < body.indexOf('AMLO will never ask'))
        assert.doesNotMatch(body, /\{[a-zA-Z]+\}/, 'no unfilled ICU placeholder')
      }
      assert.match(m.html, /^<!doctype html><html lang="th">/)
      assert.match(m.html, /<div lang="en" id="part-en">/)
      assert.doesNotMatch(m.html, /<script|<img|<iframe|<link|<style|javascript:/i, 'plain HTML: no scripts, images or remote resources')
      assert.doesNotMatch(m.subject, /[\r\n]/)
    })
  }
})

describe('registration mail', () => {
  const p = SAMPLE_MAIL_PAYLOADS.registration
  const m = renderMail('registration', p)

  test('names the user name, never a password', () => {
    assert.match(m.text, /ชื่อผู้ใช้งาน: somchai\.j/)
    assert.match(m.text, /User name: somchai\.j/)
    assert.match(m.html, /<td[^>]*>somchai\.j<\/td>/)
    const keys = JSON.stringify(p).match(/"[a-zA-Z]+":/g) ?? []
    assert.ok(keys.every((k) => !/pass|secret|hash/i.test(k)), 'the payload has no password field')
    assert.doesNotMatch(m.text, /(รหัสผ่าน|password)\s*:/i, 'no password line in the mail')
  })

  test('carries the confirmation link, clickable and as copyable text', () => {
    assert.ok(m.text.includes(SAMPLE_CONFIRM_URL))
    assert.ok(m.html.includes(`href="${SAMPLE_CONFIRM_URL.replace(/&/g, '&amp;')}"`))
    assert.match(m.html, />ยืนยันอีเมล<\/a>/)
    assert.match(m.html, />Confirm e-mail address<\/a>/)
  })

  test('states the expiry in Bangkok time in both languages', () => {
    assert.match(m.text, /หมดอายุเมื่อ 1 ธันวาคม 2569 เวลา 10\.00 น\. \(เวลาประเทศไทย\)/)
    assert.match(m.text, /expires on 1 December 2026 at 10:00 \(Bangkok time\)/)
  })

  test('asks to sign the attached service-request form, scan it and upload it in part ก', () => {
    assert.match(m.text, /แบบฟอร์มขอใช้บริการ \(ไฟล์ PDF\)/)
    assert.match(m.text, /ลงนาม/)
    assert.match(m.text, /สแกน/)
    assert.match(m.text, /อัปโหลดไฟล์ในส่วน ก/)
    assert.match(m.text, /upload the file in part ก/)
  })

  test('names and links from data are escaped in HTML; non-http links are not clickable', () => {
    const evil = renderMail('registration', { ...p, fullName: '<script>alert(1)</script>', confirmUrl: 'javascript:alert(1)' })
    assert.doesNotMatch(evil.html, /<script>/)
    assert.match(evil.html, /เรียน &lt;script>alert\(1\)&lt;\/script>/)
    assert.doesNotMatch(evil.html, /href="javascript:/)
  })
})

describe('headers cannot be injected', () => {
  test('CR/LF in a name that reaches the subject stays inside the subject', async () => {
    const injected = 'สมชาย\r\nBcc: victim@example.com\r\n\r\n<b>body</b>'
    const m = renderMail('approval_needed', { ...SAMPLE_MAIL_PAYLOADS.approval_needed, registrantName: injected })
    assert.doesNotMatch(m.subject, /[\r\n]/)
    const raw = await buildRawMessage({
      outboxId: '00000000-0000-4000-8000-000000000001',
      from: 'AMRAC <no-reply@amlo.go.th>\r\nX-Evil: 1',
      to: 'entity-admin@example.co.th\r\nCc: other@example.com',
      ...m,
      attachments: [{ filename: 'a\r\nX-Evil: 2.pdf', contentType: 'application/pdf\r\nX-Evil: 3', content: Buffer.from('%PDF-1.4') }],
      date: new Date('2026-11-29T03:00:00Z'),
    })
    const head = raw.toString('latin1').split('\r\n\r\n')[0]!
    assert.doesNotMatch(head, /^(Bcc|Cc|X-Evil):/im, 'no header line of its own')
    assert.equal(head.match(/^Subject:/gim)?.length, 1)
    const parsed = await simpleParser(raw)
    assert.equal(parsed.bcc, undefined)
    assert.equal(parsed.cc, undefined)
    assert.equal(parsed.headers.has('x-evil'), false)
    assert.match(parsed.subject ?? '', /^มีผู้ใช้งานใหม่รอการอนุมัติ: สมชาย Bcc: victim@example\.com <b>body<\/b> \/ /)
    assert.equal(parsed.attachments[0]?.filename, 'a X-Evil: 2.pdf')
  })
})
