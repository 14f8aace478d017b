/**
 * The staff case pages (issue 8): the inbox (mine / all / team, counts, overdue, filters), bulk
 * assign and bulk close with per-case refusals, the case page where a transition's reason shows in
 * the timeline, and the CSV export (BOM, formula injection neutralised).
 */
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { CaseStatus, CaseType } from '#src/cases/case-status.rules.ts'
import { insertCases } from '#src/cases/cases.repo.ts'
import { cases, remediationActions } from '#src/cases/cases.tables.ts'
import { th } from '#locales/th/index.ts'
import { csrfOf, makeEntity, makeUser } from '#tests/support/builders.ts'
import { staffClient } from '#tests/support/staff-client.ts'
import { html } from '#tests/support/test-app.ts'
import { useTestApp } from '#tests/support/use-test-app.ts'

const t = useTestApp()
const { db } = t

async function makeCase(o: { type?: CaseType; status?: CaseStatus; assignee?: string | null; team?: string | null; dueOn?: string | null; nameTh?: string; juristicId?: string; openedBy: string }) {
  const entity = await makeEntity(db(), { ...(o.nameTh ? { nameTh: o.nameTh } : {}), ...(o.juristicId ? { juristicId: o.juristicId } : {}) })
  const at = new Date('2026-11-19T03:00:00Z')
  const [row] = await insertCases(db(), [
    {
      type: o.type ?? 'onsite_inspection',
      status: o.status ?? 'planned',
      entityId: entity.id,
      assigneeUserId: o.assignee ?? null,
      team: o.team ?? null,
      dueOn: o.dueOn === undefined ? '2027-06-30' : o.dueOn,
      targetDate: '2027-06-30',
      statusChangedAt: at,
      openedAt: at,
      openedBy: o.openedBy,
      updatedAt: at,
    },
  ])
  return { ...row!, entity }
}

const rowsOf = (page: ReturnType<typeof html>) => page('#cases tbody tr[data-case]').map((_, el) => page(el).attr('data-case')).get()

test('the inbox: my cases by default, counts per status, days open, overdue marks and the filters', async () => {
  const { client, user: me } = await staffClient(t, 'examiner', 'cs-exam')
  const other = await makeUser(db(), { role: 'examiner', firstName: 'สมศรี', lastName: 'ใจดี' })
  const late = await makeCase({ assignee: me.id, dueOn: '2026-11-20', type: 'desk_review', status: 'draft_report', openedBy: me.id, nameTh: 'ห้างทองเยาวราช' })
  const soon = await makeCase({ assignee: me.id, dueOn: '2026-12-05', openedBy: me.id, juristicId: '0105561234567' })
  const theirs = await makeCase({ assignee: other.id, team: 'ทีมภาคเหนือ', openedBy: me.id })
  await makeCase({ assignee: me.id, status: 'closed', dueOn: null, openedBy: me.id })

  const mine = html(await client.get('/staff/cases'))
  assert.deepEqual(rowsOf(mine), [`CASE-${String(late.number).padStart(6, '0')}`, `CASE-${String(soon.number).padStart(6, '0')}`], 'my open cases, soonest due first')
  assert.equal(mine('#inbox-count').text(), 'พบ 2 เรื่อง')
  assert.deepEqual(mine('#status-counts tbody tr').map((_, el) => mine(el).text()).get(), ['planned', 'draft_report', 'closed'].map((s) => `${th[`cases.status.${s}` as keyof typeof th]}1`))
  const lateRow = mine(`#cases tr[data-case="CASE-${String(late.number).padStart(6, '0')}"]`)
  assert.match(lateRow.text(), /เกินกำหนด 9 วัน/)
  assert.match(lateRow.find('td.numeric').text(), /^10$/, 'open since 19 Nov: 10 days')
  assert.match(mine(`#cases tr[data-case="CASE-${String(soon.number).padStart(6, '0')}"]`).text(), /เหลืออีก 6 วัน/)

  const overdue = html(await client.get('/staff/cases?overdue=yes'))
  assert.deepEqual(rowsOf(overdue).length, 1)
  assert.equal(overdue('[data-overdue="true"]').length, 1)

  const all = html(await client.get('/staff/cases?view=all'))
  assert.equal(rowsOf(all).length, 3)
  const team = html(await client.get(`/staff/cases?team=${encodeURIComponent('ทีมภาคเหนือ')}`))
  assert.deepEqual(rowsOf(team), [`CASE-${String(theirs.number).padStart(6, '0')}`])
  assert.match(team('#inbox-views').text(), /ทีม ทีมภาคเหนือ/)
  assert.equal(rowsOf(html(await client.get('/staff/cases?view=all&type=desk_review'))).length, 1)
  assert.equal(rowsOf(html(await client.get('/staff/cases?view=all&q=010556123'))).length, 1, 'juristic number prefix')
  assert.equal(rowsOf(html(await client.get(`/staff/cases?view=all&q=${encodeURIComponent('เยาวราช')}`))).length, 1, 'part of the name')
  assert.equal(rowsOf(html(await client.get('/staff/cases?status=closed'))).length, 1)
  assert.deepEqual(rowsOf(html(await client.get('/staff/cases?dir=desc'))), rowsOf(mine).reverse())
})

