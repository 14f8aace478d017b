/**
 * The business's side of inspection reports in the portal (issue 8): the draft awaiting its response
 * on the home page, the report page (summary, conclusion, findings, PDF; never staff notes, visit
 * records or internal finding details), the response with a file (multipart, CSRF before the file,
 * error summary, 303, then read-only), a late response accepted and marked, the final report on the
 * home page with its PDF, and another business's report answering 404 everywhere.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { addCaseNote } from '#src/cases/add-case-note.ts'
import { caseReportResponses } from '#src/cases/case-reports.tables.ts'
import type { CaseFile } from '#src/cases/case-tasks.repo.ts'
import { insertCases } from '#src/cases/cases.repo.ts'
import { issueFinalReport } from '#src/cases/issue-final-report.ts'
import { recordFinding } from '#src/cases/record-finding.ts'
import { recordVisit } from '#src/cases/record-visit.ts'
import { sendDraftReport } from '#src/cases/send-draft-report.ts'
import type { Client } from '#tests/support/builders.ts'
import { makeOfficers, signedInBusiness, type UserActor } from '#tests/support/case-fixtures.ts'
import type { MultipartEntry } from '#tests/support/multipart.ts'
import { multipartFormOf, postMultipart as postMultipartTo, storedFiles as storedFilesOf } from '#tests/support/portal-forms.ts'
import { HTML_PAGE, PDF_MIN } from '#tests/support/sample-files.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp({ clearFiles: true })
const { db } = t
let examiner: UserActor
let supervisor: UserActor
let serial = 0
let keySeq = 0
const key = () => `p${++keySeq}`

beforeEach(async () => {
  ;({ examiner, supervisor } = await makeOfficers(db()))
})

const business = () => signedInBusiness(t, `reportbiz${++serial}`)

/** A case of this business with a finding, a staff note and a visit record, and its draft report sent. */
async function draftFor(entityId: string, responseDueOn = '2026-12-14') {
  const now = t.clock.now()
  const [c] = await insertCases(db(), [{ type: 'onsite_inspection', status: 'exit_meeting', entityId, statusChangedAt: now, openedAt: now, openedBy: examiner.id, updatedAt: now }])
  await recordFinding(t.deps, { actor: examiner, caseId: c!.id, controlArea: 'C4', severity: 'major', title: 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด', description: 'รายละเอียดภายในของผู้ตรวจ', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', idempotencyKey: key() })
  await recordVisit(t.deps, { actor: examiner, caseId: c!.id, visitedOn: '2026-11-28', attendees: 'กรรมการผู้จัดการ', notes: 'บันทึกการตรวจห้ามเปิดเผย', idempotencyKey: key() })
  await addCaseNote(t.deps, { actor: examiner, caseId: c!.id, body: 'บันทึกภายในห้ามเปิดเผย', idempotencyKey: key() })
  const { cases } = await import('#src/cases/cases.tables.ts')
  await db().update(cases).set({ status: 'draft_report' }).where(eq(cases.id, c!.id))
  const { reportId } = await sendDraftReport(t.deps, { actor: examiner, caseId: c!.id, summary: 'กิจการยังไม่ตรวจรายชื่อลูกค้า', conclusion: 'ควรติดตั้งระบบตรวจรายชื่อ', responseDueOn, idempotencyKey: key() })
  return { caseId: c!.id, reportId: reportId! }
}

const postMultipart = (client: Client, url: string, entries: readonly MultipartEntry[]) => postMultipartTo(t, client, url, entries)

const formOf = (client: Client, url: string) => multipartFormOf(client, url, 'response-form')
const storedFiles = () => storedFilesOf(t.files)

