/**
 * What the "+ เพิ่มเอกสาร" page needs about one `file` question of the business's assessment: the
 * question (label, document types, max files), where it lives (part, page) and whether the
 * assessment can still take uploads. Opens the draft on first access (as the task list does).
 * NOT_FOUND when the part, page or field path does not name a file question on that page, or names
 * a cell of a group row that is not stored.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { findPart, type PartDef } from '#src/questionnaire/engine/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { getAssessmentForActor } from './get-assessment.ts'
import { findFileQuestion, refsAt, rowExists, type FileTarget } from './file-question.rules.ts'
import { definitionForVersion, notFound } from './submissions.shared.ts'

export type UploadTarget = FileTarget & {
  cycleCode: string
  /** The part's letter and title (message keys), for the page's caption. */
  part: Pick<PartDef, 'letter' | 'title'>
  /** False once submitted or accepted: the page says so and offers no upload. */
  editable: boolean
  /** Attachments already in the answer at the path. */
  attached: number
}

export type GetUploadTargetOptions = { actor: Actor; cycleCode: string; partId: string; pageId: string; fieldPath: string }

export async function getUploadTarget(deps: Pick<AppDeps, 'database' | 'clock'>, opts: GetUploadTargetOptions): Promise<UploadTarget> {
  const view = await getAssessmentForActor(deps, { actor: opts.actor, cycleCode: opts.cycleCode })
  const definition = definitionForVersion(view.cycle.definitionVersion)
  const target = findFileQuestion(definition, opts.partId, opts.fieldPath)
  const part = findPart(definition, opts.partId)
  if (!part || !target || target.pageId !== opts.pageId || !rowExists(view.answers, target)) throw notFound()
  return { ...target, cycleCode: view.cycle.code, part: { letter: part.letter, title: part.title }, editable: view.editable, attached: refsAt(view.answers, target).length }
}
