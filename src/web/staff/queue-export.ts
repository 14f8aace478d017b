/**
 * The filtered queue as a file: CSV (UTF-8 with a BOM, so Excel shows Thai) or XLSX (exceljs).
 * Every text cell goes through `neutraliseCell` against spreadsheet formula injection.
 */
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { neutraliseCell } from '#src/review/review.model.ts'
import type { QueueRow } from '#src/review/review.repo.ts'
import { ASSESSMENT_STATUS_LABELS } from '#src/web/portal/assessment-pages.tsx'
import { RATING_LABELS } from './staff-labels.ts'

export function exportTable(t: Translator, locale: Locale, rows: readonly QueueRow[], typeName: (code: string) => string): string[][] {
  const header = ['staff.col.business', 'staff.col.juristicId', 'staff.col.businessType', 'staff.col.province', 'staff.col.status', 'staff.col.submittedAt', 'staff.col.receipt', 'staff.col.rating', 'staff.col.flags', 'staff.col.assignee'].map((k) => t(k as never))
  const body = rows.map((r) => [
    registeredName(r.nameTh, r.legalForm as LegalForm, locale, r.nameEn),
    r.juristicId,
    typeName(r.businessType),
    r.province,
    t(ASSESSMENT_STATUS_LABELS[r.status]),
    formatDateTimeNumeric(r.submittedAt),
    r.receiptRef,
    r.rating ? t(RATING_LABELS[r.rating]) : t('staff.rating.none'),
    r.flagsCount === null ? '' : String(r.flagsCount),
    r.assigneeId ? `${r.assigneeFirstName ?? ''} ${r.assigneeLastName ?? ''}`.trim() : '',
  ])
  return [header, ...body].map((row) => row.map(neutraliseCell))
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
export function toCsv(table: readonly (readonly string[])[]): string {
  return '\uFEFF' + table.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n'
}

export async function toXlsx(table: readonly (readonly string[])[], sheetName: string): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet(sheetName.slice(0, 31))
  for (const row of table) sheet.addRow([...row])
  sheet.getRow(1).font = { bold: true }
  return Buffer.from(await book.xlsx.writeBuffer())
}
