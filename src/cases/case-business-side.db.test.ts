/**
 * The business side of cases on the real migrations (PGlite): answering information requests and
 * reporting remediation done (tenant-scoped: another business gets NOT_FOUND), the examiner's
 * verify / reject, the on-site visit record, escalation steps (§8.5), due-date reminders (once per
 * step), and the §6.5 floor reaching the stored score. Every change has its case event and audit row.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import type { Config } from '#src/platform/config.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { scoreOnDemand } from '#src/scoring/score-on-demand.ts'
import { findCurrentScore } from '#src/scoring/scoring.repo.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { makeUser } from '#tests/support/builders.ts'
import { errorOf, makeOfficers, makeTwoBusinesses, type UserActor } from '#tests/support/case-fixtures.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { useTestDatabase } from '#tests/support/use-test-app.ts'
import { addRemediationAction } from './add-remediation-action.ts'
import { answerInformationRequest } from './answer-information-request.ts'
import type { CaseStatus, CaseType } from './case-status.rules.ts'
import type { CaseFile } from './case-tasks.repo.ts'
import { insertCases, insertFinding, listCaseEvents, type CaseRow } from './cases.repo.ts'
import { caseVisits, findings, informationRequests, remediationActions } from './cases.tables.ts'
import { createInformationRequest } from './create-information-request.ts'
import { describeCaseEvent } from './describe-case-event.ts'
import { escalateCase } from './escalate-case.ts'
import { getBusinessAction, getBusinessCaseTasks, getBusinessRequest } from './get-business-case-tasks.ts'
import { markRemediationDone } from './mark-remediation-done.ts'
import { openCriticalFindingsOf } from './open-critical-findings.ts'
import { recordFinding } from './record-finding.ts'
import { recordVisit } from './record-visit.ts'
import { rejectRemediation } from './reject-remediation.ts'
import { sendCaseReminders } from './send-case-reminders.ts'
import { verifyRemediation } from './verify-remediation.ts'

const { tdb, clock } = useTestDatabase()
const files = { remove: async () => undefined } as unknown as FileStore
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, files, config })
let examiner: UserActor
let supervisor: UserActor
let biz: UserActor
let other: UserActor
let keySeq = 0
const key = () => `k${++keySeq}`
const file = (n: number): CaseFile => ({ fileKey: `${String(n).padStart(32, 'a')}`, displayName: `หลักฐาน-${n}.pdf`, mediaType: 'application/pdf', sizeBytes: 1000 + n, sha256: 'f'.repeat(64) })

beforeEach(async () => {
  ;({ examiner, supervisor } = await makeOfficers(tdb.handle.db))
  ;({ biz, other } = await makeTwoBusinesses(tdb.handle.db))
})

async function makeCase(status: CaseStatus, type: CaseType = 'onsite_inspection', entityId = biz.entityId!): Promise<CaseRow> {
  const now = clock.now()
  const [row] = await insertCases(tdb.handle.db, [{ type, status, entityId, statusChangedAt: now, openedAt: now, openedBy: supervisor.id, updatedAt: now }])
  return row!
}

const auditCount = async (action: string) => (await tdb.handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length

async function request(caseId: string, dueOn = '2026-12-14') {
  const { requestId } = await createInformationRequest(deps(), { actor: examiner, caseId, subject: 'ขอนโยบาย AML', body: 'โปรดส่งนโยบายฉบับล่าสุด', dueOn, idempotencyKey: key() })
  return requestId!
}

/** A case in remediation with one critical finding and one action. */
async function remediationCase() {
  const c = await makeCase('fieldwork')
  const { finding } = await recordFinding(deps(), { actor: examiner, caseId: c.id, controlArea: 'C4', severity: 'critical', title: 'ไม่ตรวจรายชื่อ', description: 'ไม่พบหลักฐาน', legalBasis: 'มาตรา 20', requiredAction: 'ตรวจรายชื่อทุกราย', idempotencyKey: key() })
  const t = tdb.handle.db
  const { cases } = await import('./cases.tables.ts')
  await t.update(cases).set({ status: 'remediation' }).where(eq(cases.id, c.id))
  const { action } = await addRemediationAction(deps(), { actor: examiner, findingId: finding!.id, description: 'ติดตั้งระบบตรวจรายชื่อ', ownerName: 'ผู้จัดการ', idempotencyKey: key() })
  return { c, finding: finding!, action: action! }
}

