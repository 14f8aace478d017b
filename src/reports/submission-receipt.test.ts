/**
 * The submission receipt (ใบรับ) PDF printed by real Chromium: the text layer holds the exact Thai
 * strings (tone marks intact), the receipt number, the Buddhist-Era date and the full SHA-256; the QR
 * code is an inlined image of the verification link; the English version is in English.
 */
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import { createPdfRenderer } from './pdf/pdf-renderer.ts'
import { receiptFileName, receiptQrSvg, renderSubmissionReceiptHtml, renderSubmissionReceiptPdf, type SubmissionReceiptData } from './submission-receipt.tsx'

// pdftotext (poppler-utils) is a test dependency installed by .ci/run; without it this test fails.
const pdf = createPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || null })
after(() => pdf.close())

const HASH = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'
const data: SubmissionReceiptData = {
  receiptRef: 'AMRAC-2569-000001',
  businessName: 'บริษัท ทองคำเยาวราช จำกัด',
  juristicId: '0-10-5-561-23456-7',
  cycleName: 'รอบการประเมินปี 2569',
  // 10:32 in Bangkok on 29 November 2026 (2569 BE).
  submittedAt: new Date('2026-11-29T03:32:00Z'),
  version: 2,
  declarantName: 'นายสมชาย ใจดี',
  declarantPosition: 'กรรมการผู้จัดการ',
  snapshotSha256: HASH,
  verifyUrl: 'https://amrac.example.go.th/verify/AMRAC-2569-000001',
}
const generatedAt = new Date('2026-11-29T04:00:00Z')

function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-pdf-')), 'receipt.pdf')
  fs.writeFileSync(file, buf)
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).normalize('NFC')
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

function pdfPages(buf: Buffer): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-pdf-')), 'receipt.pdf')
  fs.writeFileSync(file, buf)
  try {
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' })
    return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1])
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}

const flat = (s: string) => s.replace(/\s+/g, '')

describe('ใบรับ (submission receipt PDF)', () => {
  test('the HTML inlines the QR code of the verification link and fetches nothing', async () => {
    const html = await renderSubmissionReceiptHtml({ ...data, declarantName: '<img src=x>' }, 'th', generatedAt)
    assert.match(html, /^<!doctype html><html lang="th">/)
    assert.match(html, /&lt;img src=x>/, 'text from users is escaped')
    const qr = /<img src="data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)" alt="คิวอาร์โค้ดของลิงก์ตรวจสอบใบรับ" id="receipt-qr"\/?>/.exec(html)
    assert.ok(qr, 'the QR code is an inlined SVG image with a Thai text alternative')
    const svg = Buffer.from(qr[1]!, 'base64').toString('utf8')
    assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*viewBox="0 0 \d+ \d+"/)
    // The same SVG as qrcode draws for the verification link, i.e. the QR encodes exactly that URL.
    assert.equal(svg, await receiptQrSvg(data.verifyUrl))
    assert.notEqual(svg, await receiptQrSvg('https://amrac.example.go.th/verify/AMRAC-2569-000002'))
    assert.doesNotMatch(html, /(src|href)="?(https?:|file:|\/\/)/i, 'no remote resources')
    assert.ok(html.includes(data.verifyUrl), 'the link is printed too')
  })

  test('Thai: one A4 page whose text layer holds the exact strings, the BE date and the full hash', async () => {
    assert.equal(spawnSync('pdftotext', ['-v']).error, undefined, 'pdftotext missing: apt-get install -y poppler-utils')
    const buf = await renderSubmissionReceiptPdf(pdf, data, 'th', generatedAt)
    assert.equal(buf.subarray(0, 5).toString(), '%PDF-')
    assert.equal(pdfPages(buf), 1, 'the receipt is one page')
    const text = pdfText(buf)
    for (const s of [
      'สำนักงานป้องกันและปราบปรามการฟอกเงิน',
      'ใบรับการส่งข้อมูลแบบประเมินความเสี่ยง',
      'ผู้มีหน้าที่รายงาน',
      'เลขทะเบียนนิติบุคคล',
      '0-10-5-561-23456-7',
      'บริษัท ทองคำเยาวราช จำกัด',
      'AMRAC-2569-000001',
      'รอบการประเมินปี 2569',
      '29 พฤศจิกายน 2569 เวลา 10.32 น.',
      '29/11/2026 10:32',
      'นายสมชาย ใจดี (กรรมการผู้จัดการ)',
      'รหัสตรวจสอบข้อมูล (SHA-256)',
      'ตรวจสอบใบรับ',
    ]) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
    // The hash and the link may wrap: compare without whitespace; the hash is complete (64 hex).
    assert.ok(flat(text).includes(HASH), 'the full SHA-256 is in the text layer')
    assert.ok(flat(text).includes(data.verifyUrl), 'the verification link is printed')
    assert.equal(receiptFileName(data.receiptRef, 'th'), 'ใบรับ-AMRAC-2569-000001.pdf')
  })

  test('English: the same receipt in English with the Gregorian date', async () => {
    const buf = await renderSubmissionReceiptPdf(pdf, { ...data, businessName: 'Thongkham Yaowarat Company Limited', cycleName: 'Cycle 2569' }, 'en', generatedAt)
    const text = pdfText(buf)
    for (const s of [
      'Anti-Money Laundering Office (AMLO)',
      'Receipt for a submitted risk assessment',
      'Reporting entity',
      'Thongkham Yaowarat Company Limited',
      'AMRAC-2569-000001',
      '29 November 2026 at 10:32',
      'Data check code (SHA-256)',
      'Check this receipt',
    ]) {
      assert.ok(text.includes(s), `missing in the PDF text layer: ${s}`)
    }
    assert.ok(flat(text).includes(HASH))
    assert.doesNotMatch(text, /ใบรับการส่งข้อมูล/, 'no Thai title in the English version')
    assert.equal(receiptFileName(data.receiptRef, 'en'), 'receipt-AMRAC-2569-000001.pdf')
  })
})
