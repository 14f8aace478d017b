/**
 * The report part of the staff case page (issue 8): the draft report form in `draft_report` (labels,
 * due date pre-filled with today + 15 days, the error summary keeping what was typed), sending it,
 * the draft with its PDF and the business's response (late mark, files downloadable by staff), the
 * final report form that only a supervisor may submit (examiners see it read-only with a hint), and
 * the final report with its PDF. The bare status buttons for these two steps are gone.
 */
import assert from 'node:assert/strict'
import { Readable } from 'node:stream'
import { test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { caseReports } from '#src/cases/case-reports.tables.ts'
import { insertCases } from '#src/cases/cases.repo.ts'
import { cases } from '#src/cases/cases.tables.ts'
import { recordFinding } from '#src/cases/record-finding.ts'
import { respondToDraftReport } from '#src/cases/respond-to-draft-report.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { csrfOf, makeEntity, makeUser } from '#tests/support/builders.ts'
import { PDF_MIN } from '#tests/support/sample-files.ts'
import { th } from '#locales/th/index.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

async function draftCase(openedBy: string) {
  const entity = await makeEntity(db(), { nameTh: 'ห้างทองรายงาน' })
  const owner = await makeUser(db(), { role: 'entity_admin', entityId: entity.id, email: 'owner@report.example' })
  const now = t.clock.now()
  const [c] = await insertCases(db(), [{ type: 'onsite_inspection', status: 'draft_report', entityId: entity.id, assigneeUserId: openedBy, statusChangedAt: now, openedAt: now, openedBy, updatedAt: now, dueOn: '2026-12-20' }])
  const examiner = { kind: 'user' as const, id: openedBy, role: 'examiner' as const, entityId: null, displayName: 'ผู้ตรวจ' }
  await recordFinding(t.deps, { actor: examiner, caseId: c!.id, controlArea: 'C4', severity: 'major', title: 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด', description: 'ก', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', idempotencyKey: 'rf1' })
  return { c: c!, entity, owner }
}

const labelOf = ($: ReturnType<typeof html>, id: string) => $(`label[for="${id}"]`).text()

test('an examiner sends the draft report: the form, a refusal that keeps the text, then the draft, its PDF and no response yet', async () => {
  const { client, user } = await staffClient(t, 'examiner', 'rp-exam')
  const { c, entity } = await draftCase(user.id)
  const url = `/staff/cases/${c.id}`
  const page = await client.get(url)
  const $ = html(page)
  assert.equal($('#draft-report-heading').text(), 'ร่างรายงานผลการตรวจสอบ')
  const form = $('form#draft-report-form')
  assert.equal(form.attr('action'), `${url}/draft-report`)
  assert.equal(form.find('textarea[name=summary]').attr('id'), 'draftSummary')
  assert.match(labelOf($, 'draftSummary'), /^สรุปผลการตรวจสอบ/)
  assert.match(labelOf($, 'draftConclusion'), /^ข้อสรุปและข้อเสนอแนะ/)
  assert.equal(form.find('input[name=responseDueOn]').val(), '14/12/2026', 'today + the 15-day comment window')
  assert.equal(form.find('button').text(), 'ส่งร่างรายงานให้กิจการ')
  assert.equal($('#action-send_draft_report').length, 0, 'no bare status button for this step')
  const key = form.find('input[name=idempotencyKey]').val() as string

  const empty = await client.post(`${url}/draft-report`, { _csrf: csrfOf(page), idempotencyKey: key, summary: '   ', conclusion: 'ควรปรับปรุงระบบตรวจรายชื่อ', responseDueOn: '14/12/2026' })
  assert.equal(empty.statusCode, 422)
  const $e = html(empty)
  assert.equal($e('.error-summary a').attr('href'), '#draftSummary')
  assert.match($e('.error-summary').text(), /โปรดกรอกสรุปผลการตรวจสอบ/)
  assert.equal($e('#draftConclusion').text(), 'ควรปรับปรุงระบบตรวจรายชื่อ', 'what was typed is kept')
  const badDate = await client.post(`${url}/draft-report`, { _csrf: csrfOf(page), idempotencyKey: key, summary: 'สรุป', responseDueOn: '01/11/2569' })
  assert.equal(badDate.statusCode, 422)
  assert.equal(html(badDate)('.error-summary a').attr('href'), '#responseDueOn')
  assert.equal(html(badDate)('#draftSummary').text(), 'สรุป')
  const tooLong = await client.post(`${url}/draft-report`, { _csrf: csrfOf(page), idempotencyKey: key, summary: 'สรุป', conclusion: 'ก'.repeat(20_001), responseDueOn: '14/12/2026' })
  assert.equal(tooLong.statusCode, 422)
  assert.equal(html(tooLong)('.error-summary a').attr('href'), '#draftConclusion', 'the too-long conclusion, not the summary')
  assert.match(html(tooLong)('#draftConclusion').parent().text(), new RegExp(th['cases.errors.tooLong']))
  assert.equal(html(tooLong)('#draftSummary').text(), 'สรุป')
  const bare = await client.post(`${url}/status`, { _csrf: csrfOf(page), idempotencyKey: 'bare', action: 'send_draft_report' })
  assert.equal(bare.statusCode, 422, 'the step is only taken through the report form')

  const sent = await client.post(`${url}/draft-report`, { _csrf: csrfOf(page), idempotencyKey: key, summary: 'กิจการยังไม่ตรวจรายชื่อลูกค้า', conclusion: 'ควรปรับปรุงระบบตรวจรายชื่อ', responseDueOn: '20/12/2569' })
  assert.equal(sent.statusCode, 303, sent.body.slice(0, 400))
  assert.equal(sent.headers.location, url)
  const after = html(await client.get(url))
  assert.match(after('.banner--success').text(), /ส่งร่างรายงานให้กิจการแล้ว/)
  assert.equal(after('#draft-report-form').length, 0)
  assert.match(after('#draft-report').text(), /กิจการยังไม่ตรวจรายชื่อลูกค้า/)
  assert.match(after('#draft-report').text(), /20\/12\/2026/)
  assert.match(after('#draft-findings').text(), /ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด/)
  assert.match(after('#entity-response').text(), /ยังไม่ได้รับคำชี้แจง/)
  assert.match(after('#entity-response').text(), /ครบกำหนดชี้แจง 20\/12\/2026/)
  assert.equal(after('#timeline li[data-kind=draft_report_sent]').length, 1)
  // Sent already (say by a colleague in another tab): the form is gone, the summary links to the section.
  const late = await client.post(`${url}/draft-report`, { _csrf: csrfOf(page), idempotencyKey: 'other-tab', summary: 'อีกฉบับ', responseDueOn: '20/12/2569' })
  assert.equal(late.statusCode, 422)
  assert.equal(html(late)('.error-summary a').attr('href'), '#case-reports')
  assert.equal(html(late)('#case-reports').length, 1)
  assert.equal(html(late)('#draft-report-form').length, 0)
  const [row] = await db().select().from(cases).where(eq(cases.id, c.id))
  assert.deepEqual([row!.status, row!.dueOn], ['entity_response', '2026-12-20'])
  const mails = await db().select().from(outbox).where(eq(outbox.template, 'case_report_issued'))
  assert.deepEqual(mails.map((m) => m.toAddress), ['owner@report.example'])

  const pdf = await client.get(after('#draft-report-pdf').attr('href')!)
  assert.equal(pdf.statusCode, 200)
  assert.equal(pdf.headers['content-type'], 'application/pdf')
  assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-')
  assert.match(String(pdf.headers['content-disposition']), /draft-report-CASE-/)

  // Examiners see the final report section read-only, with the hint.
  assert.equal(after('#final-report-heading').text(), 'รายงานฉบับสมบูรณ์')
  assert.equal(after('form#final-report-form').length, 0)
  assert.match(after('#final-report-hint').text(), /ต้องทำโดยผู้บังคับบัญชา/)
  assert.notEqual(after('#final-report-readonly fieldset').attr('disabled'), undefined)
  const refused = await client.post(`${url}/final-report`, { _csrf: csrfOf(page), idempotencyKey: 'fx', summary: 'ก', responseAssessment: '' })
  assert.equal(refused.statusCode, 422)
  assert.match(html(refused)('.error-summary').text(), /ต้องทำโดยผู้บังคับบัญชา/)
  assert.equal(entity.id, row!.entityId)
})

test('a supervisor reads the late response with its file and issues the final report', async () => {
  const { client: exClient, user: ex } = await staffClient(t, 'examiner', 'rp-exam2')
  const { c, entity, owner } = await draftCase(ex.id)
  const url = `/staff/cases/${c.id}`
  const p0 = await exClient.get(url)
  assert.equal((await exClient.post(`${url}/draft-report`, { _csrf: csrfOf(p0), idempotencyKey: 'd1', summary: 'สรุปร่าง', conclusion: 'ข้อเสนอแนะร่าง', responseDueOn: '2026-12-01' })).statusCode, 303)
  const [draft] = await db().select().from(caseReports).where(eq(caseReports.caseId, c.id))
  const stored = await t.files.put(Readable.from(PDF_MIN))
  t.clock.set('2026-12-03T03:00:00Z')
  const biz = { kind: 'user' as const, id: owner.id, role: 'entity_admin' as const, entityId: entity.id, displayName: 'เจ้าของ' }
  await respondToDraftReport(t.deps, { actor: biz, reportId: draft!.id, body: 'กิจการติดตั้งระบบแล้ว', files: [{ fileKey: stored.key, displayName: 'ใบเสร็จ.pdf', mediaType: 'application/pdf', sizeBytes: stored.size, sha256: stored.sha256 }], idempotencyKey: 'resp' })
  // Signed in after the days have passed (sessions end after 12 hours).
  const { client, user: sup } = await staffClient(t, 'supervisor', 'rp-sup')

  const page = await client.get(url)
  const $ = html(page)
  assert.equal(page.statusCode, 200)
  assert.match($('#entity-response').text(), /กิจการติดตั้งระบบแล้ว/, $('#case-reports').text())
  assert.equal($('#response-late').text(), 'ส่งหลังกำหนด')
  const fileHref = $('#response-files a').attr('href')!
  assert.equal(fileHref, `${url}/reports/${draft!.id}/response/files/0`)
  const file = await client.get(fileHref)
  assert.equal(file.statusCode, 200)
  assert.deepEqual(file.rawPayload, PDF_MIN)
  assert.equal((await client.get(`${url}/reports/${draft!.id}/response/files/1`)).statusCode, 404)
  // Opening a business's file is on record, like answers and evidence.
  const downloads = await db().select().from(auditLog).where(and(eq(auditLog.action, 'case.file_downloaded'), eq(auditLog.actorUserId, sup.id)))
  assert.deepEqual(
    downloads.map((r) => [(r.payload as { source: string }).source, (r.payload as { itemId: string }).itemId, (r.payload as { fileName: string }).fileName, r.entityId]),
    [['report_response', draft!.id, 'ใบเสร็จ.pdf', entity.id]],
  )

  const form = $('form#final-report-form')
  assert.equal(form.find('textarea[name=summary]').text(), 'สรุปร่าง', 'pre-filled from the draft')
  assert.equal(form.find('textarea[name=conclusion]').text(), 'ข้อเสนอแนะร่าง')
  assert.match(labelOf($, 'responseAssessment'), /^ความเห็นต่อคำชี้แจงของกิจการ/)
  assert.equal(form.find('button').text(), 'ออกรายงานฉบับสมบูรณ์')
  assert.equal($('#action-issue_final_report').length, 0)
  const noView = await client.post(`${url}/final-report`, { _csrf: csrfOf(page), idempotencyKey: 'f1', summary: 'สรุปฉบับสมบูรณ์', conclusion: 'ให้แก้ไข', responseAssessment: '' })
  assert.equal(noView.statusCode, 422)
  assert.equal(html(noView)('.error-summary a').attr('href'), '#responseAssessment')
  assert.equal(html(noView)('#finalSummary').text(), 'สรุปฉบับสมบูรณ์')
  const issued = await client.post(`${url}/final-report`, { _csrf: csrfOf(page), idempotencyKey: 'f1', summary: 'สรุปฉบับสมบูรณ์', conclusion: 'ให้แก้ไข', responseAssessment: 'รับฟังได้บางส่วน' })
  assert.equal(issued.statusCode, 303, issued.body.slice(0, 400))
  const done = html(await client.get(url))
  assert.match(done('#final-report').text(), /รับฟังได้บางส่วน/)
  assert.equal(done('#timeline li[data-kind=final_report_issued]').length, 1)
  assert.equal((await db().select({ s: cases.status }).from(cases).where(eq(cases.id, c.id)))[0]!.s, 'final_report')
  const pdf = await client.get(done('#final-report-pdf').attr('href')!)
  assert.equal(pdf.statusCode, 200)
  assert.equal(pdf.headers['content-type'], 'application/pdf')
  assert.equal((await client.get(`${url}/reports/00000000-0000-4000-8000-000000000000.pdf`)).statusCode, 404)
  assert.equal(sup.role, 'supervisor')
})
