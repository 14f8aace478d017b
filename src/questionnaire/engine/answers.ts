/**
 * Answers and what happens to them between requests: visibility (conditions), repeating-group rows
 * (add / remove with submit buttons), merging a saved page into the draft, pre-filling.
 *
 * `Answers` is one flat JSON object keyed by field id for the whole questionnaire (ids are unique
 * across parts). Storage may keep it per part (`answersForPart`); conditions may cross parts (part ง's
 * sector module depends on A06_primary in part ก), so validation always takes all answers.
 */
import { evaluateCondition } from './conditions.ts'
import {
  findPage,
  indexDefinition,
  pageFields,
  type Definition,
} from './definition.ts'
import { parseDraftValue } from './field-types/contract.ts'
import { FIELD_ID } from './ids.ts'
import type { PrefillSource } from './prefill-sources.ts'
import { moduleFor } from './registry.ts'
import type { Problem } from './validate.ts'

/** Stored answers: field id → answer (see AnswerByType in registry.ts for each type's shape). */
export type Answers = Readonly<Record<string, unknown>>

const own = (answers: Answers, id: string): unknown => (Object.hasOwn(answers, id) ? answers[id] : undefined)

export type Visibility = {
  /** The answers of shown questions only; answers to hidden or unknown questions are left out. */
  readonly answers: Answers
  readonly fields: ReadonlySet<string>
  /** Keys `${partId}/${pageId}/${sectionId}` (see sectionKey). */
  readonly sections: ReadonlySet<string>
}
export const sectionKey = (partId: string, pageId: string, sectionId: string) => `${partId}/${pageId}/${sectionId}`

/**
 * Evaluates every condition in document order. A question is shown when its section's condition
 * and its own hold, reading only answers of earlier shown questions — so a question that depends on
 * a hidden one is hidden too.
 */
export function applyConditions(definition: Definition, answers: Answers): Visibility {
  const out: Record<string, unknown> = {}
  const fields = new Set<string>()
  const sections = new Set<string>()
  const lookup = (id: string) => out[id]
  for (const { partId, pageId, section, fields: entries } of indexDefinition(definition).sections) {
    const sectionShown = !section.showIf || evaluateCondition(section.showIf, lookup)
    if (sectionShown) sections.add(sectionKey(partId, pageId, section.id))
    for (const { def } of entries) {
      if (!sectionShown || (def.showIf && !evaluateCondition(def.showIf, lookup))) continue
      fields.add(def.id)
      const value = own(answers, def.id)
      if (value !== undefined) out[def.id] = value
    }
  }
  return { answers: out, fields, sections }
}

/** The answers that belong to one part (for per-part storage). */
export function answersForPart(definition: Definition, answers: Answers, partId: string): Answers {
  const out: Record<string, unknown> = {}
  for (const { def, partId: p } of indexDefinition(definition).fields) {
    const v = own(answers, def.id)
    if (p === partId && v !== undefined) out[def.id] = v
  }
  return out
}

// ---------------------------------------------------------------------------------------------
// Repeating groups. The web layer posts `intent=add:B01` or `intent=remove:B01:2` from submit
// buttons (works with JavaScript off), saves the draft, applies the intent and re-renders.

export type RowIntent = { action: 'add'; groupId: string } | { action: 'remove'; groupId: string; index: number }

/** `add:B01` → add a row to B01; `remove:B01:2` → remove row 2. Anything else → undefined. */
export function parseRowIntent(intent: unknown): RowIntent | undefined {
  if (typeof intent !== 'string' || intent.length > 80) return undefined
  const add = /^add:([A-Za-z0-9_]+)$/.exec(intent)
  if (add && FIELD_ID.test(add[1]!)) return { action: 'add', groupId: add[1]! }
  const remove = /^remove:([A-Za-z0-9_]+):(\d{1,3})$/.exec(intent)
  if (remove && FIELD_ID.test(remove[1]!)) return { action: 'remove', groupId: remove[1]!, index: Number(remove[2]) }
  return undefined
}

function groupDef(definition: Definition, groupId: string) {
  const def = indexDefinition(definition).byId.get(groupId)?.def
  return def?.type === 'group' ? def : undefined
}
const rowsOf = (answers: Answers, groupId: string): readonly unknown[] => {
  const v = own(answers, groupId)
  return Array.isArray(v) ? v : []
}

