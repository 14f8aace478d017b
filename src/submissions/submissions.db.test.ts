import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { outbox } from '#src/notifications/outbox.tables.ts'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { AppError } from '#src/platform/errors.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import { answersForPart, indexDefinition, moduleFor } from '#src/questionnaire/engine/index.ts'
import { goldShopAnswersV1, GOLD_SHOP_ATTACHMENTS } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { addAttachment, removeAttachment } from './attachments.ts'
import { getAssessmentForActor } from './get-assessment.ts'
import { getReceipt } from './get-receipt.ts'
import { CYCLE_CODE, findCurrentCycle, openCycle } from './open-cycle.ts'
import { RECEIPT_REF_PATTERN } from './get-receipt-document.ts'
import { acceptAssessment, returnForCorrection } from './review-assessment.ts'
import { saveDraft } from './save-draft.ts'
import { receiptRef, submitAssessment } from './submit-assessment.ts'
import { definitionForVersion, flatten, loadAssessment, snapshotSha256 } from './submissions.shared.ts'
import { assessmentAnswers, assessmentCycles, assessmentEvents, assessments, attachments, submissions } from './submissions.tables.ts'
import { findAssessment, findAssessmentBundle, findCycleByCode, loadPartAnswers, markSubmittedIfUnchanged, upsertPartAnswers } from './submissions.repo.ts'
import { deadlineExtensions } from '#src/cycles/cycles.tables.ts'
import { seedDemoCycle } from '#src/db/seed/demo-cycle.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const removedKeys: string[] = []
const files = { remove: async (key: string) => void removedKeys.push(key) } as unknown as FileStore
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, files, config })
const def = definitionForVersion('v1')

before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  removedKeys.length = 0
  clock.set('2026-11-29T03:00:00Z')
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

