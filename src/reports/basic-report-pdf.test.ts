/**
 * รายงานข้อมูลพื้นฐาน as a PDF printed by real Chromium (issue 5): the text layer holds the exact Thai
 * strings (tone marks and vowels intact), ID numbers only masked, page numbers "หน้า x/y", ฉบับร่าง
 * on every page of a draft, 60 directors over several pages with nothing cut off, and English.
 * Read back with poppler-utils (pdftotext, pdfinfo, pdftoppm). Few renders: Chromium is slowish.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { thaiId13CheckDigit } from '#src/entities/juristic-id.rules.ts'
import type { BasicReport } from '#src/submissions/get-basic-report.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { basicReportFileName, renderBasicReportHtml, renderBasicReportPdf } from './basic-report-pdf.tsx'
import { createPdfRenderer } from './pdf/pdf-renderer.ts'

// poppler-utils (pdftotext, pdfinfo, pdftoppm) is a test dependency installed by .ci/run.
const pdf = createPdfRenderer({ executablePath: process.env.CHROMIUM_PATH || null })
after(() => pdf.close())

const DIRECTOR_ID = '3100600445635' // the gold shop's director and beneficial owner
const generatedAt = new Date('2026-11-29T03:00:00Z') // 10:00 in Bangkok, 2569 BE

function goldShopReport(over: Partial<BasicReport> = {}): BasicReport {
  return {
    cycle: { code: '2569', nameTh: 'รอบการประเมินปี 2569', nameEn: 'Cycle 2569' },
    status: 'draft',
    draft: true,
    definitionVersion: 'v1',
    definition: definitionForVersion('v1'),
    answers: { ...goldShopAnswersV1, A02: 'ทองดีเยาวราช', A03: 'Thongdee Yaowarat' },
    attachments: [
      { documentType: 'DBD_CERTIFICATE', displayName: 'หนังสือรับรองที่อยู่-น้ำใจ.pdf', uploadedAt: new Date('2026-11-20T02:30:00Z'), sha256: 'ab12cd34ef56'.padEnd(64, '7') },
      { documentType: 'AML_POLICY', displayName: 'นโยบาย AML.pdf', uploadedAt: null, sha256: '0123456789ab'.padEnd(64, 'f') },
    ],
    submission: null,
    submittedVersions: 0,
    generatedAt,
    ...over,
  }
}

/** Director n with a valid (made-up) national ID; the name carries tone marks and น้ำ. */
function director(n: number) {
  const first12 = `31006${String(n).padStart(7, '0')}`
  return {
    title: 'mr',
    fullNameTh: `สมศักดิ์ น้ำใจดี${n}`,
    nationality: 'thai',
    idType: 'thai_id',
    thaiId: `${first12}${thaiId13CheckDigit(first12)}`,
    position: 'กรรมการ',
    signatory: n === 1 ? 'yes' : 'no',
    appointedOn: '2010-01-01',
    pep: 'no',
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-report-'))
after(() => fs.rmSync(tmp, { recursive: true, force: true }))
let n = 0
function save(buf: Buffer): string {
  const file = path.join(tmp, `report-${++n}.pdf`)
  fs.writeFileSync(file, buf)
  return file
}
const pdftotext = (file: string, ...args: string[]) => execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, file, '-'], { encoding: 'utf8' }).normalize('NFC')
const pages = (file: string) => Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1])
const flat = (s: string) => s.replace(/\s+/g, '')

/** Share of non-white pixels of page `page` at 20 dpi (a grey PGM, 255 = white). */
function inkShare(file: string, page: number): number {
  const pgm = execFileSync('pdftoppm', ['-gray', '-r', '20', '-f', String(page), '-l', String(page), file])
  // Header "P5\n<w> <h>\n255\n", then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))
  assert.ok(header, 'pdftoppm wrote a PGM')
  const pixels = pgm.subarray(header[0].length)
  let ink = 0
  for (const p of pixels) if (p < 200) ink++
  return ink / pixels.length
}