export function canAddRow(definition: Definition, answers: Answers, groupId: string): boolean {
  const def = groupDef(definition, groupId)
  return !!def && !def.readOnly && rowsOf(answers, groupId).length < def.maxRows
}

/** A new, empty row at the end (unchanged when the group is full or unknown). */
export function addRow(definition: Definition, answers: Answers, groupId: string): Answers {
  if (!canAddRow(definition, answers, groupId)) return answers
  return { ...answers, [groupId]: [...rowsOf(answers, groupId), {}] }
}

/** Without row `index` (unchanged when out of range). Removing the last row removes the answer. */
export function removeRow(definition: Definition, answers: Answers, groupId: string, index: number): Answers {
  const rows = rowsOf(answers, groupId)
  if (!groupDef(definition, groupId) || !Number.isInteger(index) || index < 0 || index >= rows.length) return answers
  const next = rows.filter((_, i) => i !== index)
  const { [groupId]: _removed, ...rest } = answers
  return next.length === 0 ? rest : { ...rest, [groupId]: next }
}

/** Applies a parsed intent (the caller has checked the group is on the page being saved). */
export function applyRowIntent(definition: Definition, answers: Answers, intent: RowIntent): Answers {
  return intent.action === 'add'
    ? addRow(definition, answers, intent.groupId)
    : removeRow(definition, answers, intent.groupId, intent.index)
}

// ---------------------------------------------------------------------------------------------
// Drafts and pre-filling.

export type DraftPage = {
  readonly partId: string
  readonly pageId: string
  /** The page's well-formed answers (see validateDraft). */
  readonly answers: Answers
  readonly problems: readonly Problem[]
}

/**
 * The stored draft after saving one page: the page's questions take the posted answers (a shown
 * question left empty loses its answer; a question hidden by a condition keeps its stored answer,
 * since hidden questions are never posted); read-only questions and other pages are untouched. A question with a
 * problem keeps its stored answer — unless it still has a partial answer (a group or an address
 * without its malformed cells), which is saved so the rest of what was typed is not lost. Either
 * way, show the page again from the post so the malformed input is visible with its message.
 */
export function mergeDraft(definition: Definition, stored: Answers, page: DraftPage): Answers {
  if (!findPage(definition, page.partId, page.pageId)) throw new RangeError(`unknown page ${page.partId}/${page.pageId}`)
  const withProblems = new Set(page.problems.map((p) => p.fieldId))
  const out: Record<string, unknown> = { ...stored }
  const cleared: string[] = []
  for (const { def } of pageFields(definition, page.partId, page.pageId)) {
    if (def.readOnly) continue
    const v = own(page.answers, def.id)
    if (withProblems.has(def.id) && v === undefined) continue
    if (v === undefined) {
      if (own(out, def.id) !== undefined) cleared.push(def.id)
      delete out[def.id]
    } else out[def.id] = v
  }
  // A hidden question is never posted: keep its stored answer (a "no" chosen by mistake must not
  // destroy the details it hides). Submission drops hidden answers anyway.
  if (cleared.length) {
    const visible = applyConditions(definition, out).fields
    for (const id of cleared) if (!visible.has(id)) out[id] = own(stored, id)
  }
  return out
}

export type PrefillValues = Partial<Record<PrefillSource, unknown>>

/**
 * Fills questions that have a `prefill` source from `values` (form-post shapes or stored shapes:
 * each goes through the field's normalise and draft schema; a value that does not fit is skipped).
 * Read-only questions are always overwritten; others only while unanswered, so people's changes stay.
 */
export function applyPrefill(definition: Definition, answers: Answers, values: PrefillValues): Answers {
  const out: Record<string, unknown> = { ...answers }
  for (const { def } of indexDefinition(definition).fields) {
    if (!def.prefill || !Object.hasOwn(values, def.prefill)) continue
    if (!def.readOnly && own(answers, def.id) !== undefined) continue
    const parsed = parseDraftValue(moduleFor(def), def, values[def.prefill])
    if (parsed.value !== undefined && parsed.issues.length === 0) out[def.id] = parsed.value
  }
  return out
}
