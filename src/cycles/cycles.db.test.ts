/**
 * Cycles and deadline extensions on the real migrations: creating and editing cycles (validation,
 * version frozen once a business started), closing (no drafts, documents or submissions), asking
 * for, granting, refusing and directly extending a deadline, and the one effective deadline that
 * the task list, the lateness of a submission and the staff filing status all use.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import { getFilingStatus } from '#src/insights/get-filing-status.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { AppError } from '#src/platform/errors.ts'
import { getAssessmentForActor } from '#src/submissions/get-assessment.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { saveDraft } from '#src/submissions/save-draft.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'
import { assessmentEvents } from '#src/submissions/submissions.tables.ts'
import { fillCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { changeCycleStatus } from './change-cycle-status.ts'
import { createCycle } from './create-cycle.ts'
import { CreateCycleInput } from './cycles.schemas.ts'
import { decideExtensionRequest } from './decide-extension.ts'
import { extendDeadline } from './extend-deadline.ts'
import { getCycleForAdmin } from './get-cycle.ts'
import { getExtensionStatus } from './get-extension-status.ts'
import { listCyclesForAdmin } from './list-cycles.ts'
import { listExtensionsForStaff } from './list-extensions.ts'
import { requestExtension } from './request-extension.ts'
import { updateCycleSettings } from './update-cycle.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, config })
const db = () => tdb.handle.db
type UserActor = Actor & { kind: 'user' }

before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  clock.set('2026-11-29T03:00:00Z')
  await openCycle(deps(), {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Cycle 2569',
    definitionVersion: 'v1',
    opensAt: new Date('2026-10-01T00:00:00+07:00'),
    deadline: new Date('2027-03-31T23:59:59+07:00'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

async function staffActor(role: 'admin' | 'supervisor' | 'examiner'): Promise<UserActor> {
  const u = await makeUser(db(), { role })
  return { kind: 'user', id: u.id, role, entityId: null, displayName: 'เจ้าหน้าที่' }
}
async function business(email?: string): Promise<UserActor & { entityId: string; juristicId: string }> {
  const e = await makeEntity(db())
  const u = await makeUser(db(), { entityId: e.id, role: 'entity_admin', ...(email ? { email } : {}) })
  return { kind: 'user', id: u.id, role: 'entity_admin', entityId: e.id, displayName: 'สมชาย', juristicId: e.juristicId }
}

const rejectsWith = (code: string, messageKey?: string) => (e: unknown) => e instanceof AppError && e.code === code && (!messageKey || e.messageKey === messageKey)
/** The create form as posted, through its schema (BE years as a Thai user types them). */
const createInput = (over: Record<string, unknown> = {}) => {
  const parsed = CreateCycleInput.safeParse({
    code: '2570',
    nameTh: 'รอบการประเมินปี 2570',
    nameEn: 'Cycle 2570',
    periodStart: { day: '1', month: '10', year: '2569' },
    periodEnd: { day: '30', month: '9', year: '2570' },
    opensOn: { day: '1', month: '10', year: '2570' },
    deadlineOn: { day: '31', month: '3', year: '2571' },
    definitionVersion: 'v1',
    ...over,
  })
  assert.ok(parsed.success, JSON.stringify(parsed.error?.issues))
  return parsed.data
}
const editInput = (over: Partial<{ opensOn: string; deadlineOn: string; definitionVersion: string; nameTh: string }> = {}) => ({
  nameTh: over.nameTh ?? 'รอบการประเมินปี 2569',
  nameEn: 'Cycle 2569',
  periodStart: '2025-10-01',
  periodEnd: '2026-09-30',
  opensOn: over.opensOn ?? '2026-10-01',
  deadlineOn: over.deadlineOn ?? '2027-03-31',
  definitionVersion: over.definitionVersion ?? 'v1',
})
const auditActions = async () => (await db().select({ action: auditLog.action, payload: auditLog.payload }).from(auditLog)).filter((r) => r.action !== 'cycle.opened')