describe('answerInformationRequest', () => {
  test('the business answers its own request with files: stored, event, audit; a retry is a no-op; a second answer is refused', async () => {
    const c = await makeCase('notified')
    const id = await request(c.id)
    const r = await answerInformationRequest(deps(), { actor: biz, requestId: id, answerText: '  แนบนโยบายฉบับปี 2569  ', files: [file(1), file(2)], idempotencyKey: 'a1' })
    assert.equal(r.duplicate, false)
    const again = await answerInformationRequest(deps(), { actor: biz, requestId: id, answerText: 'x', files: [], idempotencyKey: 'a1' })
    assert.equal(again.duplicate, true)
    const [row] = await tdb.handle.db.select().from(informationRequests).where(eq(informationRequests.id, id))
    assert.deepEqual([row!.status, row!.answerText, (row!.answerAttachments as CaseFile[]).map((f) => f.displayName), row!.answeredBy], ['answered', 'แนบนโยบายฉบับปี 2569', ['หลักฐาน-1.pdf', 'หลักฐาน-2.pdf'], biz.id])
    const events = await listCaseEvents(tdb.handle.db, c.id)
    assert.deepEqual(events.at(-1)!.payload, { kind: 'information_answered', requestId: id, files: 2 })
    assert.equal(describeCaseEvent(createTranslator('th'), events.at(-1)!.payload), 'กิจการตอบคำขอข้อมูล แนบไฟล์ 2 ไฟล์')
    assert.equal(await auditCount('case.information_answered'), 1)
    assert.equal(await errorOf(answerInformationRequest(deps(), { actor: biz, requestId: id, answerText: 'อีกครั้ง', files: [], idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.requestNotOpen')
  })

  test('another business, staff, junk ids: NOT_FOUND; empty answer and too many files: VALIDATION', async () => {
    const c = await makeCase('notified')
    const id = await request(c.id)
    assert.equal(await errorOf(answerInformationRequest(deps(), { actor: other, requestId: id, answerText: 'ตอบแทน', files: [], idempotencyKey: key() })), 'NOT_FOUND cases.errors.requestNotFound')
    assert.equal(await errorOf(getBusinessRequest(deps(), { actor: other, requestId: id })), 'NOT_FOUND cases.errors.requestNotFound')
    assert.equal(await errorOf(answerInformationRequest(deps(), { actor: examiner, requestId: id, answerText: 'ก', files: [], idempotencyKey: key() })), 'NOT_FOUND common.notFound.title')
    assert.equal(await errorOf(answerInformationRequest(deps(), { actor: biz, requestId: 'nope', answerText: 'ก', files: [], idempotencyKey: key() })), 'NOT_FOUND cases.errors.requestNotFound')
    assert.equal(await errorOf(answerInformationRequest(deps(), { actor: biz, requestId: id, answerText: '  ', files: [], idempotencyKey: key() })), 'VALIDATION cases.errors.textRequired')
    assert.equal(await errorOf(answerInformationRequest(deps(), { actor: biz, requestId: id, answerText: 'ก', files: [1, 2, 3, 4, 5, 6].map(file), idempotencyKey: key() })), 'VALIDATION cases.errors.tooManyFiles')
    const [row] = await tdb.handle.db.select().from(informationRequests).where(eq(informationRequests.id, id))
    assert.equal(row!.status, 'open')
  })

  test('the task list shows only the business\'s own open items, soonest first', async () => {
    const mine = await makeCase('notified')
    const theirs = await makeCase('notified', 'desk_review', other.entityId!)
    const late = await request(mine.id, '2026-12-20')
    const soon = await request(mine.id, '2026-12-01')
    await request(theirs.id)
    const answered = await request(mine.id)
    await answerInformationRequest(deps(), { actor: biz, requestId: answered, answerText: 'ตอบแล้ว', files: [], idempotencyKey: key() })
    const tasks = await getBusinessCaseTasks(deps(), { actor: biz })
    assert.deepEqual(tasks.requests.map((r) => r.id), [soon, late])
    assert.deepEqual((await getBusinessCaseTasks(deps(), { actor: other })).requests.length, 1)
  })
})

describe('remediation: done by the business, verified or rejected by the examiner', () => {
  test('evidence is required; reject needs a reason the business then sees; done again adds files; verified resolves the finding', async () => {
    const { c, action } = await remediationCase()
    assert.equal(await errorOf(markRemediationDone(deps(), { actor: biz, actionId: action.id, note: 'ทำแล้ว', files: [], idempotencyKey: key() })), 'VALIDATION cases.errors.evidenceRequired')
    assert.equal(await errorOf(markRemediationDone(deps(), { actor: other, actionId: action.id, files: [file(1)], idempotencyKey: key() })), 'NOT_FOUND cases.errors.actionNotFound')
    assert.equal(await errorOf(getBusinessAction(deps(), { actor: other, actionId: action.id })), 'NOT_FOUND cases.errors.actionNotFound')
    assert.equal(await errorOf(verifyRemediation(deps(), { actor: examiner, actionId: action.id, idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.remediationNotAllowed')

    await markRemediationDone(deps(), { actor: biz, actionId: action.id, note: 'ติดตั้งระบบแล้ว', files: [file(1)], idempotencyKey: key() })
    assert.equal((await getBusinessAction(deps(), { actor: biz, actionId: action.id })).status, 'done_by_business')
    assert.equal((await getBusinessCaseTasks(deps(), { actor: biz })).actions.length, 0)
    assert.equal(await errorOf(verifyRemediation(deps(), { actor: biz, actionId: action.id, idempotencyKey: key() })), 'FORBIDDEN cases.errors.staffOnly')
    assert.equal(await errorOf(rejectRemediation(deps(), { actor: examiner, actionId: action.id, reason: ' ', idempotencyKey: key() })), 'VALIDATION cases.errors.reasonRequired')
    await rejectRemediation(deps(), { actor: examiner, actionId: action.id, reason: 'ยังไม่มีบันทึกการตรวจรายชื่อย้อนหลัง', idempotencyKey: key() })
    const rejected = await getBusinessAction(deps(), { actor: biz, actionId: action.id })
    assert.deepEqual([rejected.status, rejected.rejectionReason], ['rejected', 'ยังไม่มีบันทึกการตรวจรายชื่อย้อนหลัง'])
    assert.equal((await getBusinessCaseTasks(deps(), { actor: biz })).actions.length, 1)

    await markRemediationDone(deps(), { actor: biz, actionId: action.id, files: [file(2)], idempotencyKey: key() })
    await verifyRemediation(deps(), { actor: examiner, actionId: action.id, idempotencyKey: key() })
    const [row] = await tdb.handle.db.select().from(remediationActions).where(eq(remediationActions.id, action.id))
    assert.deepEqual([row!.status, (row!.evidence as CaseFile[]).length, row!.rejectionReason, row!.decidedBy], ['verified', 2, null, examiner.id])
    const kinds = (await listCaseEvents(tdb.handle.db, c.id)).map((e) => e.payload.kind)
    assert.deepEqual(kinds.slice(-4), ['remediation_marked_done', 'remediation_rejected', 'remediation_marked_done', 'remediation_verified'])
    assert.deepEqual([await auditCount('case.remediation_marked_done'), await auditCount('case.remediation_decided')], [2, 2])
  })
})

describe('visits and escalation', () => {
  test('an on-site visit is recorded during fieldwork, not in the future, not on a desk review or a planned case', async () => {
    const c = await makeCase('fieldwork')
    const { visitId } = await recordVisit(deps(), { actor: examiner, caseId: c.id, visitedOn: '2026-11-28', attendees: 'นายก (ผู้จัดการ), นางข (เจ้าหน้าที่กำกับ)', notes: 'ตรวจเอกสาร KYC 30 ราย', idempotencyKey: key() })
    const [v] = await tdb.handle.db.select().from(caseVisits).where(eq(caseVisits.caseId, c.id))
    assert.deepEqual([v!.id, v!.visitedOn], [visitId, '2026-11-28'])
    assert.equal(describeCaseEvent(createTranslator('en'), (await listCaseEvents(tdb.handle.db, c.id)).at(-1)!.payload), 'On-site visit of 28 November 2026 recorded')
    assert.equal(await errorOf(recordVisit(deps(), { actor: examiner, caseId: c.id, visitedOn: '2026-11-30', attendees: 'ก', notes: 'ข', idempotencyKey: key() })), 'VALIDATION cases.errors.visitedOn')
    assert.equal(await errorOf(recordVisit(deps(), { actor: examiner, caseId: (await makeCase('preparation', 'desk_review')).id, visitedOn: '2026-11-28', attendees: 'ก', notes: 'ข', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.wrongType')
    assert.equal(await errorOf(recordVisit(deps(), { actor: examiner, caseId: (await makeCase('planned')).id, visitedOn: '2026-11-28', attendees: 'ก', notes: 'ข', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.visitNotAllowed')
    assert.equal(await errorOf(recordVisit(deps(), { actor: biz, caseId: c.id, visitedOn: '2026-11-28', attendees: 'ก', notes: 'ข', idempotencyKey: key() })), 'FORBIDDEN cases.errors.staffOnly')
    assert.equal(await auditCount('case.visit_recorded'), 1)
  })

  test('an unresolved critical finding climbs the ladder one step per run once late; nothing due: nothing happens', async () => {
    const { c, finding } = await remediationCase()
    assert.deepEqual((await escalateCase(deps(), { actor: examiner, caseId: c.id, idempotencyKey: key() })).steps, [])
    clock.set('2027-02-01T03:00:00Z') // due 2026-12-29: 34 days late
    const first = await escalateCase(deps(), { actor: examiner, caseId: c.id, idempotencyKey: 'esc' })
    assert.deepEqual(first.steps, [{ findingId: finding.id, step: 'management_letter', daysOverdue: 34 }])
    assert.equal((await escalateCase(deps(), { actor: examiner, caseId: c.id, idempotencyKey: 'esc' })).duplicate, true)
    const second = await escalateCase(deps(), { actor: examiner, caseId: c.id, idempotencyKey: key() })
    assert.deepEqual(second.steps.map((s) => s.step), ['formal_warning'])
    const [f] = await tdb.handle.db.select().from(findings).where(eq(findings.id, finding.id))
    assert.equal(f!.escalationStep, 'formal_warning')
    assert.equal(describeCaseEvent(createTranslator('th'), (await listCaseEvents(tdb.handle.db, c.id)).at(-1)!.payload), 'ยกระดับมาตรการเป็น "หนังสือตักเตือน" (เกินกำหนด 34 วัน)')
    assert.equal(await auditCount('case.finding_escalated'), 2)
  })
})

describe('sendCaseReminders', () => {
  test('7 and 1 days before the due date, once per step, to the business\'s active users only', async () => {
    const second = await makeUser(tdb.handle.db, { role: 'entity_user', entityId: biz.entityId!, locale: 'en' })
    await makeUser(tdb.handle.db, { role: 'entity_user', entityId: biz.entityId!, status: 'deactivated' })
    const c = await makeCase('notified')
    await request(c.id, '2026-12-14')
    const { action } = await remediationCase()
    await tdb.handle.db.update(remediationActions).set({ dueOn: '2026-12-30' }).where(eq(remediationActions.id, action.id))
    const mails = async () => (await tdb.handle.db.select().from(outbox).where(eq(outbox.template, 'case_due_reminder'))).map((m) => ({ to: m.toAddress, locale: m.locale, payload: m.payload as { item: string; daysLeft: number; url: string } }))

    assert.deepEqual(await sendCaseReminders(deps(), { now: clock.now() }), { requests: 0, actions: 0, mails: 0 })
    clock.set('2026-12-07T03:00:00Z') // 7 days before the request
    assert.deepEqual(await sendCaseReminders(deps(), { now: clock.now() }), { requests: 1, actions: 0, mails: 2 })
    assert.deepEqual(await sendCaseReminders(deps(), { now: clock.now() }), { requests: 0, actions: 0, mails: 0 })
    const sent = await mails()
    assert.deepEqual(sent.map((m) => m.locale).sort(), ['en', 'th'])
    assert.ok(sent.some((m) => m.to === second.email))
    assert.equal(sent[0]!.payload.daysLeft, 7)
    assert.match(sent[0]!.payload.url, /^https:\/\/amrac\.example\.go\.th\/portal\/cases\/requests\/[0-9a-f-]{36}$/)
    clock.set('2026-12-13T03:00:00Z') // 1 day before
    assert.deepEqual(await sendCaseReminders(deps(), { now: clock.now() }), { requests: 1, actions: 0, mails: 2 })
    clock.set('2026-12-29T03:00:00Z') // the action, first seen 1 day before: only the closest reminder goes
    assert.deepEqual(await sendCaseReminders(deps(), { now: clock.now() }), { requests: 0, actions: 1, mails: 2 })
    clock.set('2026-12-31T03:00:00Z') // overdue: no more reminders
    assert.deepEqual(await sendCaseReminders(deps(), { now: clock.now() }), { requests: 0, actions: 0, mails: 0 })
    assert.equal((await mails()).length, 6)
    assert.equal(await auditCount('case.reminders_sent'), 3)
  })
})

describe('§6.5: a critical finding open past its deadline floors the score at High', () => {
  test('the stored score at submission and the on-demand score carry the floor with its reason', async () => {
    await openCycle(deps(), {
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
    const old = await makeCase('remediation')
    const recordedAt = new Date('2026-06-01T03:00:00Z')
    const critical = await insertFinding(tdb.handle.db, { caseId: old.id, entityId: biz.entityId!, controlArea: 'C4', title: 'ไม่ตรวจรายชื่อ', description: 'ก', legalBasis: 'ข', severity: 'critical', requiredAction: 'ค', dueOn: '2026-07-01', recordedBy: examiner.id, recordedAt })
    // Another business's late critical finding changes nothing for this one; a late minor finding neither.
    const theirs = await makeCase('remediation', 'desk_review', other.entityId!)
    await insertFinding(tdb.handle.db, { caseId: theirs.id, entityId: other.entityId!, controlArea: 'C4', title: 'ก', description: 'ก', legalBasis: 'ข', severity: 'critical', requiredAction: 'ค', dueOn: '2026-07-01', recordedBy: examiner.id, recordedAt })
    await insertFinding(tdb.handle.db, { caseId: old.id, entityId: biz.entityId!, controlArea: 'C1', title: 'ก', description: 'ก', legalBasis: 'ข', severity: 'minor', requiredAction: 'ค', dueOn: '2026-07-01', recordedBy: examiner.id, recordedAt })
    assert.deepEqual([...(await openCriticalFindingsOf(tdb.handle.db, [biz.entityId!], clock.now())).entries()], [[biz.entityId!, { count: 1, oldestDueOn: '2026-07-01' }]])

    const submission = await submitCompleteAssessment(deps(), biz, workedExampleAnswersV1)
    const stored = (await findCurrentScore(tdb.handle.db, submission.id))!
    assert.equal(stored.residualBand, 'high') // medium_high without the floor
    assert.equal(stored.score.matrixBand, 'medium_high')
    const floor = stored.score.automaticFloors.find((f) => f.code === 'OPEN_CRITICAL_FINDING')!
    assert.deepEqual(floor.params, { count: 1, dueOn: '2026-07-01' })
    assert.equal(createTranslator('en')(floor.messageKey, floor.params), 'A critical inspection finding is still open past its deadline, so the rating is at least High')

    // Verified: resolved, the on-demand score has no floor any more.
    await tdb.handle.db.insert(remediationActions).values({ findingId: critical.id, caseId: old.id, entityId: biz.entityId!, description: 'ก', ownerName: 'ข', dueOn: '2026-07-01', status: 'verified', createdBy: examiner.id, createdAt: recordedAt })
    const fresh = await scoreOnDemand(deps(), { actor: examiner, submissionId: submission.id })
    assert.deepEqual([fresh.score.residualBand, fresh.score.automaticFloors.map((f) => f.code)], ['medium_high', []])
  })
})
