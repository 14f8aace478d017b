/**
 * The filtered case list as CSV (UTF-8 with a BOM, so Excel shows Thai), every text cell through
 * `neutraliseCell` against spreadsheet formula injection (as queue-export.ts).
 */
import { CASE_STATUS_LABEL, CASE_TYPE_LABEL } from '#src/cases/cases.model.ts'
import type { CaseListRow } from '#src/cases/list-cases.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { caseBusinessCells, neutralisedTable } from './case-csv.ts'

export function casesTable(t: Translator, locale: Locale, rows: readonly CaseListRow[]): string[][] {
  const header = [
    t('casework.col.case'),
    t('casework.col.business'),
    t('casework.col.juristicId'),
    t('casework.col.type'),
    t('casework.col.status'),
    t('casework.col.assignee'),
    t('casework.filter.team'),
    t('casework.col.daysOpen'),
    t('casework.col.due'),
    t('casework.col.overdueDays'),
  ]
  const body = rows.map((r) => [
    ...caseBusinessCells(locale, r.number, r),
    t(CASE_TYPE_LABEL[r.type]),
    t(CASE_STATUS_LABEL[r.status]),
    r.assigneeUserId ? `${r.assigneeFirstName ?? ''} ${r.assigneeLastName ?? ''}`.trim() : '',
    r.team ?? '',
    String(r.daysOpen),
    r.sla?.dueOn ?? '',
    r.sla?.overdue ? String(-r.sla.daysLeft) : '',
  ])
  return neutralisedTable(header, body)
}
