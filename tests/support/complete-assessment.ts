/**
 * A business's draft made complete and valid for submission: the gold shop's answers
 * (tests/fixtures/questionnaires/v1-gold-shop.ts), or another complete set that refers to the same
 * four attachments, with those attachments recorded as if uploaded (rows only; no files), and
 * part ก's registry answers kept from the pre-fill. `submitCompleteAssessment` also submits it.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { answersForPart } from '#src/questionnaire/engine/index.ts'
import type { Answers } from '#src/questionnaire/engine/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { getAssessmentForActor } from '#src/submissions/get-assessment.ts'
import { insertAttachment, upsertPartAnswers, type SubmissionRow } from '#src/submissions/submissions.repo.ts'
import { definitionForVersion } from '#src/submissions/submissions.shared.ts'
import { submitAssessment } from '#src/submissions/submit-assessment.ts'
import { goldShopAnswersV1, GOLD_SHOP_ATTACHMENTS } from '#tests/fixtures/questionnaires/v1-gold-shop.ts'

const PART_C_DOCUMENTS = new Set(['AML_POLICY', 'ENTERPRISE_RISK_ASSESSMENT'])

/** Returns the assessment id. */
export async function fillCompleteAssessment(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  actor: Actor & { kind: 'user'; entityId: string },
  cycleCode = '2569',
  answers: Answers = goldShopAnswersV1,
): Promise<string> {
  const db = deps.database.db
  const view = await getAssessmentForActor(deps, { actor, cycleCode })
  const def = definitionForVersion(view.cycle.definitionVersion)
  const ids: Record<string, string> = {}
  for (const [i, ref] of GOLD_SHOP_ATTACHMENTS.entries()) {
    const row = await insertAttachment(db, {
      assessmentId: view.assessmentId,
      entityId: actor.entityId,
      partId: PART_C_DOCUMENTS.has(ref.documentType) ? 'part-c' : 'part-a',
      fieldId: null,
      documentType: ref.documentType,
      fileKey: `${view.assessmentId.replace(/-/g, '')}`.slice(0, 28) + String(i).padStart(4, '0'),
      displayName: `เอกสาร-${i}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: 1234,
      sha256: 'a'.repeat(64),
      uploadedBy: actor.id,
      uploadedAt: deps.clock.now(),
    })
    ids[ref.id] = row.id
  }
  const withIds = JSON.parse(JSON.stringify(answers), (k, v: unknown) => (k === 'attachmentId' && typeof v === 'string' ? ids[v] : v)) as Record<string, unknown>
  const all = { ...withIds, A01: view.answers.A01, A02: view.answers.A02 }
  for (const part of def.parts) {
    await upsertPartAnswers(db, { assessmentId: view.assessmentId, partId: part.id, answers: { ...answersForPart(def, all, part.id) }, now: deps.clock.now(), userId: actor.id })
  }
  return view.assessmentId
}

let keys = 0
/** Fills the draft with `answers` (see above) and submits it; the submission must succeed. */
export async function submitCompleteAssessment(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  actor: Actor & { kind: 'user' },
  answers: Answers = goldShopAnswersV1,
): Promise<SubmissionRow> {
  await fillCompleteAssessment(deps, { ...actor, entityId: actor.entityId! }, '2569', answers)
  const result = await submitAssessment(deps, { actor, cycleCode: '2569', declarantName: 'นายสมชาย ทองดี', declarantPosition: 'กรรมการผู้จัดการ', idempotencyKey: `complete-${++keys}` })
  if (!result.ok) throw new Error(`the answers do not submit: ${JSON.stringify(result.problems)}`)
  return result.submission
}