describe('creating and editing cycles', () => {
  test('create: BE dates become Bangkok day bounds, audited; a taken code or bad dates come back as field errors', async () => {
    const admin = await staffActor('admin')
    const made = await createCycle(deps(), { actor: admin, input: createInput() })
    assert.ok(made.ok)
    assert.equal(made.cycle.code, '2570')
    assert.equal(made.cycle.status, 'open')
    assert.equal(made.cycle.periodStart, '2026-10-01')
    assert.equal(made.cycle.opensAt.toISOString(), '2027-09-30T17:00:00.000Z')
    assert.equal(made.cycle.deadline.toISOString(), '2028-03-31T16:59:59.000Z')
    assert.deepEqual(await auditActions(), [{ action: 'cycle.created', payload: { action: 'cycle.created', code: '2570', definitionVersion: 'v1' } }])

    const again = await createCycle(deps(), { actor: admin, input: createInput() })
    assert.deepEqual(again, { ok: false, errors: { code: 'cycles.errors.codeTaken' } })
    const badDates = await createCycle(deps(), { actor: admin, input: createInput({ code: '2571', deadlineOn: { day: '30', month: '9', year: '2570' }, periodEnd: { day: '1', month: '1', year: '2569' } }) })
    assert.deepEqual(badDates, { ok: false, errors: { deadlineOn: 'cycles.errors.deadlineBeforeOpen', periodEnd: 'cycles.errors.periodOrder' } })
    const badVersion = await createCycle(deps(), { actor: admin, input: createInput({ code: '2571', definitionVersion: 'v99' }) })
    assert.deepEqual(badVersion, { ok: false, errors: { definitionVersion: 'cycles.errors.version' } })

    const rows = await listCyclesForAdmin(deps(), { actor: admin })
    assert.deepEqual(rows.map((r) => r.code), ['2570', '2569'])
  })

  test('the code schema takes a Buddhist-Era year only', () => {
    for (const code of ['2570', '2570-r2', ' 2571 ']) assert.equal(CreateCycleInput.shape.code.safeParse(code).success, true, code)
    for (const code of ['2027', '70', 'ปี2570', '2570/2']) assert.equal(CreateCycleInput.shape.code.safeParse(code).success, false, code)
  })

  test('only cycle admins create or edit; supervisors and examiners are refused', async () => {
    for (const role of ['supervisor', 'examiner'] as const) {
      const actor = await staffActor(role)
      await assert.rejects(createCycle(deps(), { actor, input: createInput() }), rejectsWith('FORBIDDEN'))
      await assert.rejects(updateCycleSettings(deps(), { actor, code: '2569', input: editInput() }), rejectsWith('FORBIDDEN'))
    }
    const biz = await business()
    await assert.rejects(changeCycleStatus(deps(), { actor: biz, code: '2569', action: 'close' }), rejectsWith('FORBIDDEN'))
  })

  test('edit: new deadline audited with the changed fields; the version freezes once a business started', async () => {
    const admin = await staffActor('admin')
    const moved = await updateCycleSettings(deps(), { actor: admin, code: '2569', input: editInput({ deadlineOn: '2027-04-30' }) })
    assert.ok(moved.ok)
    assert.equal(moved.cycle.deadline.toISOString(), '2027-04-30T16:59:59.000Z')
    const unchanged = await updateCycleSettings(deps(), { actor: admin, code: '2569', input: editInput({ deadlineOn: '2027-04-30' }) })
    assert.ok(unchanged.ok)
    assert.deepEqual(await auditActions(), [{ action: 'cycle.updated', payload: { action: 'cycle.updated', code: '2569', fields: ['deadline'] } }])

    const backwards = await updateCycleSettings(deps(), { actor: admin, code: '2569', input: editInput({ opensOn: '2027-05-01', deadlineOn: '2027-04-30' }) })
    assert.deepEqual(backwards, { ok: false, errors: { deadlineOn: 'cycles.errors.deadlineBeforeOpen' } })

    assert.equal((await getCycleForAdmin(deps(), { actor: admin, code: '2569' })).versionLocked, false)
    const biz = await business()
    await getAssessmentForActor(deps(), { actor: biz, cycleCode: '2569' }) // opens the draft
    const view = await getCycleForAdmin(deps(), { actor: admin, code: '2569' })
    assert.equal(view.assessments, 1)
    assert.equal(view.versionLocked, true)
    const locked = await updateCycleSettings(deps(), { actor: admin, code: '2569', input: editInput({ definitionVersion: 'v2' }) })
    assert.deepEqual(locked, { ok: false, errors: { definitionVersion: 'cycles.errors.versionLocked' } })
    await assert.rejects(updateCycleSettings(deps(), { actor: admin, code: '2999', input: editInput() }), rejectsWith('NOT_FOUND'))
  })
})

