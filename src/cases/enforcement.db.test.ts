/**
 * Enforcement on the real migrations (PGlite; PostgreSQL with TEST_DATABASE_URL): escalating a case
 * opens an enforcement referral case for the same business in the same transaction, linked both
 * ways with an event on each case and an audit row (once, however often the request is retried);
 * enforcement measures are recorded on referral cases only, validated (a fine needs an amount, money
 * parsed as elsewhere, no future decision date), and their payment and appeal status updated.
 */
import assert from 'node:assert/strict'
import { beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { errorOf as appErrorOf, makeOfficers, type UserActor } from '#tests/support/case-fixtures.ts'
import { useTestDatabase } from '#tests/support/use-test-app.ts'
import type { CaseStatus, CaseType } from './case-status.rules.ts'
import { changeCaseStatus } from './change-case-status.ts'
import { insertCases, listCaseEvents, type CaseRow } from './cases.repo.ts'
import { cases } from './cases.tables.ts'
import { describeCaseEvent } from './describe-case-event.ts'
import { listCaseMeasures } from './enforcement.repo.ts'
import { getCaseView } from './get-case-view.ts'
import { recordEnforcementMeasure, updateEnforcementMeasure, type RecordMeasureInput } from './record-enforcement-measure.ts'
import { caseSla } from './sla.rules.ts'

const { tdb, clock } = useTestDatabase()
const deps = () => ({ database: tdb.handle, clock })
let examiner: UserActor
let supervisor: UserActor
let business: UserActor
let entityId: string
let keySeq = 0
const key = () => `k${++keySeq}`

beforeEach(async () => {
  const db = tdb.handle.db
  entityId = (await makeEntity(db, { nameTh: 'ห้างทองทดสอบ' })).id
  ;({ examiner, supervisor } = await makeOfficers(db))
  const biz = await makeUser(db, { role: 'entity_admin', entityId })
  business = { kind: 'user', id: biz.id, role: 'entity_admin', entityId, displayName: 'สมชาย' }
})

async function makeCase(status: CaseStatus, type: CaseType = 'onsite_inspection', over: Partial<typeof cases.$inferInsert> = {}): Promise<CaseRow> {
  const now = clock.now()
  const [row] = await insertCases(tdb.handle.db, [{ type, status, entityId, statusChangedAt: now, openedAt: now, openedBy: supervisor.id, updatedAt: now, ...over }])
  return row!
}

const errorOf = (p: Promise<unknown>) => appErrorOf(p, { withField: true })
const auditCount = async (action: string) => (await tdb.handle.db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.action, action))).length
const referralsOf = async (caseId: string) => tdb.handle.db.select().from(cases).where(eq(cases.parentCaseId, caseId))