async function business(over: Parameters<typeof makeEntity>[1] = {}): Promise<Actor & { kind: 'user' }> {
  const entity = await makeEntity(tdb.handle.db, over)
  const user = await makeUser(tdb.handle.db, { entityId: entity.id, role: 'entity_admin' })
  return { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' }
}
async function staff(): Promise<Actor & { kind: 'user' }> {
  const user = await makeUser(tdb.handle.db, { role: 'examiner' })
  return { kind: 'user', id: user.id, role: 'examiner', entityId: null, displayName: 'ผู้ตรวจ' }
}

let fileSerial = 0
const stored = (mediaType: 'application/pdf' | 'image/png' = 'application/pdf') => {
  const n = ++fileSerial
  return { key: n.toString(16).padStart(32, '0'), size: 1000 + n, sha256: n.toString(16).padStart(64, 'a'), mediaType, displayName: `เอกสาร-${n}.pdf` } as const
}

/** Opens the draft, uploads the gold shop's four attachments and stores its complete answers. */
async function fillGoldShop(actor: Actor & { kind: 'user' }, cycleCode = '2569') {
  const view = await getAssessmentForActor(deps(), { actor, cycleCode })
  const ids: Record<string, string> = {}
  const fieldOf = { AML_POLICY: 'C1_1_evidence', ENTERPRISE_RISK_ASSESSMENT: 'C2_1_evidence' } as Record<string, string>
  for (const ref of GOLD_SHOP_ATTACHMENTS) {
    const fieldPath = fieldOf[ref.documentType] ?? 'A18'
    const partId = fieldPath === 'A18' ? 'part-a' : 'part-c'
    const row = await addAttachment(deps(), { actor, cycleCode, partId, fieldPath, documentType: ref.documentType, stored: stored() })
    ids[ref.id] = row.id
  }
  const answers = JSON.parse(JSON.stringify(goldShopAnswersV1), (k, v: unknown) => (k === 'attachmentId' && typeof v === 'string' ? ids[v] : v)) as Record<string, unknown>
  const prefilled = { ...answers, ...Object.fromEntries(['A01', 'A02'].map((id) => [id, view.answers[id]])) }
  for (const part of def.parts) {
    await upsertPartAnswers(tdb.handle.db, { assessmentId: view.assessmentId, partId: part.id, answers: { ...answersForPart(def, prefilled, part.id) }, now: clock.now(), userId: actor.id })
  }
  return view.assessmentId
}

const submit = (actor: Actor, key = 'key-1', cycleCode = '2569') =>
  submitAssessment(deps(), { actor, cycleCode, declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการผู้จัดการ', idempotencyKey: key })

const rejectsWith = (code: string) => (e: unknown) => e instanceof AppError && e.code === code
const pageOf = (fieldId: string) => indexDefinition(def).fields.find((f) => f.def.id === fieldId)!

describe('cycles', () => {
  test('the demo seed opens cycle 2569 (v1) once, due after the seed time', async () => {
    await tdb.reset()
    const now = new Date('2027-02-01T00:00:00Z')
    assert.equal(await seedDemoCycle(tdb.handle.db, now), 1)
    assert.equal(await seedDemoCycle(tdb.handle.db, now), 0)
    const cycle = await findCurrentCycle(tdb.handle.db, now)
    assert.equal(cycle?.nameTh, 'รอบการประเมินปี 2569')
    assert.equal(cycle?.definitionVersion, 'v1')
    assert.ok(cycle!.deadline > now)
  })

  test('findCurrentCycle returns the latest opened cycle', async () => {
    assert.equal((await findCurrentCycle(tdb.handle.db, clock.now()))?.code, '2569')
    assert.equal(await findCurrentCycle(tdb.handle.db, new Date('2026-01-01T00:00:00Z')), undefined)
  })
})

describe('getAssessmentForActor', () => {
  test('creates the draft once, part ก pre-filled from the registry', async () => {
    const actor = await business({ nameTh: 'ทองดีทดสอบ', juristicId: '0105536112014' })
    const [a, b] = await Promise.all([getAssessmentForActor(deps(), { actor, cycleCode: '2569' }), getAssessmentForActor(deps(), { actor, cycleCode: '2569' })])
    assert.equal(a.assessmentId, b.assessmentId)
    assert.equal((await tdb.handle.db.select().from(assessments)).length, 1)
    assert.equal(a.status, 'draft')
    assert.equal(a.editable, true)
    assert.equal(a.answers.A01, '0105536112014')
    assert.equal(a.answers.A02, 'ทองดีทดสอบ')
    assert.equal(a.answers.A06_primary, 'precious_goods')
    assert.equal(a.progress['part-b'], 'not_started')
    assert.equal(a.lastSavedAt, null)
    assert.equal(a.deadline.toISOString(), '2027-03-31T00:00:00.000Z')
  })

  test('an unknown cycle is not found; a staff actor is refused', async () => {
    const actor = await business()
    await assert.rejects(getAssessmentForActor(deps(), { actor, cycleCode: '2599' }), rejectsWith('NOT_FOUND'))
    await assert.rejects(getAssessmentForActor(deps(), { actor: await staff(), cycleCode: '2569' }), rejectsWith('NOT_FOUND'))
  })
})

describe('saveDraft', () => {
  test('stores well-formed answers, returns problems for malformed ones, and is idempotent', async () => {
    const actor = await business()
    await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    const { partId, pageId } = pageOf('A08_registered')
    const rawPost = { A08_registered: '5,000,000.00', A08_paidUp: 'ห้าล้าน' }
    clock.advance(60_000)
    const r1 = await saveDraft(deps(), { actor, cycleCode: '2569', partId, pageId, rawPost })
    assert.deepEqual(r1.problems.map((p) => p.fieldPath), ['A08_paidUp'])
    const r2 = await saveDraft(deps(), { actor, cycleCode: '2569', partId, pageId, rawPost })
    assert.deepEqual(r2.problems, r1.problems)
    const view = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    assert.equal(view.answers.A08_registered, 500_000_000)
    assert.equal(view.answers.A08_paidUp, undefined)
    assert.equal(view.lastSavedAt?.toISOString(), clock.now().toISOString())
    assert.equal(view.progress['part-a'], 'in_progress')
  })

  test('an unknown page is not found', async () => {
    const actor = await business()
    await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    await assert.rejects(saveDraft(deps(), { actor, cycleCode: '2569', partId: 'part-z', pageId: '1', rawPost: {} }), rejectsWith('NOT_FOUND'))
  })
})

describe('submitAssessment', () => {
  test('an incomplete assessment: every problem, located, and nothing stored', async () => {
    const actor = await business()
    await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    const r = await submit(actor)
    assert.equal(r.ok, false)
    if (r.ok) return
    assert.ok(r.problems.length > 10)
    for (const p of r.problems) assert.ok(p.partId && p.pageId && p.fieldPath && p.messageKey)
    assert.ok(new Set(r.problems.map((p) => p.partId)).size >= 3)
    assert.equal((await tdb.handle.db.select().from(submissions)).length, 0)
    assert.equal((await tdb.handle.db.select().from(assessmentCycles))[0]!.receiptCounter, 0)
  })

  test('a complete assessment: receipt, stable snapshot hash, status, event, audit and mail; gap-free numbering across businesses', async () => {
    const a = await business()
    const b = await business()
    await fillGoldShop(a)
    await fillGoldShop(b)
    const ra = await submit(a)
    assert.ok(ra.ok)
    if (!ra.ok) return
    assert.equal(ra.duplicate, false)
    assert.equal(ra.submission.receiptRef, 'AMRAC-2569-000001')
    assert.equal(ra.submission.version, 1)
    const [row] = await tdb.handle.db.select().from(submissions).where(eq(submissions.id, ra.submission.id))
    assert.equal(snapshotSha256(row!.snapshot), row!.snapshotSha256)
    const snap = row!.snapshot as { definitionVersion: string; attachments: { sha256: string }[]; answers: Record<string, unknown> }
    assert.equal(snap.definitionVersion, 'v1')
    assert.equal(snap.attachments.length, 4)
    assert.equal(snap.answers.A08_registered, 500_000_000)

    const rb = await submit(b)
    assert.ok(rb.ok && rb.submission.receiptRef === 'AMRAC-2569-000002')

    const view = await getAssessmentForActor(deps(), { actor: a, cycleCode: '2569' })
    assert.equal(view.status, 'submitted')
    assert.equal(view.editable, false)
    assert.equal(view.submittedVersions, 1)
    const audit = await tdb.handle.db.select().from(auditLog).where(eq(auditLog.action, 'assessment.submitted'))
    assert.equal(audit.length, 2)
    const mails = await tdb.handle.db.select().from(outbox).where(eq(outbox.template, 'submission_receipt'))
    assert.equal(mails.length, 2)
    assert.equal((mails.find((m) => (m.payload as { receiptRef: string }).receiptRef === 'AMRAC-2569-000001')?.payload as { version: number }).version, 1)

    // Not editable any more.
    const { partId, pageId } = pageOf('A08_registered')
    await assert.rejects(saveDraft(deps(), { actor: a, cycleCode: '2569', partId, pageId, rawPost: {} }), rejectsWith('INVALID_TRANSITION'))
    await assert.rejects(addAttachment(deps(), { actor: a, cycleCode: '2569', partId: 'part-a', fieldPath: 'A18', documentType: 'OTHER', stored: stored() }), rejectsWith('INVALID_TRANSITION'))
  })

  test('the number is given inside the COMMIT: the event, audit row and e-mail carry the final reference, and nothing provisional is left', async () => {
    const a = await business()
    await fillGoldShop(a)
    const r = await submit(a)
    assert.ok(r.ok)
    if (!r.ok) return
    const ref = r.submission.receiptRef
    assert.match(ref, RECEIPT_REF_PATTERN)
    const [row] = await tdb.handle.db.select().from(submissions).where(eq(submissions.id, r.submission.id))
    assert.equal(row!.receiptRef, ref)
    assert.equal(row!.receiptRows, null)
    const [event] = await tdb.handle.db.select().from(assessmentEvents).where(eq(assessmentEvents.kind, 'submitted'))
    assert.deepEqual(event!.payload, { submissionId: r.submission.id, receiptRef: ref, version: 1, snapshotSha256: row!.snapshotSha256, late: false })
    assert.equal(event!.actorUserId, a.id)
    const [audit] = await tdb.handle.db.select().from(auditLog).where(eq(auditLog.action, 'assessment.submitted'))
    assert.equal((audit!.payload as { receiptRef: string }).receiptRef, ref)
    assert.equal(audit!.targetId, row!.assessmentId)
    assert.equal(audit!.entityId, a.entityId)
    assert.equal(audit!.actorRole, 'entity_admin')
    const [mail] = await tdb.handle.db.select().from(outbox).where(eq(outbox.template, 'submission_receipt'))
    const payload = mail!.payload as { receiptRef: string; receiptUrl: string }
    assert.equal(payload.receiptRef, ref)
    assert.equal(payload.receiptUrl, `https://amrac.example.go.th/portal/receipts/${ref}`)
    assert.equal(mail!.status, 'pending')
    const leftovers = await tdb.handle.db.execute(sql`select count(*)::int as n from (
      select payload::text as t from assessment_events union all select payload::text from audit_log
      union all select payload::text from outbox union all select receipt_ref from submissions) x where t like '%pending:%'`)
    assert.equal((leftovers as unknown as { rows: { n: number }[] }).rows[0]!.n, 0)
  })

  test('the commit trigger writes only events, audit rows and e-mails: a submission asking for another table is rolled back with its number', async () => {
    const a = await business()
    await fillGoldShop(a)
    const view = await getAssessmentForActor(deps(), { actor: a, cycleCode: '2569' })
    const [cycle] = await tdb.handle.db.select().from(assessmentCycles)
    const id = '00000000-0000-4000-8000-000000000001'
    await assert.rejects(
      tdb.handle.db.transaction(async (tx) => {
        await tx.insert(submissions).values({
          id,
          assessmentId: view.assessmentId,
          entityId: a.entityId!,
          cycleId: cycle!.id,
          version: 1,
          receiptRef: `pending:${id}`,
          submittedAt: clock.now(),
          declarantName: 'x',
          declarantPosition: 'y',
          definitionVersion: 'v1',
          snapshot: {},
          snapshotSha256: 'z',
          idempotencyKey: 'k',
          receiptRows: [{ table: 'users', row: { username: `pending:${id}` } }],
        })
      }),
      // node-postgres' error comes wrapped by drizzle ("Failed query: commit"), PGlite's as it is.
      (e: unknown) => /rows for table users are not accepted/.test(`${String(e)} ${String((e as { cause?: unknown }).cause ?? '')}`),
    )
    assert.equal((await tdb.handle.db.select().from(submissions)).length, 0)
    assert.equal((await tdb.handle.db.select().from(assessmentCycles))[0]!.receiptCounter, 0)
    // The next real submission still gets number 1.
    const r = await submit(a)
    assert.ok(r.ok && r.submission.receiptRef === 'AMRAC-2569-000001')
  })

  test('the optimistic update takes the assessment only as it was read: a stored time with microseconds matches; a stale status, count or time, or another business, does not', async () => {
    const a = await business()
    const b = await business()
    await getAssessmentForActor(deps(), { actor: a, cycleCode: '2569' })
    await tdb.handle.db.execute(sql`update assessments set updated_at = '2026-11-29 03:00:00.123456+00' where entity_id = ${a.entityId}::uuid`)
    const { assessment } = await loadAssessment(tdb.handle.db, a.entityId!, '2569')
    assert.equal(assessment.updatedAt.toISOString(), '2026-11-29T03:00:00.123Z')
    const now = clock.now()
    const db = tdb.handle.db
    assert.equal(await markSubmittedIfUnchanged(db, a.entityId!, { ...assessment, status: 'returned' }, now), false)
    assert.equal(await markSubmittedIfUnchanged(db, a.entityId!, { ...assessment, submittedVersions: 1 }, now), false)
    assert.equal(await markSubmittedIfUnchanged(db, a.entityId!, { ...assessment, updatedAt: new Date('2026-11-29T03:00:00.124Z') }, now), false)
    assert.equal(await markSubmittedIfUnchanged(db, b.entityId!, assessment, now), false)
    assert.equal((await loadAssessment(db, a.entityId!, '2569')).assessment.status, 'draft')
    assert.equal(await markSubmittedIfUnchanged(db, a.entityId!, assessment, now), true)
    const after = (await loadAssessment(db, a.entityId!, '2569')).assessment
    assert.equal(after.status, 'submitted')
    assert.equal(after.submittedVersions, 1)
    // Read before that change, the same assessment is stale now.
    assert.equal(await markSubmittedIfUnchanged(db, a.entityId!, assessment, now), false)
  })

  test('20 parallel submits of one assessment: exactly one submission and one receipt', async () => {
    const actor = await business()
    await fillGoldShop(actor)
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(actor, `key-${i}`)))
    const refs = new Set(results.map((r) => (r.ok ? r.submission.receiptRef : 'problems')))
    assert.deepEqual([...refs], ['AMRAC-2569-000001'])
    assert.equal(results.filter((r) => r.ok && !r.duplicate).length, 1)
    assert.equal((await tdb.handle.db.select().from(submissions)).length, 1)
    assert.equal((await tdb.handle.db.select().from(assessmentCycles))[0]!.receiptCounter, 1)
  })

  test('submitting again returns the stored receipt (same key, or another key after success)', async () => {
    const actor = await business()
    await fillGoldShop(actor)
    const first = await submit(actor, 'k')
    const again = await submit(actor, 'k')
    const other = await submit(actor, 'k2')
    assert.ok(first.ok && again.ok && other.ok)
    assert.equal(again.submission.id, first.submission.id)
    assert.equal(again.duplicate, true)
    assert.equal(other.submission.id, first.submission.id)
    assert.equal((await tdb.handle.db.select().from(submissions)).length, 1)
  })

  test('an empty declarant is refused', async () => {
    const actor = await business()
    await fillGoldShop(actor)
    await assert.rejects(
      submitAssessment(deps(), { actor, cycleCode: '2569', declarantName: ' ', declarantPosition: 'x', idempotencyKey: 'k' }),
      rejectsWith('VALIDATION'),
    )
  })
})

describe('review', () => {
  test('return → edit → resubmit creates version 2 with its own receipt; history kept', async () => {
    const actor = await business()
    const assessmentId = await fillGoldShop(actor)
    const v1 = await submit(actor, 'a')
    assert.ok(v1.ok)
    const examiner = await staff()
    await assert.rejects(returnForCorrection(deps(), { actor, assessmentId, reasons: { parts: { 'part-a': 'x' } } }), rejectsWith('FORBIDDEN'))
    await returnForCorrection(deps(), { actor: examiner, assessmentId, reasons: { parts: { 'part-a': 'ทุนจดทะเบียนไม่ตรงกับหนังสือรับรอง' }, fields: { A08_registered: 'โปรดตรวจสอบ' } } })
    let view = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    assert.equal(view.status, 'returned')
    assert.equal(view.editable, true)
    assert.equal(view.corrections?.fields?.A08_registered, 'โปรดตรวจสอบ')

    clock.advance(60_000)
    const { partId, pageId } = pageOf('A08_registered')
    const post = Object.fromEntries(
      indexDefinition(def)
        .fields.filter((f) => f.partId === partId && f.pageId === pageId && ['A08_registered', 'A08_paidUp'].includes(f.def.id))
        .map((f) => [f.def.id, '6,000,000.00']),
    )
    // Saving a page replaces the page's answers; keep the rest of the page as stored.
    const saved = await saveDraft(deps(), { actor, cycleCode: '2569', partId, pageId, rawPost: { ...pagePost(view.answers, partId, pageId), ...post } })
    assert.deepEqual(saved.problems, [])
    const v2 = await submit(actor, 'b')
    assert.ok(v2.ok && !v2.duplicate)
    assert.equal(v2.submission.version, 2)
    assert.equal(v2.submission.receiptRef, 'AMRAC-2569-000002')
    assert.equal((v2.submission.snapshot as { answers: Record<string, unknown> }).answers.A08_registered, 600_000_000)
    const history = await tdb.handle.db.select().from(submissions).where(eq(submissions.assessmentId, assessmentId))
    assert.deepEqual(history.map((s) => s.version).sort(), [1, 2])
    const old = history.find((s) => s.version === 1)!
    assert.equal((old.snapshot as { answers: Record<string, unknown> }).answers.A08_registered, 500_000_000)
    view = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    assert.equal(view.status, 'submitted')
    assert.equal(view.corrections, null)
    // The first key still answers with the first receipt.
    const replay = await submit(actor, 'a')
    assert.ok(replay.ok && replay.submission.version === 1)

    await acceptAssessment(deps(), { actor: examiner, assessmentId })
    await assert.rejects(acceptAssessment(deps(), { actor: examiner, assessmentId }), rejectsWith('INVALID_TRANSITION'))
  })

  test('the next cycle is pre-filled from the last accepted submission (file answers not carried)', async () => {
    const actor = await business()
    const assessmentId = await fillGoldShop(actor)
    assert.ok((await submit(actor)).ok)
    await acceptAssessment(deps(), { actor: await staff(), assessmentId })
    await openCycle(deps(), {
      actor: 'system',
      code: '2570',
      nameTh: 'รอบการประเมินปี 2570',
      nameEn: 'Cycle 2570',
      definitionVersion: 'v1',
      opensAt: new Date('2027-10-01T00:00:00Z'),
      deadline: new Date('2028-03-31T00:00:00Z'),
      periodStart: '2026-10-01',
      periodEnd: '2027-09-30',
    })
    clock.set('2027-10-02T00:00:00Z')
    assert.equal((await findCurrentCycle(tdb.handle.db, clock.now()))?.code, '2570')
    const next = await getAssessmentForActor(deps(), { actor, cycleCode: '2570' })
    assert.equal(next.status, 'draft')
    assert.equal(next.answers.A08_registered, 500_000_000)
    assert.equal(next.answers.A18, undefined)
    assert.notEqual(next.assessmentId, assessmentId)
    // A business without an accepted submission starts from the registry only.
    const other = await business()
    const fresh = await getAssessmentForActor(deps(), { actor: other, cycleCode: '2570' })
    assert.equal(fresh.answers.A08_registered, undefined)
  })
})

describe('cycle codes', () => {
  test('openCycle takes only CYCLE_CODE codes (Buddhist-Era year first, capitals), so receipt refs stay [A-Z0-9-]', async () => {
    const open = (code: string) =>
      openCycle(deps(), {
        actor: 'system',
        code,
        nameTh: `รอบ ${code}`,
        nameEn: `Cycle ${code}`,
        definitionVersion: 'v1',
        opensAt: new Date('2027-10-01T00:00:00Z'),
        deadline: new Date('2028-03-31T00:00:00Z'),
        periodStart: '2026-10-01',
        periodEnd: '2027-09-30',
      })
    for (const bad of ['', '2570a', 'abcd', '25', '2570 R2', '2570_R2', '2570/../x', `2570${'A'.repeat(13)}`, '๒๕๗๐']) {
      assert.equal(CYCLE_CODE.test(bad), false, bad)
      await assert.rejects(open(bad), rejectsWith('VALIDATION'), bad)
    }
    const cycle = await open('2570-R2')
    assert.equal(cycle.code, '2570-R2')
    assert.match(receiptRef(cycle.code, 1), RECEIPT_REF_PATTERN)
  })
})

describe('attachments', () => {
  test('a media type the document type does not accept is refused and the file removed; removal is soft and deletes the file', async () => {
    const actor = await business()
    await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    const bad = { ...stored(), mediaType: 'image/gif' } as unknown as ReturnType<typeof stored>
    await assert.rejects(addAttachment(deps(), { actor, cycleCode: '2569', partId: 'part-a', fieldPath: 'A18', documentType: 'OTHER', stored: bad }), rejectsWith('UNSUPPORTED_MEDIA_TYPE'))
    assert.deepEqual(removedKeys, [bad.key])
    await assert.rejects(addAttachment(deps(), { actor, cycleCode: '2569', partId: 'part-a', fieldPath: 'A18', documentType: 'NOPE', stored: stored() }), rejectsWith('VALIDATION'))
    const file = stored()
    const row = await addAttachment(deps(), { actor, cycleCode: '2569', partId: 'part-a', fieldPath: 'A18', documentType: 'DBD_CERTIFICATE', stored: file })
    assert.equal((await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })).attachments.length, 1)
    await removeAttachment(deps(), { actor, cycleCode: '2569', attachmentId: row.id })
    assert.equal((await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })).attachments.length, 0)
    const [kept] = await tdb.handle.db.select().from(attachments).where(eq(attachments.id, row.id))
    assert.ok(kept?.removedAt)
    assert.ok(removedKeys.includes(file.key))
  })

  test('a page reads the assessment in one round trip: its attachments exactly as stored, oldest first, and the deadline of its granted extension', async () => {
    const actor = await business()
    const other = await business()
    await fillGoldShop(actor)
    await fillGoldShop(other)
    const view = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    const loaded = await loadAssessment(tdb.handle.db, actor.entityId!, '2569')
    const oracle = await tdb.handle.db
      .select()
      .from(attachments)
      .where(and(eq(attachments.assessmentId, view.assessmentId), isNull(attachments.removedAt)))
      .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
    assert.equal(oracle.length, 4)
    assert.deepEqual(loaded.attachments, oracle)
    assert.ok(loaded.attachments[0]!.uploadedAt instanceof Date)
    assert.equal(typeof loaded.attachments[0]!.sizeBytes, 'number')
    assert.deepEqual(view.attachments, oracle)
    assert.deepEqual(loaded.answers, flatten(await loadPartAnswers(tdb.handle.db, actor.entityId!, view.assessmentId)))
    assert.equal(loaded.deadline.toISOString(), '2027-03-31T00:00:00.000Z')
    // The cycle and the assessment come back as their own queries return them.
    assert.deepEqual(loaded.cycle, await findCycleByCode(tdb.handle.db, '2569'))
    assert.deepEqual(loaded.assessment, await findAssessment(tdb.handle.db, actor.entityId!, loaded.cycle.id))
    // A business with no assessment yet: the cycle, and no assessment.
    const newcomer = await business()
    const fresh = await findAssessmentBundle(tdb.handle.db, newcomer.entityId!, '2569')
    assert.equal(fresh?.cycle.code, '2569')
    assert.equal(fresh?.assessment, undefined)
    assert.deepEqual(fresh?.attachments, [])

    // A refused and then a granted extension: the latest granted one sets the deadline, for this business only.
    const [cycle] = await tdb.handle.db.select().from(assessmentCycles)
    await tdb.handle.db.insert(deadlineExtensions).values([
      { cycleId: cycle!.id, entityId: actor.entityId!, status: 'refused', decidedAt: new Date('2026-11-20T00:00:00Z') },
      { cycleId: cycle!.id, entityId: actor.entityId!, status: 'granted', grantedDeadline: new Date('2027-04-30T10:00:00Z'), decidedAt: new Date('2026-11-21T00:00:00Z') },
    ])
    assert.equal((await loadAssessment(tdb.handle.db, actor.entityId!, '2569')).deadline.toISOString(), '2027-04-30T10:00:00.000Z')
    assert.equal((await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })).deadline.toISOString(), '2027-04-30T10:00:00.000Z')
    assert.equal((await loadAssessment(tdb.handle.db, other.entityId!, '2569')).deadline.toISOString(), '2027-03-31T00:00:00.000Z')
    await assert.rejects(loadAssessment(tdb.handle.db, actor.entityId!, '2570'), rejectsWith('NOT_FOUND'))
  })

  test('a submitted attachment removed after a return keeps its file', async () => {
    const actor = await business()
    const assessmentId = await fillGoldShop(actor)
    assert.ok((await submit(actor)).ok)
    await returnForCorrection(deps(), { actor: await staff(), assessmentId, reasons: { parts: { 'part-c': 'เอกสารไม่ชัด' } } })
    const [att] = await tdb.handle.db.select().from(attachments).where(and(eq(attachments.assessmentId, assessmentId), eq(attachments.documentType, 'AML_POLICY')))
    removedKeys.length = 0
    await removeAttachment(deps(), { actor, cycleCode: '2569', attachmentId: att!.id })
    assert.deepEqual(removedKeys, [])
  })
})

