/**
 * The service-request PDF printed by real Chromium: the text layer must hold the exact Thai
 * strings, tone marks included (pdftotext from poppler-utils reads it back).
 */
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import { SAMPLE_MAIL_PAYLOADS } from '#tests/fixtures/mail-payloads.ts'
import { createPdfRenderer } from './pdf/pdf-renderer.ts'
import { renderServiceRequestHtml, renderServiceRequestPdf } from './service-request.tsx'

// pdftotext (poppler-utils) is a test dependency installed by .ci/run; without it this test fails.
const pdf = createPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || null })
after(() => pdf.close())

const data = SAMPLE_MAIL_PAYLOADS.registration.serviceRequest
const generatedAt = new Date('2026-11-29T03:00:00Z')

function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-pdf-')), 'form.pdf')
  fs.writeFileSync(file, buf)
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

describe('แบบฟอร์มขอใช้บริการ (service-request PDF)', () => {
  test('the HTML names the registrant and the business, escaped, with fonts inlined and nothing remote', () => {
    const html = renderServiceRequestHtml({ ...data, firstName: '<img src=x>' }, generatedAt)
    assert.match(html, /^<!doctype html><html lang="th">/)
    assert.match(html, /&lt;img src=x>/)
    assert.doesNotMatch(html, /<img/)
    assert.match(html, /@font-face\{font-family:'Sarabun'.*src:url\(data:font\/woff2;base64,/)
    assert.doesNotMatch(html, /(src|href)="?(https?:|file:|\/\/)/i)
  })

  test('an A4 PDF whose text layer holds the exact Thai strings', async (t) => {
    assert.equal(spawnSync('pdftotext', ['-v']).error, undefined, 'pdftotext missing: apt-get install -y poppler-utils')
    const started = performance.now()
    const buf = await renderServiceRequestPdf(pdf, data, generatedAt)
    const ms = Math.round(performance.now() - started)
    assert.equal(buf.subarray(0, 5).toString(), '%PDF-')
    const text = pdfText(buf).normalize('NFC')
    for (const s of [
      'แบบฟอร์มขอใช้บริการระบบ AMRAC',
      'ข้อมูลผู้มีหน้าที่รายงาน',
      'ที่อยู่',
      'บริษัท ทองคำเยาวราช จำกัด',
      '0105561234567',
      'นายสมชาย ใจดี',
      'ผู้จัดการฝ่ายกำกับดูแล',
      '29 พฤศจิกายน 2569 เวลา 10.00 น.',
      'ประทับตราบริษัท (ถ้ามี)',
      'ลงชื่อ',
      'อัปโหลดไฟล์ในส่วน ก',
      'Company seal (if any)',
    ]) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
    // The address may wrap onto two lines (at a word boundary): compare it without whitespace.
    const flat = (s: string) => s.replace(/\s+/g, '')
    assert.ok(flat(text).includes(flat(data.businessAddress)), 'the address is in the PDF text layer')
    // Second PDF from the same (already running) browser.
    const warmStart = performance.now()
    await renderServiceRequestPdf(pdf, data, generatedAt)
    t.diagnostic(`service-request PDF: first ${ms} ms (includes Chromium launch), warm ${Math.round(performance.now() - warmStart)} ms, ${buf.length} bytes`)
  })

  test('English version: English first with the Thai beside it, the Gregorian date', async () => {
    const html = renderServiceRequestHtml(data, generatedAt, 'en')
    assert.match(html, /^<!doctype html><html lang="en">/)
    assert.match(html, /<span class="en" lang="th">ชื่อกิจการ<\/span>/)
    const text = pdfText(await renderServiceRequestPdf(pdf, data, generatedAt, 'en')).normalize('NFC')
    for (const s of ['AMRAC service request form', 'Reporting entity', 'Applicant', '29 November 2026 at 10:00', 'Company seal (if any)', 'ประทับตราบริษัท (ถ้ามี)', 'บริษัท ทองคำเยาวราช จำกัด']) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
    assert.ok(text.indexOf('AMRAC service request form') < text.indexOf('แบบฟอร์มขอใช้บริการระบบ AMRAC'), 'the English title comes first')
  })
})
