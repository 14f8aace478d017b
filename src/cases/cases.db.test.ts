/**
 * Case use cases on the real migrations (PGlite): every status × action × role of the lifecycle
 * through changeCaseStatus (table-driven from case-status.rules.ts, so the stored result always
 * agrees with the pure decision), with its case event, audit row and due date; assignment, notes,
 * information requests, findings and remediation actions; idempotent retries; the §6.5 floor.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Config } from '#src/platform/config.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { errorOf, type UserActor } from '#tests/support/case-fixtures.ts'
import { useTestDatabase } from '#tests/support/use-test-app.ts'
import { addCaseNote } from './add-case-note.ts'
import { addRemediationAction } from './add-remediation-action.ts'
import { assignCase } from './assign-case.ts'
import { CASE_ACTIONS, CASE_ROLES, CASE_STATUSES, REPORT_ACTIONS, TERMINAL_STATUSES, decideCaseTransition, type CaseRole, type CaseStatus, type CaseType } from './case-status.rules.ts'
import { changeCaseStatus } from './change-case-status.ts'
import { createInformationRequest } from './create-information-request.ts'
import { caseNotes, cases, informationRequests, remediationActions } from './cases.tables.ts'
import { insertCases, listCaseEvents, listCaseInbox, listEntityFindingStates, type CaseRow } from './cases.repo.ts'
import { describeCaseEvent } from './describe-case-event.ts'
import { issueFinalReport } from './issue-final-report.ts'
import { openCriticalFindingsPastDeadline } from './findings.rules.ts'
import { recordFinding } from './record-finding.ts'
import { sendDraftReport } from './send-draft-report.ts'

const { tdb, clock } = useTestDatabase()
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, config })
let officers: Record<CaseRole, UserActor>
let entityId: string
let keySeq = 0
const key = () => `k${++keySeq}`

beforeEach(async () => {
  const db = tdb.handle.db
  entityId = (await makeEntity(db, { nameTh: 'ห้างทองทดสอบ' })).id
  const examiner = await makeUser(db, { role: 'examiner', firstName: 'สมหญิง', lastName: 'ตรวจสอบ' })
  const supervisor = await makeUser(db, { role: 'supervisor', firstName: 'ประเสริฐ', lastName: 'กำกับ' })
  officers = {
    examiner: { kind: 'user', id: examiner.id, role: 'examiner', entityId: null, displayName: 'สมหญิง' },
    supervisor: { kind: 'user', id: supervisor.id, role: 'supervisor', entityId: null, displayName: 'ประเสริฐ' },
  }
})

async function makeCase(status: CaseStatus, type: CaseType = 'onsite_inspection', over: Partial<typeof cases.$inferInsert> = {}): Promise<CaseRow> {
  const now = clock.now()
  const [row] = await insertCases(tdb.handle.db, [{ type, status, entityId, statusChangedAt: now, openedAt: now, openedBy: officers.supervisor.id, updatedAt: now, targetDate: '2027-11-29', ...over }])
  return row!
}

const auditCount = async (action: string) => (await tdb.handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length

describe('changeCaseStatus over the whole matrix', () => {
  for (const type of ['onsite_inspection', 'desk_review'] as const) {
    test(`every status × action × role of a ${type} agrees with decideCaseTransition and records what it did`, async () => {
      const mismatches: string[] = []
      let changes = 0
      for (const status of CASE_STATUSES) {
        for (const action of CASE_ACTIONS) {
          for (const role of CASE_ROLES) {
            const c = await makeCase(status, type)
            const decided = decideCaseTransition(status, action, { role, caseType: type, reason: 'เหตุผลประกอบ', unresolvedFindings: 0 })
            // The report steps are taken only with their report (sendDraftReport, issueFinalReport).
            const expected = REPORT_ACTIONS.has(action) ? ({ ok: false, messageKey: 'casework.reports.errors.useForm' } as const) : decided
            const got = await errorOf(changeCaseStatus(deps(), { actor: officers[role], caseId: c.id, action, reason: 'เหตุผลประกอบ', idempotencyKey: key() }))
            const stored = (await tdb.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, c.id)))[0]!.status
            const events = await listCaseEvents(tdb.handle.db, c.id)
            if (expected.ok) {
              changes++
              if (got !== 'ok' || stored !== expected.to || events.length !== (expected.to === 'escalated' ? 2 : 1)) mismatches.push(`${status}.${action}.${role}: ${got}, stored ${stored}, ${events.length} events`)
              const e = events[0]?.payload
              if (e?.kind !== 'status_changed' || e.from !== status || e.to !== expected.to || e.action !== action) mismatches.push(`${status}.${action}.${role}: event ${JSON.stringify(e)}`)
            } else {
              if (got !== `INVALID_TRANSITION ${expected.messageKey}` || stored !== status || events.length !== 0) mismatches.push(`${status}.${action}.${role}: ${got}, stored ${stored}, ${events.length} events`)
            }
          }
        }
      }
      assert.deepEqual(mismatches, [])
      assert.equal(await auditCount('case.status_changed'), changes)
      assert.ok(changes > 20, `${changes} allowed changes`)
    })
  }

  test('the on-site path end to end: due dates follow the SLA timers, closing stamps closed_at', async () => {
    const c = await makeCase('planned', 'onsite_inspection', { dueOn: '2027-11-29' })
    const steps: [CaseRole, (typeof CASE_ACTIONS)[number], CaseStatus, string | null][] = [
      ['examiner', 'notify', 'notified', null],
      ['examiner', 'start_preparation', 'preparation', null],
      ['examiner', 'start_fieldwork', 'fieldwork', null],
      ['examiner', 'hold_exit_meeting', 'exit_meeting', '2026-12-29'], // report due 30 days after fieldwork
      ['examiner', 'prepare_draft_report', 'draft_report', '2026-12-29'], // same timer: unchanged
      ['examiner', 'send_draft_report', 'entity_response', '2026-12-14'], // 15-day comment window
      ['supervisor', 'issue_final_report', 'final_report', '2026-12-29'], // action plan in 30 days
      ['supervisor', 'close', 'closed', null],
    ]
    for (const [role, action, status, dueOn] of steps) {
      if (action === 'send_draft_report') await sendDraftReport(deps(), { actor: officers[role], caseId: c.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
      else if (action === 'issue_final_report') await issueFinalReport(deps(), { actor: officers[role], caseId: c.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
      else await changeCaseStatus(deps(), { actor: officers[role], caseId: c.id, action, idempotencyKey: key() })
      const after = (await tdb.handle.db.select().from(cases).where(eq(cases.id, c.id)))[0]!
      assert.deepEqual([after.status, after.dueOn], [status, dueOn], action)
    }
    const closed = (await tdb.handle.db.select().from(cases).where(eq(cases.id, c.id)))[0]!
    assert.equal(closed.closedAt?.toISOString(), clock.now().toISOString())
    const t = createTranslator('th')
    const timeline = (await listCaseEvents(tdb.handle.db, c.id)).filter((e) => e.payload.kind === 'status_changed').map((e) => describeCaseEvent(t, e.payload))
    assert.equal(timeline.length, 8)
    assert.equal(timeline[0], 'เปลี่ยนสถานะจาก "อยู่ในแผน" เป็น "แจ้งกิจการแล้ว"')
    assert.equal(timeline.at(-1), 'เปลี่ยนสถานะจาก "ออกรายงานฉบับสมบูรณ์แล้ว" เป็น "ปิดเรื่องแล้ว"')
  })

  test('the report steps are refused as a bare status change: the case, its events and the audit stay as they were', async () => {
    const draft = await makeCase('draft_report', 'desk_review')
    const final = await makeCase('entity_response', 'desk_review')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.examiner, caseId: draft.id, action: 'send_draft_report', idempotencyKey: key() })), 'INVALID_TRANSITION casework.reports.errors.useForm')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.supervisor, caseId: final.id, action: 'issue_final_report', idempotencyKey: key() })), 'INVALID_TRANSITION casework.reports.errors.useForm')
    const stored = await tdb.handle.db.select({ id: cases.id, status: cases.status }).from(cases)
    assert.deepEqual(new Map(stored.map((r) => [r.id, r.status])), new Map([[draft.id, 'draft_report'], [final.id, 'entity_response']]))
    assert.deepEqual([(await listCaseEvents(tdb.handle.db, draft.id)).length, (await listCaseEvents(tdb.handle.db, final.id)).length, await auditCount('case.status_changed')], [0, 0, 0])
    // The report use case still takes the step, with its report.
    await sendDraftReport(deps(), { actor: officers.examiner, caseId: draft.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
    assert.equal((await tdb.handle.db.select({ status: cases.status }).from(cases).where(eq(cases.id, draft.id)))[0]!.status, 'entity_response')
  })

  test('a retry with the same idempotency key changes nothing more', async () => {
    const c = await makeCase('planned')
    const first = await changeCaseStatus(deps(), { actor: officers.examiner, caseId: c.id, action: 'notify', idempotencyKey: 'same' })
    const again = await changeCaseStatus(deps(), { actor: officers.examiner, caseId: c.id, action: 'notify', idempotencyKey: 'same' })
    assert.deepEqual([first.duplicate, again.duplicate, again.case.status], [false, true, 'notified'])
    assert.equal((await listCaseEvents(tdb.handle.db, c.id)).length, 1)
    // The same key from another officer is another request.
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.supervisor, caseId: c.id, action: 'notify', idempotencyKey: 'same' })), 'INVALID_TRANSITION cases.errors.notAllowed')
  })

  test('cancel needs a reason; people outside the case roles are refused; unknown cases are not found', async () => {
    const c = await makeCase('fieldwork')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.supervisor, caseId: c.id, action: 'cancel', reason: '   ', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.reasonRequired')
    const admin = await makeUser(tdb.handle.db, { role: 'admin' })
    const business = await makeUser(tdb.handle.db, { role: 'entity_admin', entityId })
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: { kind: 'user', id: admin.id, role: 'admin', entityId: null, displayName: 'a' }, caseId: c.id, action: 'hold_exit_meeting', idempotencyKey: key() })), 'FORBIDDEN cases.errors.staffOnly')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: { kind: 'user', id: business.id, role: 'entity_admin', entityId, displayName: 'b' }, caseId: c.id, action: 'hold_exit_meeting', idempotencyKey: key() })), 'FORBIDDEN cases.errors.staffOnly')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: { kind: 'anonymous' }, caseId: c.id, action: 'hold_exit_meeting', idempotencyKey: key() })), 'UNAUTHENTICATED errors.page.unauthenticated.title')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.examiner, caseId: 'not-a-uuid', action: 'notify', idempotencyKey: key() })), 'NOT_FOUND cases.errors.notFound')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.examiner, caseId: '00000000-0000-4000-8000-000000000000', action: 'notify', idempotencyKey: key() })), 'NOT_FOUND cases.errors.notFound')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.examiner, caseId: c.id, action: 'hold_exit_meeting', idempotencyKey: ' ' })), 'BAD_REQUEST cases.errors.idempotencyKey')
  })
})

describe('assignment, notes and information requests', () => {
  test('examiners take or hand back; supervisors assign anyone; only case workers can be assignees', async () => {
    const c = await makeCase('preparation')
    const other = await makeUser(tdb.handle.db, { role: 'examiner', firstName: 'วิชัย', lastName: 'ใจดี' })
    const admin = await makeUser(tdb.handle.db, { role: 'admin' })
    const ex = officers.examiner
    assert.equal((await assignCase(deps(), { actor: ex, caseId: c.id, assigneeUserId: ex.id, idempotencyKey: key() })).case.assigneeUserId, ex.id)
    assert.equal(await errorOf(assignCase(deps(), { actor: ex, caseId: c.id, assigneeUserId: other.id, idempotencyKey: key() })), 'FORBIDDEN cases.errors.assignOthers')
    assert.equal(await errorOf(assignCase(deps(), { actor: officers.supervisor, caseId: c.id, assigneeUserId: admin.id, idempotencyKey: key() })), 'VALIDATION cases.errors.assignee')
    const byBoss = await assignCase(deps(), { actor: officers.supervisor, caseId: c.id, assigneeUserId: other.id, team: 'ทีมตรวจสอบ 1', idempotencyKey: key() })
    assert.deepEqual([byBoss.case.assigneeUserId, byBoss.case.team], [other.id, 'ทีมตรวจสอบ 1'])
    const events = (await listCaseEvents(tdb.handle.db, c.id)).map((e) => e.payload)
    assert.deepEqual(events, [
      { kind: 'assigned', from: null, to: ex.id, team: null },
      { kind: 'assigned', from: ex.id, to: other.id, team: 'ทีมตรวจสอบ 1' },
    ])
    const names = new Map([[other.id, 'วิชัย ใจดี']])
    assert.equal(describeCaseEvent(createTranslator('en'), events[1], names), 'Assigned to วิชัย ใจดี')
    assert.equal(await auditCount('case.assigned'), 2)
    const closed = await makeCase('closed')
    assert.equal(await errorOf(assignCase(deps(), { actor: officers.supervisor, caseId: closed.id, assigneeUserId: ex.id, idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.finished')
  })

  test('notes: any status, text required, stored with an event and an audit row', async () => {
    const c = await makeCase('closed')
    const { noteId } = await addCaseNote(deps(), { actor: officers.examiner, caseId: c.id, body: '  โทรนัดหมายผู้จัดการสาขาแล้ว  ', idempotencyKey: 'n1' })
    const again = await addCaseNote(deps(), { actor: officers.examiner, caseId: c.id, body: 'โทรนัดหมายผู้จัดการสาขาแล้ว', idempotencyKey: 'n1' })
    assert.equal(again.duplicate, true)
    const notes = await tdb.handle.db.select().from(caseNotes).where(eq(caseNotes.caseId, c.id))
    assert.deepEqual(notes.map((n) => [n.id, n.body]), [[noteId, 'โทรนัดหมายผู้จัดการสาขาแล้ว']])
    assert.equal(await errorOf(addCaseNote(deps(), { actor: officers.examiner, caseId: c.id, body: ' ', idempotencyKey: key() })), 'VALIDATION cases.errors.textRequired')
    assert.equal(await errorOf(addCaseNote(deps(), { actor: officers.examiner, caseId: c.id, body: 'ก'.repeat(5001), idempotencyKey: key() })), 'VALIDATION cases.errors.tooLong')
    assert.equal(await auditCount('case.note_added'), 1)
  })

  test('information requests: open statuses only, due date not in the past', async () => {
    const c = await makeCase('notified')
    const ok = await createInformationRequest(deps(), { actor: officers.examiner, caseId: c.id, subject: 'ขอเอกสารนโยบาย', body: 'โปรดส่งนโยบาย AML ฉบับล่าสุด', dueOn: '2026-12-14', idempotencyKey: key() })
    const [row] = await tdb.handle.db.select().from(informationRequests).where(eq(informationRequests.id, ok.requestId!))
    assert.deepEqual([row!.status, row!.dueOn, row!.entityId, row!.answerAttachments], ['open', '2026-12-14', entityId, []])
    assert.equal(await errorOf(createInformationRequest(deps(), { actor: officers.examiner, caseId: c.id, subject: 'ก', body: 'ข', dueOn: '2026-11-28', idempotencyKey: key() })), 'VALIDATION cases.errors.dueOn')
    assert.equal(await errorOf(createInformationRequest(deps(), { actor: officers.examiner, caseId: c.id, subject: 'ก', body: 'ข', dueOn: '2026-02-30', idempotencyKey: key() })), 'VALIDATION cases.errors.dueOn')
    const planned = await makeCase('planned')
    assert.equal(await errorOf(createInformationRequest(deps(), { actor: officers.examiner, caseId: planned.id, subject: 'ก', body: 'ข', dueOn: '2026-12-14', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.requestsNotAllowed')
    assert.equal(describeCaseEvent(createTranslator('th'), (await listCaseEvents(tdb.handle.db, c.id))[0]!.payload), 'ขอข้อมูลหรือเอกสารจากกิจการ กำหนดส่ง 14 ธันวาคม 2569')
  })
})

describe('findings and remediation', () => {
  test('a critical finding blocks closing until its actions are verified, and feeds the §6.5 floor once late', async () => {
    const c = await makeCase('fieldwork')
    const { finding } = await recordFinding(deps(), {
      actor: officers.examiner,
      caseId: c.id,
      controlArea: 'C4',
      severity: 'critical',
      title: 'ไม่ตรวจสอบรายชื่อบุคคลที่ถูกกำหนด',
      description: 'ไม่พบหลักฐานการตรวจสอบรายชื่อลูกค้ากับรายชื่อบุคคลที่ถูกกำหนด',
      legalBasis: 'พ.ร.บ.ป้องกันและปราบปรามการสนับสนุนทางการเงินแก่การก่อการร้ายฯ',
      requiredAction: 'จัดให้มีการตรวจสอบรายชื่อทุกครั้งก่อนทำธุรกรรม',
      idempotencyKey: key(),
    })
    assert.deepEqual([finding!.severity, finding!.dueOn, finding!.entityId], ['critical', '2026-12-29', entityId])
    assert.equal(await errorOf(addRemediationAction(deps(), { actor: officers.examiner, findingId: finding!.id, description: 'ติดตั้งระบบตรวจรายชื่อ', ownerName: 'ผู้จัดการ', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.remediationClosed')

    for (const action of ['hold_exit_meeting', 'prepare_draft_report'] as const) await changeCaseStatus(deps(), { actor: officers.examiner, caseId: c.id, action, idempotencyKey: key() })
    await sendDraftReport(deps(), { actor: officers.examiner, caseId: c.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
    await issueFinalReport(deps(), { actor: officers.supervisor, caseId: c.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
    assert.equal(await errorOf(recordFinding(deps(), { actor: officers.examiner, caseId: c.id, controlArea: 'C1', severity: 'minor', title: 'ก', description: 'ข', legalBasis: 'ค', requiredAction: 'ง', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.findingsNotAllowed')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.supervisor, caseId: c.id, action: 'close', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.unresolvedFindings')
    await changeCaseStatus(deps(), { actor: officers.examiner, caseId: c.id, action: 'require_remediation', idempotencyKey: key() })
    const { action } = await addRemediationAction(deps(), { actor: officers.examiner, findingId: finding!.id, description: 'ติดตั้งระบบตรวจรายชื่อ', ownerName: 'ผู้จัดการฝ่ายกำกับ', idempotencyKey: key() })
    assert.deepEqual([action!.status, action!.dueOn], ['open', '2026-12-29'])
    await changeCaseStatus(deps(), { actor: officers.examiner, caseId: c.id, action: 'start_follow_up', idempotencyKey: key() })
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: officers.supervisor, caseId: c.id, action: 'close', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.unresolvedFindings')

    // Late and still open: the floor of §6.5 sees it (not on its due day, from the day after).
    clock.set('2026-12-29T16:00:00Z')
    assert.deepEqual(openCriticalFindingsPastDeadline(await listEntityFindingStates(tdb.handle.db, entityId), clock.now()), [])
    clock.set('2026-12-29T17:00:00Z')
    assert.deepEqual(openCriticalFindingsPastDeadline(await listEntityFindingStates(tdb.handle.db, entityId), clock.now()).map((f) => f.id), [finding!.id])

    // Verified (the verify use case comes with the portal round): resolved, off the floor, the case can close.
    await tdb.handle.db.update(remediationActions).set({ status: 'verified' }).where(and(eq(remediationActions.id, action!.id)))
    assert.deepEqual(openCriticalFindingsPastDeadline(await listEntityFindingStates(tdb.handle.db, entityId), clock.now()), [])
    const closed = await changeCaseStatus(deps(), { actor: officers.supervisor, caseId: c.id, action: 'close', idempotencyKey: key() })
    assert.equal(closed.case.status, 'closed')
    const kinds = (await listCaseEvents(tdb.handle.db, c.id)).map((e) => e.payload.kind)
    assert.deepEqual(kinds.filter((k) => k !== 'status_changed'), ['finding_recorded', 'draft_report_sent', 'final_report_issued', 'remediation_action_added'])
    assert.deepEqual([await auditCount('case.finding_recorded'), await auditCount('case.remediation_action_added')], [1, 1])
  })

  test('finding input is checked; an observation does not block closing', async () => {
    const c = await makeCase('draft_report', 'desk_review')
    const base = { actor: officers.examiner, caseId: c.id, title: 'ก', description: 'ข', legalBasis: 'ค', requiredAction: 'ง' }
    assert.equal(await errorOf(recordFinding(deps(), { ...base, controlArea: 'C9', severity: 'minor', idempotencyKey: key() })), 'VALIDATION cases.errors.controlArea')
    assert.equal(await errorOf(recordFinding(deps(), { ...base, controlArea: 'C1', severity: 'high', idempotencyKey: key() })), 'VALIDATION cases.errors.severity')
    assert.equal(await errorOf(recordFinding(deps(), { ...base, controlArea: 'C1', severity: 'minor', title: '', idempotencyKey: key() })), 'VALIDATION cases.errors.textRequired')
    const { finding } = await recordFinding(deps(), { ...base, controlArea: 'C7', severity: 'observation', dueOn: '2027-01-15', idempotencyKey: key() })
    assert.equal(finding!.dueOn, '2027-01-15')
    await sendDraftReport(deps(), { actor: officers.examiner, caseId: c.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
    await issueFinalReport(deps(), { actor: officers.supervisor, caseId: c.id, summary: 'สรุปผลการตรวจ', idempotencyKey: key() })
    assert.equal((await changeCaseStatus(deps(), { actor: officers.supervisor, caseId: c.id, action: 'close', idempotencyKey: key() })).case.status, 'closed')
  })
})

test('inboxes: my open cases and my team\'s, soonest due first, undated last', async () => {
  const me = officers.examiner.id
  const open = CASE_STATUSES.filter((s) => !(TERMINAL_STATUSES as readonly string[]).includes(s))
  const a = await makeCase('fieldwork', 'onsite_inspection', { assigneeUserId: me, dueOn: null, team: 'ทีม 1' })
  const b = await makeCase('exit_meeting', 'onsite_inspection', { assigneeUserId: me, dueOn: '2026-12-20', team: 'ทีม 1' })
  const c = await makeCase('planned', 'desk_review', { assigneeUserId: me, dueOn: '2026-12-05', team: 'ทีม 2' })
  await makeCase('closed', 'desk_review', { assigneeUserId: me, dueOn: '2026-12-01', team: 'ทีม 1' })
  await makeCase('planned', 'desk_review', { assigneeUserId: officers.supervisor.id, dueOn: '2026-12-01', team: 'ทีม 1' })
  const mine = await listCaseInbox(tdb.handle.db, { assigneeUserId: me }, { statuses: open, limit: 50 })
  assert.deepEqual(mine.map((r) => r.id), [c.id, b.id, a.id])
  assert.equal(mine[0]!.entityNameTh, 'ห้างทองทดสอบ')
  const team = await listCaseInbox(tdb.handle.db, { team: 'ทีม 1' }, { statuses: open, limit: 2 })
  assert.equal(team.length, 2)
  assert.deepEqual(team.map((r) => r.dueOn), ['2026-12-01', '2026-12-20'])
})

test('the CHECK constraints list exactly the rules\' statuses', async () => {
  const res = await tdb.handle.db.execute(sql`select pg_get_constraintdef(oid) as def from pg_constraint where conname = 'cases_status_check'`)
  const def = (res as unknown as { rows: { def: string }[] }).rows[0]!.def
  const listed = [...def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1])
  assert.deepEqual([...listed].sort(), [...CASE_STATUSES].sort())
})
