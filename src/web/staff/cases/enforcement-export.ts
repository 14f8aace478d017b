/**
 * Every enforcement measure as CSV for the §8.5 statistics (UTF-8 with a BOM, so Excel shows Thai),
 * every text cell through `neutraliseCell` against spreadsheet formula injection (as cases-export.ts).
 * Amounts are plain baht with two decimals (1500000.00) so spreadsheets can add them up; dates are
 * dd/mm/yyyy (Gregorian, Bangkok).
 */
import { ESCALATION_STEP_LABEL } from '#src/cases/cases.model.ts'
import { APPEAL_STATUS_LABEL, PAYMENT_STATUS_LABEL } from '#src/cases/enforcement.model.ts'
import type { MeasureExportRow } from '#src/cases/enforcement.repo.ts'
import { formatDateNumeric, formatIsoDateNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { caseBusinessCells, neutralisedTable } from './case-csv.ts'


export function measuresTable(t: Translator, locale: Locale, rows: readonly MeasureExportRow[]): string[][] {
  const header = [
    t('enforcement.col.case'),
    t('enforcement.col.business'),
    t('enforcement.col.juristicId'),
    t('enforcement.col.measure'),
    t('enforcement.col.provision'),
    t('enforcement.col.amount'),
    t('enforcement.col.body'),
    t('enforcement.col.decidedOn'),
    t('enforcement.col.payment'),
    t('enforcement.col.appeal'),
    t('enforcement.col.recordedAt'),
    t('enforcement.col.updatedAt'),
  ]
  const body = rows.map((r) => [
    ...caseBusinessCells(locale, r.caseNumber, r),
    t(ESCALATION_STEP_LABEL[r.measure]),
    r.legalProvision,
    r.amountThb ?? '',
    r.decisionBody,
    formatIsoDateNumeric(r.decidedOn),
    t(PAYMENT_STATUS_LABEL[r.paymentStatus]),
    t(APPEAL_STATUS_LABEL[r.appealStatus]),
    formatDateNumeric(r.recordedAt),
    formatDateNumeric(r.updatedAt),
  ])
  return neutralisedTable(header, body)
}