describe('basic-information report PDF: the HTML it prints', () => {
  test('self-contained: fonts inlined, nothing remote, user text escaped, no full ID', () => {
    const html = renderBasicReportHtml(goldShopReport({ answers: { ...goldShopAnswersV1, A02: '<img src=x onerror=alert(1)>' } }), 'th')
    assert.match(html, /^<!doctype html><html lang="th">/)
    assert.match(html, /@font-face\{font-family:'Sarabun'.*src:url\(data:font\/woff2;base64,/)
    assert.doesNotMatch(html, /(src|href)="?(https?:|file:|\/\/)/i)
    assert.doesNotMatch(html, /<img/)
    assert.match(html, /&lt;img src=x onerror=alert\(1\)>/)
    assert.ok(!html.includes(DIRECTOR_ID))
    assert.match(html, /@bottom-right \{ content: "หน้า " counter\(page\) "\/" counter\(pages\);/)
  })

  test('a safe file name per version', () => {
    assert.equal(basicReportFileName(goldShopReport()), 'basic-report-2569-draft.pdf')
    const v2 = goldShopReport({ draft: false, submission: { version: 2, receiptRef: 'AMRAC-2569-000001', submittedAt: generatedAt, declarantName: 'ก', declarantPosition: 'ข' } })
    assert.equal(basicReportFileName(v2), 'basic-report-2569-v2.pdf')
    assert.equal(basicReportFileName(goldShopReport({ cycle: { code: '25"69\r\n;x', nameTh: '', nameEn: '' } })), 'basic-report-25_69_x-draft.pdf')
  })
})

describe('basic-information report PDF (Chromium)', () => {
  let draftFile = ''
  let draftText = ''
  before(async () => {
    draftFile = save(await renderBasicReportPdf(pdf, goldShopReport(), 'th'))
    draftText = pdftotext(draftFile)
  })

  test('a Thai draft: exact Thai strings, Buddhist-Era date, masked IDs, attachments, page numbers, ฉบับร่าง on every page', () => {
    for (const s of [
      'สำนักงานป้องกันและปราบปรามการฟอกเงิน (สำนักงาน ปปง.)',
      'รายงานข้อมูลพื้นฐาน',
      'ออกรายงานเมื่อ 29 พฤศจิกายน 2569 เวลา 10.00 น.',
      'ข้อมูลในรายงานนี้ยังไม่ได้ส่งให้สำนักงาน ปปง.',
      'ข้อมูลองค์กร',
      'ผู้รับประโยชน์ที่แท้จริง',
      'เจ้าหน้าที่ผู้รับผิดชอบการปฏิบัติตามกฎหมาย',
      'นายสมชาย ทองดี',
      '3-1006-xxxxx-xx-5',
      'มณี ทองดี',
      'สาขาสำเพ็ง',
      'หนังสือรับรองที่อยู่-น้ำใจ.pdf',
      'ผู้มีหน้าที่รายงาน: บริษัท ทองดีเยาวราช จำกัด',
      'ab12cd34ef56',
      '20/11/2026 09:30',
      'ยังไม่ได้ส่ง',
      'ฉบับที่ 1',
      'หน้า 1/',
    ]) {
      assert.ok(draftText.includes(s), `missing in the PDF text layer: ${s}`)
    }
    assert.ok(!draftText.includes('ab12cd34ef567'), 'SHA-256: 12 hex digits only')
    assert.ok(!flat(draftText).includes(DIRECTOR_ID) && !draftText.includes('00445'), 'the full ID never reaches the PDF')
    const total = pages(draftFile)
    assert.ok(total >= 1)
    assert.ok(draftText.includes(`หน้า ${total}/${total}`), 'the last page is numbered "หน้า y/y"')
    // Raw order keeps the rotated watermark's letters together: one per page.
    assert.equal(pdftotext(draftFile, '-raw').split('ฉบับร่าง').length - 1 >= total, true, 'ฉบับร่าง on every page')
  })

  test('layout: the page number sits at the bottom right, and the page is not blank', () => {
    const layout = pdftotext(draftFile, '-layout', '-f', '1', '-l', '1').split('\n').filter((l) => l.trim() !== '')
    const last = layout.at(-1) ?? ''
    assert.match(last, /หน้า 1\/\d+\s*$/, 'the last line of page 1 ends with its number')
    assert.ok(last.indexOf('หน้า') > 40, 'right-aligned')
    const ink = inkShare(draftFile, 1)
    assert.ok(ink > 0.01 && ink < 0.6, `page 1 has text on it, not all white nor all black (ink ${ink.toFixed(3)})`)
  })

  test('60 directors: several pages, every name and masked ID present, no full ID', async () => {
    const directors = Array.from({ length: 60 }, (_, i) => director(i + 1))
    const file = save(await renderBasicReportPdf(pdf, goldShopReport({ answers: { ...goldShopAnswersV1, B01: directors } }), 'th'))
    const text = pdftotext(file)
    const total = pages(file)
    // One director row is ~6 mm (title, name and masked ID on one line): 60 rows need 2 pages
    // beyond the identity section, so 4 pages for the whole report, 5 at most if a section moves.
    assert.ok(total >= 4 && total <= 5, `page count ${total}`)
    for (let p = 1; p <= total; p++) assert.ok(text.includes(`หน้า ${p}/${total}`), `page ${p} numbered`)
    const body = flat(text)
    for (const [i, d] of directors.entries()) {
      assert.match(text, new RegExp(`นาย${d.fullNameTh.replace(' ', '\\s+')}(?!\\d)`), `director ${i + 1} is in the PDF, whole`)
      assert.ok(body.includes(`${d.thaiId[0]}-${d.thaiId.slice(1, 5)}-xxxxx-xx-${d.thaiId[12]}`), `masked ID of ${d.fullNameTh}`)
      assert.ok(!body.includes(d.thaiId), `full ID of ${d.fullNameTh} never printed`)
    }
    // The header row is repeated on every page the table continues on: 60 rows take at least three
    // pages, and the beneficial owners' table has the column too.
    assert.ok(text.split('สัญชาติ').length - 1 >= 4, "the directors' header row repeats on each page of the table")
  })

  test('a submitted version: no draft marker, receipt reference and submission time', async () => {
    const report = goldShopReport({
      draft: false,
      status: 'submitted',
      submittedVersions: 1,
      submission: { version: 1, receiptRef: 'AMRAC-2569-000042', submittedAt: new Date('2026-11-28T08:15:00Z'), declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการผู้จัดการ' },
    })
    const text = pdftotext(save(await renderBasicReportPdf(pdf, report, 'th')))
    for (const s of ['AMRAC-2569-000042', '28/11/2026 15:15', 'ส่งแล้ว อยู่ระหว่างการพิจารณา', 'ครั้งที่ 1', 'นายสมชาย ทองดี ตำแหน่ง กรรมการผู้จัดการ', 'หน้า 1/']) {
      assert.ok(text.includes(s), `missing: ${s}`)
    }
    assert.ok(!text.includes('ฉบับร่าง'), 'no draft marker')
  })

  test('English: English labels, a written-out Gregorian date, DRAFT and "Page 1/"', async () => {
    const file = save(await renderBasicReportPdf(pdf, goldShopReport(), 'en'))
    const text = pdftotext(file)
    for (const s of ['Anti-Money Laundering Office (AMLO)', 'Basic information report', 'Reporting entity: Thongdee Yaowarat Co., Ltd.', 'Produced on 29 November 2026 at 10:00', '3-1006-xxxxx-xx-5', 'Page 1/']) {
      assert.ok(text.includes(s), `missing: ${s}`)
    }
    assert.ok(pdftotext(file, '-raw').includes('DRAFT'))
    assert.ok(!text.includes('หน้า 1/'))
  })
})
