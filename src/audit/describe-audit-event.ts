/**
 * The one place that turns a stored audit event into a sentence (house style R8), for the admin
 * audit log and a user's recent events. One entry per action (R7: a new action breaks the build
 * here until it has a sentence). Payloads that no longer parse are shown as their action name.
 */
import { isCaseStatus } from '#src/cases/case-status.rules.ts'
import { CASE_STATUS_LABEL, ESCALATION_STEP_LABEL, SEVERITY_LABEL } from '#src/cases/cases.model.ts'
import { isEscalationStep, isFindingSeverity } from '#src/cases/findings.rules.ts'
import { ROLES, type Role } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { AuditEvent, type AuditAction } from './audit-events.model.ts'

/** Which file a staff member opened (case.file_downloaded). */
const FILE_DOWNLOADED = {
  information_request: 'casework.audit.file_downloaded_answer',
  remediation_evidence: 'casework.audit.file_downloaded_evidence',
  report_response: 'casework.audit.file_downloaded_response',
  case_document: 'casedocs.audit.downloaded',
} as const

type Describe = { [A in AuditAction]: (t: Translator, e: Extract<AuditEvent, { action: A }>) => string }

const ROLE_NAME = {
  entity_user: 'account.role.entity_user',
  entity_admin: 'account.role.entity_admin',
  examiner: 'account.role.examiner',
  supervisor: 'account.role.supervisor',
  admin: 'account.role.admin',
} as const satisfies Record<Role, MessageKey>
export const roleName = (t: Translator, role: string) => ((ROLES as readonly string[]).includes(role) ? t(ROLE_NAME[role as Role]) : role)

const METHOD = {
  password: 'audit.method.password',
  'password+totp': 'audit.method.passwordTotp',
  'password+recovery_code': 'audit.method.passwordRecovery',
} as const satisfies Record<Extract<AuditEvent, { action: 'login.succeeded' }>['method'], MessageKey>

const FAILURE = {
  bad_credentials: 'audit.failure.bad_credentials',
  not_active: 'audit.failure.not_active',
  bad_totp: 'audit.failure.bad_totp',
  locked: 'audit.failure.locked',
} as const satisfies Record<Extract<AuditEvent, { action: 'login.failed' }>['reason'], MessageKey>

const LOCK_SCOPE = {
  account: 'audit.lockScope.account',
  ip: 'audit.lockScope.ip',
  totp: 'audit.lockScope.totp',
} as const satisfies Record<Extract<AuditEvent, { action: 'login.locked_out' }>['scope'], MessageKey>

