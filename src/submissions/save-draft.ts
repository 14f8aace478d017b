/**
 * Saving one page of the questionnaire (lenient, house style R13): the engine keeps well-formed
 * answers and reports malformed ones; what is well-formed is stored even when other inputs of the
 * page have problems, and the problems are returned for the page to show. Saving the same post
 * twice leaves the same answers (idempotent). Refused (INVALID_TRANSITION) once the assessment is
 * not editable (submitted or accepted).
 */
import { answersForPart, applyConditions, applyRowIntent, findPage, mergeDraft, pageFields, validateDraft, type Problem, type RowIntent } from '#src/questionnaire/engine/index.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendAssessmentEvent, loadPartAnswers, lockAssessment, updateAssessment, upsertPartAnswers } from './submissions.repo.ts'
import { assertAllowed, flatten, loadAssessment, notFound, requireEntityActor } from './submissions.shared.ts'

export type SaveDraftOptions = {
  actor: Actor
  cycleCode: string
  partId: string
  pageId: string
  rawPost: unknown
  /** A repeating group's add/remove button (a group on this page; anything else is ignored). */
  rowIntent?: RowIntent | undefined
}
export type SaveDraftResult = {
  problems: readonly Problem[]
  savedAt: Date
  /** Whether the questions shown on this page changed with this save (a condition now holds or not). */
  visibilityChanged: boolean
}

export async function saveDraft(deps: Pick<AppDeps, 'database' | 'clock'>, opts: SaveDraftOptions): Promise<SaveDraftResult> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  const { definition, assessment } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  if (!findPage(definition, opts.partId, opts.pageId)) throw notFound()
  assertAllowed(assessment, 'save_draft') // early refusal; re-checked under the lock
  const page = validateDraft(definition, opts.partId, opts.pageId, opts.rawPost)
  const now = deps.clock.now()
  const shownOnPage = (answers: Record<string, unknown>) => {
    const visible = applyConditions(definition, answers)
    return pageFields(definition, opts.partId, opts.pageId)
      .filter((e) => visible.fields.has(e.def.id))
      .map((e) => e.def.id)
      .join(',')
  }
  let visibilityChanged = false
  await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    assertAllowed(locked, 'save_draft')
    const stored = flatten(await loadPartAnswers(tx, actor.entityId, assessment.id))
    let merged = mergeDraft(definition, stored, page)
    const intent = opts.rowIntent
    if (intent && pageFields(definition, opts.partId, opts.pageId).some((e) => e.def.id === intent.groupId && e.def.type === 'group')) {
      merged = applyRowIntent(definition, merged, intent)
    }
    visibilityChanged = shownOnPage(stored) !== shownOnPage(merged)
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
  return { problems: page.problems, savedAt: now, visibilityChanged }
}
