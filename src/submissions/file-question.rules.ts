/**
 * Where an uploaded attachment goes in the stored answers (pure; no IO). A `file` question is
 * addressed by its form path: a top-level question (`C1_1_evidence`) or a cell of a repeating
 * group (`A07.0.document` = group A07, row 0, column document). The answer there is
 * `{ attachmentId, documentType }[]` (engine field-types/file.ts).
 */
import type { DocumentType } from '#src/questionnaire/engine/document-types.ts'
import { findField, type Definition, type FieldDefOf, type FileRef, type LeafFieldDef } from '#src/questionnaire/engine/index.ts'

export type FileQuestion = FieldDefOf<'file'>

export type FileTarget = {
  partId: string
  pageId: string
  /** The form path as posted (`A18`, `A07.0.document`). */
  fieldPath: string
  question: FileQuestion
  /** For a group cell: the group's id, the row index and the column id. */
  cell?: { groupId: string; row: number; column: string }
}

const TOP = /^[A-Z][A-Za-z0-9_]{0,47}$/
const CELL = /^([A-Z][A-Za-z0-9_]{0,47})\.(\d{1,3})\.([a-z][A-Za-z0-9]{0,31})$/

const isFileDef = (def: { type: string }): def is FileQuestion => def.type === 'file'

/**
 * The `file` question of `partId` at `fieldPath`, or undefined when the path does not name one
 * (unknown id, another part, not a file question, malformed path). Row existence is checked
 * against the stored answers by `rowExists`.
 */
export function findFileQuestion(definition: Definition, partId: string, fieldPath: string): FileTarget | undefined {
  if (typeof fieldPath !== 'string') return undefined
  const cell = CELL.exec(fieldPath)
  const topId = cell ? cell[1]! : TOP.test(fieldPath) ? fieldPath : undefined
  if (!topId) return undefined
  const entry = findField(definition, topId)
  if (!entry || entry.partId !== partId) return undefined
  if (!cell) return isFileDef(entry.def) ? { partId, pageId: entry.pageId, fieldPath, question: entry.def } : undefined
  if (entry.def.type !== 'group') return undefined
  const column = entry.def.fields.find((c: LeafFieldDef) => c.id === cell[3])
  if (!column || !isFileDef(column)) return undefined
  return { partId, pageId: entry.pageId, fieldPath, question: column, cell: { groupId: topId, row: Number(cell[2]), column: column.id } }
}

const isRow = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const refsOf = (v: unknown): FileRef[] =>
  Array.isArray(v) ? v.filter((r): r is FileRef => isRow(r) && typeof r.attachmentId === 'string' && typeof r.documentType === 'string') : []

/** Whether the group row a cell target points at is stored (top-level targets always "exist"). */
export function rowExists(partAnswers: Readonly<Record<string, unknown>>, target: FileTarget): boolean {
  if (!target.cell) return true
  const rows = partAnswers[target.cell.groupId]
  return Array.isArray(rows) && isRow(rows[target.cell.row])
}

/** The attachments already in the answer at the target. */
export function refsAt(partAnswers: Readonly<Record<string, unknown>>, target: FileTarget): FileRef[] {
  if (!target.cell) return refsOf(partAnswers[target.fieldPath])
  const rows = partAnswers[target.cell.groupId]
  const row = Array.isArray(rows) ? (rows[target.cell.row] as unknown) : undefined
  return isRow(row) ? refsOf(row[target.cell.column]) : []
}

/** The part's answers with `{attachmentId, documentType}` appended at the target (a malformed value there is replaced). */
export function withRef(
  partAnswers: Readonly<Record<string, unknown>>,
  target: FileTarget,
  ref: { attachmentId: string; documentType: DocumentType },
): Record<string, unknown> {
  const list = [...refsAt(partAnswers, target).filter((r) => r.attachmentId !== ref.attachmentId), ref]
  if (!target.cell) return { ...partAnswers, [target.fieldPath]: list }
  const { groupId, row, column } = target.cell
  const rows = Array.isArray(partAnswers[groupId]) ? [...(partAnswers[groupId] as unknown[])] : []
  rows[row] = { ...(isRow(rows[row]) ? rows[row] : {}), [column]: list }
  return { ...partAnswers, [groupId]: rows }
}

/**
 * The part's answers without any reference to `attachmentId` (top-level file questions and file
 * cells of groups); `changed` says whether anything was removed. An emptied answer is deleted.
 */
export function withoutRef(
  definition: Definition,
  partAnswers: Readonly<Record<string, unknown>>,
  attachmentId: string,
): { answers: Record<string, unknown>; changed: boolean } {
  let changed = false
  const strip = (value: unknown): unknown => {
    const refs = refsOf(value)
    if (!refs.some((r) => r.attachmentId === attachmentId)) return value
    changed = true
    const kept = refs.filter((r) => r.attachmentId !== attachmentId)
    return kept.length ? kept : undefined
  }
  const out: Record<string, unknown> = { ...partAnswers }
  for (const [id, value] of Object.entries(partAnswers)) {
    const def = findField(definition, id)?.def
    if (!def) continue
    if (def.type === 'file') {
      const next = strip(value)
      if (next === undefined) delete out[id]
      else out[id] = next
    } else if (def.type === 'group' && Array.isArray(value)) {
      const fileColumns = def.fields.filter(isFileDef).map((c) => c.id)
      if (!fileColumns.length) continue
      out[id] = value.map((row: unknown) => {
        if (!isRow(row)) return row
        const next: Record<string, unknown> = { ...row }
        for (const col of fileColumns) {
          if (!(col in row)) continue
          const v = strip(row[col])
          if (v === undefined) delete next[col]
          else next[col] = v
        }
        return next
      })
    }
  }
  return { answers: changed ? out : { ...partAnswers }, changed }
}