test('bulk assign, then bulk close: closable cases close, the others are reported with the reason', async () => {
  const { client, user: sup } = await staffClient(t, 'supervisor', 'cs-sup')
  const examiner = await makeUser(db(), { role: 'examiner', firstName: 'สมหญิง', lastName: 'ตรวจดี' })
  const a = await makeCase({ status: 'final_report', openedBy: sup.id })
  const b = await makeCase({ status: 'fieldwork', openedBy: sup.id })
  const page = await client.get('/staff/cases?view=all')
  const key = html(page)('#bulk-form input[name=idempotencyKey]').val() as string
  const assigned = await client.post('/staff/cases/bulk', { _csrf: csrfOf(page), idempotencyKey: key, back: '/staff/cases?view=all', op: 'assign', assignee: examiner.id, caseId: [a.id, b.id] })
  assert.equal(assigned.statusCode, 303)
  assert.equal(assigned.headers.location, '/staff/cases?view=all')
  const after1 = html(await client.get('/staff/cases?view=all'))
  assert.match(after1('.banner--success .banner__content').text(), /มอบหมายแล้ว 2 เรื่อง ไม่สามารถดำเนินการได้ 0 เรื่อง/)
  assert.deepEqual((await db().select({ a: cases.assigneeUserId }).from(cases)).map((r) => r.a), [examiner.id, examiner.id])

  const page2 = await client.get('/staff/cases?view=all')
  const closed = await client.post('/staff/cases/bulk', { _csrf: csrfOf(page2), idempotencyKey: 'bulk-close-1', op: 'close', reason: 'ตรวจเสร็จสิ้น', caseId: [a.id, b.id] })
  assert.equal(closed.statusCode, 303)
  const after2 = html(await client.get('/staff/cases?view=all&status=any'))
  assert.match(after2('.banner--success .banner__content').text(), /ปิดเรื่องแล้ว 1 เรื่อง ไม่สามารถดำเนินการได้ 1 เรื่อง/)
  assert.match(after2('#bulk-refused').text(), new RegExp(`CASE-${String(b.number).padStart(6, '0')}: ${th['cases.errors.notAllowed']}`))
  const statuses = Object.fromEntries((await db().select({ id: cases.id, s: cases.status }).from(cases)).map((r) => [r.id, r.s]))
  assert.deepEqual([statuses[a.id], statuses[b.id]], ['closed', 'fieldwork'])
  assert.equal((await db().select().from(auditLog).where(eq(auditLog.action, 'case.status_changed'))).length, 1)
})

test('an examiner may not close: every selected case is refused as supervisor-only', async () => {
  const { client, user: me } = await staffClient(t, 'examiner', 'cs-exam2')
  const a = await makeCase({ status: 'final_report', assignee: me.id, openedBy: me.id })
  const page = await client.get('/staff/cases')
  assert.equal(html(page)('button[value=close]').length, 0, 'no close button for an examiner')
  await client.post('/staff/cases/bulk', { _csrf: csrfOf(page), idempotencyKey: 'k', op: 'close', caseId: a.id })
  const after1 = html(await client.get('/staff/cases'))
  assert.equal(after1('#bulk-refused').text(), `CASE-${String(a.number).padStart(6, '0')}: ${th['cases.errors.supervisorOnly']}`)
  assert.equal((await db().select({ s: cases.status }).from(cases))[0]!.s, 'final_report')
})

