/**
 * Findings, remediation and escalation (domain.md §8.4, §8.5), pure; `now` is a parameter (R9).
 *
 * - A finding has a severity and a deadline (default by severity, configurable).
 * - Each finding gets remediation actions: open → done_by_business (with evidence) → verified, or
 *   rejected (with a reason), after which the business may send new evidence.
 * - A finding is resolved when it has actions and all of them are verified.
 * - When a finding's deadline passes unresolved, the escalation ladder climbs one step at a time
 *   as the overdue days reach each step's threshold, up to a ceiling set by severity.
 * - `openCriticalFindingsPastDeadline` feeds the automatic minimum rating High (§6.5).
 *
 * Severities follow issue 8 (critical / major / minor / observation); §8.4's Critical / High /
 * Medium / Low map onto them in that order, with its default deadlines (30 / 60 / 90 / 180 days).
 * choice: the escalation thresholds and ceilings below are ours (§8.5 gives the ladder, no days).
 */
import { addDays, bangkokDay, daysLeft } from './sla.rules.ts'

export const FINDING_SEVERITIES = ['critical', 'major', 'minor', 'observation'] as const
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number]
export const isFindingSeverity = (v: unknown): v is FindingSeverity => typeof v === 'string' && (FINDING_SEVERITIES as readonly string[]).includes(v)

/** The control areas of Part ค a finding belongs to (domain.md §6.3). */
export const CONTROL_AREAS = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8'] as const
export type ControlArea = (typeof CONTROL_AREAS)[number]
export const isControlArea = (v: unknown): v is ControlArea => typeof v === 'string' && (CONTROL_AREAS as readonly string[]).includes(v)

/** Default days to remediate, from the day the finding is recorded (§8.4: 30 / 60 / 90 / 180). */
export const REMEDIATION_DAYS = { critical: 30, major: 60, minor: 90, observation: 180 } as const satisfies Record<FindingSeverity, number>

export const defaultFindingDueOn = (severity: FindingSeverity, recordedAt: Date, days: Record<FindingSeverity, number> = REMEDIATION_DAYS): string =>
  addDays(bangkokDay(recordedAt), days[severity])

export const REMEDIATION_STATUSES = ['open', 'done_by_business', 'verified', 'rejected'] as const
export type RemediationStatus = (typeof REMEDIATION_STATUSES)[number]

export const REMEDIATION_ACTIONS = ['mark_done', 'verify', 'reject'] as const
export type RemediationAction = (typeof REMEDIATION_ACTIONS)[number]

/** Who takes each action: the business (or staff on its behalf) reports it done; staff decide. */
export const REMEDIATION_TRANSITIONS = {
  open: { mark_done: 'done_by_business' },
  done_by_business: { verify: 'verified', reject: 'rejected' },
  verified: {},
  rejected: { mark_done: 'done_by_business' },
} as const satisfies Record<RemediationStatus, Partial<Record<RemediationAction, RemediationStatus>>>

export type RemediationDecision =
  | { ok: true; to: RemediationStatus }
  | { ok: false; messageKey: 'cases.errors.remediationNotAllowed' | 'cases.errors.evidenceRequired' | 'cases.errors.reasonRequired' | 'cases.errors.staffOnly' }

export function decideRemediation(from: RemediationStatus, action: RemediationAction, ctx: { by: 'business' | 'staff'; evidenceCount: number; reason?: string | null }): RemediationDecision {
  const to = (REMEDIATION_TRANSITIONS[from] as Partial<Record<RemediationAction, RemediationStatus>>)[action]
  if (!to) return { ok: false, messageKey: 'cases.errors.remediationNotAllowed' }
  if (action === 'mark_done' && ctx.evidenceCount < 1) return { ok: false, messageKey: 'cases.errors.evidenceRequired' }
  if ((action === 'verify' || action === 'reject') && ctx.by !== 'staff') return { ok: false, messageKey: 'cases.errors.staffOnly' }
  if (action === 'reject' && !(ctx.reason ?? '').trim()) return { ok: false, messageKey: 'cases.errors.reasonRequired' }
  return { ok: true, to }
}

export type FindingState = {
  id: string
  severity: FindingSeverity
  dueOn: string
  /** The last escalation step taken for it (null: none yet). */
  escalationStep: EscalationStep | null
  /** Withdrawn findings (recorded in error) never count. */
  withdrawn?: boolean
  actions: readonly { status: RemediationStatus }[]
}

export const isResolved = (f: Pick<FindingState, 'actions'>) => f.actions.length > 0 && f.actions.every((a) => a.status === 'verified')
/** Closing a case waits for these: findings to remediate (observations need no action) not yet resolved. */
export const blocksClosing = (f: Pick<FindingState, 'severity' | 'withdrawn' | 'actions'>) => !f.withdrawn && f.severity !== 'observation' && !isResolved(f)
export const isPastDeadline = (f: Pick<FindingState, 'dueOn'>, now: Date) => daysLeft(f.dueOn, now) < 0

/** §6.5: critical findings still unresolved after their deadline (any past case of the business). */
export function openCriticalFindingsPastDeadline<F extends FindingState>(findings: readonly F[], now: Date): F[] {
  return findings.filter((f) => !f.withdrawn && f.severity === 'critical' && !isResolved(f) && isPastDeadline(f, now))
}

/** §8.5: graduated responses, mildest first. */
export const ESCALATION_STEPS = ['management_letter', 'formal_warning', 'order_to_rectify', 'administrative_fine', 'criminal_referral'] as const
export type EscalationStep = (typeof ESCALATION_STEPS)[number]
export const isEscalationStep = (v: unknown): v is EscalationStep => typeof v === 'string' && (ESCALATION_STEPS as readonly string[]).includes(v)

/** Days past the finding's deadline at which each step becomes due. */
export const ESCALATION_AFTER_DAYS = {
  management_letter: 1,
  formal_warning: 30,
  order_to_rectify: 60,
  administrative_fine: 90,
  criminal_referral: 180,
} as const satisfies Record<EscalationStep, number>

/** The highest step a finding of each severity may reach (null: observations never escalate). */
export const ESCALATION_CEILING = {
  critical: 'criminal_referral',
  major: 'administrative_fine',
  minor: 'formal_warning',
  observation: null,
} as const satisfies Record<FindingSeverity, EscalationStep | null>

export type EscalationDue = { findingId: string; step: EscalationStep; daysOverdue: number }

/**
 * What is due to escalate at `now`: for each unresolved finding past its deadline, the next step
 * after the one already taken, when its threshold is reached and the severity allows it. One step
 * at a time: a finding 200 days late with no step taken gets a management letter first.
 */
export function escalationsDue(findings: readonly FindingState[], now: Date): EscalationDue[] {
  const due: EscalationDue[] = []
  for (const f of findings) {
    if (f.withdrawn || isResolved(f)) continue
    const ceiling = ESCALATION_CEILING[f.severity]
    if (!ceiling) continue
    const daysOverdue = -daysLeft(f.dueOn, now)
    const next = ESCALATION_STEPS[f.escalationStep === null ? 0 : ESCALATION_STEPS.indexOf(f.escalationStep) + 1]
    if (!next || ESCALATION_STEPS.indexOf(next) > ESCALATION_STEPS.indexOf(ceiling)) continue
    if (daysOverdue >= ESCALATION_AFTER_DAYS[next]) due.push({ findingId: f.id, step: next, daysOverdue })
  }
  return due
}
