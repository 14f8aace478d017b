/**
 * The assessment cycle lifecycle (house style R6): the stored status is `open` or `closed`; what a
 * business sees (not yet open, open, past the deadline, closed) is derived with `now` as a
 * parameter (R9). A closed cycle takes no more drafts or submissions; reopening it is allowed.
 * Also the pure checks of the cycle form: dates in order and the questionnaire version frozen once
 * any business has started the cycle. Pure: no IO.
 */
import { isAfterDeadline } from './deadline.rules.ts'

export const CYCLE_STATUSES = ['open', 'closed'] as const
export type CycleStatus = (typeof CYCLE_STATUSES)[number]

export const CYCLE_ACTIONS = ['close', 'reopen'] as const
export type CycleAction = (typeof CYCLE_ACTIONS)[number]

export const CYCLE_ACTIONS_BY_STATUS = {
  open: ['close'],
  closed: ['reopen'],
} as const satisfies Record<CycleStatus, readonly CycleAction[]>

export const CYCLE_NEXT_STATUS = {
  close: 'closed',
  reopen: 'open',
} as const satisfies Record<CycleAction, CycleStatus>

export type CycleDecision = { ok: true; next: CycleStatus } | { ok: false; messageKey: 'cycles.errors.alreadyClosed' | 'cycles.errors.alreadyOpen' }

export function decideCycleAction(status: CycleStatus, action: CycleAction): CycleDecision {
  if ((CYCLE_ACTIONS_BY_STATUS[status] as readonly CycleAction[]).includes(action)) return { ok: true, next: CYCLE_NEXT_STATUS[action] }
  return { ok: false, messageKey: status === 'closed' ? 'cycles.errors.alreadyClosed' : 'cycles.errors.alreadyOpen' }
}

export const isCycleStatus = (v: string): v is CycleStatus => (CYCLE_STATUSES as readonly string[]).includes(v)

/** Whether businesses may still save drafts, upload and submit (late submissions included). */
export const acceptsFilings = (cycle: { status: string }): boolean => cycle.status === 'open'

export const CYCLE_PHASES = ['scheduled', 'open', 'past_deadline', 'closed'] as const
export type CyclePhase = (typeof CYCLE_PHASES)[number]

/** What the cycle looks like at `now`, against a deadline (the cycle's, or a business's extended one). */
export function cyclePhase(cycle: { status: string; opensAt: Date }, deadline: Date, now: Date): CyclePhase {
  if (!acceptsFilings(cycle)) return 'closed'
  if (now < cycle.opensAt) return 'scheduled'
  return isAfterDeadline(now, deadline) ? 'past_deadline' : 'open'
}

export type CycleDatesProblem = { field: 'deadline' | 'periodEnd'; messageKey: 'cycles.errors.deadlineBeforeOpen' | 'cycles.errors.periodOrder' }

/** Opening before the deadline; the reporting period not ending before it starts. */
export function checkCycleDates(d: { opensAt: Date; deadline: Date; periodStart?: string; periodEnd?: string }): CycleDatesProblem[] {
  const problems: CycleDatesProblem[] = []
  if (!(d.opensAt < d.deadline)) problems.push({ field: 'deadline', messageKey: 'cycles.errors.deadlineBeforeOpen' })
  if (d.periodStart && d.periodEnd && d.periodStart > d.periodEnd) problems.push({ field: 'periodEnd', messageKey: 'cycles.errors.periodOrder' })
  return problems
}

/** The questionnaire version may change only while no business has an assessment in the cycle. */
export function canChangeQuestionnaireVersion(assessmentCount: number): boolean {
  return assessmentCount === 0
}