test('the case page: a transition needs its reason where required, and the reason shows in the timeline', async () => {
  const { client, user: sup } = await staffClient(t, 'supervisor', 'cs-sup2')
  const c = await makeCase({ status: 'planned', assignee: sup.id, openedBy: sup.id })
  const url = `/staff/cases/${c.id}`
  const page = await client.get(url)
  assert.equal(page.statusCode, 200)
  const $ = html(page)
  assert.equal($('#case-status').text(), th['cases.status.planned'])
  assert.deepEqual($('form[id^=action-]').map((_, el) => $(el).attr('id')).get(), ['action-notify', 'action-cancel'])
  assert.ok($('#reason-cancel').is('[required]'), 'cancelling needs a reason')
  assert.ok(!$('#reason-notify').is('[required]'))

  // Cancelling without a reason is refused and shows the message at the field.
  const refused = await client.post(`${url}/status`, { _csrf: csrfOf(page), idempotencyKey: 'c1', action: 'cancel', reason: ' ' })
  assert.equal(refused.statusCode, 422)
  const r$ = html(refused)
  assert.equal(r$('.error-summary a').attr('href'), '#reason-cancel')
  assert.match(r$('.error-summary').text(), /ระบุเหตุผล/)

  const notified = await client.post(`${url}/status`, { _csrf: csrfOf(page), idempotencyKey: 'c2', action: 'notify', reason: 'ส่งหนังสือแจ้งทางไปรษณีย์ลงทะเบียน' })
  assert.equal(notified.statusCode, 303)
  assert.equal(notified.headers.location, url)
  const p2 = await client.get(url)
  const cancelled = await client.post(`${url}/status`, { _csrf: csrfOf(p2), idempotencyKey: 'c3', action: 'cancel', reason: 'ผู้ประกอบการเลิกกิจการแล้ว' })
  assert.equal(cancelled.statusCode, 303)
  const done = html(await client.get(url))
  assert.equal(done('#case-status').text(), th['cases.status.cancelled'])
  const timeline = done('#timeline li[data-kind=status_changed]').map((_, el) => done(el).text()).get()
  assert.equal(timeline.length, 2)
  assert.match(timeline[0]!, /เหตุผล: ส่งหนังสือแจ้งทางไปรษณีย์ลงทะเบียน/)
  assert.match(timeline[1]!, /เหตุผล: ผู้ประกอบการเลิกกิจการแล้ว/)
  assert.equal(done('form[id^=action-]').length, 0, 'a cancelled case offers no action')
})

test('the case page: notes, information requests, findings and remediation actions', async () => {
  const { client, user: ex } = await staffClient(t, 'examiner', 'cs-exam3')
  const c = await makeCase({ status: 'entity_response', assignee: ex.id, openedBy: ex.id })
  const url = `/staff/cases/${c.id}`
  const page = await client.get(url)
  const csrf = csrfOf(page)
  assert.equal((await client.post(`${url}/notes`, { _csrf: csrf, idempotencyKey: 'n1', body: 'โทรนัดหมายแล้ว' })).statusCode, 303)
  const badDate = await client.post(`${url}/requests`, { _csrf: csrf, idempotencyKey: 'r0', subject: 'ขอนโยบาย', body: 'ขอสำเนานโยบาย', dueOn: '2026-01-01' })
  assert.equal(badDate.statusCode, 422)
  assert.equal((await client.post(`${url}/requests`, { _csrf: csrf, idempotencyKey: 'r1', subject: 'ขอนโยบาย', body: 'ขอสำเนานโยบาย', dueOn: '15/12/2569' })).statusCode, 303)
  assert.equal(
    (await client.post(`${url}/findings`, { _csrf: csrf, idempotencyKey: 'f1', title: 'ไม่มีการทบทวนลูกค้า', severity: 'major', controlArea: 'C3', legalBasis: 'มาตรา 22', description: 'ไม่พบหลักฐาน', requiredAction: 'จัดทำขั้นตอนการทบทวน' })).statusCode,
    303,
  )
  const $ = html(await client.get(url))
  assert.match($('#notes').text(), /โทรนัดหมายแล้ว/)
  assert.match($('#requests').text(), /ขอนโยบาย/)
  assert.match($('#requests').text(), /15 ธันวาคม 2569/)
  assert.match($('#findings').text(), /ไม่มีการทบทวนลูกค้า/)
  assert.match($('#findings').text(), /มาตรา 22/)
  assert.equal($('#timeline li').length, 3)
  const pdf = await client.get($('#letter-link').attr('href')!)
  assert.equal(pdf.statusCode, 200)
  assert.equal(pdf.headers['content-type'], 'application/pdf')
  assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-', 'a PDF document')
  const findingId = $('#findings li[data-finding]').attr('data-finding')!
  const added = await client.post(`${url}/findings/${findingId}/remediation`, { _csrf: csrf, idempotencyKey: 'a1', description: 'จัดทำคู่มือทบทวนลูกค้า', ownerName: 'นางสาวสมใจ', dueOn: '' })
  assert.equal(added.statusCode, 303)
  const $2 = html(await client.get(url))
  assert.match($2(`#findings li[data-finding="${findingId}"]`).text(), /จัดทำคู่มือทบทวนลูกค้า · นางสาวสมใจ/)
  const missing = await client.post(`${url}/findings/${findingId}/remediation`, { _csrf: csrf, idempotencyKey: 'a2', description: '', ownerName: 'x' })
  assert.equal(missing.statusCode, 422)
  assert.equal(html(missing)('.error-summary a').attr('href'), `#remediationDescription-${findingId}`)

  // The business reports it done (simulated): staff refuse without a reason, then with one, then verify.
  const evidence = [{ fileKey: 'k', displayName: 'คู่มือ.pdf', mediaType: 'application/pdf', sizeBytes: 10, sha256: 'x' }]
  await db().update(remediationActions).set({ status: 'done_by_business', evidence })
  const [action] = await db().select({ id: remediationActions.id }).from(remediationActions)
  const p3 = await client.get(url)
  assert.equal(html(p3)(`#verify-${action!.id}`).length, 1)
  const noReason = await client.post(`${url}/remediation/${action!.id}/reject`, { _csrf: csrfOf(p3), idempotencyKey: 'j1', reason: '' })
  assert.equal(noReason.statusCode, 422)
  assert.equal(html(noReason)('.error-summary a').attr('href'), `#rejectReason-${action!.id}`)
  assert.equal((await client.post(`${url}/remediation/${action!.id}/reject`, { _csrf: csrfOf(p3), idempotencyKey: 'j2', reason: 'คู่มือยังไม่ได้รับอนุมัติ' })).statusCode, 303)
  assert.match(html(await client.get(url))(`li[data-action="${action!.id}"]`).text(), /เหตุผล: คู่มือยังไม่ได้รับอนุมัติ/)
  await db().update(remediationActions).set({ status: 'done_by_business' })
  assert.equal((await client.post(`${url}/remediation/${action!.id}/verify`, { _csrf: csrfOf(p3), idempotencyKey: 'v1' })).statusCode, 303)
  assert.equal((await db().select({ s: remediationActions.status }).from(remediationActions))[0]!.s, 'verified')
})

