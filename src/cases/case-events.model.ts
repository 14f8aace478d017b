/**
 * Typed case events (house style R8), one row of `case_events` per change of a case.
 * PAYLOADS ARE STORED: changing or removing a field of an existing kind needs a data migration
 * (src/db/data-migrations); adding a kind or an optional field does not. Keep personal data out:
 * notes and answers live in their own tables; events point at them by id.
 */
import { z } from 'zod'
import { CASE_ACTIONS, CASE_STATUSES, CASE_TYPES } from './case-status.rules.ts'
import { APPEAL_STATUSES, PAYMENT_STATUSES } from './enforcement.model.ts'
import { ESCALATION_STEPS, FINDING_SEVERITIES } from './findings.rules.ts'

export const CaseEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('opened'), caseType: z.enum(CASE_TYPES), source: z.enum(['plan', 'manual']), planId: z.string().nullable() }),
  z.object({ kind: z.literal('status_changed'), action: z.enum(CASE_ACTIONS), from: z.enum(CASE_STATUSES), to: z.enum(CASE_STATUSES), reason: z.string().nullable() }),
  z.object({ kind: z.literal('assigned'), from: z.string().nullable(), to: z.string().nullable(), team: z.string().nullable() }),
  z.object({ kind: z.literal('note_added'), noteId: z.string() }),
  z.object({ kind: z.literal('information_requested'), requestId: z.string(), dueOn: z.string() }),
  z.object({ kind: z.literal('finding_recorded'), findingId: z.string(), severity: z.enum(FINDING_SEVERITIES), dueOn: z.string() }),
  z.object({ kind: z.literal('remediation_action_added'), findingId: z.string(), actionId: z.string(), dueOn: z.string() }),
  // Migration 0023: the business side and the rest of the inspection.
  z.object({ kind: z.literal('information_answered'), requestId: z.string(), files: z.number() }),
  z.object({ kind: z.literal('remediation_marked_done'), actionId: z.string(), files: z.number() }),
  z.object({ kind: z.literal('remediation_verified'), actionId: z.string() }),
  z.object({ kind: z.literal('remediation_rejected'), actionId: z.string() }),
  z.object({ kind: z.literal('visit_recorded'), visitId: z.string(), visitedOn: z.string() }),
  z.object({ kind: z.literal('finding_escalated'), findingId: z.string(), step: z.enum(ESCALATION_STEPS), daysOverdue: z.number() }),
  // Migration 0024: case reports (draft → the business's response → final).
  z.object({ kind: z.literal('draft_report_sent'), reportId: z.string(), dueOn: z.string() }),
  z.object({ kind: z.literal('entity_response_received'), reportId: z.string(), files: z.number(), late: z.boolean() }),
  z.object({ kind: z.literal('final_report_issued'), reportId: z.string() }),
  // Migration 0025: enforcement (§8.5). Opened: on both the escalated case and its referral case.
  z.object({ kind: z.literal('enforcement_case_opened'), fromCaseId: z.string(), fromCaseNumber: z.number(), referralCaseId: z.string(), referralCaseNumber: z.number() }),
  z.object({ kind: z.literal('enforcement_measure_recorded'), measureId: z.string(), measure: z.enum(ESCALATION_STEPS), paymentStatus: z.enum(PAYMENT_STATUSES), appealStatus: z.enum(APPEAL_STATUSES), updated: z.boolean() }),
  // Migration 0026: a document staff attached to the case.
  z.object({ kind: z.literal('document_added'), documentId: z.string(), title: z.string() }),
])
export type CaseEvent = z.infer<typeof CaseEvent>
export type CaseEventKind = CaseEvent['kind']

const KINDS = {
  opened: true,
  status_changed: true,
  assigned: true,
  note_added: true,
  information_requested: true,
  finding_recorded: true,
  remediation_action_added: true,
  information_answered: true,
  remediation_marked_done: true,
  remediation_verified: true,
  remediation_rejected: true,
  visit_recorded: true,
  finding_escalated: true,
  draft_report_sent: true,
  entity_response_received: true,
  final_report_issued: true,
  enforcement_case_opened: true,
  enforcement_measure_recorded: true,
  document_added: true,
} as const satisfies Record<CaseEventKind, true>
/** Every kind (the CHECK on case_events.kind is built from it). */
export const CASE_EVENT_KINDS = Object.keys(KINDS) as CaseEventKind[]
