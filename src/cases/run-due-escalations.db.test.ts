/**
 * The hourly escalation runner on the real migrations (PGlite; PostgreSQL with TEST_DATABASE_URL):
 * the ladder steps due on every open case are taken once (a second run the same day takes nothing),
 * by the system (no actor on the case event or the audit row), skipping finished cases, resolved,
 * withdrawn and observation findings; one mail per case to its assignee, or to the active
 * supervisors when it has none, listing the steps taken.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import type { MailPayloads } from '#src/notifications/mail-templates.model.ts'
import { renderMail } from '#src/notifications/render-mail.tsx'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import type { CaseStatus } from './case-status.rules.ts'
import { insertCases, insertFinding, insertRemediationAction, listCaseEvents } from './cases.repo.ts'
import { findings } from './cases.tables.ts'
import type { FindingSeverity } from './findings.rules.ts'
import { runDueEscalations } from './run-due-escalations.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, config })
let supervisorId: string
let examiner: { id: string; email: string }
let entityId: string

before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  clock.set('2026-11-29T03:00:00Z')
  const db = tdb.handle.db
  entityId = (await makeEntity(db, { nameTh: 'ห้างทองทดสอบ' })).id
  const ex = await makeUser(db, { role: 'examiner', firstName: 'สมหญิง', lastName: 'ตรวจสอบ', locale: 'en' })
  examiner = { id: ex.id, email: ex.email }
  supervisorId = (await makeUser(db, { role: 'supervisor', firstName: 'ประเสริฐ', lastName: 'กำกับ' })).id
  await makeUser(db, { role: 'supervisor', firstName: 'สมศักดิ์', lastName: 'หัวหน้า' })
  await makeUser(db, { role: 'supervisor', status: 'deactivated' })
})

async function caseWith(status: CaseStatus, assigneeUserId: string | null, f: { severity: FindingSeverity; dueOn: string; title?: string; verified?: boolean; withdrawn?: boolean }) {
  const db = tdb.handle.db
  const at = clock.now()
  const [c] = await insertCases(db, [{ type: 'onsite_inspection', status, entityId, assigneeUserId, statusChangedAt: at, openedAt: at, openedBy: supervisorId, updatedAt: at }])
  const finding = await insertFinding(db, {
    caseId: c!.id,
    entityId,
    controlArea: 'C4',
    title: f.title ?? 'ไม่ตรวจรายชื่อบุคคลที่ถูกกำหนด',
    description: 'ไม่พบหลักฐาน',
    legalBasis: 'มาตรา 20',
    severity: f.severity,
    requiredAction: 'ตรวจรายชื่อทุกราย',
    dueOn: f.dueOn,
    recordedBy: examiner.id,
    recordedAt: at,
    withdrawnAt: f.withdrawn ? at : null,
  })
  if (f.verified) {
    await insertRemediationAction(db, { findingId: finding.id, caseId: c!.id, entityId, description: 'แก้ไขแล้ว', ownerName: 'ผู้จัดการ', dueOn: f.dueOn, status: 'verified', createdBy: examiner.id, createdAt: at })
  }
  return { c: c!, finding }
}

const stepOf = async (findingId: string) => (await tdb.handle.db.select({ s: findings.escalationStep }).from(findings).where(eq(findings.id, findingId)))[0]!.s
const mails = async () =>
  (await tdb.handle.db.select().from(outbox).where(eq(outbox.template, 'case_escalation_steps'))).map((m) => ({ to: m.toAddress, locale: m.locale, payload: m.payload as MailPayloads['case_escalation_steps'] }))

test('due steps are taken once per day by the system, the assignee (else the supervisors) told once per case', async () => {
  const assigned = await caseWith('remediation', examiner.id, { severity: 'critical', dueOn: '2026-12-29', title: 'ไม่ทบทวนข้อมูลลูกค้า' })
  const unassigned = await caseWith('follow_up', null, { severity: 'major', dueOn: '2026-12-31' })
  const closed = await caseWith('closed', examiner.id, { severity: 'critical', dueOn: '2026-12-01' })
  const resolved = await caseWith('remediation', examiner.id, { severity: 'critical', dueOn: '2026-12-01', verified: true })
  const observation = await caseWith('remediation', examiner.id, { severity: 'observation', dueOn: '2026-12-01' })
  const withdrawn = await caseWith('remediation', examiner.id, { severity: 'critical', dueOn: '2026-12-01', withdrawn: true })

  assert.deepEqual(await runDueEscalations(deps(), { now: clock.now() }), { cases: 0, steps: 0, mails: 0 }, 'nothing is late yet')

  clock.set('2027-02-01T03:00:00Z') // 34 and 32 days late
  assert.deepEqual(await runDueEscalations(deps(), { now: clock.now() }), { cases: 2, steps: 2, mails: 3 })
  assert.equal(await stepOf(assigned.finding.id), 'management_letter')
  assert.equal(await stepOf(unassigned.finding.id), 'management_letter')
  for (const skipped of [closed, resolved, observation, withdrawn]) assert.equal(await stepOf(skipped.finding.id), null)

  const [event] = (await listCaseEvents(tdb.handle.db, assigned.c.id)).filter((e) => e.kind === 'finding_escalated')
  assert.equal(event!.actorUserId, null, 'taken by the system')
  assert.deepEqual(event!.payload, { kind: 'finding_escalated', findingId: assigned.finding.id, step: 'management_letter', daysOverdue: 34 })
  const audits = await tdb.handle.db.select().from(auditLog).where(eq(auditLog.action, 'case.finding_escalated'))
  assert.equal(audits.length, 2)
  assert.ok(audits.every((a) => a.actorUserId === null && a.targetId !== null))

  const sent = await mails()
  const toExaminer = sent.filter((m) => m.to === examiner.email)
  assert.equal(toExaminer.length, 1, 'the assignee only, for the assigned case')
  assert.equal(toExaminer[0]!.locale, 'en')
  assert.deepEqual(toExaminer[0]!.payload.steps, [{ title: 'ไม่ทบทวนข้อมูลลูกค้า', step: 'management_letter', daysOverdue: 34 }])
  assert.equal(toExaminer[0]!.payload.url, `https://amrac.example.go.th/staff/cases/${assigned.c.id}`)
  assert.equal(sent.filter((m) => m.payload.url.endsWith(unassigned.c.id)).length, 2, 'the two active supervisors for the unassigned case')
  const rendered = renderMail('case_escalation_steps', toExaminer[0]!.payload)
  assert.match(rendered.subject, /1 escalation step taken/)
  assert.match(rendered.text, /ไม่ทบทวนข้อมูลลูกค้า: “Management letter” \(34 days overdue\)/)

  clock.set('2027-02-01T09:00:00Z') // a later run the same day
  assert.deepEqual(await runDueEscalations(deps(), { now: clock.now() }), { cases: 0, steps: 0, mails: 0 })
  assert.equal(await stepOf(assigned.finding.id), 'management_letter')
  assert.equal((await mails()).length, 3)

  clock.set('2027-02-02T03:00:00Z') // the next day: the next step (≥ 30 days late) for both
  assert.deepEqual(await runDueEscalations(deps(), { now: clock.now() }), { cases: 2, steps: 2, mails: 3 })
  assert.equal(await stepOf(assigned.finding.id), 'formal_warning')
  assert.equal(await stepOf(unassigned.finding.id), 'formal_warning')
  const eventsOfCase = await tdb.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'case.finding_escalated'), eq(auditLog.targetId, assigned.c.id)))
  assert.equal(eventsOfCase.length, 2)
})

test('a minor finding stops at its ceiling: later runs take nothing and send nothing', async () => {
  const minor = await caseWith('remediation', examiner.id, { severity: 'minor', dueOn: '2026-12-01' })
  for (const day of ['2027-06-01', '2027-06-02', '2027-06-03']) {
    clock.set(`${day}T03:00:00Z`)
    await runDueEscalations(deps(), { now: clock.now() })
  }
  assert.equal(await stepOf(minor.finding.id), 'formal_warning')
  assert.equal((await mails()).length, 2)
})
