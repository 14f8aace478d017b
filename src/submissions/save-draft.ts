/**
 * Saving one page of the questionnaire (lenient, house style R13): the engine keeps well-formed
 * answers and reports malformed ones; what is well-formed is stored even when other inputs of the
 * page have problems, and the problems are returned for the page to show. Saving the same post
 * twice leaves the same answers (idempotent). Refused (INVALID_TRANSITION) once the assessment is
 * not editable (submitted or accepted).
 */
import { answersForPart, applyConditions, applyRowIntent, findPage, mergeDraft, pageFields, validateDraft, visibleColumns, type Answers, type Definition, type GroupRow, type Problem, type RowIntent } from '#src/questionnaire/engine/index.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendAssessmentEvent, loadPartAnswers, lockAssessment, updateAssessment, upsertPartAnswers } from './submissions.repo.ts'
import { assertAllowed, assertCycleAcceptsFilings, flatten, loadAssessment, notFound, requireEntityActor } from './submissions.shared.ts'

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
  definition: Definition
}

export async function saveDraft(deps: Pick<AppDeps, 'database' | 'clock'>, opts: SaveDraftOptions): Promise<SaveDraftResult> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  const { definition, assessment, attachments, cycle } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  assertCycleAcceptsFilings(cycle)
  const live = new Set(attachments.map((a) => a.id))
  if (!findPage(definition, opts.partId, opts.pageId)) throw notFound()
  assertAllowed(assessment, 'save_draft') // early refusal; re-checked under the lock
  const page = validateDraft(definition, opts.partId, opts.pageId, opts.rawPost)
  const now = deps.clock.now()
  /**
   * What the page shows: its questions, and the columns shown in each row of a group (columns have
   * their own conditions). Rows are compared up to `rowCount` (a row not stored yet counts as an
   * empty row), so typing into a new row does not count as a change.
   */
  const shownOnPage = (answers: Record<string, unknown>, rowCount: (groupId: string) => number) => {
    const visible = applyConditions(definition, answers)
    return pageFields(definition, opts.partId, opts.pageId)
      .filter((e) => visible.fields.has(e.def.id))
      .map((e) => {
        const def = e.def
        if (def.type !== 'group') return def.id
        const rows = Array.isArray(answers[def.id]) ? (answers[def.id] as GroupRow[]) : []
        const shown = Array.from({ length: rowCount(def.id) }, (_, i) => visibleColumns(def, rows[i] ?? {}).map((c) => c.id).join('+'))
        return `${def.id}[${shown.join('|')}]`
      })
      .join(',')
  }
  const rowsIn = (answers: Record<string, unknown>) => (groupId: string) => (Array.isArray(answers[groupId]) ? (answers[groupId] as unknown[]).length : 0)
  let visibilityChanged = false
  await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    assertAllowed(locked, 'save_draft')
    const stored = flatten(await loadPartAnswers(tx, actor.entityId, assessment.id))
    let merged = keepUploads(definition, opts.partId, opts.pageId, stored, mergeDraft(definition, stored, page), live)
    const intent = opts.rowIntent
    if (intent && pageFields(definition, opts.partId, opts.pageId).some((e) => e.def.id === intent.groupId && e.def.type === 'group')) {
      merged = applyRowIntent(definition, merged, intent)
    }
    visibilityChanged = shownOnPage(stored, rowsIn(merged)) !== shownOnPage(merged, rowsIn(merged))
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
  return { problems: page.problems, savedAt: now, visibilityChanged, definition }
}

type FileRef = { attachmentId: string; documentType: string }
const refsOf = (v: unknown): FileRef[] => (Array.isArray(v) ? v.filter((r): r is FileRef => !!r && typeof r === 'object' && typeof (r as FileRef).attachmentId === 'string') : [])

/**
 * Documents are added and removed only by + เพิ่มเอกสาร and ลบ (which update the stored answer
 * themselves); a page drawn before an upload (another tab, the back button) does not list the new
 * document, so a save keeps every stored reference to a live attachment the post did not mention.
 */
function keepUploads(definition: Definition, partId: string, pageId: string, stored: Answers, merged: Answers, live: ReadonlySet<string>): Answers {
  const out: Record<string, unknown> = { ...merged }
  for (const { def } of pageFields(definition, partId, pageId)) {
    if (def.type !== 'file') continue
    const posted = refsOf(out[def.id])
    const missing = refsOf(stored[def.id]).filter((r) => live.has(r.attachmentId) && !posted.some((p) => p.attachmentId === r.attachmentId))
    if (missing.length) out[def.id] = [...posted, ...missing]
  }
  return out
}
