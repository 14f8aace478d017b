/**
 * Rows of a table read back from JSON (`to_json(t)`, `json_agg(to_json(t))`, or their jsonb forms):
 * for a query that returns a row and its child rows in one round trip. Keys are the database's column names; each
 * value goes through its column's own driver mapping, as drizzle maps a selected row (a timestamp
 * becomes a Date), except json/jsonb values, which arrive parsed already and are kept as they are
 * (a jsonb string must not be parsed a second time). Not for numeric or bigint columns: JSON
 * carries them as numbers, where the driver gives exact text; such a table is refused.
 */
import { getTableColumns } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'

type Columns = [key: string, column: ReturnType<typeof getTableColumns>[string]][]
const COLUMNS = new WeakMap<PgTable, Columns>()

/** The table's columns, checked once per table (this runs on every questionnaire page). */
function columnsOf(table: PgTable): Columns {
  let columns = COLUMNS.get(table)
  if (!columns) {
    columns = Object.entries(getTableColumns(table))
    for (const [, column] of columns) {
      if (column.columnType.startsWith('PgNumeric') || column.columnType.endsWith('64')) {
        throw new Error(`rowsFromJson: ${column.name} is ${column.columnType}; JSON would not keep its exact value`)
      }
    }
    COLUMNS.set(table, columns)
  }
  return columns
}

export function rowsFromJson<T extends PgTable>(table: T, list: readonly unknown[] | null | undefined): T['$inferSelect'][] {
  if (!list?.length) return []
  const columns = columnsOf(table)
  return list.map((json) => {
    const source = json as Record<string, unknown>
    const row: Record<string, unknown> = {}
    for (const [key, column] of columns) {
      const value = source[column.name]
      row[key] = value === null || value === undefined ? null : column.dataType === 'json' ? value : column.mapFromDriverValue(value)
    }
    return row as T['$inferSelect']
  })
}

/**
 * The inverse: a row to insert, as JSON keyed by the table's column names (for a trigger that
 * inserts it with `jsonb_populate_record`, migration 0028). Values go through their column's driver
 * mapping (a Date becomes its ISO text), json/jsonb values as they are; undefined ones are left out,
 * so the column's default applies. A numeric or 64-bit value is refused, as above.
 */
export function jsonRowFor<T extends PgTable>(table: T, values: T['$inferInsert']): Record<string, unknown> {
  const columns = getTableColumns(table)
  const row: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
    if (value === undefined) continue
    const column = columns[key]
    if (!column) throw new Error(`jsonRowFor: no column ${key}`)
    if (column.columnType.startsWith('PgNumeric') || column.columnType.endsWith('64')) throw new Error(`jsonRowFor: ${column.name} is ${column.columnType}`)
    row[column.name] = value === null || column.dataType === 'json' ? value : column.mapToDriverValue(value)
  }
  return row
}
