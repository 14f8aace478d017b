/**
 * Small pure facts of the cases module: plan and request statuses, the case number as shown,
 * and the message keys that name each status, type, action, severity… (R7, R20: maps, never keys
 * built from strings). Views pick labels from here.
 */
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { CaseAction, CaseStatus, CaseType } from './case-status.rules.ts'
import type { EscalationStep, FindingSeverity, RemediationStatus } from './findings.rules.ts'
import type { PlanReason, PlanScope } from './plan.rules.ts'
import type { SlaTimer } from './sla.rules.ts'

export const PLAN_STATUSES = ['proposed', 'approved', 'withdrawn'] as const
export type PlanStatus = (typeof PLAN_STATUSES)[number]

export const PLAN_ITEM_STATUSES = ['planned', 'over_capacity'] as const
export type PlanItemStatus = (typeof PLAN_ITEM_STATUSES)[number]

export const INFORMATION_REQUEST_STATUSES = ['open', 'answered', 'withdrawn'] as const
export type InformationRequestStatus = (typeof INFORMATION_REQUEST_STATUSES)[number]

/** The case number people quote: CASE-000123. */
export const caseReference = (n: number) => `CASE-${String(n).padStart(6, '0')}`

export const CASE_STATUS_LABEL = {
  planned: 'cases.status.planned',
  notified: 'cases.status.notified',
  preparation: 'cases.status.preparation',
  fieldwork: 'cases.status.fieldwork',
  exit_meeting: 'cases.status.exit_meeting',
  draft_report: 'cases.status.draft_report',
  entity_response: 'cases.status.entity_response',
  final_report: 'cases.status.final_report',
  remediation: 'cases.status.remediation',
  follow_up: 'cases.status.follow_up',
  closed: 'cases.status.closed',
  escalated: 'cases.status.escalated',
  cancelled: 'cases.status.cancelled',
} as const satisfies Record<CaseStatus, MessageKey>

export const CASE_TYPE_LABEL = {
  desk_review: 'cases.type.desk_review',
  onsite_inspection: 'cases.type.onsite_inspection',
  thematic_review: 'cases.type.thematic_review',
  follow_up: 'cases.type.follow_up',
  enforcement_referral: 'cases.type.enforcement_referral',
} as const satisfies Record<CaseType, MessageKey>

export const CASE_ACTION_LABEL = {
  notify: 'cases.action.notify',
  start_preparation: 'cases.action.start_preparation',
  start_fieldwork: 'cases.action.start_fieldwork',
  hold_exit_meeting: 'cases.action.hold_exit_meeting',
  prepare_draft_report: 'cases.action.prepare_draft_report',
  send_draft_report: 'cases.action.send_draft_report',
  issue_final_report: 'cases.action.issue_final_report',
  require_remediation: 'cases.action.require_remediation',
  start_follow_up: 'cases.action.start_follow_up',
  close: 'cases.action.close',
  escalate: 'cases.action.escalate',
  cancel: 'cases.action.cancel',
} as const satisfies Record<CaseAction, MessageKey>

export const SEVERITY_LABEL = {
  critical: 'cases.severity.critical',
  major: 'cases.severity.major',
  minor: 'cases.severity.minor',
  observation: 'cases.severity.observation',
} as const satisfies Record<FindingSeverity, MessageKey>

export const REMEDIATION_STATUS_LABEL = {
  open: 'cases.remediation.open',
  done_by_business: 'cases.remediation.done_by_business',
  verified: 'cases.remediation.verified',
  rejected: 'cases.remediation.rejected',
} as const satisfies Record<RemediationStatus, MessageKey>

export const ESCALATION_STEP_LABEL = {
  management_letter: 'cases.escalation.management_letter',
  formal_warning: 'cases.escalation.formal_warning',
  order_to_rectify: 'cases.escalation.order_to_rectify',
  administrative_fine: 'cases.escalation.administrative_fine',
  criminal_referral: 'cases.escalation.criminal_referral',
} as const satisfies Record<EscalationStep, MessageKey>

export const SLA_TIMER_LABEL = {
  plan_target: 'cases.sla.plan_target',
  review_after_submission: 'cases.sla.review_after_submission',
  notification_lead: 'cases.sla.notification_lead',
  report_issue: 'cases.sla.report_issue',
  entity_comment: 'cases.sla.entity_comment',
  action_plan: 'cases.sla.action_plan',
} as const satisfies Record<SlaTimer | 'plan_target', MessageKey>

export const PLAN_SCOPE_LABEL = {
  full: 'cases.plan.scope.full',
  risk_focused: 'cases.plan.scope.risk_focused',
  standard: 'cases.plan.scope.standard',
  sample: 'cases.plan.scope.sample',
} as const satisfies Record<PlanScope, MessageKey>

export const PLAN_REASON_LABEL = {
  high_onsite: 'cases.plan.reason.high_onsite',
  medium_high_onsite: 'cases.plan.reason.medium_high_onsite',
  medium_high_desk: 'cases.plan.reason.medium_high_desk',
  medium_low_desk: 'cases.plan.reason.medium_low_desk',
  medium_low_onsite_sample: 'cases.plan.reason.medium_low_onsite_sample',
  low_desk_sample: 'cases.plan.reason.low_desk_sample',
} as const satisfies Record<PlanReason, MessageKey>

export const PLAN_STATUS_LABEL = {
  proposed: 'cases.plan.status.proposed',
  approved: 'cases.plan.status.approved',
  withdrawn: 'cases.plan.status.withdrawn',
} as const satisfies Record<PlanStatus, MessageKey>

export const INFORMATION_REQUEST_STATUS_LABEL = {
  open: 'cases.request.status.open',
  answered: 'cases.request.status.answered',
  withdrawn: 'cases.request.status.withdrawn',
} as const satisfies Record<InformationRequestStatus, MessageKey>
