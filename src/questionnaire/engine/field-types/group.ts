/**
 * `group`: repeating rows of columns (directors, shareholders, branches…). Stored as an array of
 * row objects keyed by column id; a cell is addressed as `B01.0.fullName` in forms and errors.
 *
 * - Columns are any type but `group`. A column's `showIf` may refer only to earlier columns of the
 *   same row (`{ field: 'idType', equals: 'thai_id' }`); hidden cells are dropped at submission.
 * - Rows are added and removed by the web layer with submit buttons (`addRow`, `removeRow` in
 *   answers.ts), so a draft keeps empty rows; at submission a row with no answer at all is ignored
 *   (it was added by mistake), then `minRows`/`maxRows` apply. Error paths keep the row index the
 *   person saw.
 * - Required means at least `minRows` rows: `minRows` defaults to 1, or 0 when `optional`.
 */
import { z } from 'zod'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { evaluateCondition } from '../conditions.ts'
import { SUB_FIELD_ID } from '../ids.ts'
import {
  fieldBaseShape,
  issuesFromZod,
  memoByDef,
  MessageKeySchema,
  parseDraftValue,
  rejected,
  type FieldIssue,
  type FieldTypeModule,
} from './contract.ts'
import { LeafFieldDef, leafModule } from './leaves.ts'

export type GroupRow = Readonly<Record<string, unknown>>

export const GROUP_MAX_ROWS = 100
export const GroupDef = z.strictObject({
  ...fieldBaseShape,
  type: z.literal('group'),
  fields: z
    .array(LeafFieldDef)
    .min(1)
    .max(30)
    .readonly()
    .superRefine((fields, ctx) => {
      fields.forEach((f, i) => {
        if (!SUB_FIELD_ID.test(f.id)) {
          ctx.addIssue({ code: 'custom', message: `column id "${f.id}" must match ${SUB_FIELD_ID}`, path: [i, 'id'] })
        }
      })
    }),
  minRows: z.int().min(0).max(GROUP_MAX_ROWS).optional(),
  maxRows: z.int().min(1).max(GROUP_MAX_ROWS),
  /** Error when there are too few rows (default: questionnaire.errors.group.tooFewRows with {min}). */
  minRowsMessage: MessageKeySchema.optional(),
  /** Heading of each row, with {n} = 1, 2, … (e.g. "กรรมการคนที่ {n}"). */
  rowLabel: MessageKeySchema.optional(),
  /** Text of the add button (e.g. "เพิ่มกรรมการ"). */
  addLabel: MessageKeySchema.optional(),
})
export type GroupDef = z.infer<typeof GroupDef>

export const groupMinRows = (def: GroupDef): number => def.minRows ?? (def.optional ? 0 : 1)

const isRowObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)
const isBlankRow = (row: unknown) => !isRowObject(row) || Object.values(row).every((v) => v === undefined)

/**
 * Which columns of a row are shown, in order: a column is shown when its condition holds over the
 * earlier shown columns of the same row.
 */
export function visibleColumns(def: GroupDef, row: GroupRow): LeafFieldDef[] {
  const shown = new Set<string>()
  return def.fields.filter((col) => {
    const visible = !col.showIf || evaluateCondition(col.showIf, (id) => (shown.has(id) ? row[id] : undefined))
    if (visible) shown.add(col.id)
    return visible
  })
}

function rowsOf(raw: unknown): unknown[] | undefined {
  if (Array.isArray(raw)) return raw.filter((r) => r !== undefined) // holes only come from tampered names
  if (isRowObject(raw)) {
    const keys = Object.keys(raw)
    if (!keys.every((k) => /^\d{1,3}$/.test(k))) return undefined
    return keys.sort((a, b) => Number(a) - Number(b)).map((k) => raw[k])
  }
  return undefined
}

function draftSchema(def: GroupDef) {
  const row = z.strictObject(Object.fromEntries(def.fields.map((col) => [col.id, leafModule(col).draftSchema(col)])))
  return z.array(row).max(def.maxRows, 'questionnaire.errors.group.tooManyRows').readonly()
}

