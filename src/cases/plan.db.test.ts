/**
 * Plan → cases on the real migrations: proposePlan reads the ratings in force of the cycle (an
 * approved override counts), orders and caps the items; approvePlan (supervisors only) opens one
 * planned case per item within capacity, once, with its case event and audit rows.
 */
import assert from 'node:assert/strict'
import { beforeEach, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import type { Config } from '#src/platform/config.ts'
import { decideRatingOverride } from '#src/review/decide-rating-override.ts'
import { requestRatingOverride } from '#src/review/request-rating-override.ts'
import { listOverrides } from '#src/review/review.repo.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { errorOf, type UserActor } from '#tests/support/case-fixtures.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { useTestDatabase } from '#tests/support/use-test-app.ts'
import { approvePlan } from './approve-plan.ts'
import { cases, supervisionPlanItems } from './cases.tables.ts'
import { listCaseEvents, listPlanItems } from './cases.repo.ts'
import { proposePlan } from './propose-plan.ts'

const { tdb, clock } = useTestDatabase()
const files = { remove: async () => undefined } as unknown as FileStore
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, files, config })

beforeEach(async () => {
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
})

async function business(nameTh: string, answers: Record<string, unknown>) {
  const entity = await makeEntity(tdb.handle.db, { nameTh })
  const user = await makeUser(tdb.handle.db, { entityId: entity.id, role: 'entity_admin' })
  const actor = { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'ผู้ประกอบการ' } as const
  const submitted = await submitCompleteAssessment(deps(), actor, answers)
  return { entityId: entity.id, assessmentId: submitted.assessmentId }
}
async function staff(role: 'examiner' | 'supervisor' | 'admin', firstName: string): Promise<UserActor> {
  const user = await makeUser(tdb.handle.db, { role, firstName, lastName: 'เจ้าหน้าที่' })
  return { kind: 'user', id: user.id, role, entityId: null, displayName: firstName }
}

