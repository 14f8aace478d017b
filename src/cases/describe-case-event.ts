/**
 * The one place that turns a stored case event into a sentence for the case timeline (house
 * style R8). One entry per kind (R7: a new kind breaks the build here until it has a sentence).
 * Names of officers come from `names` (user id → display name), loaded by the caller.
 */
import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { CaseEvent, type CaseEventKind } from './case-events.model.ts'
import { caseReference, CASE_STATUS_LABEL, ESCALATION_STEP_LABEL, SEVERITY_LABEL } from './cases.model.ts'
import { APPEAL_STATUS_LABEL, PAYMENT_STATUS_LABEL } from './enforcement.model.ts'

type Describe = { [K in CaseEventKind]: (t: Translator, e: Extract<CaseEvent, { kind: K }>, names: ReadonlyMap<string, string>) => string }

const DESCRIBE: Describe = {
  opened: (t, e) => t('cases.event.opened', { source: e.source }),
  status_changed: (t, e) => t('cases.event.status_changed', { from: t(CASE_STATUS_LABEL[e.from]), to: t(CASE_STATUS_LABEL[e.to]) }),
  assigned: (t, e, names) => (e.to ? t('cases.event.assigned', { assignee: names.get(e.to) ?? '—' }) : t('cases.event.unassigned')),
  note_added: (t) => t('cases.event.note_added'),
  information_requested: (t, e) => t('cases.event.information_requested', { dueOn: formatIsoDateLong(e.dueOn, t.locale) }),
  finding_recorded: (t, e) => t('cases.event.finding_recorded', { severity: t(SEVERITY_LABEL[e.severity]), dueOn: formatIsoDateLong(e.dueOn, t.locale) }),
  remediation_action_added: (t, e) => t('cases.event.remediation_action_added', { dueOn: formatIsoDateLong(e.dueOn, t.locale) }),
  information_answered: (t, e) => t('cases.event.information_answered', { files: e.files }),
  remediation_marked_done: (t, e) => t('cases.event.remediation_marked_done', { files: e.files }),
  remediation_verified: (t) => t('cases.event.remediation_verified'),
  remediation_rejected: (t) => t('cases.event.remediation_rejected'),
  visit_recorded: (t, e) => t('cases.event.visit_recorded', { visitedOn: formatIsoDateLong(e.visitedOn, t.locale) }),
  finding_escalated: (t, e) => t('cases.event.finding_escalated', { step: t(ESCALATION_STEP_LABEL[e.step]), days: e.daysOverdue }),
  draft_report_sent: (t, e) => t('casework.reports.event.draftSent', { dueOn: formatIsoDateLong(e.dueOn, t.locale) }),
  entity_response_received: (t, e) => t(e.late ? 'casework.reports.event.responseLate' : 'casework.reports.event.response', { files: e.files }),
  final_report_issued: (t) => t('casework.reports.event.finalIssued'),
  enforcement_case_opened: (t, e) => t('enforcement.event.caseOpened', { referral: caseReference(e.referralCaseNumber), from: caseReference(e.fromCaseNumber) }),
  enforcement_measure_recorded: (t, e) =>
    t(e.updated ? 'enforcement.event.measureUpdated' : 'enforcement.event.measureRecorded', { measure: t(ESCALATION_STEP_LABEL[e.measure]), payment: t(PAYMENT_STATUS_LABEL[e.paymentStatus]), appeal: t(APPEAL_STATUS_LABEL[e.appealStatus]) }),
  document_added: (t, e) => t('casedocs.event.added', { title: e.title }),
}

export function describeCaseEvent(t: Translator, payload: unknown, names: ReadonlyMap<string, string> = new Map()): string {
  const parsed = CaseEvent.safeParse(payload)
  if (!parsed.success) return String((payload as { kind?: unknown } | null)?.kind ?? '')
  const e = parsed.data
  return (DESCRIBE[e.kind] as (t: Translator, e: CaseEvent, names: ReadonlyMap<string, string>) => string)(t, e, names)
}