test('the on-site visit record: shown during fieldwork, recorded into the timeline', async () => {
  const { client, user: ex } = await staffClient(t, 'examiner', 'cs-exam5')
  const c = await makeCase({ status: 'fieldwork', assignee: ex.id, openedBy: ex.id })
  const desk = await makeCase({ status: 'draft_report', type: 'desk_review', assignee: ex.id, openedBy: ex.id })
  assert.equal(html(await client.get(`/staff/cases/${desk.id}`))('#visit-form').length, 0, 'no visit on a desk review')
  const url = `/staff/cases/${c.id}`
  const page = await client.get(url)
  assert.equal(html(page)('#visit-form').length, 1)
  const future = await client.post(`${url}/visits`, { _csrf: csrfOf(page), idempotencyKey: 'v0', visitedOn: '01/01/2570', attendees: 'x', notes: 'y' })
  assert.equal(future.statusCode, 422)
  assert.equal(html(future)('.error-summary a').attr('href'), '#visitedOn')
  const ok = await client.post(`${url}/visits`, { _csrf: csrfOf(page), idempotencyKey: 'v1', visitedOn: '28/11/2569', attendees: 'คุณสมชาย (กรรมการ)', notes: 'ตรวจเอกสารการรู้จักลูกค้า 20 ราย' })
  assert.equal(ok.statusCode, 303)
  const $ = html(await client.get(url))
  assert.equal($('#timeline li[data-kind=visit_recorded]').length, 1)
})

test('CSV export: the filtered list with a BOM, formula injection neutralised', async () => {
  const { client, user: me } = await staffClient(t, 'examiner', 'cs-exam4')
  await makeCase({ assignee: me.id, team: '=HYPERLINK("http://x")', openedBy: me.id, dueOn: '2026-11-20' })
  await makeCase({ assignee: me.id, type: 'desk_review', openedBy: me.id })
  const res = await client.get('/staff/cases/export.csv?type=onsite_inspection')
  assert.equal(res.statusCode, 200)
  assert.match(String(res.headers['content-type']), /text\/csv; charset=utf-8/)
  assert.ok(res.body.startsWith('\uFEFF'))
  const lines = res.body.slice(1).trim().split('\r\n')
  assert.equal(lines.length, 2, 'header and the one on-site case')
  assert.match(lines[0]!, /^เลขที่เรื่อง,ผู้ประกอบการ/)
  assert.match(lines[1]!, /"'=HYPERLINK\(""http:\/\/x""\)"/)
  assert.match(lines[1]!, /,9$/, 'days overdue')
})

test('an admin without case work cannot open the inbox', async () => {
  const { client } = await staffClient(t, 'admin', 'cs-admin')
  assert.equal((await client.get('/staff/cases')).statusCode, 403)
})