const DESCRIBE: Describe = {
  'user.registered': (t, e) => t('audit.event.user.registered', { username: e.username }),
  'user.email_confirmed': (t) => t('audit.event.user.email_confirmed'),
  'user.approved': (t) => t('audit.event.user.approved'),
  'user.deactivated': (t) => t('audit.event.user.deactivated'),
  'user.reactivated': (t) => t('audit.event.user.reactivated'),
  'user.role_changed': (t, e) => t('audit.event.user.role_changed', { from: roleName(t, e.from), to: roleName(t, e.to) }),
  'user.invited': (t, e) => t(e.resent ? 'audit.event.user.invitation_resent' : 'audit.event.user.invited', { role: roleName(t, e.role) }),
  'user.invitation_accepted': (t) => t('audit.event.user.invitation_accepted'),
  'user.locked': (t, e) => t('audit.event.user.locked', { reason: e.reason }),
  'user.unlocked': (t) => t('audit.event.user.unlocked'),
  'user.confirmation_resent': (t) => t('audit.event.user.confirmation_resent'),
  'login.throttle_cleared': (t, e) => t('audit.event.login.throttle_cleared', { count: e.failures }),
  'login.succeeded': (t, e) => t('audit.event.login.succeeded', { method: t(METHOD[e.method]) }),
  'login.failed': (t, e) => t('audit.event.login.failed', { identifier: e.identifier, reason: t(FAILURE[e.reason]) }),
  'login.locked_out': (t, e) => t('audit.event.login.locked_out', { scope: t(LOCK_SCOPE[e.scope]), until: formatDateTimeNumeric(new Date(e.until)) }),
  logout: (t) => t('audit.event.logout'),
  'session.revoked': (t, e) => t('audit.event.session.revoked', { count: e.sessionCount }),
  'password.reset_requested': (t, e) => t(e.byAdmin ? 'audit.event.password.reset_requested_admin' : 'audit.event.password.reset_requested'),
  'password.reset_used': (t) => t('audit.event.password.reset_used'),
  'password.changed': (t) => t('audit.event.password.changed'),
  'email.change_requested': (t) => t('audit.event.email.change_requested'),
  'email.changed': (t) => t('audit.event.email.changed'),
  'profile.updated': (t, e) => t('audit.event.profile.updated', { fields: e.fields.join(', ') }),
  'totp.enrolled': (t) => t('audit.event.totp.enrolled'),
  'totp.reset': (t, e) => t(e.byAdmin ? 'audit.event.totp.reset_admin' : 'audit.event.totp.reset'),
  'totp.recovery_code_used': (t, e) => t('audit.event.totp.recovery_code_used', { remaining: e.remaining }),
  'totp.disabled': (t) => t('audit.event.totp.disabled'),
  'totp.recovery_codes_regenerated': (t) => t('audit.event.totp.recovery_codes_regenerated'),
  'access.denied': (t, e) => t('audit.event.access.denied', { permission: e.permission, url: e.url }),
  'support.ticket_created': (t, e) => t('audit.event.support.ticket_created', { reference: e.reference }),
  'support.replied': (t, e) => t(e.by === 'staff' ? 'support.audit.staffReplied' : 'support.audit.requesterReplied', { reference: e.reference }),
  'support.status_changed': (t, e) => t(e.to === 'closed' ? 'support.audit.closed' : 'support.audit.reopened', { reference: e.reference }),
  'support.moved': (t, e) => t('support.audit.moved', { reference: e.reference, from: e.from, to: e.to }),
  'assessment.submitted': (t, e) => t('audit.event.assessment.submitted', { receiptRef: e.receiptRef, version: e.version }),
  'assessment.returned': (t) => t('audit.event.assessment.returned'),
  'assessment.accepted': (t) => t('audit.event.assessment.accepted'),
  'cycle.opened': (t, e) => t('audit.event.cycle.opened', { code: e.code }),
  'cycle.created': (t, e) => t('cycles.audit.created', { code: e.code, version: e.definitionVersion }),
  'cycle.updated': (t, e) => t('cycles.audit.updated', { code: e.code }),
  'cycle.closed': (t, e) => t('cycles.audit.closed', { code: e.code }),
  'cycle.reopened': (t, e) => t('cycles.audit.reopened', { code: e.code }),
  'deadline.extension_requested': (t, e) => t('cycles.audit.extensionRequested', { code: e.cycleCode, date: formatDateTimeNumeric(new Date(e.requestedDeadline)) }),
  'deadline.extension_granted': (t, e) => t('cycles.audit.extensionGranted', { code: e.cycleCode, date: formatDateTimeNumeric(new Date(e.deadline)) }),
  'deadline.extension_refused': (t, e) => t('cycles.audit.extensionRefused', { code: e.cycleCode }),
  'risk.rescored': (t, e) => t('audit.event.risk.rescored', { cycleCode: e.cycleCode, rulesetVersion: e.rulesetVersion, scored: e.scored, changed: e.changed }),
  'assessment.assigned': (t, e) => t(e.assigneeUserId ? 'audit.event.assessment.assigned' : 'audit.event.assessment.unassigned'),
  'assessment.note_added': (t) => t('audit.event.assessment.note_added'),
  'rating.override_requested': (t, e) => t('audit.event.rating.override_requested', { to: e.to }),
  'filing.reminders_sent': (t, e) => t('audit.event.filing.reminders_sent', { cycleCode: e.cycleCode, sent: e.sent, mails: e.mails, skipped: e.skipped }),
  'rating.override_decided': (t, e) => t(e.decision === 'approved' ? 'audit.event.rating.override_approved' : 'audit.event.rating.override_rejected'),
  'plan.proposed': (t, e) => t('cases.audit.plan_proposed', { cycleCode: e.cycleCode, version: e.version, items: e.items, overCapacity: e.overCapacity }),
  'plan.approved': (t, e) => t('cases.audit.plan_approved', { cycleCode: e.cycleCode, version: e.version, casesOpened: e.casesOpened }),
  'plan.adjusted': (t, e) => t('casework.audit.plan_adjusted', { cycleCode: e.cycleCode, version: e.version, change: e.change }),
  'case.status_changed': (t, e) => t('cases.audit.status_changed', { to: isCaseStatus(e.to) ? t(CASE_STATUS_LABEL[e.to]) : e.to }),
  'case.assigned': (t, e) => t(e.assigneeUserId ? 'cases.audit.assigned' : 'cases.audit.unassigned'),
  'case.note_added': (t) => t('cases.audit.note_added'),
  'case.information_requested': (t) => t('cases.audit.information_requested'),
  'case.finding_recorded': (t, e) => t('cases.audit.finding_recorded', { severity: isFindingSeverity(e.severity) ? t(SEVERITY_LABEL[e.severity]) : e.severity }),
  'case.remediation_action_added': (t) => t('cases.audit.remediation_action_added'),
  'case.information_answered': (t, e) => t('cases.audit.information_answered', { files: e.files }),
  'case.remediation_marked_done': (t, e) => t('cases.audit.remediation_marked_done', { files: e.files }),
  'case.remediation_decided': (t, e) => t(e.decision === 'verified' ? 'cases.audit.remediation_verified' : 'cases.audit.remediation_rejected'),
  'case.visit_recorded': (t) => t('cases.audit.visit_recorded'),
  'case.finding_escalated': (t, e) => t('cases.audit.finding_escalated', { step: isEscalationStep(e.step) ? t(ESCALATION_STEP_LABEL[e.step]) : e.step }),
  'case.file_downloaded': (t, e) => t(FILE_DOWNLOADED[e.source], { name: e.fileName }),
  'case.reminders_sent': (t, e) => t('cases.audit.reminders_sent', { requests: e.requests, actions: e.actions, mails: e.mails }),
  'case.enforcement_case_opened': (t) => t('enforcement.audit.caseOpened'),
  'case.enforcement_measure_recorded': (t, e) => t(e.updated ? 'enforcement.audit.measureUpdated' : 'enforcement.audit.measureRecorded', { measure: isEscalationStep(e.measure) ? t(ESCALATION_STEP_LABEL[e.measure]) : e.measure }),
  'case.document_added': (t, e) => t('casedocs.audit.added', { name: e.fileName }),
  'case.report_issued': (t, e) => t(e.kind === 'draft' ? 'casework.reports.audit.draftSent' : 'casework.reports.audit.finalIssued'),
  'case.report_response_received': (t, e) => t('casework.reports.audit.responseReceived', { files: e.files, late: e.late ? 'yes' : 'no' }),
  'registry.business_added': (t, e) => t(e.source === 'import' ? 'registry.audit.addedByImport' : 'registry.audit.added', { juristicId: e.juristicId }),
  'registry.business_updated': (t, e) => t('registry.audit.updated', { fields: e.fields.join(', ') }),
  'registry.business_deleted': (t, e) => t('registry.audit.deleted', { juristicId: e.juristicId }),
  'registry.import_applied': (t, e) => t('registry.audit.importApplied', { fileName: e.fileName, added: e.added, changed: e.changed }),
  'registry.businesses_merged': (t, e) => t('registry.audit.merged', { users: e.users, assessments: e.assessments, tickets: e.tickets }),
  'audit.chain_verified': (t, e) => (e.ok ? t('auditlog.event.chainVerifiedOk', { links: e.links }) : t('auditlog.event.chainVerifiedBroken', { auditId: e.auditId ?? 0 })),
  'questionnaire.imported': (t, e) => t('versions.audit.imported', { version: e.version }),
  'questionnaire.published': (t, e) => t('versions.audit.published', { version: e.version }),
  'questionnaire.draft_deleted': (t, e) => t('versions.audit.draftDeleted', { version: e.version }),
}

/** Every action, in the order above (for the filter). */
export const AUDIT_ACTIONS = Object.keys(DESCRIBE) as AuditAction[]
export const isAuditAction = (v: string): v is AuditAction => Object.hasOwn(DESCRIBE, v)

export function describeAuditEvent(t: Translator, row: { action: string; payload: unknown }): string {
  const parsed = AuditEvent.safeParse(row.payload)
  if (!parsed.success) return row.action
  const e = parsed.data
  return (DESCRIBE[e.action] as (t: Translator, e: AuditEvent) => string)(t, e)
}
