import type { ComponentChildren } from 'preact'
import type { Translator } from '#src/platform/i18n/translator.ts'

export type TableColumn = {
  header: string
  /** Right-aligned with tabular figures, in the header and every cell. */
  numeric?: boolean
}

export type TableProps = {
  t: Translator
  caption: string
  /** Show the caption only to screen readers (when a heading above says the same). */
  captionHidden?: boolean
  columns: readonly TableColumn[]
  /** One array of cells per row, in column order. */
  rows: readonly (readonly ComponentChildren[])[]
  /** The first cell of each row heads the row (`<th scope="row">`). */
  rowHeaders?: boolean
  /** Text when there are no rows; "ไม่มีข้อมูล"/"No data" by default. */
  emptyText?: string
}

/** A data table (GOV.UK): caption, column headers with scope="col", numeric columns aligned right. */
export function Table({ t, caption, captionHidden, columns, rows, rowHeaders, emptyText }: TableProps) {
  const numeric = (i: number) => (columns[i]?.numeric ? 'numeric' : undefined)
  return (
    <table class="table">
      <caption class={captionHidden ? 'visually-hidden' : undefined}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((c, i) => (
            <th scope="col" class={numeric(i)} key={i}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colspan={Math.max(columns.length, 1)} class="table__empty">
              {emptyText ?? t('components.table.empty')}
            </td>
          </tr>
        ) : (
          rows.map((row, r) => (
            <tr key={r}>
              {row.map((cell, i) =>
                i === 0 && rowHeaders ? (
                  <th scope="row" class={numeric(i)} key={i}>
                    {cell}
                  </th>
                ) : (
                  <td class={numeric(i)} key={i}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