describe('attachments in the stored answers', () => {
  const storedParts = async (assessmentId: string) => {
    const rows = await tdb.handle.db.select().from(assessmentAnswers).where(eq(assessmentAnswers.assessmentId, assessmentId))
    return Object.fromEntries(rows.map((r) => [r.partId, r.answers as Record<string, unknown>]))
  }
  const add = (actor: Actor, over: { partId: string; fieldPath: string; documentType: string }, file: ReturnType<typeof stored> = stored()) =>
    addAttachment(deps(), { actor, cycleCode: '2569', ...over, stored: file })

  test('an upload to a top-level question and to a group cell appears in the stored answers; removing takes it out', async () => {
    const actor = await business()
    const view = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    // Part ก with a stored licence row (A07) besides the pre-filled answers.
    const partA = (await storedParts(view.assessmentId))['part-a'] ?? {}
    await upsertPartAnswers(tdb.handle.db, { assessmentId: view.assessmentId, partId: 'part-a', answers: { ...partA, A07: [{ number: 'ก-123' }] }, now: clock.now(), userId: actor.id })
    const policy = await add(actor, { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY' })
    const policy2 = await add(actor, { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY' })
    const licence = await add(actor, { partId: 'part-a', fieldPath: 'A07.0.document', documentType: 'SECTOR_LICENCE' })
    assert.equal(policy.fieldId, 'C1_1_evidence')
    let parts = await storedParts(view.assessmentId)
    assert.deepEqual(parts['part-c']!.C1_1_evidence, [
      { attachmentId: policy.id, documentType: 'AML_POLICY' },
      { attachmentId: policy2.id, documentType: 'AML_POLICY' },
    ])
    assert.deepEqual(parts['part-a']!.A07, [{ number: 'ก-123', document: [{ attachmentId: licence.id, documentType: 'SECTOR_LICENCE' }] }])
    assert.equal(parts['part-a']!.A01, view.answers.A01, 'the rest of the part is kept')
    // The engine sees them: the page shows them and submission counts them.
    const seen = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    assert.equal((seen.answers.C1_1_evidence as unknown[]).length, 2)

    await removeAttachment(deps(), { actor, cycleCode: '2569', attachmentId: policy.id })
    await removeAttachment(deps(), { actor, cycleCode: '2569', attachmentId: licence.id })
    parts = await storedParts(view.assessmentId)
    assert.deepEqual(parts['part-c']!.C1_1_evidence, [{ attachmentId: policy2.id, documentType: 'AML_POLICY' }])
    assert.deepEqual(parts['part-a']!.A07, [{ number: 'ก-123' }])
    await removeAttachment(deps(), { actor, cycleCode: '2569', attachmentId: policy2.id })
    assert.equal((await storedParts(view.assessmentId))['part-c']!.C1_1_evidence, undefined)
    const events = await tdb.handle.db.select().from(assessmentEvents).where(eq(assessmentEvents.assessmentId, view.assessmentId))
    assert.equal(events.filter((e) => e.kind === 'attachment_added').length, 3)
    assert.equal(events.filter((e) => e.kind === 'attachment_removed').length, 3)
  })

  test('a wrong field path or document type is refused with a message, and the stored file removed', async () => {
    const actor = await business()
    const view = await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    const cases: { partId: string; fieldPath: string; documentType: string; messageKey: string }[] = [
      { partId: 'part-c', fieldPath: 'C1_1', documentType: 'AML_POLICY', messageKey: 'questionnaire.upload.errors.field' }, // not a file question
      { partId: 'part-a', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY', messageKey: 'questionnaire.upload.errors.field' }, // another part
      { partId: 'part-c', fieldPath: 'C9_9_evidence', documentType: 'AML_POLICY', messageKey: 'questionnaire.upload.errors.field' }, // unknown
      { partId: 'part-c', fieldPath: '../C1_1_evidence', documentType: 'AML_POLICY', messageKey: 'questionnaire.upload.errors.field' },
      { partId: 'part-a', fieldPath: 'A07.0.document', documentType: 'SECTOR_LICENCE', messageKey: 'questionnaire.upload.errors.field' }, // no stored row
      { partId: 'part-a', fieldPath: 'A07.0.number', documentType: 'SECTOR_LICENCE', messageKey: 'questionnaire.upload.errors.field' }, // not a file column
      { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'DBD_CERTIFICATE', messageKey: 'questionnaire.errors.file.documentType' },
      { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'NOPE', messageKey: 'questionnaire.errors.unknownDocumentType' },
    ]
    for (const c of cases) {
      const file = stored()
      await assert.rejects(add(actor, c, file), (e: unknown) => e instanceof AppError && e.code === 'VALIDATION' && e.messageKey === c.messageKey, c.fieldPath)
      assert.ok(removedKeys.includes(file.key), `${c.fieldPath}: file removed`)
    }
    assert.equal((await tdb.handle.db.select().from(attachments)).length, 0)
    assert.equal((await storedParts(view.assessmentId))['part-c'], undefined)
  })

  test("a question's maximum number of files is kept", async () => {
    const actor = await business()
    await getAssessmentForActor(deps(), { actor, cycleCode: '2569' })
    for (let i = 0; i < 5; i++) await add(actor, { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY' })
    await assert.rejects(add(actor, { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY' }), (e: unknown) => e instanceof AppError && e.messageKey === 'questionnaire.errors.file.tooMany')
  })

  test('uploads after submission are refused (INVALID_TRANSITION) and the file removed', async () => {
    const actor = await business()
    await fillGoldShop(actor)
    assert.ok((await submit(actor)).ok)
    const file = stored()
    await assert.rejects(add(actor, { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY' }, file), (e: unknown) => e instanceof AppError && e.code === 'INVALID_TRANSITION' && e.messageKey === 'questionnaire.errors.notEditable')
    assert.ok(removedKeys.includes(file.key))
  })

  test("another business's attachment id is not found, and its answers are untouched", async () => {
    const a = await business()
    const b = await business()
    const viewA = await getAssessmentForActor(deps(), { actor: a, cycleCode: '2569' })
    await getAssessmentForActor(deps(), { actor: b, cycleCode: '2569' })
    const att = await add(a, { partId: 'part-c', fieldPath: 'C1_1_evidence', documentType: 'AML_POLICY' })
    await assert.rejects(removeAttachment(deps(), { actor: b, cycleCode: '2569', attachmentId: att.id }), rejectsWith('NOT_FOUND'))
    await assert.rejects(removeAttachment(deps(), { actor: b, cycleCode: '2569', attachmentId: 'not-a-uuid' }), rejectsWith('NOT_FOUND'))
    assert.deepEqual((await storedParts(viewA.assessmentId))['part-c']!.C1_1_evidence, [{ attachmentId: att.id, documentType: 'AML_POLICY' }])
  })
})

describe('tenant isolation', () => {
  test("another business's actor cannot read, change or submit", async () => {
    const a = await business()
    const b = await business()
    await fillGoldShop(a)
    const r = await submit(a)
    assert.ok(r.ok)
    await assert.rejects(getReceipt(deps(), { actor: b, submissionId: r.submission.id }), rejectsWith('NOT_FOUND'))
    await assert.rejects(getReceipt(deps(), { actor: b, receiptRef: r.submission.receiptRef }), rejectsWith('NOT_FOUND'))
    assert.equal((await getReceipt(deps(), { actor: a, receiptRef: r.submission.receiptRef })).id, r.submission.id)
    const { partId, pageId } = pageOf('A08_registered')
    // B has no draft yet: nothing of A's is reachable.
    await assert.rejects(saveDraft(deps(), { actor: b, cycleCode: '2569', partId, pageId, rawPost: {} }), rejectsWith('NOT_FOUND'))
    await assert.rejects(submit(b), rejectsWith('NOT_FOUND'))
    const [attA] = await tdb.handle.db.select().from(attachments).limit(1)
    const viewB = await getAssessmentForActor(deps(), { actor: b, cycleCode: '2569' })
    assert.notEqual(viewB.assessmentId, r.submission.assessmentId)
    assert.equal(viewB.attachments.length, 0)
    assert.equal(viewB.answers.A08_registered, undefined)
    await assert.rejects(removeAttachment(deps(), { actor: b, cycleCode: '2569', attachmentId: attA!.id }), rejectsWith('NOT_FOUND'))
  })
})

/** The stored answers of a page as a form would post them back (only simple values needed here). */
function pagePost(answers: Record<string, unknown>, partId: string, pageId: string): Record<string, unknown> {
  return Object.fromEntries(
    indexDefinition(def)
      .fields.filter((f) => f.partId === partId && f.pageId === pageId && answers[f.def.id] !== undefined)
      .map((f) => [f.def.id, moduleFor(f.def).toFormValue(answers[f.def.id] as never, f.def as never, 'th')]),
  )
}