describe('the draft report in the portal', () => {
  test('the home page lists it with its due date; the page shows the report, never staff notes or visit records; the response with a file is sent once', async () => {
    const { entity, client } = await business()
    const other = await business()
    const { reportId } = await draftFor(entity.id)
    await draftFor(other.entity.id)
    const url = `/portal/cases/reports/${reportId}`

    const home = html(await client.get('/portal'))
    const rows = home('#case-reports tbody tr')
    assert.equal(rows.length, 1, 'only its own report')
    assert.equal(rows.find('a').attr('href'), url)
    assert.equal(rows.find('a').text(), 'ร่างรายงานผลการตรวจสอบ รอคำชี้แจง')
    // Numeric Gregorian dates, as on every screen: due 14/12/2026, issued today.
    assert.deepEqual(home('#case-reports thead th').map((_, th) => home(th).text()).get(), ['รายการ', 'เรื่องตรวจสอบ', 'วันครบกำหนด', 'วันที่ออกรายงาน'])
    assert.match(rows.find('td').eq(2).text(), /^14\/12\/2026/)
    assert.match(rows.find('td').eq(2).text(), /อีก 15 วัน/)
    assert.equal(rows.find('td').eq(3).text(), '29/11/2026')
    assert.doesNotMatch(rows.text(), /2569/)

    const { $, csrf, idem } = await formOf(client, url)
    assert.equal($('h1').text(), 'ร่างรายงานผลการตรวจสอบ')
    assert.equal($('#report-summary').text(), 'กิจการยังไม่ตรวจรายชื่อลูกค้า')
    assert.equal($('#report-conclusion').text(), 'ควรติดตั้งระบบตรวจรายชื่อ')
    assert.match($('#report-findings').text(), /ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด/)
    assert.match($('#report-findings').text(), /มาตรา 20\/1/)
    assert.match($('#report-due').text(), /14\/12\/2026/)
    assert.equal($('#report-pdf').text(), 'ดาวน์โหลดร่างรายงาน (PDF)')
    assert.equal($('#response').attr('name'), 'response')
    assert.match($('label[for="response"]').text(), /^คำชี้แจงของกิจการ/)
    assert.equal($('input[type="file"][name="file"]').length, 5)
    assert.equal($('form#response-form button').text(), 'ส่งคำชี้แจง')
    assert.doesNotMatch($.html(), /บันทึกภายในห้ามเปิดเผย|บันทึกการตรวจห้ามเปิดเผย|กรรมการผู้จัดการ|รายละเอียดภายในของผู้ตรวจ/)

    const pdf = await client.get($('#report-pdf').attr('href')!)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-')

    const empty = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['response', '  '], ['file', { filename: 'a.pdf', content: PDF_MIN }]])
    assert.equal(empty.statusCode, 422)
    const $e = html(empty)
    assert.deepEqual($e('[data-error-summary] a').map((_, a) => $e(a).attr('href')).get(), ['#response'])
    assert.match($e('[data-error-summary]').text(), /โปรดกรอกคำชี้แจงของกิจการ/)
    const wrong = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['response', 'ชี้แจง'], ['file', { filename: 'page.pdf', content: HTML_PAGE }]])
    assert.equal(wrong.statusCode, 415)
    assert.deepEqual(html(wrong)('[data-error-summary] a').map((_, a) => html(wrong)(a).attr('href')).get(), ['#file'])
    assert.equal(html(wrong)('#response').text(), 'ชี้แจง', 'what was typed is kept')
    assert.deepEqual(storedFiles(), [])

    const sent = await postMultipart(client, url, [
      ['_csrf', csrf],
      ['idempotencyKey', idem],
      ['response', 'กิจการติดตั้งระบบตรวจรายชื่อแล้วเมื่อ 1 ธันวาคม'],
      ['file', { filename: 'ใบเสร็จ.pdf', content: PDF_MIN, contentType: 'application/pdf' }],
      ['file', { filename: '', content: Buffer.alloc(0) }],
    ])
    assert.equal(sent.statusCode, 303, sent.body.slice(0, 400))
    assert.equal(sent.headers.location, url)
    const [row] = await db().select().from(caseReportResponses).where(eq(caseReportResponses.reportId, reportId))
    assert.deepEqual([row!.body, (row!.attachments as CaseFile[]).map((f) => f.displayName)], ['กิจการติดตั้งระบบตรวจรายชื่อแล้วเมื่อ 1 ธันวาคม', ['ใบเสร็จ.pdf']])
    assert.equal(storedFiles().length, 1)

    const done = html(await client.get(url))
    assert.equal(done('form#response-form').length, 0, 'read-only once sent')
    assert.match(done('.banner--success, .notification-banner, [role="alert"], [role="region"]').text(), /ส่งคำชี้แจงแล้ว/)
    assert.match(done('#your-response').text(), /ติดตั้งระบบตรวจรายชื่อแล้ว/)
    assert.match(done('#sent-files').text(), /ใบเสร็จ\.pdf/)
    const download = await client.get(`${url}/files/0`)
    assert.equal(download.statusCode, 200)
    assert.deepEqual(download.rawPayload, PDF_MIN)
    assert.equal(html(await client.get('/portal'))('#case-reports').length, 0, 'nothing awaiting any more')
    const again = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', 'another'], ['response', 'อีกครั้ง']])
    assert.equal(again.statusCode, 409)
    assert.match(html(again)('[data-error-summary]').text(), /ส่งคำชี้แจงต่อร่างรายงานนี้แล้ว/)
    assert.equal((await db().select().from(caseReportResponses)).length, 1)
  })

  test('after the due date the page warns and the response is still accepted, marked late', async () => {
    const { entity, client } = await business()
    const { reportId } = await draftFor(entity.id, '2026-11-30')
    t.clock.set('2026-12-01T03:00:00Z')
    await client.signIn(`reportbiz${serial}`)
    const url = `/portal/cases/reports/${reportId}`
    const { $, csrf, idem } = await formOf(client, url)
    assert.match($('#late-notice').text(), /เลยกำหนดชี้แจงแล้ว/)
    assert.match($('#report-due').text(), /เกินกำหนด/)
    const sent = await postMultipart(client, url, [['_csrf', csrf], ['idempotencyKey', idem], ['response', 'ขออภัยที่ส่งช้า']])
    assert.equal(sent.statusCode, 303)
    assert.equal((await db().select().from(caseReportResponses)).length, 1)
  })

  test('another business\'s report is 404 for the page, the post, the PDF and the files; no CSRF token is 403', async () => {
    const { entity } = await business()
    const intruder = await business()
    const { reportId } = await draftFor(entity.id)
    const url = `/portal/cases/reports/${reportId}`
    assert.equal((await intruder.client.get(url)).statusCode, 404)
    assert.equal((await intruder.client.get(`${url}/report.pdf`)).statusCode, 404)
    assert.equal((await intruder.client.get(`${url}/files/0`)).statusCode, 404)
    const csrf = html(await intruder.client.get('/portal'))('input[name="_csrf"]').attr('value') ?? ''
    const post = await postMultipart(intruder.client, url, [['_csrf', csrf], ['idempotencyKey', 'x1'], ['response', 'ตอบแทน'], ['file', { filename: 'a.pdf', content: PDF_MIN }]])
    assert.equal(post.statusCode, 404)
    assert.equal((await postMultipart(intruder.client, url, [['response', 'ตอบแทน']])).statusCode, 403)
    assert.equal((await intruder.client.get('/portal/cases/reports/not-a-uuid')).statusCode, 404)
    assert.deepEqual(storedFiles(), [])
    assert.equal((await db().select().from(caseReportResponses)).length, 0)
  })
})

