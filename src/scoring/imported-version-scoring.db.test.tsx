/**
 * Scoring answers to imported questionnaire versions, on the real migrations: a published imported
 * version the ruleset reads is scored at submission; publishing a version it cannot read is refused
 * with the missing questions; and a submission of a version no ruleset reads is stored unscored,
 * the staff view saying why.
 */
import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { auditLog } from '#src/audit/audit.tables.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { fixedClock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import { AppError } from '#src/platform/errors.ts'
import { createTranslator, registerImportedMessages } from '#src/platform/i18n/translator.ts'
import { forgetImportedDefinitions, registerPublishedDefinition } from '#src/questionnaire/definition/index.ts'
import { defineQuestionnaire, type DefinitionInput } from '#src/questionnaire/engine/definition.ts'
import { getQuestionnaireVersion } from '#src/questionnaire/versions/get-questionnaire-versions.ts'
import { importQuestionnaireVersion } from '#src/questionnaire/versions/import-questionnaire-version.ts'
import { publishQuestionnaireVersion } from '#src/questionnaire/versions/publish-questionnaire-version.ts'
import { questionnaireVersions } from '#src/questionnaire/versions/questionnaire-versions.tables.ts'
import { getSubmissionReview } from '#src/review/get-submission-review.ts'
import { assessmentReviews } from '#src/review/review.tables.ts'
import { openCycle } from '#src/submissions/open-cycle.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { SubmissionPage } from '#src/web/staff/submission-page.tsx'
import { goldShopAnswersV1, GOLD_SHOP_ATTACHMENTS } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'
import { importFile, type ImportFileJson } from '#tests/fixtures/questionnaires/import-v2.ts'
import { makeEntity, makeUser } from '#tests/support/builders.ts'
import { submitCompleteAssessment } from '#tests/support/complete-assessment.ts'
import { render, testPageContext } from '#tests/support/render.ts'
import { createTestDatabase, type TestDatabase } from '#tests/support/test-db.ts'
import { rulesetV1 } from './rulesets/v1.ts'
import { scoreSubmission } from './score.rules.ts'
import { findCurrentScore } from './scoring.repo.ts'

let tdb: TestDatabase
const clock = fixedClock('2026-11-29T03:00:00Z')
const config = { baseUrl: 'https://amrac.example.go.th' } as Config
const deps = () => ({ database: tdb.handle, clock, config })
const db = () => tdb.handle.db
type UserActor = Actor & { kind: 'user' }
let admin: UserActor

before(async () => {
  tdb = await createTestDatabase()
})
after(() => tdb.close())
beforeEach(async () => {
  await tdb.reset()
  forgetImportedDefinitions()
  clock.set('2026-11-29T03:00:00Z')
  const user = await makeUser(db(), { role: 'admin', username: 'qv.scoring.admin' })
  admin = { kind: 'user', id: user.id, role: 'admin', entityId: null, displayName: 'Admin' }
})

const cycleOn = (definitionVersion: string) =>
  openCycle(deps(), {
    actor: 'system',
    code: '2569',
    nameTh: 'รอบการประเมินปี 2569',
    nameEn: 'Cycle 2569',
    definitionVersion,
    opensAt: new Date('2026-10-01T00:00:00Z'),
    deadline: new Date('2027-03-31T00:00:00Z'),
    periodStart: '2025-10-01',
    periodEnd: '2026-09-30',
  })

async function business(): Promise<UserActor> {
  const entity = await makeEntity(db())
  const user = await makeUser(db(), { entityId: entity.id, role: 'entity_admin' })
  return { kind: 'user', id: user.id, role: 'entity_admin', entityId: entity.id, displayName: 'สมชาย' }
}
async function examiner(): Promise<UserActor> {
  const user = await makeUser(db(), { role: 'examiner' })
  return { kind: 'user', id: user.id, role: 'examiner', entityId: null, displayName: 'ผู้ตรวจ' }
}

/** The import file of `version` without question D15 (near-threshold cash transactions), which the ruleset reads. */
function withoutD15(version: number): ImportFileJson {
  const file = importFile(version)
  for (const part of file.definition.parts as { pages: { sections: { fields: { id: string }[] }[] }[] }[]) {
    for (const page of part.pages) for (const section of page.sections) section.fields = section.fields.filter((f) => f.id !== 'D15')
  }
  return file
}
const upload = (file: ImportFileJson) => importQuestionnaireVersion(deps(), { actor: admin, fileName: `v${file.definition.version}.json`, content: Buffer.from(JSON.stringify(file), 'utf8') })

