/**
 * Deadlines (house style R9): a business's effective deadline is the one granted in its latest
 * extension, else the cycle's. Every place that shows or judges a deadline — the task list, the
 * lateness of a submission, the staff filing status — goes through `effectiveDeadline`. Also the
 * extension lifecycle (requested → granted | refused; staff may also grant directly) and the
 * Bangkok calendar-day conversions of the date inputs. Pure: no IO.
 */
import { TIME_ZONE } from '#src/platform/i18n/locale.ts'

export const EXTENSION_STATUSES = ['requested', 'granted', 'refused'] as const
export type ExtensionStatus = (typeof EXTENSION_STATUSES)[number]

export const EXTENSION_DECISIONS = ['grant', 'refuse'] as const
export type ExtensionDecision = (typeof EXTENSION_DECISIONS)[number]

export const EXTENSION_NEXT_STATUS = {
  grant: 'granted',
  refuse: 'refused',
} as const satisfies Record<ExtensionDecision, ExtensionStatus>

/** Only a pending request can be decided. */
export const DECISIONS_BY_STATUS = {
  requested: ['grant', 'refuse'],
  granted: [],
  refused: [],
} as const satisfies Record<ExtensionStatus, readonly ExtensionDecision[]>

export type ExtensionLike = { status: string; grantedDeadline: Date | null }

/** The deadline that applies to one business: its granted extension, else the cycle's deadline. */
export function effectiveDeadline(cycle: { deadline: Date }, extension: ExtensionLike | null | undefined): Date {
  if (extension && extension.status === 'granted' && extension.grantedDeadline) return extension.grantedDeadline
  return cycle.deadline
}

/** Whether `at` is after the deadline (the deadline instant itself is still on time). */
export const isAfterDeadline = (at: Date, deadline: Date): boolean => at.getTime() > deadline.getTime()

/** A submission is late when it was made after the business's effective deadline. */
export const isLateSubmission = (submittedAt: Date, deadline: Date): boolean => isAfterDeadline(submittedAt, deadline)

export type ExtensionDecisionCheck = { ok: true; next: ExtensionStatus } | { ok: false; messageKey: 'cycles.extension.errors.alreadyDecided' }

export function decideExtension(status: ExtensionStatus, decision: ExtensionDecision): ExtensionDecisionCheck {
  if ((DECISIONS_BY_STATUS[status] as readonly ExtensionDecision[]).includes(decision)) return { ok: true, next: EXTENSION_NEXT_STATUS[decision] }
  return { ok: false, messageKey: 'cycles.extension.errors.alreadyDecided' }
}

/** A new deadline must be after the cycle's deadline (otherwise it extends nothing). */
export function checkExtensionDate(cycleDeadline: Date, newDeadline: Date): { ok: true } | { ok: false; messageKey: 'cycles.extension.errors.notAfterDeadline' } {
  return newDeadline.getTime() > cycleDeadline.getTime() ? { ok: true } : { ok: false, messageKey: 'cycles.extension.errors.notAfterDeadline' }
}

// ---------------------------------------------------------------------------------------------
// Calendar days in Bangkok (UTC+7, no daylight saving): a cycle opens at the start of its opening
// day and is due at the end (23:59:59) of its deadline day.

const BANGKOK_OFFSET = '+07:00'

/** `yyyy-mm-dd` → 00:00:00 of that day in Bangkok. */
export const bangkokStartOfDay = (iso: string): Date => new Date(`${iso}T00:00:00${BANGKOK_OFFSET}`)

/** `yyyy-mm-dd` → 23:59:59 of that day in Bangkok (a deadline day counts to its end). */
export const bangkokEndOfDay = (iso: string): Date => new Date(`${iso}T23:59:59${BANGKOK_OFFSET}`)

const BANGKOK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })

/** The Bangkok calendar day of an instant, `yyyy-mm-dd`. */
export const bangkokDay = (at: Date): string => BANGKOK_DAY.format(at)
