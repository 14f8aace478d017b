/**
 * SLA timers of supervision work (domain.md §8.6) as data, and pure functions of `now` (house
 * style R9): nothing here reads the clock. Due dates are calendar days in Bangkok (ISO
 * `yyyy-mm-dd`, shown in BE by the i18n formatters); a date is "overdue" from the day after it.
 * Every number is configurable: pass another `SlaConfig`.
 */
import type { CaseStatus } from './case-status.rules.ts'

export const SLA_TIMERS = [
  /** Reviewing a submitted questionnaire. */
  'review_after_submission',
  /** The notification letter must precede on-site fieldwork by at least this long. */
  'notification_lead',
  /** The (draft) report is due this long after fieldwork ends (exit meeting), or after preparation off-site. */
  'report_issue',
  /** The business's window to comment on the draft report. */
  'entity_comment',
  /** The business's action plan is due this long after the final report. */
  'action_plan',
] as const
export type SlaTimer = (typeof SLA_TIMERS)[number]

export type SlaConfig = {
  days: Record<SlaTimer, number>
  /** Questionnaire reminders, in days before its deadline. */
  questionnaireReminderDays: readonly number[]
  /** Reminders before any case due date (information requests, remediation items), in days. */
  dueReminderDays: readonly number[]
}

export const DEFAULT_SLA = {
  days: { review_after_submission: 30, notification_lead: 15, report_issue: 30, entity_comment: 15, action_plan: 30 },
  questionnaireReminderDays: [14, 3],
  dueReminderDays: [7, 1],
} as const satisfies SlaConfig

/**
 * The timer that runs while a case is in each status (R7: a new status must say). `deadline`
 * timers give the case its due date; `not_before` gives the earliest day of the next step.
 * A status with the same timer as the one before keeps the due date it had (the draft report is
 * due 30 days after the exit meeting, however long the officer spends in `draft_report`).
 * `planned` is due on the plan's target date.
 */
export const STATUS_TIMER = {
  planned: null,
  notified: { timer: 'notification_lead', kind: 'not_before' },
  preparation: { timer: 'notification_lead', kind: 'not_before' },
  fieldwork: null,
  exit_meeting: { timer: 'report_issue', kind: 'deadline' },
  draft_report: { timer: 'report_issue', kind: 'deadline' },
  entity_response: { timer: 'entity_comment', kind: 'deadline' },
  final_report: { timer: 'action_plan', kind: 'deadline' },
  remediation: { timer: 'action_plan', kind: 'deadline' },
  follow_up: null,
  closed: null,
  escalated: null,
  cancelled: null,
} as const satisfies Record<CaseStatus, { timer: SlaTimer; kind: 'deadline' | 'not_before' } | null>

const DAY_MS = 86_400_000
/** Thailand keeps UTC+7 all year (no daylight saving), so a fixed offset is exact. */
const BANGKOK_OFFSET_MS = 7 * 3_600_000

/** The calendar day in Bangkok of an instant, `yyyy-mm-dd`. */
export const bangkokDay = (at: Date): string => new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 10)

/** Whether `v` is a real calendar day written `yyyy-mm-dd` (not 2027-02-29, not 2026-13-01). */
export function isCalendarDay(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false
  const at = new Date(`${v}T00:00:00Z`)
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === v
}

const dayNumber = (isoDate: string) => Math.round(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS)
const fromDayNumber = (n: number) => new Date(n * DAY_MS).toISOString().slice(0, 10)

export const addDays = (isoDate: string, days: number): string => fromDayNumber(dayNumber(isoDate) + days)

/** Adds calendar months; the 31st becomes the last day of a shorter month (2027-01-31 + 1 → 2027-02-28). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = total - year * 12
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Whole calendar days from today (Bangkok) to `dueOn`: 0 on the day, negative once overdue. */
export const daysLeft = (dueOn: string, now: Date): number => dayNumber(dueOn) - dayNumber(bangkokDay(now))
export const isOverdue = (dueOn: string | null, now: Date): boolean => dueOn !== null && daysLeft(dueOn, now) < 0

/**
 * The due date a case has after a transition into `to` (stored on the case for the inbox): the
 * plan's target date while planned; the timer's deadline when one starts; unchanged when the timer
 * carries on; none when the status has no deadline.
 */
export function dueOnAfterTransition(
  args: { from: CaseStatus | null; to: CaseStatus; at: Date; currentDueOn: string | null; targetDate: string | null },
  config: SlaConfig = DEFAULT_SLA,
): string | null {
  if (args.to === 'planned') return args.targetDate
  const next = STATUS_TIMER[args.to]
  if (!next || next.kind !== 'deadline') return null
  const before = args.from ? STATUS_TIMER[args.from] : null
  if (before && before.timer === next.timer && args.currentDueOn) return args.currentDueOn
  return addDays(bangkokDay(args.at), config.days[next.timer])
}

/**
 * An enforcement referral case opens planned with no plan behind it (open-enforcement-referral.ts):
 * its target date is the end of the action-plan timer from the escalation (§8.5, §8.6), so an
 * untouched referral shows as overdue in the inbox like any other case.
 */
export const referralTargetDate = (openedAt: Date, config: SlaConfig = DEFAULT_SLA): string => addDays(bangkokDay(openedAt), config.days.action_plan)

/** The earliest day fieldwork may start after the notification letter (≥ 15 days' notice). */
export const fieldworkEarliest = (notifiedAt: Date, config: SlaConfig = DEFAULT_SLA): string => addDays(bangkokDay(notifiedAt), config.days.notification_lead)

/** A submitted questionnaire's review is due on this day. */
export const reviewDueOn = (submittedAt: Date, config: SlaConfig = DEFAULT_SLA): string => addDays(bangkokDay(submittedAt), config.days.review_after_submission)

export type CaseSla = { timer: SlaTimer | 'plan_target'; dueOn: string; daysLeft: number; overdue: boolean } | null

/** What the inbox and case page show about a case's clock at `now`. */
export function caseSla(c: { status: CaseStatus; dueOn: string | null }, now: Date): CaseSla {
  if (!c.dueOn) return null
  const t = STATUS_TIMER[c.status]
  const timer = c.status === 'planned' ? 'plan_target' : t && t.kind === 'deadline' ? t.timer : null
  if (!timer) return null
  const left = daysLeft(c.dueOn, now)
  return { timer, dueOn: c.dueOn, daysLeft: left, overdue: left < 0 }
}

/**
 * The reminders due at `now` for something due on `dueOn`: each offset (days before) whose day has
 * come and that was not sent yet, plus `overdue` once the day has passed. Offsets are returned
 * largest first; a caller that missed several sends only the last (see `latestReminder`).
 */
export function remindersDue(dueOn: string, now: Date, offsets: readonly number[], alreadySent: readonly string[] = []): string[] {
  const left = daysLeft(dueOn, now)
  const keys = [...offsets]
    .sort((a, b) => b - a)
    .filter((d) => left <= d && left >= 0)
    .map((d) => `d-${d}`)
  if (left < 0) keys.push('overdue')
  return keys.filter((k) => !alreadySent.includes(k))
}

/** Of the reminders due, the one worth sending now (the closest to the due date). */
export const latestReminder = (due: readonly string[]): string | undefined => due.at(-1)

/** Questionnaire window (§8.6): reminders at −14 and −3 days, then late. */
export const questionnaireRemindersDue = (deadline: Date, now: Date, alreadySent: readonly string[] = [], config: SlaConfig = DEFAULT_SLA) =>
  remindersDue(bangkokDay(deadline), now, config.questionnaireReminderDays, alreadySent)