describe('escalating a case opens an enforcement referral case', () => {
  test('same business, assignee and team, linked both ways, an event on each case, audited; a retry opens nothing more', async () => {
    const from = await makeCase('remediation', 'onsite_inspection', { assigneeUserId: examiner.id, team: 'ทีมภาคกลาง' })
    const escalate = () => changeCaseStatus(deps(), { actor: supervisor, caseId: from.id, action: 'escalate', reason: 'ไม่แก้ไขข้อตรวจพบร้ายแรงภายในกำหนด', idempotencyKey: 'esc-1' })
    const { case: escalated } = await escalate()
    assert.equal(escalated.status, 'escalated')
    const [referral, ...more] = await referralsOf(from.id)
    assert.equal(more.length, 0)
    assert.deepEqual(
      [referral!.type, referral!.status, referral!.entityId, referral!.assigneeUserId, referral!.team, referral!.openedBy],
      ['enforcement_referral', 'planned', entityId, examiner.id, 'ทีมภาคกลาง', supervisor.id],
    )
    // Due when the action-plan timer (30 days) ends: overdue in the inbox from the day after.
    assert.deepEqual([referral!.targetDate, referral!.dueOn], ['2026-12-29', '2026-12-29'])
    assert.equal(caseSla({ status: 'planned', dueOn: referral!.dueOn }, new Date('2026-12-29T17:00:00Z'))?.overdue, true)
    for (const caseId of [from.id, referral!.id]) {
      const opened = (await listCaseEvents(tdb.handle.db, caseId)).filter((e) => e.kind === 'enforcement_case_opened')
      assert.equal(opened.length, 1, caseId)
      assert.equal(describeCaseEvent(createTranslator('en'), opened[0]!.payload), `Enforcement referral CASE-${String(referral!.number).padStart(6, '0')} opened from CASE-${String(from.number).padStart(6, '0')}`)
    }
    assert.equal(await auditCount('case.enforcement_case_opened'), 1)

    assert.equal((await escalate()).duplicate, true)
    assert.equal((await referralsOf(from.id)).length, 1)

    const fromView = await getCaseView(deps(), { actor: examiner, caseId: from.id })
    assert.deepEqual(fromView.enforcement.referrals.map((r) => r.id), [referral!.id])
    assert.equal(fromView.enforcement.measures, null, 'no measures section on the escalated case')
    const referralView = await getCaseView(deps(), { actor: examiner, caseId: referral!.id })
    assert.equal(referralView.enforcement.parent?.id, from.id)
    assert.deepEqual(referralView.enforcement.measures, [])
  })

  test('escalating an enforcement referral case ends it there: no further referral is opened', async () => {
    const from = await makeCase('remediation')
    await changeCaseStatus(deps(), { actor: supervisor, caseId: from.id, action: 'escalate', reason: 'ไม่แก้ไขภายในกำหนด', idempotencyKey: key() })
    const [referral] = await referralsOf(from.id)
    await changeCaseStatus(deps(), { actor: supervisor, caseId: referral!.id, action: 'notify', idempotencyKey: key() })
    const { case: escalated } = await changeCaseStatus(deps(), { actor: supervisor, caseId: referral!.id, action: 'escalate', reason: 'ส่งเรื่องดำเนินคดี', idempotencyKey: key() })
    assert.equal(escalated.status, 'escalated')
    assert.equal((await referralsOf(referral!.id)).length, 0)
    assert.equal((await tdb.handle.db.select({ id: cases.id }).from(cases)).length, 2, 'the first case and its one referral')
    assert.equal(await auditCount('case.enforcement_case_opened'), 1)
  })

  test('a refused escalation (no reason, examiner) opens nothing; other transitions open nothing', async () => {
    const c = await makeCase('remediation')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: supervisor, caseId: c.id, action: 'escalate', reason: ' ', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.reasonRequired')
    assert.equal(await errorOf(changeCaseStatus(deps(), { actor: examiner, caseId: c.id, action: 'escalate', reason: 'เหตุผล', idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.supervisorOnly')
    const planned = await makeCase('planned')
    await changeCaseStatus(deps(), { actor: supervisor, caseId: planned.id, action: 'cancel', reason: 'เลิกกิจการ', idempotencyKey: key() })
    assert.equal((await referralsOf(c.id)).length, 0)
    assert.equal((await referralsOf(planned.id)).length, 0)
    assert.equal(await auditCount('case.enforcement_case_opened'), 0)
  })
})

describe('enforcement measures', () => {
  const fine = (over: Partial<RecordMeasureInput> = {}): RecordMeasureInput => ({
    measure: 'administrative_fine',
    legalProvision: 'มาตรา 62 พ.ร.บ.ป้องกันและปราบปรามการฟอกเงิน',
    amount: '1,500,000.50 บาท',
    decisionBody: 'คณะกรรมการธุรกรรม',
    decidedOn: '2026-11-20',
    paymentStatus: '',
    appealStatus: '',
    ...over,
  })

  test('recorded with the amount in baht, unpaid by default, with its event and audit row; a retry records nothing more', async () => {
    const c = await makeCase('preparation', 'enforcement_referral')
    const { measure } = await recordEnforcementMeasure(deps(), { actor: examiner, caseId: c.id, input: fine(), idempotencyKey: 'm1' })
    assert.deepEqual([measure!.measure, measure!.amountThb, measure!.paymentStatus, measure!.appealStatus, measure!.decidedOn], ['administrative_fine', '1500000.50', 'unpaid', 'none', '2026-11-20'])
    assert.equal((await recordEnforcementMeasure(deps(), { actor: examiner, caseId: c.id, input: fine(), idempotencyKey: 'm1' })).duplicate, true)
    const warning = await recordEnforcementMeasure(deps(), { actor: supervisor, caseId: c.id, input: fine({ measure: 'formal_warning', amount: '' }), idempotencyKey: key() })
    assert.deepEqual([warning.measure!.amountThb, warning.measure!.paymentStatus], [null, 'not_applicable'])
    assert.equal((await listCaseMeasures(tdb.handle.db, c.id)).length, 2)
    const last = (await listCaseEvents(tdb.handle.db, c.id)).at(-1)!
    assert.equal(last.kind, 'enforcement_measure_recorded')
    assert.equal(describeCaseEvent(createTranslator('th'), last.payload), 'บันทึกมาตรการ "หนังสือตักเตือน" (การชำระ: ไม่มีค่าปรับ · การอุทธรณ์: ไม่มีการอุทธรณ์)')
    assert.equal(await auditCount('case.enforcement_measure_recorded'), 2)
  })

  test('validation names the field in the order of the form', async () => {
    const c = await makeCase('preparation', 'enforcement_referral')
    const record = (input: RecordMeasureInput) => errorOf(recordEnforcementMeasure(deps(), { actor: examiner, caseId: c.id, input, idempotencyKey: key() }))
    assert.equal(await record(fine({ measure: 'jail' })), 'VALIDATION enforcement.errors.measure measure')
    assert.equal(await record(fine({ legalProvision: '  ' })), 'VALIDATION enforcement.errors.legalProvision legalProvision')
    assert.equal(await record(fine({ amount: '' })), 'VALIDATION enforcement.errors.amountRequired amount')
    assert.equal(await record(fine({ amount: 'หนึ่งล้าน' })), 'VALIDATION enforcement.errors.amount amount')
    assert.equal(await record(fine({ amount: '100.505' })), 'VALIDATION enforcement.errors.amountDecimals amount')
    assert.equal(await record(fine({ amount: '-5' })), 'VALIDATION enforcement.errors.amountNegative amount')
    assert.equal(await record(fine({ decisionBody: '' })), 'VALIDATION enforcement.errors.decisionBody decisionBody')
    assert.equal(await record(fine({ decidedOn: '2026-11-30' })), 'VALIDATION enforcement.errors.decidedOn decidedOn', 'tomorrow in Bangkok')
    assert.equal(await record(fine({ decidedOn: '2026-02-30' })), 'VALIDATION enforcement.errors.decidedOn decidedOn')
    assert.equal(await record(fine({ decidedOn: '2026-13-01' })), 'VALIDATION enforcement.errors.decidedOn decidedOn', 'month 13: refused, not a crash')
    assert.equal(await record(fine({ paymentStatus: 'not_applicable' })), 'VALIDATION enforcement.errors.paymentStatus paymentStatus')
    assert.equal(await record(fine({ measure: 'formal_warning', amount: '', paymentStatus: 'paid' })), 'VALIDATION enforcement.errors.paymentStatus paymentStatus')
    assert.equal(await record(fine({ appealStatus: 'won' })), 'VALIDATION enforcement.errors.appealStatus appealStatus')
    assert.equal((await listCaseMeasures(tdb.handle.db, c.id)).length, 0)
  })

  test('only on an open enforcement referral, only by staff who work cases', async () => {
    const inspection = await makeCase('remediation')
    assert.equal(await errorOf(recordEnforcementMeasure(deps(), { actor: examiner, caseId: inspection.id, input: fine(), idempotencyKey: key() })), 'INVALID_TRANSITION enforcement.errors.notReferral')
    const closed = await makeCase('closed', 'enforcement_referral')
    assert.equal(await errorOf(recordEnforcementMeasure(deps(), { actor: examiner, caseId: closed.id, input: fine(), idempotencyKey: key() })), 'INVALID_TRANSITION cases.errors.finished')
    const open = await makeCase('preparation', 'enforcement_referral')
    assert.equal(await errorOf(recordEnforcementMeasure(deps(), { actor: business, caseId: open.id, input: fine(), idempotencyKey: key() })), 'FORBIDDEN cases.errors.staffOnly')
  })

  test('payment and appeal status updated (also after the case is closed), a no-change update writes nothing', async () => {
    const c = await makeCase('preparation', 'enforcement_referral')
    const { measure } = await recordEnforcementMeasure(deps(), { actor: examiner, caseId: c.id, input: fine(), idempotencyKey: key() })
    const update = (paymentStatus: string, appealStatus: string, caseId = c.id) => updateEnforcementMeasure(deps(), { actor: supervisor, caseId, measureId: measure!.id, paymentStatus, appealStatus, idempotencyKey: key() })
    assert.deepEqual(await update('unpaid', 'appealed'), { duplicate: false, changed: true })
    assert.deepEqual(await update('unpaid', 'appealed'), { duplicate: false, changed: false })
    assert.equal(await errorOf(update('not_applicable', 'appealed')), 'VALIDATION enforcement.errors.paymentStatus paymentStatus')
    await tdb.handle.db.update(cases).set({ status: 'closed' }).where(eq(cases.id, c.id))
    clock.set('2026-12-15T03:00:00Z')
    assert.deepEqual(await update('paid', 'upheld'), { duplicate: false, changed: true })
    const [m] = await listCaseMeasures(tdb.handle.db, c.id)
    assert.deepEqual([m!.paymentStatus, m!.appealStatus, m!.updatedAt.toISOString()], ['paid', 'upheld', '2026-12-15T03:00:00.000Z'])
    assert.equal(await auditCount('case.enforcement_measure_recorded'), 3)
    const other = await makeCase('preparation', 'enforcement_referral')
    assert.equal(await errorOf(update('paid', 'none', other.id)), 'NOT_FOUND enforcement.errors.measureNotFound', 'a measure of another case')
  })
})