describe('the final report in the portal', () => {
  test('listed on the home page as รายงานผลการตรวจสอบฉบับสมบูรณ์ with its PDF; the page shows the assessment and takes no response', async () => {
    const { entity, client } = await business()
    const { caseId, reportId: draftId } = await draftFor(entity.id)
    const { reportId } = await issueFinalReport(t.deps, { actor: supervisor, caseId, summary: 'สรุปฉบับสมบูรณ์', conclusion: 'ให้แก้ไขภายในกำหนด', idempotencyKey: key() })
    const home = html(await client.get('/portal'))
    const row = home(`#case-reports tr[data-report="${reportId}"]`)
    assert.equal(row.find('a').first().text(), 'รายงานผลการตรวจสอบฉบับสมบูรณ์')
    assert.equal(row.find('a').last().attr('href'), `/portal/cases/reports/${reportId}/report.pdf`)
    assert.equal(row.find('td').eq(3).text(), '29/11/2026', 'under its own "issued on" column, not the due date')
    assert.equal(row.find('td').eq(2).find('.visually-hidden').text(), 'ไม่มีกำหนดชี้แจง')
    assert.equal(home(`#case-reports tr[data-report="${draftId}"]`).length, 0, 'the draft no longer waits')
    const page = html(await client.get(`/portal/cases/reports/${reportId}`))
    assert.equal(page('h1').text(), 'รายงานผลการตรวจสอบฉบับสมบูรณ์')
    assert.equal(page('#report-summary').text(), 'สรุปฉบับสมบูรณ์')
    assert.equal(page('#report-pdf').text(), 'ดาวน์โหลดรายงานฉบับสมบูรณ์ (PDF)')
    assert.equal(page('form#response-form').length, 0)
    const draftPage = html(await client.get(`/portal/cases/reports/${draftId}`))
    assert.equal(draftPage('form#response-form').length, 0)
    assert.match(draftPage('#response-closed').text(), /ปิดรับคำชี้แจงแล้ว/)
    const pdf = await client.get(`/portal/cases/reports/${reportId}/report.pdf`)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
  })
})