describe('an imported version the ruleset reads', () => {
  test('is published, and an assessment on it submits and is scored with ruleset v1', async () => {
    assert.deepEqual(await upload(importFile(2)), { kind: 'imported', version: 2 })
    const view = await getQuestionnaireVersion(deps(), { actor: admin, version: 2 })
    assert.deepEqual(view.scoring, { ok: true, rulesetVersion: 'v1' })
    await publishQuestionnaireVersion(deps(), { actor: admin, version: 2 })
    await cycleOn('v2')

    const submission = await submitCompleteAssessment(deps(), await business())
    const snapshot = submission.snapshot as SubmissionSnapshot
    assert.equal(snapshot.definitionVersion, 'v2')
    const stored = await findCurrentScore(db(), submission.id)
    assert.ok(stored, 'the submission has a current score')
    assert.equal(stored.score.rulesetVersion, 'v1')
    assert.equal(stored.score.definitionVersion, 'v2')
    // v2 asks v1's questions: the same answers score as they would on v1.
    const onV1 = scoreSubmission(rulesetV1, 'v1', goldShopAnswersV1, { attachments: GOLD_SHOP_ATTACHMENTS, asOf: '2026-11-29' })
    assert.equal(stored.score.residualBand, onV1.residualBand)
    assert.equal(stored.score.irs, onV1.irs)

    const review = await getSubmissionReview(deps(), { actor: await examiner(), assessmentId: submission.assessmentId })
    assert.equal(review.scoring, null)
  })
})

describe('an imported version the ruleset cannot read', () => {
  test('shows what it lacks, and publishing it is refused, leaving a draft and no audit of a publication', async () => {
    assert.deepEqual(await upload(withoutD15(3)), { kind: 'imported', version: 3 })
    const view = await getQuestionnaireVersion(deps(), { actor: admin, version: 3 })
    assert.deepEqual(view.scoring, { ok: false, currentRuleset: 'v1', missing: [{ fieldId: 'D15', expected: ['integer', 'money', 'percentage'], found: null }] })

    const refused = await publishQuestionnaireVersion(deps(), { actor: admin, version: 3 }).then(
      () => null,
      (e: unknown) => e,
    )
    assert.ok(refused instanceof AppError)
    assert.equal(refused.code, 'VALIDATION')
    assert.equal(refused.messageKey, 'versions.errors.rulesetCannotRead')
    assert.deepEqual(refused.params, { version: 3, ruleset: 'v1', missing: 'D15' })
    assert.match(createTranslator('th')(refused.messageKey, refused.params), /เผยแพร่ฉบับที่ 3 ไม่ได้.*D15/)

    const [row] = await db().select({ status: questionnaireVersions.status }).from(questionnaireVersions).where(eq(questionnaireVersions.version, 3))
    assert.equal(row?.status, 'draft')
    const actions = (await db().select({ action: auditLog.action }).from(auditLog)).map((r) => r.action)
    assert.ok(!actions.includes('questionnaire.published'))
  })

  test('a submission of a version no ruleset reads is stored unscored, and the staff view says why', async () => {
    // Published before this check existed (or the ruleset changed): registered directly, as at start-up.
    const file = withoutD15(3)
    registerImportedMessages(file.messages)
    registerPublishedDefinition(defineQuestionnaire(file.definition as unknown as DefinitionInput))
    await cycleOn('v3')

    const submission = await submitCompleteAssessment(deps(), await business())
    assert.match(submission.receiptRef, /^AMRAC-2569-/)
    assert.equal(await findCurrentScore(db(), submission.id), undefined)
    const [queued] = await db().select({ rating: assessmentReviews.computedRating }).from(assessmentReviews).where(eq(assessmentReviews.assessmentId, submission.assessmentId))
    assert.ok(queued, 'the submission is in the review queue')
    assert.equal(queued.rating, null)

    const review = await getSubmissionReview(deps(), { actor: await examiner(), assessmentId: submission.assessmentId })
    assert.deepEqual(review.scoring, { ok: false, definitionVersion: 'v3', currentRuleset: 'v1', missing: ['D15'] })
    for (const [locale, text] of [
      ['th', 'ยังไม่ได้ให้คะแนน: ไม่มีชุดเกณฑ์การให้คะแนนที่อ่านแบบสอบถามฉบับ v3 ได้'],
      ['en', 'Not scored: no ruleset reads questionnaire version v3'],
    ] as const) {
      const $ = render(<SubmissionPage ctx={testPageContext({ locale })} view={review} />)
      const shown = $('#not-scored').text()
      assert.ok(shown.includes(text), shown)
      assert.ok(shown.includes('D15'), shown)
    }
  })
})
