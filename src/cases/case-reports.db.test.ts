/**
 * Case reports on the real migrations (PGlite; PostgreSQL with TEST_DATABASE_URL): the draft report
 * sent to the business (findings snapshotted, case to entity_response with the comment window as its
 * due date, mail to the business's users), the business's response (own business only, once, late
 * responses accepted and marked), the final report (a supervisor; the response must be assessed),
 * one draft and one final per case, and the refusals. Every change has its case event and audit row.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import type { Config } from '#src/platform/config.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { makeUser } from '#tests/support/builders.ts'
import { errorOf, makeOfficers, makeTwoBusinesses, type UserActor } from '#tests/support/case-fixtures.ts'
import { useTestDatabase } from '#tests/support/use-test-app.ts'
import { caseReportResponses, caseReports } from './case-reports.tables.ts'
import type { CaseStatus } from './case-status.rules.ts'
import type { CaseFile } from './case-tasks.repo.ts'
import { findCase, insertCases, listCaseEvents, type CaseRow } from './cases.repo.ts'
import { describeCaseEvent } from './describe-case-event.ts'
import { getBusinessCaseTasks } from './get-business-case-tasks.ts'
import { caseReportsForStaff, getBusinessReport, getBusinessReportDocument, getCaseReportDocument } from './get-case-reports.ts'
import { issueFinalReport } from './issue-final-report.ts'
import { recordFinding } from './record-finding.ts'
import { respondToDraftReport } from './respond-to-draft-report.ts'
import { sendDraftReport } from './send-draft-report.ts'

const { tdb, clock } = useTestDatabase()
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, config })
let examiner: UserActor
let supervisor: UserActor
let biz: UserActor
let other: UserActor
let keySeq = 0
const key = () => `r${++keySeq}`
const file = (n: number): CaseFile => ({ fileKey: `${String(n).padStart(32, 'b')}`, displayName: `คำชี้แจง-${n}.pdf`, mediaType: 'application/pdf', sizeBytes: 2000 + n, sha256: 'e'.repeat(64) })
const th = createTranslator('th')

beforeEach(async () => {
  const db = tdb.handle.db
  ;({ examiner, supervisor } = await makeOfficers(db))
  ;({ biz, other } = await makeTwoBusinesses(db, { ownerEmail: 'owner@gold-one.example' }))
  await makeUser(db, { role: 'entity_user', entityId: biz.entityId, email: 'clerk@gold-one.example', locale: 'en' })
})

async function makeCase(status: CaseStatus = 'draft_report', entityId = biz.entityId!): Promise<CaseRow> {
  const now = clock.now()
  const [row] = await insertCases(tdb.handle.db, [{ type: 'onsite_inspection', status, entityId, statusChangedAt: now, openedAt: now, openedBy: supervisor.id, updatedAt: now, dueOn: '2026-12-20' }])
  return row!
}

const auditCount = async (action: string) => (await tdb.handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length
const reportMails = async () => (await tdb.handle.db.select().from(outbox).where(eq(outbox.template, 'case_report_issued'))).map((m) => ({ to: m.toAddress, locale: m.locale, payload: m.payload as { kind: string; dueOn: string | null; url: string; caseRef: string } }))

async function finding(caseId: string, title = 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด') {
  await recordFinding(deps(), { actor: examiner, caseId, controlArea: 'C4', severity: 'major', title, description: 'รายละเอียดภายใน', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', dueOn: '2027-02-28', idempotencyKey: key() })
}

async function draft(caseId: string, over: { responseDueOn?: string } = {}) {
  const { reportId } = await sendDraftReport(deps(), { actor: examiner, caseId, summary: 'พบข้อบกพร่องด้านการตรวจรายชื่อ', conclusion: 'ควรปรับปรุงระบบ', responseDueOn: over.responseDueOn ?? '', idempotencyKey: key() })
  return reportId!
}

describe('draft report → the business\'s response → final report', () => {
  test('the whole journey: snapshot, statuses, due dates, events, audit, mails and what the business sees', async () => {
    const c = await makeCase()
    await finding(c.id)
    const sent = await sendDraftReport(deps(), { actor: examiner, caseId: c.id, summary: '  พบข้อบกพร่องด้านการตรวจรายชื่อ  ', conclusion: 'ควรปรับปรุงระบบ', responseDueOn: '', idempotencyKey: 'd1' })
    const draftId = sent.reportId!
    assert.equal(sent.duplicate, false)
    assert.equal((await sendDraftReport(deps(), { actor: examiner, caseId: c.id, summary: 'อีกครั้ง', idempotencyKey: 'd1' })).duplicate, true, 'a retry is a no-op')

    const [row] = await tdb.handle.db.select().from(caseReports).where(eq(caseReports.id, draftId))
    assert.deepEqual([row!.kind, row!.summary, row!.conclusion, row!.responseDueOn, row!.issuedBy], ['draft', 'พบข้อบกพร่องด้านการตรวจรายชื่อ', 'ควรปรับปรุงระบบ', '2026-12-14', examiner.id], 'due by default 15 days after today')
    assert.deepEqual(row!.findings, [{ title: 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด', severity: 'major', controlArea: 'C4', legalBasis: 'มาตรา 20/1', requiredAction: 'ตรวจรายชื่อทุกราย', dueOn: '2027-02-28' }])
    const moved = (await findCase(tdb.handle.db, c.id))!
    assert.deepEqual([moved.status, moved.dueOn], ['entity_response', '2026-12-14'])
    const events = await listCaseEvents(tdb.handle.db, c.id)
    assert.deepEqual(events.slice(-2).map((e) => e.payload), [
      { kind: 'status_changed', action: 'send_draft_report', from: 'draft_report', to: 'entity_response', reason: null },
      { kind: 'draft_report_sent', reportId: draftId, dueOn: '2026-12-14' },
    ])
    assert.equal(describeCaseEvent(th, events.at(-1)!.payload), 'ส่งร่างรายงานผลการตรวจสอบให้กิจการ กำหนดชี้แจงภายใน 14 ธันวาคม 2569')
    assert.deepEqual([await auditCount('case.report_issued'), await auditCount('case.status_changed')], [1, 1])
    const mails = await reportMails()
    assert.deepEqual(mails.map((m) => [m.to, m.locale, m.payload.kind, m.payload.dueOn, m.payload.url]).sort(), [
      ['clerk@gold-one.example', 'en', 'draft', '2026-12-14', `https://amrac.example.go.th/portal/cases/reports/${draftId}`],
      ['owner@gold-one.example', 'th', 'draft', '2026-12-14', `https://amrac.example.go.th/portal/cases/reports/${draftId}`],
    ])

    // A finding recorded after the draft went out does not change what the draft says.
    await finding(c.id, 'ข้อตรวจพบที่บันทึกภายหลัง')
    assert.equal((await getBusinessReport(deps(), { actor: biz, reportId: draftId })).report.findings.length, 1)

    // The business's home lists the draft awaiting its response; the other business sees nothing.
    assert.deepEqual((await getBusinessCaseTasks(deps(), { actor: biz })).reports?.awaiting.map((r) => [r.id, r.responseDueOn]), [[draftId, '2026-12-14']])
    assert.deepEqual((await getBusinessCaseTasks(deps(), { actor: other })).reports, { awaiting: [], finals: [] })

    clock.set('2026-12-10T03:00:00Z')
    const answered = await respondToDraftReport(deps(), { actor: biz, reportId: draftId, body: '  กิจการติดตั้งระบบตรวจรายชื่อแล้ว  ', files: [file(1)], idempotencyKey: 'resp1' })
    assert.deepEqual(answered, { duplicate: false, late: false })
    const [resp] = await tdb.handle.db.select().from(caseReportResponses).where(eq(caseReportResponses.reportId, draftId))
    assert.deepEqual([resp!.body, (resp!.attachments as CaseFile[]).map((f) => f.displayName), resp!.caseId, resp!.submittedBy], ['กิจการติดตั้งระบบตรวจรายชื่อแล้ว', ['คำชี้แจง-1.pdf'], c.id, biz.id])
    const afterResponse = await listCaseEvents(tdb.handle.db, c.id)
    assert.deepEqual(afterResponse.at(-1)!.payload, { kind: 'entity_response_received', reportId: draftId, files: 1, late: false })
    assert.equal(describeCaseEvent(th, afterResponse.at(-1)!.payload), 'กิจการส่งคำชี้แจงต่อร่างรายงาน แนบไฟล์ 1 ไฟล์')
    assert.equal(await auditCount('case.report_response_received'), 1)
    assert.equal((await getBusinessCaseTasks(deps(), { actor: biz })).reports?.awaiting.length, 0, 'answered: off the list')
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: biz, reportId: draftId, body: 'อีกครั้ง', files: [], idempotencyKey: key() })), 'INVALID_TRANSITION casework.reports.errors.alreadyResponded')
    assert.equal((await findCase(tdb.handle.db, c.id))!.status, 'entity_response', 'the response does not move the case')

    // The final report: a supervisor's step; the response must be assessed.
    const final = { caseId: c.id, summary: 'สรุปผลฉบับสมบูรณ์', conclusion: 'ให้แก้ไขภายในกำหนด' }
    assert.equal(await errorOf(issueFinalReport(deps(), { actor: examiner, ...final, responseAssessment: 'รับฟังได้', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.supervisorOnly')
    assert.equal(await errorOf(issueFinalReport(deps(), { actor: supervisor, ...final, responseAssessment: '  ', idempotencyKey: key() })), 'VALIDATION casework.reports.errors.assessmentRequired')
    clock.set('2026-12-15T03:00:00Z')
    const issued = await issueFinalReport(deps(), { actor: supervisor, ...final, responseAssessment: 'คำชี้แจงรับฟังได้บางส่วน', idempotencyKey: 'f1' })
    const finalId = issued.reportId!
    const closed = (await findCase(tdb.handle.db, c.id))!
    assert.deepEqual([closed.status, closed.dueOn], ['final_report', '2027-01-14'], 'the action-plan timer (30 days) starts')
    const [finalRow] = await tdb.handle.db.select().from(caseReports).where(eq(caseReports.id, finalId))
    assert.deepEqual([finalRow!.kind, finalRow!.responseDueOn, finalRow!.responseAssessment, (finalRow!.findings as unknown[]).length], ['final', null, 'คำชี้แจงรับฟังได้บางส่วน', 2])
    const last = await listCaseEvents(tdb.handle.db, c.id)
    assert.deepEqual(last.slice(-2).map((e) => e.payload.kind), ['status_changed', 'final_report_issued'])
    assert.equal(describeCaseEvent(th, last.at(-1)!.payload), 'ออกรายงานผลการตรวจสอบฉบับสมบูรณ์')
    assert.equal(describeCaseEvent(createTranslator('en'), last.at(-1)!.payload), 'Final inspection report issued')
    assert.deepEqual((await reportMails()).filter((m) => m.payload.kind === 'final').length, 2)
    assert.deepEqual((await getBusinessCaseTasks(deps(), { actor: biz })).reports?.finals.map((r) => r.id), [finalId])
    assert.equal(await errorOf(issueFinalReport(deps(), { actor: supervisor, ...final, responseAssessment: 'x', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.notAllowed')

    // The final report's document states the response and the assessment; the staff view has both reports.
    const doc = await getBusinessReportDocument(deps(), { actor: biz, reportId: finalId })
    assert.deepEqual([doc.kind, doc.response?.body, doc.response?.files, doc.response?.late, doc.responseAssessment], ['final', 'กิจการติดตั้งระบบตรวจรายชื่อแล้ว', ['คำชี้แจง-1.pdf'], false, 'คำชี้แจงรับฟังได้บางส่วน'])
    assert.equal((await getCaseReportDocument(deps(), { actor: examiner, caseId: c.id, reportId: draftId })).response, null, 'the draft prints no response')
    const staff = await caseReportsForStaff(tdb.handle.db, c.id, clock.now())
    assert.deepEqual([staff.draft?.report.id, staff.draft?.response?.body, staff.final?.id], [draftId, 'กิจการติดตั้งระบบตรวจรายชื่อแล้ว', finalId])
  })

  test('a response after the due date is accepted and marked late; no response at all: the final needs no assessment', async () => {
    const c = await makeCase()
    const draftId = await draft(c.id, { responseDueOn: '2026-12-01' })
    clock.set('2026-12-02T03:00:00Z')
    assert.deepEqual(await respondToDraftReport(deps(), { actor: biz, reportId: draftId, body: 'ขออภัยที่ส่งช้า', files: [], idempotencyKey: key() }), { duplicate: false, late: true })
    assert.equal((await caseReportsForStaff(tdb.handle.db, c.id, clock.now())).draft?.late, true)
    const events = await listCaseEvents(tdb.handle.db, c.id)
    assert.equal(describeCaseEvent(th, events.at(-1)!.payload), 'กิจการส่งคำชี้แจงต่อร่างรายงานหลังกำหนด แนบไฟล์ 0 ไฟล์')

    const quiet = await makeCase()
    await draft(quiet.id)
    assert.equal(await errorOf(issueFinalReport(deps(), { actor: supervisor, caseId: quiet.id, summary: '  ', idempotencyKey: key() })), 'VALIDATION casework.reports.errors.summaryRequired')
    const { reportId } = await issueFinalReport(deps(), { actor: supervisor, caseId: quiet.id, summary: 'กิจการไม่ชี้แจง ออกรายงานตามร่าง', idempotencyKey: key() })
    const doc = await getCaseReportDocument(deps(), { actor: examiner, caseId: quiet.id, reportId: reportId! })
    assert.deepEqual([doc.response, doc.responseAssessment], [null, null])
  })

  test('once the final report is out, the draft no longer takes a response', async () => {
    const c = await makeCase()
    const draftId = await draft(c.id)
    await issueFinalReport(deps(), { actor: supervisor, caseId: c.id, summary: 'ฉบับสมบูรณ์', idempotencyKey: key() })
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: biz, reportId: draftId, body: 'ช้าไป', files: [], idempotencyKey: key() })), 'INVALID_TRANSITION casework.reports.errors.responseClosed')
    assert.equal((await tdb.handle.db.select().from(caseReportResponses)).length, 0)
  })
})

describe('tenant isolation', () => {
  test('another business, staff and junk ids get NOT_FOUND for the report, its document and the response', async () => {
    const c = await makeCase()
    const draftId = await draft(c.id)
    const notFound = 'NOT_FOUND casework.reports.errors.notFound'
    assert.equal(await errorOf(getBusinessReport(deps(), { actor: other, reportId: draftId })), notFound)
    assert.equal(await errorOf(getBusinessReportDocument(deps(), { actor: other, reportId: draftId })), notFound)
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: other, reportId: draftId, body: 'ตอบแทน', files: [], idempotencyKey: key() })), notFound)
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: biz, reportId: 'not-a-uuid', body: 'ก', files: [], idempotencyKey: key() })), notFound)
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: examiner, reportId: draftId, body: 'ก', files: [], idempotencyKey: key() })), 'NOT_FOUND common.notFound.title')
    assert.equal(await errorOf(getCaseReportDocument(deps(), { actor: biz, caseId: c.id, reportId: draftId })), 'FORBIDDEN cases.errors.staffOnly')
    const elsewhere = await makeCase('draft_report', other.entityId!)
    assert.equal(await errorOf(getCaseReportDocument(deps(), { actor: examiner, caseId: elsewhere.id, reportId: draftId })), notFound, 'a report of another case')
    assert.equal((await tdb.handle.db.select().from(caseReportResponses)).length, 0)
  })
})

describe('refusals', () => {
  test('empty summary, a past or broken due date, too many files, the wrong status: refused and nothing stored', async () => {
    const c = await makeCase()
    const send = (o: { summary?: string; responseDueOn?: string }) => sendDraftReport(deps(), { actor: examiner, caseId: c.id, summary: o.summary ?? 'สรุป', responseDueOn: o.responseDueOn ?? '', idempotencyKey: key() })
    assert.equal(await errorOf(send({ summary: ' \n ' })), 'VALIDATION casework.reports.errors.summaryRequired')
    assert.equal(await errorOf(send({ responseDueOn: '2026-11-28' })), 'VALIDATION cases.errors.dueOn')
    assert.equal(await errorOf(send({ responseDueOn: '2026-02-30' })), 'VALIDATION cases.errors.dueOn')
    const early = await makeCase('fieldwork')
    assert.equal(await errorOf(sendDraftReport(deps(), { actor: examiner, caseId: early.id, summary: 'สรุป', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.notAllowed')
    assert.equal(await errorOf(issueFinalReport(deps(), { actor: supervisor, caseId: c.id, summary: 'สรุป', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.notAllowed', 'no final before the draft went out')
    assert.equal(await errorOf(sendDraftReport(deps(), { actor: biz, caseId: c.id, summary: 'สรุป', idempotencyKey: key() })), 'FORBIDDEN cases.errors.staffOnly')
    assert.equal((await tdb.handle.db.select().from(caseReports)).length, 0)
    assert.equal((await findCase(tdb.handle.db, c.id))!.status, 'draft_report')
    const draftId = await draft(c.id)
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: biz, reportId: draftId, body: '  ', files: [], idempotencyKey: key() })), 'VALIDATION casework.reports.errors.responseRequired')
    assert.equal(await errorOf(respondToDraftReport(deps(), { actor: biz, reportId: draftId, body: 'ก', files: [1, 2, 3, 4, 5, 6].map(file), idempotencyKey: key() })), 'VALIDATION cases.errors.tooManyFiles')
  })

  test('one draft per case: a second draft is refused by the rules and by the database', async () => {
    const c = await makeCase()
    const draftId = await draft(c.id)
    assert.equal(await errorOf(sendDraftReport(deps(), { actor: examiner, caseId: c.id, summary: 'ฉบับที่สอง', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.notAllowed')
    const [first] = await tdb.handle.db.select().from(caseReports).where(eq(caseReports.id, draftId))
    const { id: _id, ...copy } = first!
    await assert.rejects(tdb.handle.db.insert(caseReports).values({ ...copy, summary: 'ซ้ำ' }))
    await assert.rejects(tdb.handle.db.insert(caseReports).values({ ...copy, kind: 'final', responseDueOn: '2026-12-14' }), 'a final report has no response due date')
    await assert.rejects(tdb.handle.db.insert(caseReportResponses).values([1, 2].map(() => ({ reportId: draftId, caseId: c.id, entityId: biz.entityId!, body: 'ก', submittedBy: biz.id, submittedAt: clock.now() }))), 'one response per draft')
  })
})
