/**
 * The lifecycle of a supervision case (domain.md §8.3, house style R6): case types, the status
 * tuple, the actions each status offers, the transitions as data (target status, who may make it,
 * which case types it applies to) and one pure decision function. The whole
 * status × action × role × type matrix is pinned by case-status.rules.test.ts (case-status.matrix.txt).
 *
 *   planned → notified → preparation → fieldwork → exit_meeting → draft_report → entity_response
 *     → final_report → remediation → follow_up → closed,   side exits: escalated, cancelled
 *
 * Off-site types (desk review, follow-up, enforcement referral) skip fieldwork and the exit
 * meeting: they go from preparation straight to the draft report. A final report without
 * findings to remediate may be closed at once. Closing, cancelling, escalating (referral to
 * enforcement) and issuing the final report need a supervisor.
 */
export const CASE_TYPES = ['desk_review', 'onsite_inspection', 'thematic_review', 'follow_up', 'enforcement_referral'] as const
export type CaseType = (typeof CASE_TYPES)[number]
export const isCaseType = (v: unknown): v is CaseType => typeof v === 'string' && (CASE_TYPES as readonly string[]).includes(v)

export const CASE_STATUSES = [
  'planned',
  'notified',
  'preparation',
  'fieldwork',
  'exit_meeting',
  'draft_report',
  'entity_response',
  'final_report',
  'remediation',
  'follow_up',
  'closed',
  'escalated',
  'cancelled',
] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]
export const isCaseStatus = (v: unknown): v is CaseStatus => typeof v === 'string' && (CASE_STATUSES as readonly string[]).includes(v)

/** No action leaves these; the case is finished (an escalation continues as an enforcement_referral case). */
export const TERMINAL_STATUSES = ['closed', 'escalated', 'cancelled'] as const satisfies readonly CaseStatus[]
export const isTerminal = (s: CaseStatus) => (TERMINAL_STATUSES as readonly CaseStatus[]).includes(s)

export const CASE_ACTIONS = [
  'notify',
  'start_preparation',
  'start_fieldwork',
  'hold_exit_meeting',
  'prepare_draft_report',
  'send_draft_report',
  'issue_final_report',
  'require_remediation',
  'start_follow_up',
  'close',
  'escalate',
  'cancel',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]
export const isCaseAction = (v: unknown): v is CaseAction => typeof v === 'string' && (CASE_ACTIONS as readonly string[]).includes(v)

/**
 * Actions taken only through their own use case (the report forms: send-draft-report.ts and
 * issue-final-report.ts store the report with the transition), never as a bare status change:
 * changeCaseStatus refuses them and the case page shows no status button for them.
 */
export const REPORT_ACTIONS: ReadonlySet<CaseAction> = new Set<CaseAction>(['send_draft_report', 'issue_final_report'])

/** The staff roles that work cases (src/identity/permissions.ts). */
export const CASE_ROLES = ['examiner', 'supervisor'] as const
export type CaseRole = (typeof CASE_ROLES)[number]
export const isCaseRole = (v: unknown): v is CaseRole => typeof v === 'string' && (CASE_ROLES as readonly string[]).includes(v)

const BOTH = ['examiner', 'supervisor'] as const satisfies readonly CaseRole[]
const SUPERVISOR = ['supervisor'] as const satisfies readonly CaseRole[]
const ONSITE = ['onsite_inspection', 'thematic_review'] as const satisfies readonly CaseType[]
const OFFSITE = ['desk_review', 'follow_up', 'enforcement_referral'] as const satisfies readonly CaseType[]

export type Transition = {
  to: CaseStatus
  roles: readonly CaseRole[]
  /** The case types it applies to; absent: every type. */
  types?: readonly CaseType[]
  /** A written reason is required (kept in the case event). */
  needsReason?: true
  /** Refused while findings of the case are not yet resolved. */
  needsResolvedFindings?: true
}

/** Escalating and cancelling are possible from every open status; a reason is required for both. */
const ESCALATE: Transition = { to: 'escalated', roles: SUPERVISOR, needsReason: true }
const CANCEL: Transition = { to: 'cancelled', roles: SUPERVISOR, needsReason: true }

export const TRANSITIONS = {
  planned: { notify: { to: 'notified', roles: BOTH }, cancel: CANCEL },
  notified: { start_preparation: { to: 'preparation', roles: BOTH }, escalate: ESCALATE, cancel: CANCEL },
  preparation: {
    start_fieldwork: { to: 'fieldwork', roles: BOTH, types: ONSITE },
    prepare_draft_report: { to: 'draft_report', roles: BOTH, types: OFFSITE },
    escalate: ESCALATE,
    cancel: CANCEL,
  },
  fieldwork: { hold_exit_meeting: { to: 'exit_meeting', roles: BOTH }, escalate: ESCALATE, cancel: CANCEL },
  exit_meeting: { prepare_draft_report: { to: 'draft_report', roles: BOTH }, escalate: ESCALATE, cancel: CANCEL },
  draft_report: { send_draft_report: { to: 'entity_response', roles: BOTH }, escalate: ESCALATE, cancel: CANCEL },
  entity_response: { issue_final_report: { to: 'final_report', roles: SUPERVISOR }, escalate: ESCALATE },
  final_report: {
    require_remediation: { to: 'remediation', roles: BOTH },
    close: { to: 'closed', roles: SUPERVISOR, needsResolvedFindings: true },
    escalate: ESCALATE,
  },
  remediation: { start_follow_up: { to: 'follow_up', roles: BOTH }, escalate: ESCALATE },
  follow_up: { close: { to: 'closed', roles: SUPERVISOR, needsResolvedFindings: true }, escalate: ESCALATE },
  closed: {},
  escalated: {},
  cancelled: {},
} as const satisfies Record<CaseStatus, Partial<Record<CaseAction, Transition>>>

