import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { and, eq, sql } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { FileStore } from '#src/documents/file-store.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { AppError } from '#src/platform/errors.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { submissions } from '#src/submissions/submissions.tables.ts'
import { type SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { rulesetV1_1 } from '#tests/fixtures/scoring/v1-1-recalibration.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { activateRescore } from './activate-rescore.ts'
import { previewRescore } from './preview-rescore.ts'
import { RULESETS } from './rulesets/index.ts'
import { scoreOnDemand } from './score-on-demand.ts'
import { scoreSubmission } from './score.rules.ts'
import { findCurrentScore, listScores } from './scoring.repo.ts'
import { riskScores } from './scoring.tables.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const files = { remove: async () => undefined } as unknown as FileStore
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, files, config, rulesets: { ...RULESETS, 'v1.1': rulesetV1_1 } })

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
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })
})

type UserActor = Actor & { kind: 'user' }
async function business(): Promise<UserActor> {
  const entity = await makeEntity(tdb.handle.db)
  const user = await makeUser(tdb.handle.db, { entityId: entity.id, role: 'entity_admin' })
  return { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' }
}
async function staff(role: 'examiner' | 'supervisor'): Promise<UserActor> {
  const user = await makeUser(tdb.handle.db, { role })
  return { kind: 'user', id: user.id, role, entityId: null, displayName: 'เจ้าหน้าที่' }
}

const submitAnswers = (actor: UserActor, answers: Record<string, unknown>) => submitCompleteAssessment(deps(), actor, answers)

const rejectsWith = (code: string) => (e: unknown) => e instanceof AppError && e.code === code

describe('score stored at submission', () => {
  test('the worked example is scored in the submit transaction: Medium-High, IRS 2.15, CE 50 %', async () => {
    const submission = await submitAnswers(await business(), workedExampleAnswersV1)
    const row = await findCurrentScore(tdb.handle.db, submission.id)
    assert.ok(row)
    assert.deepEqual(
      { ruleset: row.rulesetVersion, residual: row.residualBand, inherent: row.inherentBand, control: row.controlBand, irs: row.irs, ce: row.cePercent, flags: row.flagsCount },
      { ruleset: 'v1', residual: 'medium_high', inherent: 'medium_low', control: 'needs_improvement', irs: 2.15, ce: 50, flags: 0 },
    )
    assert.equal(row.entityId, submission.entityId)
    assert.equal(row.cycleId, submission.cycleId)
    assert.equal(row.isCurrent, true)
    assert.deepEqual(row.computedAt, submission.submittedAt)
  })

  test('the stored JSON is reproduced from the snapshot and its ruleset version', async () => {
    const submission = await submitAnswers(await business(), goldShopAnswersV1)
    const row = (await findCurrentScore(tdb.handle.db, submission.id))!
    const [stored] = await tdb.handle.db.select({ snapshot: submissions.snapshot }).from(submissions).where(eq(submissions.id, submission.id))
    const snapshot = stored!.snapshot as SubmissionSnapshot
    const again = scoreSubmission(RULESETS[row.score.rulesetVersion]!, snapshot.definitionVersion, snapshot.answers, {
      attachments: snapshot.attachments,
      asOf: row.score.asOf,
      previousAnswers: null,
    })
    assert.deepEqual(again, row.score)
    assert.equal(row.flagsCount, row.score.flags.length)
    assert.ok(row.flagsCount > 0)
  })
})

describe('scoreOnDemand', () => {
  test('staff get the score with the current ruleset or another, without replacing the stored one', async () => {
    const submission = await submitAnswers(await business(), goldShopAnswersV1)
    const examiner = await staff('examiner')
    const now = await scoreOnDemand(deps(), { actor: examiner, submissionId: submission.id })
    assert.equal(now.stored, false)
    assert.deepEqual(now.score, now.current)
    const other = await scoreOnDemand(deps(), { actor: examiner, submissionId: submission.id, rulesetVersion: 'v1.1' })
    assert.equal(other.score.rulesetVersion, 'v1.1')
    assert.equal(other.score.residualBand, 'medium_low')
    assert.equal(other.current?.rulesetVersion, 'v1')
    assert.equal((await listScores(tdb.handle.db, submission.id)).length, 1)
  })

  test('a submission without a score gets one stored', async () => {
    const submission = await submitAnswers(await business(), goldShopAnswersV1)
    await tdb.handle.db.delete(riskScores)
    const result = await scoreOnDemand(deps(), { actor: await staff('examiner'), submissionId: submission.id })
    assert.equal(result.stored, true)
    assert.equal((await findCurrentScore(tdb.handle.db, submission.id))?.residualBand, result.score.residualBand)
  })

  test('a business never gets a score; unknown submissions and rulesets are not found', async () => {
    const actor = await business()
    const submission = await submitAnswers(actor, goldShopAnswersV1)
    await assert.rejects(scoreOnDemand(deps(), { actor, submissionId: submission.id }), rejectsWith('FORBIDDEN'))
    const examiner = await staff('examiner')
    await assert.rejects(scoreOnDemand(deps(), { actor: examiner, submissionId: '00000000-0000-4000-8000-000000000000' }), rejectsWith('NOT_FOUND'))
    await assert.rejects(scoreOnDemand(deps(), { actor: examiner, submissionId: submission.id, rulesetVersion: 'v9' }), rejectsWith('NOT_FOUND'))
  })
})

describe('rescoring a cycle', () => {
  test('preview lists only the ratings that would change and writes nothing', async () => {
    const gold = await submitAnswers(await business(), goldShopAnswersV1)
    await submitAnswers(await business(), workedExampleAnswersV1)
    const before = await tdb.handle.db.select().from(riskScores)
    const preview = await previewRescore(deps(), { actor: await staff('examiner'), cycleCode: '2569', rulesetVersion: 'v1.1' })
    assert.deepEqual(preview, {
      cycleCode: '2569',
      rulesetVersion: 'v1.1',
      scored: 2,
      changes: [{ submissionId: gold.id, entityId: gold.entityId, receiptRef: gold.receiptRef, from: 'medium_high', to: 'medium_low' }],
    })
    assert.deepEqual(await tdb.handle.db.select().from(riskScores), before)
    const same = await previewRescore(deps(), { actor: await staff('examiner'), cycleCode: '2569', rulesetVersion: 'v1' })
    assert.deepEqual(same.changes, [])
  })

  test('activation writes new current scores batch by batch, keeps history and is audited', async () => {
    const gold = await submitAnswers(await business(), goldShopAnswersV1)
    const example = await submitAnswers(await business(), workedExampleAnswersV1)
    const supervisor = await staff('supervisor')
    clock.set('2026-12-01T02:00:00Z')
    const result = await activateRescore(deps(), { actor: supervisor, cycleCode: '2569', rulesetVersion: 'v1.1', batchSize: 1 })
    assert.deepEqual(result, { cycleCode: '2569', rulesetVersion: 'v1.1', scored: 2, changed: 1 })

    const goldNow = (await findCurrentScore(tdb.handle.db, gold.id))!
    assert.deepEqual([goldNow.rulesetVersion, goldNow.residualBand, goldNow.computedBy], ['v1.1', 'medium_low', supervisor.id])
    assert.equal((await findCurrentScore(tdb.handle.db, example.id))!.residualBand, 'medium_high')
    const history = await listScores(tdb.handle.db, gold.id)
    assert.deepEqual(
      history.map((r) => [r.rulesetVersion, r.isCurrent]),
      [
        ['v1', false],
        ['v1.1', true],
      ],
    )
    // The same inputs as at submission: only the ruleset differs.
    assert.equal(goldNow.score.asOf, history[0]!.score.asOf)

    const audits = await tdb.handle.db.select().from(auditLog).where(and(eq(auditLog.action, 'risk.rescored'), eq(auditLog.actorUserId, supervisor.id)))
    assert.equal(audits.length, 1)
    assert.deepEqual(audits[0]!.payload, { action: 'risk.rescored', cycleCode: '2569', rulesetVersion: 'v1.1', scored: 2, changed: 1 })
    assert.deepEqual((await previewRescore(deps(), { actor: supervisor, cycleCode: '2569', rulesetVersion: 'v1.1' })).changes, [])
  })

  test('scored on a second thread or not, a rescoring with the same ruleset stores exactly the score stored at submission', async () => {
    const subs = [await submitAnswers(await business(), goldShopAnswersV1), await submitAnswers(await business(), workedExampleAnswersV1), await submitAnswers(await business(), goldShopAnswersV1)]
    const supervisor = await staff('supervisor')
    for (const thread of ['always', 'never'] as const) {
      const result = await activateRescore(deps(), { actor: supervisor, cycleCode: '2569', rulesetVersion: 'v1', batchSize: 2, thread })
      assert.deepEqual([result.scored, result.changed], [3, 0], thread)
    }
    for (const sub of subs) {
      const res = await tdb.handle.db.execute(sql`select score, is_current as current from risk_scores where submission_id = ${sub.id}`)
      const { rows } = res as unknown as { rows: { score: string; current: boolean }[] }
      assert.equal(rows.length, 3)
      assert.equal(new Set(rows.map((r) => r.score)).size, 1, 'the same JSON text at submission, on the thread and off it')
      assert.equal(rows.filter((r) => r.current).length, 1)
    }
  })

  test('examiners may preview but not activate; businesses may do neither', async () => {
    const actor = await business()
    await submitAnswers(actor, goldShopAnswersV1)
    await assert.rejects(activateRescore(deps(), { actor: await staff('examiner'), cycleCode: '2569', rulesetVersion: 'v1.1' }), rejectsWith('FORBIDDEN'))
    await assert.rejects(previewRescore(deps(), { actor, cycleCode: '2569', rulesetVersion: 'v1.1' }), rejectsWith('FORBIDDEN'))
    await assert.rejects(previewRescore(deps(), { actor: await staff('examiner'), cycleCode: '2570', rulesetVersion: 'v1.1' }), rejectsWith('NOT_FOUND'))
    assert.equal((await tdb.handle.db.select().from(riskScores)).length, 1)
  })
})