describe('closing a cycle', () => {
  test('closed: no drafts, no submissions, no new assessment; reopened: filing again; both audited', async () => {
    const admin = await staffActor('admin')
    const started = await business()
    const late = await business()
    await fillCompleteAssessment(deps(), started)

    const closed = await changeCycleStatus(deps(), { actor: admin, code: '2569', action: 'close' })
    assert.equal(closed.status, 'closed')
    await assert.rejects(changeCycleStatus(deps(), { actor: admin, code: '2569', action: 'close' }), rejectsWith('INVALID_TRANSITION', 'cycles.errors.alreadyClosed'))

    const view = await getAssessmentForActor(deps(), { actor: started, cycleCode: '2569' })
    assert.equal(view.status, 'draft')
    assert.equal(view.editable, false, 'a draft in a closed cycle is read-only')
    await assert.rejects(saveDraft(deps(), { actor: started, cycleCode: '2569', partId: 'part-a', pageId: '1', rawPost: {} }), rejectsWith('INVALID_TRANSITION', 'cycles.errors.cycleClosed'))
    const submit = () => submitAssessment(deps(), { actor: started, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการ', idempotencyKey: 'k1' })
    await assert.rejects(submit(), rejectsWith('INVALID_TRANSITION', 'cycles.errors.cycleClosed'))
    await assert.rejects(getAssessmentForActor(deps(), { actor: late, cycleCode: '2569' }), rejectsWith('INVALID_TRANSITION', 'cycles.portal.closedNotStarted'))

    await changeCycleStatus(deps(), { actor: admin, code: '2569', action: 'reopen' })
    const result = await submit()
    assert.ok(result.ok)
    assert.deepEqual((await auditActions()).map((r) => r.action).filter((a) => a.startsWith('cycle.')), ['cycle.closed', 'cycle.reopened'])
  })
})

describe('deadline extensions', () => {
  test('request → grant: the task list, lateness and the filing status all use the extended deadline; the business is e-mailed', async () => {
    const supervisor = await staffActor('supervisor')
    const biz = await business('owner@example.com')
    const other = await business()
    await fillCompleteAssessment(deps(), biz)

    const tooEarly = await requestExtension(deps(), { actor: biz, cycleCode: '2569', input: { deadlineOn: '2027-03-31', reason: 'น้ำท่วมสำนักงาน' } })
    assert.deepEqual(tooEarly, { ok: false, errors: { deadlineOn: 'cycles.extension.errors.notAfterDeadline' } })
    const asked = await requestExtension(deps(), { actor: biz, cycleCode: '2569', input: { deadlineOn: '2027-04-30', reason: 'น้ำท่วมสำนักงาน' } })
    assert.ok(asked.ok)
    assert.equal(asked.extension.requestedDeadline?.toISOString(), '2027-04-30T16:59:59.000Z')
    await assert.rejects(
      requestExtension(deps(), { actor: biz, cycleCode: '2569', input: { deadlineOn: '2027-05-30', reason: 'อีกครั้ง' } }),
      rejectsWith('INVALID_TRANSITION', 'cycles.extension.errors.pending'),
    )
    const status = await getExtensionStatus(deps(), { actor: biz, cycleCode: '2569' })
    assert.equal(status.latest?.status, 'requested')
    assert.equal(status.blocker, 'cycles.extension.errors.pending')
    assert.equal(status.deadline.toISOString(), '2027-03-31T16:59:59.000Z', 'a pending request changes nothing yet')

    const { pending } = await listExtensionsForStaff(deps(), { actor: supervisor })
    assert.deepEqual(pending.map((p) => [p.juristicId, p.requestReason]), [[biz.juristicId, 'น้ำท่วมสำนักงาน']])

    // Granted with another date than asked.
    const granted = await decideExtensionRequest(deps(), { actor: supervisor, extensionId: asked.extension.id, decision: 'grant', deadlineOn: '2027-04-15', reason: 'ให้ตามความจำเป็น' })
    assert.ok(granted.ok)
    await assert.rejects(decideExtensionRequest(deps(), { actor: supervisor, extensionId: asked.extension.id, decision: 'refuse', reason: 'x' }), rejectsWith('INVALID_TRANSITION', 'cycles.extension.errors.alreadyDecided'))

    const view = await getAssessmentForActor(deps(), { actor: biz, cycleCode: '2569' })
    assert.equal(view.deadline.toISOString(), '2027-04-15T16:59:59.000Z')
    assert.equal(view.cycle.deadline.toISOString(), '2027-04-15T16:59:59.000Z', 'what the task list shows')
    assert.equal(view.extended, true)

    const [mail] = await db().select().from(outbox).where(eq(outbox.template, 'deadline_extension_decided'))
    assert.equal(mail?.toAddress, 'owner@example.com')
    assert.deepEqual((mail?.payload as { decision: string; deadline: string; reason: string }).decision, 'granted')
    assert.equal((mail?.payload as { deadline: string }).deadline, '2027-04-15T16:59:59.000Z')

    // After the cycle deadline: late for the other business, on time for the extended one.
    clock.set('2027-04-10T03:00:00Z')
    const filing = await getFilingStatus(deps(), { actor: supervisor, filters: {}, page: 1 })
    const byEntity = new Map(filing.nonFilers.map((r) => [r.entityId, r]))
    assert.equal(byEntity.get(other.entityId)?.late, true)
    assert.equal(byEntity.get(biz.entityId)?.late, false)
    assert.equal(byEntity.get(biz.entityId)?.extended, true)

    const result = await submitAssessment(deps(), { actor: biz, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการ', idempotencyKey: 'k1' })
    assert.ok(result.ok)
    const [event] = await db().select().from(assessmentEvents).where(eq(assessmentEvents.kind, 'submitted'))
    assert.equal((event?.payload as { late: boolean }).late, false)
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'assessment.submitted'))
    assert.equal((audit?.payload as { late: boolean }).late, false)
    assert.deepEqual(
      (await auditActions()).map((r) => r.action).filter((a) => a.startsWith('deadline.')),
      ['deadline.extension_requested', 'deadline.extension_granted'],
    )
  })

  test('a submission after the cycle deadline without an extension is late', async () => {
    const biz = await business()
    await fillCompleteAssessment(deps(), biz)
    clock.set('2027-04-01T01:00:00Z')
    const result = await submitAssessment(deps(), { actor: biz, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการ', idempotencyKey: 'k1' })
    assert.ok(result.ok, 'late submissions are still taken while the cycle is open')
    const [audit] = await db().select().from(auditLog).where(eq(auditLog.action, 'assessment.submitted'))
    assert.equal((audit?.payload as { late: boolean }).late, true)
  })

  test('refused with a reason: the deadline stays, the business is told, and may ask again', async () => {
    const admin = await staffActor('admin')
    const biz = await business('refused@example.com')
    const asked = await requestExtension(deps(), { actor: biz, cycleCode: '2569', input: { deadlineOn: '2027-06-30', reason: 'ขอเวลาเพิ่ม' } })
    assert.ok(asked.ok)
    const refused = await decideExtensionRequest(deps(), { actor: admin, extensionId: asked.extension.id, decision: 'refuse', reason: 'เหตุผลไม่เพียงพอ' })
    assert.ok(refused.ok)
    const status = await getExtensionStatus(deps(), { actor: biz, cycleCode: '2569' })
    assert.equal(status.latest?.status, 'refused')
    assert.equal(status.latest?.decisionReason, 'เหตุผลไม่เพียงพอ')
    assert.equal(status.deadline.toISOString(), '2027-03-31T16:59:59.000Z')
    assert.equal(status.blocker, undefined)
    const [mail] = await db().select().from(outbox).where(and(eq(outbox.template, 'deadline_extension_decided'), eq(outbox.toAddress, 'refused@example.com')))
    assert.deepEqual(mail?.payload && { decision: (mail.payload as { decision: string }).decision, reason: (mail.payload as { reason: string }).reason }, { decision: 'refused', reason: 'เหตุผลไม่เพียงพอ' })
  })

  test('staff extend directly (a pending request is granted by it); examiners and businesses cannot decide', async () => {
    const supervisor = await staffActor('supervisor')
    const examiner = await staffActor('examiner')
    const biz = await business()
    const asked = await requestExtension(deps(), { actor: biz, cycleCode: '2569', input: { deadlineOn: '2027-04-30', reason: 'ขอเวลา' } })
    assert.ok(asked.ok)
    await assert.rejects(decideExtensionRequest(deps(), { actor: examiner, extensionId: asked.extension.id, decision: 'grant', deadlineOn: '2027-04-30' }), rejectsWith('FORBIDDEN'))
    await assert.rejects(decideExtensionRequest(deps(), { actor: biz, extensionId: asked.extension.id, decision: 'grant', deadlineOn: '2027-04-30' }), rejectsWith('FORBIDDEN'))

    const unknown = await extendDeadline(deps(), { actor: supervisor, input: { cycle: '2599', juristicId: '0000000000000', deadlineOn: '2027-05-31', reason: 'x' } })
    assert.deepEqual(unknown, { ok: false, errors: { cycle: 'cycles.errors.notFound', juristicId: 'cycles.extension.errors.businessNotFound' } })
    const early = await extendDeadline(deps(), { actor: supervisor, input: { cycle: '2569', juristicId: biz.juristicId, deadlineOn: '2027-03-01', reason: 'x' } })
    assert.deepEqual(early, { ok: false, errors: { deadlineOn: 'cycles.extension.errors.notAfterDeadline' } })

    const done = await extendDeadline(deps(), { actor: supervisor, input: { cycle: '2569', juristicId: biz.juristicId, deadlineOn: '2027-05-31', reason: 'ระบบขัดข้อง' } })
    assert.ok(done.ok)
    assert.equal(done.extension.id, asked.extension.id, 'the pending request is the one granted')
    assert.equal(done.extension.status, 'granted')
    const status = await getExtensionStatus(deps(), { actor: biz, cycleCode: '2569' })
    assert.equal(status.deadline.toISOString(), '2027-05-31T16:59:59.000Z')
    assert.equal((await listExtensionsForStaff(deps(), { actor: supervisor })).pending.length, 0)
  })

  test('no request once submitted or while the cycle is closed', async () => {
    const admin = await staffActor('admin')
    const biz = await business()
    await fillCompleteAssessment(deps(), biz)
    const submitted = await submitAssessment(deps(), { actor: biz, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการ', idempotencyKey: 'k1' })
    assert.ok(submitted.ok)
    const input = { deadlineOn: '2027-04-30', reason: 'ขอเวลา' }
    await assert.rejects(requestExtension(deps(), { actor: biz, cycleCode: '2569', input }), rejectsWith('INVALID_TRANSITION', 'cycles.extension.errors.alreadySubmitted'))
    const other = await business()
    await changeCycleStatus(deps(), { actor: admin, code: '2569', action: 'close' })
    await assert.rejects(requestExtension(deps(), { actor: other, cycleCode: '2569', input }), rejectsWith('INVALID_TRANSITION', 'cycles.errors.cycleClosed'))
  })
})
