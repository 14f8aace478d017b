/**
 * The one place that turns a stored audit event into a sentence (house style R8), for the admin
 * audit log and a user's recent events. One entry per action (R7: a new action breaks the build
 * here until it has a sentence). Payloads that no longer parse are shown as their action name.
 */
import { ROLES, type Role } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { AuditEvent, type AuditAction } from './audit-events.model.ts'

type Describe = { [A in AuditAction]: (t: Translator, e: Extract<AuditEvent, { action: A }>) => string }

const ROLE_NAME = {
  entity_user: 'account.role.entity_user',
  entity_admin: 'account.role.entity_admin',
  examiner: 'account.role.examiner',
  supervisor: 'account.role.supervisor',
  admin: 'account.role.admin',
} as const satisfies Record<Role, MessageKey>
const roleName = (t: Translator, role: string) => ((ROLES as readonly string[]).includes(role) ? t(ROLE_NAME[role as Role]) : role)

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
  'assessment.submitted': (t, e) => t('audit.event.assessment.submitted', { receiptRef: e.receiptRef, version: e.version }),
  'assessment.returned': (t) => t('audit.event.assessment.returned'),
  'assessment.accepted': (t) => t('audit.event.assessment.accepted'),
  'cycle.opened': (t, e) => t('audit.event.cycle.opened', { code: e.code }),
  'risk.rescored': (t, e) => t('audit.event.risk.rescored', { cycleCode: e.cycleCode, rulesetVersion: e.rulesetVersion, scored: e.scored, changed: e.changed }),
  'assessment.assigned': (t, e) => t(e.assigneeUserId ? 'audit.event.assessment.assigned' : 'audit.event.assessment.unassigned'),
  'assessment.note_added': (t) => t('audit.event.assessment.note_added'),
  'rating.override_requested': (t, e) => t('audit.event.rating.override_requested', { to: e.to }),
  'filing.reminders_sent': (t, e) => t('audit.event.filing.reminders_sent', { cycleCode: e.cycleCode, sent: e.sent, mails: e.mails, skipped: e.skipped }),
  'rating.override_decided': (t, e) => t(e.decision === 'approved' ? 'audit.event.rating.override_approved' : 'audit.event.rating.override_rejected'),
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
