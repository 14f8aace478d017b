/**
 * Saving one page of the questionnaire (lenient, house style R13): the engine keeps well-formed
 * answers and reports malformed ones; what is well-formed is stored even when other inputs of the
 * page have problems, and the problems are returned for the page to show. Saving the same post
 * twice leaves the same answers (idempotent). Refused (INVALID_TRANSITION) once the assessment is
 * not editable (submitted or accepted).
 */
import { answersForPart, findPage, mergeDraft, validateDraft, type Problem } from '#src/questionnaire/engine/index.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendAssessmentEvent, loadPartAnswers, lockAssessment, updateAssessment, upsertPartAnswers } from './submissions.repo.ts'
import { assertAllowed, flatten, loadAssessment, notFound, requireEntityActor } from './submissions.shared.ts'

export type SaveDraftOptions = { actor: Actor; cycleCode: string; partId: string; pageId: string; rawPost: unknown }
export type SaveDraftResult = { problems: readonly Problem[]; savedAt: Date }

export async function saveDraft(deps: Pick<AppDeps, 'database' | 'clock'>, opts: SaveDraftOptions): Promise<SaveDraftResult> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  const { definition, assessment } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  if (!findPage(definition, opts.partId, opts.pageId)) throw notFound()
  assertAllowed(assessment, 'save_draft') // early refusal; re-checked under the lock
  const page = validateDraft(definition, opts.partId, opts.pageId, opts.rawPost)
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    assertAllowed(locked, 'save_draft')
    const stored = flatten(await loadPartAnswers(tx, actor.entityId, assessment.id))
    const merged = mergeDraft(definition, stored, page)
    await upsertPartAnswers(tx, { assessmentId: assessment.id, partId: opts.partId, answers: { ...answersForPart(definition, merged, opts.partId) }, now, userId: actor.id })
    await updateAssessment(tx, actor.entityId, assessment.id, { lastSavedAt: now, updatedAt: now })
    await appendAssessmentEvent(tx, {
      assessmentId: assessment.id,
      at: now,
      actorUserId: actor.id,
      kind: 'draft_saved',
      payload: { partId: opts.partId, pageId: opts.pageId, problems: page.problems.length },
    })
  })
  return { problems: page.problems, savedAt: now }
}