export const groupField: FieldTypeModule<GroupDef, readonly GroupRow[]> = {
  type: 'group',
  definitionSchema: GroupDef,
  normalise(raw, def) {
    if (raw === undefined || raw === null || raw === '') return { value: undefined, issues: [] }
    const rows = rowsOf(raw)
    if (!rows) return rejected()
    const issues: FieldIssue[] = []
    if (rows.length > def.maxRows) {
      issues.push({ path: [], messageKey: 'questionnaire.errors.group.tooManyRows', params: { max: def.maxRows } })
    }
    const value = rows.slice(0, def.maxRows).map((rawRow, i) => {
      const out: Record<string, unknown> = {}
      if (!isRowObject(rawRow)) return out
      for (const col of def.fields) {
        const parsed = parseDraftValue(leafModule(col), col, rawRow[col.id])
        if (parsed.value !== undefined) out[col.id] = parsed.value
        for (const issue of parsed.issues) issues.push({ ...issue, path: [i, col.id, ...issue.path] })
      }
      return out
    })
    return { value: value.length === 0 ? undefined : value, issues }
  },
  draftSchema: memoByDef((def: GroupDef) => draftSchema(def).optional()),
  submitSchema: (def, ctx) =>
    z.unknown().transform(async (value, zctx) => {
      const rows = value === undefined || value === null ? [] : value
      if (!Array.isArray(rows)) {
        zctx.addIssue({ code: 'custom', message: 'errors.field.invalid' })
        return z.NEVER
      }
      const kept = rows.map((row, index) => ({ row, index })).filter(({ row }) => !isBlankRow(row))
      const min = groupMinRows(def)
      if (kept.length < min) {
        zctx.addIssue({
          code: 'custom',
          message: def.minRowsMessage ?? 'questionnaire.errors.group.tooFewRows',
          params: { min },
        })
      }
      if (kept.length > def.maxRows) {
        zctx.addIssue({ code: 'custom', message: 'questionnaire.errors.group.tooManyRows', params: { max: def.maxRows } })
      }
      const out: GroupRow[] = []
      for (const { row, index } of kept) {
        const cells = row as Record<string, unknown>
        const cleaned: Record<string, unknown> = {}
        for (const col of visibleColumns(def, cells)) {
          const res = await leafModule(col).submitSchema(col, ctx).safeParseAsync(cells[col.id])
          if (res.success) {
            if (res.data !== undefined) cleaned[col.id] = res.data
          } else {
            for (const issue of issuesFromZod(res.error, [index, col.id])) {
              zctx.addIssue({
                code: 'custom',
                message: issue.messageKey,
                path: [...issue.path],
                ...(issue.params ? { params: issue.params } : {}),
              })
            }
          }
        }
        out.push(cleaned)
      }
      return out.length === 0 ? undefined : (out as readonly GroupRow[])
    }),
  summarise(answer, t, def) {
    return answer
      .map((row, i) => {
        const cells = visibleColumns(def, row)
          .filter((col) => row[col.id] !== undefined)
          .map((col) => `${t(col.label)}: ${leafModule(col).summarise(row[col.id], t, col)}`)
        return `${i + 1}. ${cells.join(' · ')}`
      })
      .join('\n')
  },
  toFormValue: (answer, def, locale) =>
    answer.map((row) =>
      Object.fromEntries(
        def.fields
          .filter((col) => row[col.id] !== undefined)
          .map((col) => [col.id, leafModule(col).toFormValue(row[col.id], col, locale)]),
      ),
    ),
  possibleErrors(def) {
    const keys = new Set<MessageKey>([
      'errors.field.invalid',
      def.minRowsMessage ?? 'questionnaire.errors.group.tooFewRows',
      'questionnaire.errors.group.tooManyRows',
    ])
    for (const col of def.fields) for (const k of leafModule(col).possibleErrors(col)) keys.add(k)
    return [...keys]
  },
}