/** The actions each status offers (to some role and type), in CASE_ACTIONS order. */
export const ACTIONS_BY_STATUS = Object.fromEntries(
  CASE_STATUSES.map((s) => [s, CASE_ACTIONS.filter((a) => Object.hasOwn(TRANSITIONS[s], a))]),
) as unknown as Record<CaseStatus, readonly CaseAction[]>

export type TransitionContext = {
  role: CaseRole
  caseType: CaseType
  /** The reason typed by the officer (cancel, escalate). */
  reason?: string | null | undefined
  /** Findings of this case not yet resolved (every remediation action verified). */
  unresolvedFindings?: number
}

export type CaseTransitionError =
  | 'cases.errors.finished'
  | 'cases.errors.notAllowed'
  | 'cases.errors.wrongType'
  | 'cases.errors.supervisorOnly'
  | 'cases.errors.reasonRequired'
  | 'cases.errors.unresolvedFindings'

export type CaseTransitionDecision = { ok: true; to: CaseStatus } | { ok: false; messageKey: CaseTransitionError }

const transitionOf = (from: CaseStatus, action: CaseAction): Transition | undefined => (TRANSITIONS[from] as Partial<Record<CaseAction, Transition>>)[action]

/** Whether `action` may move a case in `from`, for this officer and case (R6). */
export function decideCaseTransition(from: CaseStatus, action: CaseAction, ctx: TransitionContext): CaseTransitionDecision {
  if (isTerminal(from)) return { ok: false, messageKey: 'cases.errors.finished' }
  const t = transitionOf(from, action)
  if (!t) return { ok: false, messageKey: 'cases.errors.notAllowed' }
  if (t.types && !t.types.includes(ctx.caseType)) return { ok: false, messageKey: 'cases.errors.wrongType' }
  if (!t.roles.includes(ctx.role)) return { ok: false, messageKey: 'cases.errors.supervisorOnly' }
  if (t.needsReason && !(ctx.reason ?? '').trim()) return { ok: false, messageKey: 'cases.errors.reasonRequired' }
  if (t.needsResolvedFindings && (ctx.unresolvedFindings ?? 0) > 0) return { ok: false, messageKey: 'cases.errors.unresolvedFindings' }
  return { ok: true, to: t.to }
}

/** The buttons to show: actions this role may take on a case of this type in this status. */
export function availableActions(status: CaseStatus, role: CaseRole, caseType?: CaseType): CaseAction[] {
  return ACTIONS_BY_STATUS[status].filter((a) => {
    const t = transitionOf(status, a)!
    return t.roles.includes(role) && (!caseType || !t.types || t.types.includes(caseType))
  })
}

/** Whether an action needs a written reason (the form shows a text box). */
export const actionNeedsReason = (status: CaseStatus, action: CaseAction) => transitionOf(status, action)?.needsReason === true

/** What other work each status allows (R7: a new status must say). */
export const CASE_WORK = {
  planned: { informationRequests: false, findings: false, remediation: false },
  notified: { informationRequests: true, findings: false, remediation: false },
  preparation: { informationRequests: true, findings: true, remediation: false },
  fieldwork: { informationRequests: true, findings: true, remediation: false },
  exit_meeting: { informationRequests: true, findings: true, remediation: false },
  draft_report: { informationRequests: true, findings: true, remediation: false },
  entity_response: { informationRequests: true, findings: true, remediation: true },
  final_report: { informationRequests: true, findings: false, remediation: true },
  remediation: { informationRequests: true, findings: false, remediation: true },
  follow_up: { informationRequests: true, findings: false, remediation: true },
  closed: { informationRequests: false, findings: false, remediation: false },
  escalated: { informationRequests: false, findings: false, remediation: false },
  cancelled: { informationRequests: false, findings: false, remediation: false },
} as const satisfies Record<CaseStatus, { informationRequests: boolean; findings: boolean; remediation: boolean }>

export type AssignmentDecision = { ok: true } | { ok: false; messageKey: 'cases.errors.finished' | 'cases.errors.assignOthers' }

/**
 * Who may (re)assign: a supervisor assigns anyone; an examiner may take an unassigned case, or
 * hand back their own. Finished cases keep their last assignee.
 */
export function decideAssignment(status: CaseStatus, ctx: { role: CaseRole; actorId: string; currentAssigneeId: string | null; newAssigneeId: string | null }): AssignmentDecision {
  if (isTerminal(status)) return { ok: false, messageKey: 'cases.errors.finished' }
  if (ctx.role === 'supervisor') return { ok: true }
  const takes = ctx.newAssigneeId === ctx.actorId && (ctx.currentAssigneeId === null || ctx.currentAssigneeId === ctx.actorId)
  const releases = ctx.newAssigneeId === null && ctx.currentAssigneeId === ctx.actorId
  return takes || releases ? { ok: true } : { ok: false, messageKey: 'cases.errors.assignOthers' }
}
