/**
 * Case reports (issue 8; domain.md §8.3, §8.6): the draft inspection report sent to the business,
 * its written response (คำชี้แจง) and the final report. Pure: kinds, the findings snapshot stored
 * with each report (what the business was told, frozen at issue time), the default comment window
 * and lateness. Nothing here reads the clock.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { FindingSeverity } from './findings.rules.ts'
import { addDays, bangkokDay, DEFAULT_SLA, type SlaConfig } from './sla.rules.ts'

export const CASE_REPORT_KINDS = ['draft', 'final'] as const
export type CaseReportKind = (typeof CASE_REPORT_KINDS)[number]

/**
 * One finding as the report states it (STORED in case_reports.findings: changing it needs a data
 * migration). Business-facing fields only: no description, root cause or anything internal.
 */
export type ReportFinding = { title: string; severity: FindingSeverity; controlArea: string; legalBasis: string; requiredAction: string; dueOn: string }

export const CASE_REPORT_TITLE = { draft: 'casework.reports.draftTitle', final: 'casework.reports.finalTitle' } as const satisfies Record<CaseReportKind, MessageKey>

/** The default last day of the business's comment window: today (Bangkok) + the entity_comment timer. */
export const defaultResponseDueOn = (now: Date, config: SlaConfig = DEFAULT_SLA): string => addDays(bangkokDay(now), config.days.entity_comment)

/** A response is late when it arrives after its due day (Bangkok calendar); it is still accepted. */
export const isLateResponse = (dueOn: string, submittedAt: Date): boolean => bangkokDay(submittedAt) > dueOn
