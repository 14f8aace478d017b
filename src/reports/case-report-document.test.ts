/**
 * The draft and final inspection reports printed by real Chromium: Thai, dated in the Buddhist Era
 * written out, the findings snapshot, the response due date (draft) and the business's response
 * with AMLO's assessment (final), read back from the PDF's text layer with pdftotext (poppler-utils).
 */
import assert from 'node:assert/strict'
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import * as cheerio from 'cheerio'
import type { CaseReportDocumentData } from '#src/cases/get-case-reports.ts'
import { caseReportFileName, renderCaseReportHtml, renderCaseReportPdf } from './case-report-document.tsx'
import { createPdfRenderer } from './pdf/pdf-renderer.ts'

// pdftotext (poppler-utils) is a test dependency installed by .ci/run; without it this test fails.
const pdf = createPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || null })
after(() => pdf.close())

function pdfText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-pdf-')), 'report.pdf')
  fs.writeFileSync(file, buf)
  try {
    return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  }
}
/** pdftotext breaks lines where Chromium wrapped them: compare on single spaces. */
const flat = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ')

const draft: CaseReportDocumentData = {
  kind: 'draft',
  caseRef: 'CASE-000042',
  caseType: 'onsite_inspection',
  businessName: 'บริษัท ห้างทองเยาวราช จำกัด',
  juristicId: '0105561234567',
  address: '12 ถนนเยาวราช แขวงสัมพันธวงศ์ เขตสัมพันธวงศ์ กรุงเทพมหานคร 10100',
  issuedAt: new Date('2026-11-29T03:00:00Z'),
  summary: 'กิจการมีนโยบายแต่ยังไม่ตรวจรายชื่อลูกค้า',
  conclusion: 'ควรติดตั้งระบบตรวจรายชื่อ',
  findings: [{ title: 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด', severity: 'major', controlArea: 'C4', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', dueOn: '2027-02-28' }],
  responseDueOn: '2026-12-14',
  response: null,
  responseAssessment: null,
}
const final: CaseReportDocumentData = {
  ...draft,
  kind: 'final',
  issuedAt: new Date('2026-12-20T03:00:00Z'),
  responseDueOn: null,
  response: { body: 'กิจการติดตั้งระบบแล้วเมื่อเดือนธันวาคม', files: ['ใบเสร็จ.pdf'], submittedAt: new Date('2026-12-16T03:00:00Z'), late: true },
  responseAssessment: 'คำชี้แจงรับฟังได้บางส่วน',
}

describe('inspection report PDFs', () => {
  test('the HTML: Thai, BE date, escaped texts, nothing remote; file names by kind', () => {
    const $ = cheerio.load(renderCaseReportHtml({ ...draft, summary: '<img src=x>' }))
    assert.equal($('html').attr('lang'), 'th')
    assert.equal($('#report-title').text(), 'ร่างรายงานผลการตรวจสอบ')
    assert.equal($('#report-date').text(), '29 พฤศจิกายน 2569')
    assert.equal($('#report-summary').text(), '<img src=x>')
    assert.equal($('img').length, 0)
    assert.equal($('#report-response').length, 0, 'a draft has no response section')
    assert.equal(caseReportFileName(draft), 'draft-report-CASE-000042.pdf')
    assert.equal(caseReportFileName(final), 'report-CASE-000042.pdf')
  })

  test('the draft PDF holds the findings and the response due date in BE', async () => {
    assert.equal(spawnSync('pdftotext', ['-v']).error, undefined, 'pdftotext missing: apt-get install -y poppler-utils')
    const buf = await renderCaseReportPdf(pdf, draft)
    assert.equal(buf.subarray(0, 5).toString(), '%PDF-')
    const text = flat(pdfText(buf))
    for (const s of [
      'ร่างรายงานผลการตรวจสอบ',
      'ที่ CASE-000042',
      '29 พฤศจิกายน 2569',
      'บริษัท ห้างทองเยาวราช จำกัด',
      'สรุปผลการตรวจสอบ',
      'กิจการมีนโยบายแต่ยังไม่ตรวจรายชื่อลูกค้า',
      '1. ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด',
      'มาตรา 20/1',
      'กำหนดแก้ไขภายในวันที่ 28 กุมภาพันธ์ 2570',
      'ข้อสรุปและข้อเสนอแนะ',
      'ภายในวันที่ 14 ธันวาคม 2569',
    ]) {
      assert.ok(text.includes(s), `missing: ${s}\n${text}`)
    }
    assert.ok(!text.includes('คำชี้แจงของกิจการ'))
  })

  test('the final PDF states the business\'s response (late, with its files) and the assessment', async () => {
    const text = flat(pdfText(await renderCaseReportPdf(pdf, final)))
    for (const s of ['รายงานผลการตรวจสอบ', '20 ธันวาคม 2569', 'คำชี้แจงของกิจการ', 'กิจการชี้แจงเมื่อวันที่ 16 ธันวาคม 2569 (ส่งหลังกำหนด)', 'กิจการติดตั้งระบบแล้วเมื่อเดือนธันวาคม', 'เอกสารแนบ: ใบเสร็จ.pdf', 'ความเห็นต่อคำชี้แจงของกิจการ', 'คำชี้แจงรับฟังได้บางส่วน']) {
      assert.ok(text.includes(s), `missing: ${s}\n${text}`)
    }
    assert.ok(!text.includes('ร่างรายงาน'), 'not headed as a draft')
    const none = flat(pdfText(await renderCaseReportPdf(pdf, { ...final, response: null, responseAssessment: null })))
    assert.ok(none.includes('กิจการไม่ได้ส่งคำชี้แจงต่อร่างรายงาน'))
  })
})
