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
