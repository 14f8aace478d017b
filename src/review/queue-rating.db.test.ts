/**
 * The review queue's stored rating in force (assessment_reviews.effective_rating, review.tables.ts):
 * written at submission, followed by rescore activation and override approval, back to the
 * computed rating once an override expires, and the capped count.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import type { FileStore } from '#src/documents/file-store.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { activateRescore } from '#src/scoring/activate-rescore.ts'
import { RULESETS } from '#src/scoring/rulesets/index.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import { goldShopAnswersV1 } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { workedExampleAnswersV1 } from '#tests/fixtures/scoring/v1-worked-example.ts'
import { rulesetV1_1 } from '#tests/fixtures/scoring/v1-1-recalibration.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { decideRatingOverride } from './decide-rating-override.ts'
import { listReviewQueue, type QueueCriteria } from './list-review-queue.ts'
import { requestRatingOverride } from './request-rating-override.ts'
import { countQueue, listOverrides } from './review.repo.ts'

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

async function queue(actor: Actor, criteria: Partial<QueueCriteria> = {}) {
  const result = await listReviewQueue(deps(), { actor, criteria: { sort: 'submitted', dir: 'desc', ...criteria }, page: 1 })
  return { ...result, byId: new Map(result.rows.map((r) => [r.assessmentId, r])) }
}

describe('the queue\'s stored rating in force', () => {
  test('submission stores the computed rating; rescore activation changes it in the queue and its filter', async () => {
    const gold = await submitAnswers(await business(), goldShopAnswersV1)
    const example = await submitAnswers(await business(), workedExampleAnswersV1)
    const supervisor = await staff('supervisor')
    const first = await queue(supervisor)
    assert.deepEqual([first.byId.get(gold.assessmentId)?.rating, first.byId.get(example.assessmentId)?.rating], ['medium_high', 'medium_high'])
    assert.equal((await queue(supervisor, { rating: 'medium_low' })).total, 0)

    clock.set('2026-12-01T02:00:00Z')
    await activateRescore(deps(), { actor: supervisor, cycleCode: '2569', rulesetVersion: 'v1.1', batchSize: 1 })
    const after = await queue(supervisor)
    assert.deepEqual([after.byId.get(gold.assessmentId)?.rating, after.byId.get(example.assessmentId)?.rating], ['medium_low', 'medium_high'])
    const low = await queue(supervisor, { rating: 'medium_low' })
    assert.deepEqual(low.rows.map((r) => r.assessmentId), [gold.assessmentId])
    // Sorting by rating reads the stored rank: medium-high before medium-low.
    const sorted = await queue(supervisor, { sort: 'rating', dir: 'desc' })
    assert.deepEqual(sorted.rows.map((r) => r.assessmentId), [example.assessmentId, gold.assessmentId])
  })

  test('an approved override is the rating in force until it expires, then the computed rating is back', async () => {
    const gold = await submitAnswers(await business(), goldShopAnswersV1)
    const examiner = await staff('examiner')
    const supervisor = await staff('supervisor')
    await requestRatingOverride(deps(), { actor: examiner, assessmentId: gold.assessmentId, toRating: 'high', justification: 'พบธุรกรรมเงินสดสูงผิดปกติ', expiresAt: new Date('2026-12-31T17:00:00Z') })
    // Pending: the computed rating still holds.
    assert.equal((await queue(supervisor)).byId.get(gold.assessmentId)?.rating, 'medium_high')
    const [pending] = await listOverrides(tdb.handle.db, gold.assessmentId)
    await decideRatingOverride(deps(), { actor: supervisor, assessmentId: gold.assessmentId, overrideId: pending!.id, decision: 'approved' })

    const approved = await queue(supervisor, { rating: 'high' })
    assert.deepEqual(approved.rows.map((r) => [r.assessmentId, r.rating, r.ratingSource]), [[gold.assessmentId, 'high', 'override']])
    assert.equal((await queue(supervisor, { rating: 'medium_high' })).total, 0)

    clock.set('2027-01-01T00:00:00Z')
    assert.equal((await queue(supervisor, { rating: 'high' })).total, 0)
    const expired = await queue(supervisor, { rating: 'medium_high' })
    assert.deepEqual(expired.rows.map((r) => [r.assessmentId, r.rating, r.ratingSource]), [[gold.assessmentId, 'medium_high', 'computed']])
  })

  test('the count stops one past its cap, and the queue says when there are more rows than it shows', async () => {
    await submitAnswers(await business(), goldShopAnswersV1)
    await submitAnswers(await business(), workedExampleAnswersV1)
    await submitAnswers(await business(), workedExampleAnswersV1)
    const supervisor = await staff('supervisor')
    const all = await queue(supervisor)
    assert.deepEqual([all.total, all.moreThanTotal, all.pages], [3, false, 1])
    const filter = { cycleId: all.cycle!.id, sort: 'submitted', dir: 'desc' } as const
    assert.equal(await countQueue(tdb.handle.db, filter, 1), 2)
    assert.equal(await countQueue(tdb.handle.db, filter, 3), 3)
  })
})