test('propose from the ratings in force, approve once, and the next proposal skips fresh on-site work', async () => {
  // Two medium-high businesses (computed) and one made High by an approved override.
  const gold = await business('ข ห้างทอง', goldShopAnswersV1)
  const example = await business('ก ห้างทอง', workedExampleAnswersV1)
  const raised = await business('ค ห้างทอง', goldShopAnswersV1)
  const examiner = await staff('examiner', 'สมหญิง')
  const supervisor = await staff('supervisor', 'ประเสริฐ')
  await requestRatingOverride(deps(), { actor: examiner, assessmentId: raised.assessmentId, toRating: 'high', justification: 'พบธุรกรรมเงินสดผิดปกติ', expiresAt: null })
  const [pending] = await listOverrides(tdb.handle.db, raised.assessmentId)
  await decideRatingOverride(deps(), { actor: supervisor, assessmentId: raised.assessmentId, overrideId: pending!.id, decision: 'approved' })

  const proposed = await proposePlan(deps(), { actor: examiner, cycleCode: '2569', examiners: [{ userId: examiner.id, capacity: 3 }, { userId: supervisor.id, capacity: 1 }], idempotencyKey: 'plan-1' })
  const describe = (i: { entityId: string; caseType: string; rating: string; dueOn: string; assigneeUserId: string | null }) => {
    const who = i.entityId === gold.entityId ? 'gold' : i.entityId === example.entityId ? 'example' : 'raised'
    const by = i.assigneeUserId === examiner.id ? 'examiner' : i.assigneeUserId === supervisor.id ? 'supervisor' : '-'
    return `${who} ${i.caseType} ${i.rating} ${i.dueOn} ${by}`
  }
  // High first (on-site within 12 months); then medium-high by score, then name: on-site within 24 months and a yearly desk review.
  const all = [...proposed.items, ...proposed.overCapacity].sort((a, b) => a.rank - b.rank).map(describe)
  assert.equal(all[0], 'raised onsite_inspection high 2027-11-29 examiner')
  assert.equal(all.length, 5)
  assert.deepEqual(proposed.items.map((i) => i.rank), [1, 2, 3, 4])
  assert.equal(proposed.overCapacity.length, 1)
  assert.equal(proposed.overCapacity[0]!.rank, 5)
  assert.ok(proposed.items.every((i) => i.assigneeUserId !== null))
  assert.deepEqual(
    all.slice(1).map((s) => s.split(' ').slice(1, 4).join(' ')),
    ['onsite_inspection medium_high 2028-11-29', 'desk_review medium_high 2027-11-29', 'onsite_inspection medium_high 2028-11-29', 'desk_review medium_high 2027-11-29'],
  )
  const stored = await listPlanItems(tdb.handle.db, proposed.plan.id)
  assert.deepEqual(stored.map((i) => [i.rank, i.status]), [[1, 'planned'], [2, 'planned'], [3, 'planned'], [4, 'planned'], [5, 'over_capacity']])
  assert.equal(proposed.plan.version, 1)

  // Same key: the same plan, nothing new.
  const again = await proposePlan(deps(), { actor: examiner, cycleCode: '2569', examiners: [{ userId: examiner.id, capacity: 3 }], idempotencyKey: 'plan-1' })
  assert.deepEqual([again.duplicate, again.plan.id], [true, proposed.plan.id])

  // Only a supervisor approves.
  assert.equal(await errorOf(approvePlan(deps(), { actor: examiner, planId: proposed.plan.id, idempotencyKey: 'a1' })), 'FORBIDDEN cases.errors.supervisorOnly')
  clock.set('2026-11-30T02:00:00Z')
  const approved = await approvePlan(deps(), { actor: supervisor, planId: proposed.plan.id, idempotencyKey: 'a1' })
  assert.deepEqual([approved.casesOpened, approved.duplicate, approved.plan.status], [4, false, 'approved'])
  const opened = await tdb.handle.db.select().from(cases)
  assert.equal(opened.length, 4)
  for (const c of opened) {
    const item = stored.find((i) => i.id === c.planItemId)!
    assert.deepEqual([c.status, c.type, c.entityId, c.targetDate, c.dueOn, c.assigneeUserId, c.scope], ['planned', item.caseType, item.entityId, item.dueOn, item.dueOn, item.assigneeUserId, item.scope])
    const events = await listCaseEvents(tdb.handle.db, c.id)
    assert.deepEqual(events.map((e) => e.payload), [{ kind: 'opened', caseType: item.caseType, source: 'plan', planId: proposed.plan.id }])
  }
  const linked = await tdb.handle.db.select({ caseId: supervisionPlanItems.caseId, status: supervisionPlanItems.status }).from(supervisionPlanItems).where(eq(supervisionPlanItems.planId, proposed.plan.id))
  assert.deepEqual(linked.map((l) => [l.status, l.caseId !== null]).sort(), [['over_capacity', false], ['planned', true], ['planned', true], ['planned', true], ['planned', true]])

  // Approving again opens nothing.
  const twice = await approvePlan(deps(), { actor: supervisor, planId: proposed.plan.id, idempotencyKey: 'a2' })
  assert.deepEqual([twice.duplicate, twice.casesOpened, (await tdb.handle.db.select().from(cases)).length], [true, 0, 4])
  const audit = await tdb.handle.db.select({ action: auditLog.action, payload: auditLog.payload }).from(auditLog).where(eq(auditLog.targetId, proposed.plan.id))
  assert.deepEqual(audit.map((a) => a.action).sort(), ['plan.approved', 'plan.proposed'])

  // A second proposal: the on-site work just opened is not proposed again; the over-capacity item is.
  const next = await proposePlan(deps(), { actor: examiner, cycleCode: '2569', examiners: [{ userId: examiner.id, capacity: 10 }], idempotencyKey: 'plan-2' })
  assert.equal(next.plan.version, 2)
  // (due dates count from the new proposal's day, 30 Nov)
  assert.deepEqual(next.items.map(describe), [all[4]!.replace(' 2027-11-29 -', ' 2027-11-30 examiner')])
  // Another version cannot be approved while one is in force.
  assert.equal(await errorOf(approvePlan(deps(), { actor: supervisor, planId: next.plan.id, idempotencyKey: 'a3' })), 'CONFLICT cases.errors.planAlreadyApproved')
})

test('proposal input: examiners must be case workers with a capacity in range; the cycle must exist', async () => {
  const examiner = await staff('examiner', 'สมหญิง')
  const admin = await staff('admin', 'ผู้ดูแล')
  const ok = { actor: examiner, cycleCode: '2569', idempotencyKey: 'x' }
  assert.equal(await errorOf(proposePlan(deps(), { ...ok, examiners: [{ userId: admin.id, capacity: 3 }] })), 'VALIDATION cases.errors.examiners')
  assert.equal(await errorOf(proposePlan(deps(), { ...ok, examiners: [{ userId: examiner.id, capacity: -1 }] })), 'VALIDATION cases.errors.examiners')
  assert.equal(await errorOf(proposePlan(deps(), { ...ok, examiners: [{ userId: examiner.id, capacity: 2.5 }] })), 'VALIDATION cases.errors.examiners')
  assert.equal(await errorOf(proposePlan(deps(), { ...ok, examiners: [{ userId: examiner.id, capacity: 1 }, { userId: examiner.id, capacity: 1 }] })), 'VALIDATION cases.errors.examiners')
  assert.equal(await errorOf(proposePlan(deps(), { ...ok, cycleCode: '2570', examiners: [{ userId: examiner.id, capacity: 1 }] })), 'NOT_FOUND cases.errors.cycleNotFound')
  assert.equal(await errorOf(proposePlan(deps(), { ...ok, actor: admin, examiners: [] })), 'FORBIDDEN cases.errors.staffOnly')
  // No rated business yet: an empty plan is still a plan.
  const empty = await proposePlan(deps(), { ...ok, examiners: [{ userId: examiner.id, capacity: 1 }] })
  assert.deepEqual([empty.items.length, empty.overCapacity.length, empty.plan.status], [0, 0, 'proposed'])
})
