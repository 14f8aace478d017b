/**
 * Escalation and enforcement on the staff case pages (§8.5): the "apply escalation steps due"
 * button and the step shown on each finding; escalating a case links it to the enforcement
 * referral opened from it (both pages link to each other); recording enforcement measures with
 * validation (error summary linking to the field, what was typed kept), updating their payment and
 * appeal status; who may do it; and the CSV of all measures (BOM, formula injection neutralised).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { CaseStatus, CaseType } from '#src/cases/case-status.rules.ts'
import { insertCases, insertFinding } from '#src/cases/cases.repo.ts'
import { cases } from '#src/cases/cases.tables.ts'
import { th } from '#locales/th/index.ts'
import { csrfOf, makeEntity } from '#tests/support/builders.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

async function makeCase(o: { type?: CaseType; status?: CaseStatus; openedBy: string; nameTh?: string; juristicId?: string }) {
  const entity = await makeEntity(db(), { ...(o.nameTh ? { nameTh: o.nameTh } : {}), ...(o.juristicId ? { juristicId: o.juristicId } : {}) })
  const at = new Date('2026-10-01T03:00:00Z')
  const [row] = await insertCases(db(), [{ type: o.type ?? 'onsite_inspection', status: o.status ?? 'remediation', entityId: entity.id, statusChangedAt: at, openedAt: at, openedBy: o.openedBy, updatedAt: at }])
  return { ...row!, entity }
}

const ref = (n: number) => `CASE-${String(n).padStart(6, '0')}`

test('apply escalation steps due: the finding shows its step, a second press takes nothing new; finished cases offer no button', async () => {
  const { client, user } = await staffClient(t, 'examiner', 'en-exam1')
  const c = await makeCase({ openedBy: user.id })
  await insertFinding(db(), { caseId: c.id, entityId: c.entity.id, controlArea: 'C4', title: 'ไม่ตรวจรายชื่อ', description: 'ไม่พบหลักฐาน', legalBasis: 'มาตรา 20', severity: 'critical', requiredAction: 'ตรวจทุกราย', dueOn: '2026-11-01', recordedBy: user.id, recordedAt: new Date('2026-10-02T03:00:00Z') })
  const url = `/staff/cases/${c.id}`
  const page = await client.get(url)
  const $ = html(page)
  assert.equal($('#escalation-due').text(), 'ขณะนี้ถึงกำหนดยกระดับ 1 ขั้น')
  assert.match($('#findings [data-escalation-step]').text(), /ยังไม่ยกระดับ/)
  const formKey = $('#escalation-form input[name=idempotencyKey]').val() as string
  assert.equal($('#escalation-form button').text(), 'ตรวจสอบลำดับขั้นการบังคับใช้')

  const applied = await client.post(`${url}/escalations`, { _csrf: csrfOf(page), idempotencyKey: formKey })
  assert.equal(applied.statusCode, 303)
  const after1 = html(await client.get(url))
  assert.match(after1('main').text(), /ยกระดับมาตรการแล้ว 1 รายการ/)
  assert.equal(after1('#findings [data-escalation-step]').attr('data-escalation-step'), 'management_letter')
  assert.match(after1('#findings [data-escalation-step]').text(), new RegExp(th['cases.escalation.management_letter']))
  assert.equal(after1('#timeline li[data-kind=finding_escalated]').length, 1)

  // The same form posted again (a double click): already done, not "nothing was due".
  assert.equal((await client.post(`${url}/escalations`, { _csrf: csrfOf(page), idempotencyKey: formKey })).statusCode, 303)
  const retried = html(await client.get(url))
  assert.match(retried('main').text(), new RegExp(th['enforcement.flash.alreadyApplied']))
  assert.doesNotMatch(retried('main').text(), /ไม่มีขั้นที่ถึงกำหนดยกระดับ/)
  // A fresh press: nothing more is due today.
  const again = await client.post(`${url}/escalations`, { _csrf: csrfOf(page), idempotencyKey: 'another' })
  assert.equal(again.statusCode, 303)
  const after2 = html(await client.get(url))
  assert.match(after2('main').text(), /ไม่มีขั้นที่ถึงกำหนดยกระดับ/)
  assert.equal(after2('#timeline li[data-kind=finding_escalated]').length, 1)

  await db().update(cases).set({ status: 'closed' }).where(eq(cases.id, c.id))
  const closed = await client.get(url)
  assert.equal(html(closed)('#escalation-form').length, 0)
  const refused = await client.post(`${url}/escalations`, { _csrf: csrfOf(closed), idempotencyKey: 'late' })
  assert.equal(refused.statusCode, 422)
  assert.match(html(refused)('.error-summary').text(), new RegExp(th['cases.errors.finished']))
})

test('escalating opens a linked enforcement referral; measures recorded with validation, status updated', async () => {
  const { client: sup, user: supervisor } = await staffClient(t, 'supervisor', 'en-sup1')
  const { client: exam } = await staffClient(t, 'examiner', 'en-exam2')
  const c = await makeCase({ openedBy: supervisor.id, nameTh: 'ห้างทองบังคับใช้' })
  const url = `/staff/cases/${c.id}`
  const page = await sup.get(url)
  assert.equal((await sup.post(`${url}/status`, { _csrf: csrfOf(page), idempotencyKey: 'esc', action: 'escalate', reason: 'ไม่แก้ไขข้อตรวจพบภายในกำหนด' })).statusCode, 303)
  const [referral] = await db().select().from(cases).where(eq(cases.parentCaseId, c.id))
  assert.ok(referral)
  const from$ = html(await sup.get(url))
  assert.equal(from$('#referral-links a').attr('href'), `/staff/cases/${referral.id}`)
  assert.equal(from$('#referral-links a').text(), ref(referral.number))
  assert.equal(from$('#enforcement-measures').length, 0, 'measures belong to the referral case')

  const rurl = `/staff/cases/${referral.id}`
  const rpage = await exam.get(rurl)
  const r$ = html(rpage)
  assert.equal(r$('#parent-case-link').attr('href'), url)
  assert.equal(r$('#parent-case-link').text(), ref(c.number))
  assert.equal(r$('#timeline li[data-kind=enforcement_case_opened]').length, 1)
  assert.match(r$('#measures').text(), /ยังไม่มีการบันทึกมาตรการ/)
  const form = { _csrf: csrfOf(rpage), measure: 'administrative_fine', legalProvision: 'มาตรา 62', amount: '', decisionBody: 'คณะกรรมการธุรกรรม', decidedOn: '20/11/2569', paymentStatus: '', appealStatus: '' }

  // A fine without an amount: the summary links to the amount, what was typed is kept.
  const missing = await exam.post(`${rurl}/measures`, { ...form, idempotencyKey: 'm0' })
  assert.equal(missing.statusCode, 422)
  const m$ = html(missing)
  assert.equal(m$('.error-summary a').attr('href'), '#measure-amount')
  assert.equal(m$('.error-summary a').text(), th['enforcement.errors.amountRequired'])
  assert.equal(m$('#measure-legalProvision').val(), 'มาตรา 62')
  assert.equal(m$('#measure-measure').val(), 'administrative_fine')
  const future = await exam.post(`${rurl}/measures`, { ...form, amount: '500000', decidedOn: '01/12/2569', idempotencyKey: 'm1' })
  assert.equal(html(future)('.error-summary a').attr('href'), '#measure-decidedOn')

  assert.equal((await exam.post(`${rurl}/measures`, { ...form, amount: '฿1,500,000', idempotencyKey: 'm2' })).statusCode, 303)
  assert.equal((await exam.post(`${rurl}/measures`, { ...form, amount: '฿1,500,000', idempotencyKey: 'm2' })).statusCode, 303, 'a retry')
  const saved = await exam.get(rurl)
  const s$ = html(saved)
  const row = s$('#measures tr[data-measure]')
  assert.equal(row.length, 1, 'recorded once')
  assert.match(row.text(), /โทษปรับทางปกครอง/)
  assert.match(row.text(), /฿1,500,000\.00/)
  assert.match(row.text(), /20\/11\/2026/)
  assert.equal(row.find('td[data-payment]').attr('data-payment'), 'unpaid')
  const measureId = row.attr('data-measure')!
  assert.equal(s$(`#paymentStatus-${measureId} option[value=not_applicable]`).length, 0, 'a fine is unpaid or paid')

  const bad = await exam.post(`${rurl}/measures/${measureId}`, { _csrf: csrfOf(saved), idempotencyKey: 'u0', paymentStatus: 'not_applicable', appealStatus: 'none' })
  assert.equal(bad.statusCode, 422)
  assert.equal(html(bad)('.error-summary a').attr('href'), `#paymentStatus-${measureId}`)
  assert.equal((await exam.post(`${rurl}/measures/${measureId}`, { _csrf: csrfOf(saved), idempotencyKey: 'u1', paymentStatus: 'paid', appealStatus: 'appealed' })).statusCode, 303)
  const u$ = html(await exam.get(rurl))
  assert.match(u$('main').text(), /ปรับสถานะมาตรการแล้ว/)
  assert.equal(u$(`#measures tr[data-measure="${measureId}"] td[data-payment]`).text(), th['enforcement.payment.paid'])
  assert.match(u$(`#measures tr[data-measure="${measureId}"] td[data-appeal]`).text(), new RegExp(th['enforcement.appeal.appealed']))
  assert.equal(u$('#timeline li[data-kind=enforcement_measure_recorded]').length, 2)

  // Not on an inspection case (no form there; a hand-made post is refused).
  const inspection = await makeCase({ openedBy: supervisor.id })
  const ipage = await exam.get(`/staff/cases/${inspection.id}`)
  assert.equal(html(ipage)('#measure-form').length, 0)
  const refused = await exam.post(`/staff/cases/${inspection.id}/measures`, { ...form, _csrf: csrfOf(ipage), amount: '1', idempotencyKey: 'x' })
  assert.equal(refused.statusCode, 422)
  assert.equal(html(refused)('.error-summary a').text(), th['enforcement.errors.notReferral'])
})

test('the CSV of every measure (BOM, formula-safe); staff without case work are refused', async () => {
  const { client, user } = await staffClient(t, 'examiner', 'en-exam3')
  const c = await makeCase({ type: 'enforcement_referral', status: 'preparation', openedBy: user.id, nameTh: 'ห้างทองสถิติ', juristicId: '0105561234567' })
  const page = await client.get(`/staff/cases/${c.id}`)
  const post = (idempotencyKey: string, over: Record<string, string>) =>
    client.post(`/staff/cases/${c.id}/measures`, { _csrf: csrfOf(page), idempotencyKey, measure: 'formal_warning', legalProvision: 'มาตรา 20', amount: '', decisionBody: 'เลขาธิการ', decidedOn: '2026-11-02', paymentStatus: '', appealStatus: '', ...over })
  assert.equal((await post('a', { legalProvision: '=HYPERLINK("http://x")' })).statusCode, 303)
  assert.equal((await post('b', { measure: 'administrative_fine', amount: '250,000.5', decidedOn: '2026-11-10', appealStatus: 'appealed' })).statusCode, 303)
  assert.equal(html(page)('#enforcement-csv-link').attr('href'), '/staff/cases/enforcement.csv')

  const res = await client.get('/staff/cases/enforcement.csv')
  assert.equal(res.statusCode, 200)
  assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/)
  assert.match(String(res.headers['content-disposition']), /attachment/)
  assert.ok(res.body.startsWith('\uFEFF'))
  const lines = res.body.slice(1).trim().split('\r\n')
  assert.equal(lines.length, 3)
  assert.equal(lines[0], 'เลขที่เรื่อง,ผู้ประกอบการ,เลขทะเบียนนิติบุคคล,มาตรการ,บทบัญญัติของกฎหมาย,จำนวนเงิน (บาท),ผู้มีอำนาจสั่ง,วันที่มีคำสั่ง,การชำระ,การอุทธรณ์,วันที่บันทึก,ปรับปรุงล่าสุด')
  assert.match(lines[1]!, new RegExp(`^${ref(c.number)},[^,]*ห้างทองสถิติ[^,]*,0105561234567,โทษปรับทางปกครอง,มาตรา 20,250000\\.50,เลขาธิการ,10/11/2026,ยังไม่ชำระ,อยู่ระหว่างอุทธรณ์,29/11/2026,29/11/2026$`), 'newest decision first')
  assert.match(lines[2]!, /,หนังสือตักเตือน,"'=HYPERLINK\(""http:\/\/x""\)",,เลขาธิการ,02\/11\/2026,ไม่มีค่าปรับ,ไม่มีการอุทธรณ์,/)

  const { client: admin } = await staffClient(t, 'admin', 'en-admin')
  assert.equal((await admin.get('/staff/cases/enforcement.csv')).statusCode, 403)
  const adminPage = await admin.get('/account')
  assert.equal((await admin.post(`/staff/cases/${c.id}/measures`, { _csrf: csrfOf(adminPage), idempotencyKey: 'z', measure: 'formal_warning' })).statusCode, 403)
})
