/**
 * ออกรายงานข้อมูลพื้นฐาน as a printable page: the draft (ฉบับร่าง) and each submitted version, with
 * national IDs masked, the generation time in the Buddhist Era, tenant isolation and both languages.
 */
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { Actor } from '#src/identity/permissions.ts'
import { answersForPart } from '#src/questionnaire/engine/index.ts'
import { getAssessmentForActor } from '#src/submissions/get-assessment.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { insertAttachment, upsertPartAnswers } from '#src/submissions/submissions.repo.ts'
import { PDF_RATE_LIMIT } from './documents-out.routes.tsx'
import { goldShopAnswersV1, GOLD_SHOP_ATTACHMENTS } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { Client, makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestApp, html, type TestApp } from '#tests/support/test-app.ts'

let t: TestApp
before(async () => {
  t = await createTestApp()
})
after(() => t.close())
beforeEach(async () => {
  await t.testDb.reset()
  await openCycle(t.deps, {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

const db = () => t.deps.database.db
const def = definitionForVersion('v1')
const REPORT = '/portal/assessments/2569/basic-report'
const REPORT_PDF = '/portal/assessments/2569/basic-report.pdf'
const DIRECTOR_ID = '3100600445635' // B01 and B04 of the gold-shop fixture
const GOLD_SHOP = { nameTh: 'ทองดีเยาวราช', nameEn: 'Thongdee Yaowarat', juristicId: '0105536112014' }

async function business(username: string, over: Parameters<typeof makeEntity>[1] = {}) {
  const entity = await makeEntity(db(), over)
  const user = await makeUser(db(), { username, entityId: entity.id, role: 'entity_admin' })
  const actor: Actor = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' }
  const client = new Client(t.app)
  await client.signIn(username)
  return { entity, actor, client }
}

/** The gold shop's complete answers and four attachments, stored as the business's draft. */
async function fillGoldShop(actor: Actor & { kind: 'user'; entityId: string | null }) {
  const view = await getAssessmentForActor(t.deps, { actor, cycleCode: '2569' })
  const ids: Record<string, string> = {}
  let n = 0
  for (const ref of GOLD_SHOP_ATTACHMENTS) {
    n++
    const partId = ref.documentType === 'AML_POLICY' || ref.documentType === 'ENTERPRISE_RISK_ASSESSMENT' ? 'part-c' : 'part-a'
    const row = await insertAttachment(db(), {
      assessmentId: view.assessmentId,
      entityId: actor.entityId!,
      partId,
      fieldId: null,
      documentType: ref.documentType,
      fileKey: n.toString(16).padStart(32, '0'),
      displayName: `เอกสาร-${ref.documentType}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 1000 + n,
      sha256: `${n}abcdef0123456789`.padEnd(64, '0'),
      uploadedBy: actor.id,
      uploadedAt: t.clock.now(),
    })
    ids[ref.id] = row.id
  }
  const answers = JSON.parse(JSON.stringify(goldShopAnswersV1), (k, v: unknown) => (k === 'attachmentId' && typeof v === 'string' ? ids[v] : v)) as Record<string, unknown>
  for (const part of def.parts) {
    await upsertPartAnswers(db(), { assessmentId: view.assessmentId, partId: part.id, answers: { ...answersForPart(def, answers, part.id) }, now: t.clock.now(), userId: actor.id })
  }
}

async function submitted(actor: Actor) {
  const result = await submitAssessment(t.deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการผู้จัดการ', idempotencyKey: 'report-test' })
  assert.ok(result.ok, 'the gold shop submits')
  return result.submission
}

describe('basic-information report: draft', () => {
  test('shows ฉบับร่าง, the business, masked IDs, attachments and a Buddhist-Era generation date', async () => {
    const { actor, client } = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(actor as Actor & { kind: 'user' })
    const res = await client.get(REPORT)
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    const main = $('main').text()
    assert.match($('h1').text(), /รายงานข้อมูลพื้นฐาน/)
    assert.match($('.basic-report__draft').text(), /ฉบับร่าง/)
    assert.match(main, /สำนักงานป้องกันและปราบปรามการฟอกเงิน/)
    assert.match(main, /บริษัท ทองดีเยาวราช จำกัด/)
    assert.match(main, /0-10-5-536-11201-4/, 'juristic ID as check-your-answers formats it')
    // 2026-11-29T03:00Z is 10:00 in Bangkok, year 2569 BE.
    assert.match(main, /ออกรายงานเมื่อ 29 พฤศจิกายน 2569 เวลา 10\.00 น\./)
    // The director (and beneficial owner): first five digits and the last one, nothing else.
    assert.match($('#report-directors').parent().text(), /3-1006-xxxxx-xx-5/)
    assert.match($('#report-directors').parent().text(), /นายสมชาย ทองดี/)
    assert.match($('#report-beneficial-owners').parent().text(), /3-1006-xxxxx-xx-5/)
    assert.ok(!res.body.includes(DIRECTOR_ID), 'the full ID never reaches the page')
    assert.ok(!res.body.includes('3-1006-00445-63-5'), 'nor formatted')
    assert.ok(!res.body.includes('00445'), 'nor its middle digits')
    // Shareholders, branches, compliance officer, attachments.
    assert.match($('#report-shareholders').parent().text(), /มณี ทองดี/)
    assert.match($('#report-branches').parent().text(), /สาขาสำเพ็ง/)
    assert.match($('#report-compliance-officer').parent().text(), /ผู้จัดการฝ่ายบัญชี/)
    const attachments = $('#report-attachments').parent().text()
    assert.match(attachments, /เอกสาร-DBD_CERTIFICATE\.pdf/)
    assert.match(attachments, /1abcdef01234(?!5)/, 'SHA-256: the first 12 hex digits only')
    assert.match(attachments, /29\/11\/2026 10:00/)
    assert.match(main, /ฉบับที่ 1/, 'questionnaire version')
    assert.match(main, /ยังไม่ได้ส่ง/)
    assert.doesNotMatch(main, /AMRAC-2569-/, 'no receipt for a draft')
    assert.match($('.no-print').text(), /คำสั่งพิมพ์ของเบราว์เซอร์/)
    assert.equal($('script:not([src])').length, 0, 'no inline script')
  })

  test('a business that has not opened its assessment gets a draft pre-filled from the registry', async () => {
    const { client } = await business('fresh', { nameTh: 'เพชรงามทดสอบ' })
    const res = await client.get(REPORT)
    assert.equal(res.statusCode, 200)
    const main = html(res)('main').text()
    assert.match(main, /ฉบับร่าง/)
    assert.match(main, /บริษัท เพชรงามทดสอบ จำกัด/)
    assert.match(html(res)('#report-directors').parent().text(), /ไม่มีข้อมูล/)
  })
})

describe('basic-information report: submitted versions', () => {
  test('?version=1 shows the snapshot with its receipt reference and no draft marker', async () => {
    const { actor, client } = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(actor as Actor & { kind: 'user' })
    const submission = await submitted(actor)
    const res = await client.get(`${REPORT}?version=1`)
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    const main = $('main').text()
    assert.match(main, new RegExp(submission.receiptRef))
    assert.match(main, /29\/11\/2026 10:00/, 'submission time, Bangkok, Gregorian year')
    assert.match(main, /ส่งแล้ว อยู่ระหว่างการพิจารณา/)
    assert.match(main, /ครั้งที่ 1/)
    assert.match(main, /นายสมชาย ทองดี ตำแหน่ง กรรมการผู้จัดการ/)
    assert.doesNotMatch(main, /ฉบับร่าง/)
    assert.equal($('.basic-report__watermark').length, 0)
    assert.match($('#report-attachments').parent().text(), /เอกสาร-SERVICE_REQUEST_SIGNED\.pdf/)
    assert.ok(!res.body.includes(DIRECTOR_ID))

    // Without a version, a submitted assessment shows its latest submitted version.
    const latest = await client.get(REPORT)
    assert.equal(latest.statusCode, 200)
    assert.match(html(latest)('main').text(), new RegExp(submission.receiptRef))
    assert.doesNotMatch(html(latest)('main').text(), /ฉบับร่าง/)
  })

  test('an unknown version, junk or an unknown cycle is a 404 page, never a 500', async () => {
    const { actor, client } = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(actor as Actor & { kind: 'user' })
    assert.equal((await client.get(`${REPORT}?version=1`)).statusCode, 404, 'nothing submitted yet')
    await submitted(actor)
    for (const url of [
      `${REPORT}?version=2`,
      `${REPORT}?version=0`,
      `${REPORT}?version=-1`,
      `${REPORT}?version=1.5`,
      `${REPORT}?version=abc`,
      `${REPORT}?version=99999999999999999999`,
      `${REPORT}?version=1&version=1`,
      '/portal/assessments/2599/basic-report',
      `/portal/assessments/${'9'.repeat(150)}/basic-report`,
      "/portal/assessments/'%20or%201=1--/basic-report",
    ]) {
      const res = await client.get(url)
      assert.equal(res.statusCode, 404, url)
      assert.match(html(res)('h1').text(), /ไม่พบหน้าที่ท่านต้องการ/, url)
    }
  })
})

describe('basic-information report: access', () => {
  test("another business's user sees only its own business, never this one's", async () => {
    const gold = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(gold.actor as Actor & { kind: 'user' })
    await submitted(gold.actor)
    const other = await business('other', { nameTh: 'ร้านอื่นทดสอบ' })
    const own = await other.client.get(REPORT)
    assert.equal(own.statusCode, 200)
    assert.match(html(own)('main').text(), /บริษัท ร้านอื่นทดสอบ จำกัด/)
    for (const text of ['ทองดีเยาวราช', '0-10-5-536-11201-4', '3-1006-xxxxx-xx-5', 'AMRAC-2569-000001']) assert.ok(!own.body.includes(text), text)
    const version = await other.client.get(`${REPORT}?version=1`)
    assert.equal(version.statusCode, 404)
    assert.ok(!version.body.includes('ทองดีเยาวราช'))
  })

  test('nobody signed in is sent to sign in', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${REPORT}?version=1` })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, `/auth/login?next=${encodeURIComponent(`${REPORT}?version=1`)}`)
  })
})

describe('basic-information report: English', () => {
  test('the English page uses English labels, a Gregorian written-out date and DRAFT', async () => {
    const { actor, client } = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(actor as Actor & { kind: 'user' })
    await client.get(`/language/en?next=${encodeURIComponent(REPORT)}`)
    const res = await client.get(REPORT)
    assert.equal(res.statusCode, 200)
    const $ = html(res)
    assert.equal($('html').attr('lang'), 'en')
    const main = $('main').text()
    assert.match($('h1').text(), /Basic information report/)
    assert.match($('.basic-report__draft').text(), /DRAFT/)
    assert.match(main, /Anti-Money Laundering Office/)
    assert.match(main, /Thongdee Yaowarat Co\., Ltd\./)
    assert.doesNotMatch(main, /Ltd\. Co\./, 'a legal form typed in the name is not added twice')
    assert.match(main, /Produced on 29 November 2026 at 10:00/)
    assert.match(main, /3-1006-xxxxx-xx-5/)
    assert.ok(!res.body.includes(DIRECTOR_ID))
  })
})

/** The PDF's text layer (pdftotext from poppler-utils); `-raw` keeps the rotated watermark whole. */
function pdfText(bytes: Buffer, ...args: string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'amrac-report-http-'))
  try {
    fs.writeFileSync(path.join(dir, 'r.pdf'), bytes)
    return execFileSync('pdftotext', ['-enc', 'UTF-8', ...args, path.join(dir, 'r.pdf'), '-'], { encoding: 'utf8' }).normalize('NFC')
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

describe('basic-information report: PDF', () => {
  test('the page links to its PDF; the draft and a submitted version download as A4 PDFs, privately', async () => {
    const { actor, client } = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(actor as Actor & { kind: 'user' })
    const page = await client.get(REPORT)
    assert.equal(html(page)(`a[href="${REPORT_PDF}"]`).text().trim(), 'ดาวน์โหลด PDF')

    const draft = await client.get(REPORT_PDF)
    assert.equal(draft.statusCode, 200)
    assert.equal(draft.headers['content-type'], 'application/pdf')
    assert.equal(draft.headers['content-disposition'], 'inline; filename="basic-report-2569-draft.pdf"')
    assert.equal(draft.headers['cache-control'], 'private, no-store')
    assert.equal(draft.rawPayload.subarray(0, 5).toString(), '%PDF-')
    const text = pdfText(draft.rawPayload)
    assert.ok(text.includes('ผู้มีหน้าที่รายงาน: บริษัท ทองดีเยาวราช จำกัด'))
    assert.ok(text.includes('3-1006-xxxxx-xx-5') && !text.includes(DIRECTOR_ID))
    assert.ok(text.includes('หน้า 1/'))
    assert.ok(pdfText(draft.rawPayload, '-raw').includes('ฉบับร่าง'))

    const submission = await submitted(actor)
    const v1Page = await client.get(`${REPORT}?version=1`)
    assert.equal(html(v1Page)(`a[href="${REPORT_PDF}?version=1"]`).length, 1, 'the PDF of exactly the version shown')
    const v1 = await client.get(`${REPORT_PDF}?version=1`)
    assert.equal(v1.statusCode, 200)
    assert.equal(v1.headers['content-disposition'], 'inline; filename="basic-report-2569-v1.pdf"')
    const v1Text = pdfText(v1.rawPayload)
    assert.ok(v1Text.includes(submission.receiptRef))
    assert.ok(!pdfText(v1.rawPayload, '-raw').includes('ฉบับร่าง'))
  })

  test("same access rules: junk versions are 404, another business's PDF is never served, signed-out users sign in", async () => {
    const gold = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(gold.actor as Actor & { kind: 'user' })
    await submitted(gold.actor)
    for (const url of [`${REPORT_PDF}?version=2`, `${REPORT_PDF}?version=abc`, '/portal/assessments/2599/basic-report.pdf']) {
      const res = await gold.client.get(url)
      assert.equal(res.statusCode, 404, url)
      assert.match(html(res)('h1').text(), /ไม่พบหน้าที่ท่านต้องการ/, url)
    }
    const other = await business('other', { nameTh: 'ร้านอื่นทดสอบ' })
    assert.equal((await other.client.get(`${REPORT_PDF}?version=1`)).statusCode, 404)
    const anonymous = await t.app.inject({ method: 'GET', url: REPORT_PDF })
    assert.equal(anonymous.statusCode, 303)
    assert.equal(anonymous.headers.location, `/auth/login?next=${encodeURIComponent(REPORT_PDF)}`)
  })

  test('when Chromium cannot start, a localised 503 page with Retry-After, no internals', async () => {
    const broken = await createTestApp({ env: { CHROMIUM_PATH: '/nonexistent/chromium' }, testDb: t.testDb })
    try {
      const entity = await makeEntity(db(), GOLD_SHOP)
      await makeUser(db(), { username: 'nopdf', entityId: entity.id, role: 'entity_admin' })
      const client = new Client(broken.app)
      await client.signIn('nopdf')
      const res = await client.get(REPORT_PDF)
      assert.equal(res.statusCode, 503)
      assert.equal(res.headers['retry-after'], '5')
      assert.match(String(res.headers['content-type']), /^text\/html/)
      const $ = html(res)
      assert.match($('h1').text(), /ระบบไม่พร้อมให้บริการชั่วคราว/)
      assert.match($('main').text(), /ระบบสร้างไฟล์ PDF ไม่ได้ในขณะนี้/)
      assert.ok(!/nonexistent|chromium|PdfRenderError|LAUNCH_FAILED/i.test(res.body), 'no internals')
      // The web page itself still works: the report can be printed from the browser.
      assert.equal((await client.get(REPORT)).statusCode, 200)
    } finally {
      await broken.close()
    }
  })

  test(`more than ${PDF_RATE_LIMIT} PDFs a minute from one address get the 429 page; other addresses and the web page are not affected`, async () => {
    const { client } = await business('ratelimited', GOLD_SHOP)
    const get = (url: string, ip: string) => t.app.inject({ method: 'GET', url, remoteAddress: ip, headers: { cookie: client.jar.header() } })
    // Junk versions are refused before Chromium prints anything, but still count.
    for (let i = 1; i <= PDF_RATE_LIMIT; i++) assert.equal((await get(`${REPORT_PDF}?version=abc`, '10.8.8.8')).statusCode, 404, `request ${i}`)
    const refused = await get(REPORT_PDF, '10.8.8.8')
    assert.equal(refused.statusCode, 429)
    assert.match(String(refused.headers['content-type']), /^text\/html/)
    assert.match(html(refused)('h1').text(), /มีการใช้งานถี่เกินไป/)
    assert.doesNotMatch(refused.body, /%PDF-/)
    assert.equal((await get(`${REPORT_PDF}?version=abc`, '10.8.8.9')).statusCode, 404, 'another address still counts from zero')
    assert.equal((await get(REPORT, '10.8.8.8')).statusCode, 200, 'the printable page is not limited')
  })

  test('a cycle code that is not a CYCLE_CODE is 404 for the page and the PDF', async () => {
    const { client } = await business('thongdee', GOLD_SHOP)
    for (const url of ['/portal/assessments/abc/basic-report', '/portal/assessments/2569x/basic-report.pdf', '/portal/assessments/%E0%B8%81/basic-report']) {
      assert.equal((await client.get(url)).statusCode, 404, url)
    }
  })

  test('English: "Page 1/" and DRAFT', async () => {
    const { actor, client } = await business('thongdee', GOLD_SHOP)
    await fillGoldShop(actor as Actor & { kind: 'user' })
    await client.get(`/language/en?next=${encodeURIComponent(REPORT)}`)
    const res = await client.get(REPORT_PDF)
    assert.equal(res.statusCode, 200)
    assert.ok(pdfText(res.rawPayload).includes('Page 1/'))
    assert.ok(pdfText(res.rawPayload, '-raw').includes('DRAFT'))
  })
})
