/**
 * What the case CSV exports share (cases-export.ts, enforcement-export.ts): the case and business
 * cells a row starts with, and every cell through `neutraliseCell` against spreadsheet formula
 * injection (as queue-export.ts).
 */
import { caseReference } from '#src/cases/cases.model.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { neutraliseCell } from '#src/review/review.model.ts'

/** The case reference, the business's registered name (in `locale`) and its juristic ID. */
export function caseBusinessCells(locale: Locale, caseNumber: number, b: { nameTh: string; legalForm: string; nameEn: string | null; juristicId: string }): string[] {
  return [caseReference(caseNumber), registeredName(b.nameTh, b.legalForm as LegalForm, locale, b.nameEn), b.juristicId]
}

/** The header row and the body, every cell neutralised. */
export const neutralisedTable = (header: readonly string[], body: readonly (readonly string[])[]): string[][] => [header, ...body].map((row) => row.map(neutraliseCell))
