/**
 * Every enforcement measure as CSV for the §8.5 statistics (UTF-8 with a BOM, so Excel shows Thai),
 * every text cell through `neutraliseCell` against spreadsheet formula injection (as cases-export.ts).
 * Amounts are plain baht with two decimals (1500000.00) so spreadsheets can add them up; dates are
 * dd/mm/yyyy (Gregorian, Bangkok).
 */
import { caseReference, ESCALATION_STEP_LABEL } from '#src/cases/cases.model.ts'
import { APPEAL_STATUS_LABEL, PAYMENT_STATUS_LABEL } from '#src/cases/enforcement.model.ts'
import type { MeasureExportRow } from '#src/cases/enforcement.repo.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatDateNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { neutraliseCell } from '#src/review/review.model.ts'

const isoDay = (iso: string) => formatDateNumeric(new Date(`${iso}T12:00:00Z`))

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
    caseReference(r.caseNumber),
    registeredName(r.nameTh, r.legalForm as LegalForm, locale, r.nameEn),
    r.juristicId,
    t(ESCALATION_STEP_LABEL[r.measure]),
    r.legalProvision,
    r.amountThb ?? '',
    r.decisionBody,
    isoDay(r.decidedOn),
    t(PAYMENT_STATUS_LABEL[r.paymentStatus]),
    t(APPEAL_STATUS_LABEL[r.appealStatus]),
    formatDateNumeric(r.recordedAt),
    formatDateNumeric(r.updatedAt),
  ])
  return [header, ...body].map((row) => row.map(neutraliseCell))
}
