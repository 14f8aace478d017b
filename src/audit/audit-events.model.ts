/**
 * Typed audit events. PAYLOADS ARE STORED: changing one needs a data migration.
 * Never put a password, a token, a TOTP secret or a full national ID in a payload.
 */
import { z } from 'zod'

export const AuditEvent = z.discriminatedUnion('action', [
  z.object({ action: z.literal('user.registered'), username: z.string(), entityId: z.string() }),
  z.object({ action: z.literal('user.email_confirmed') }),
  z.object({ action: z.literal('user.approved'), approvedBy: z.string() }),
  z.object({ action: z.literal('user.deactivated'), reason: z.string().optional() }),
  z.object({ action: z.literal('user.reactivated') }),
  z.object({ action: z.literal('user.role_changed'), from: z.string(), to: z.string() }),
  z.object({ action: z.literal('user.invited'), role: z.string(), resent: z.boolean().optional() }),
  z.object({ action: z.literal('user.invitation_accepted') }),
  z.object({ action: z.literal('login.succeeded'), method: z.enum(['password', 'password+totp', 'password+recovery_code']) }),
  z.object({ action: z.literal('login.failed'), identifier: z.string(), reason: z.enum(['bad_credentials', 'not_active', 'bad_totp', 'locked']) }),
  z.object({ action: z.literal('login.locked_out'), scope: z.enum(['account', 'ip', 'totp']), until: z.string() }),
  z.object({ action: z.literal('logout') }),
  z.object({ action: z.literal('session.revoked'), sessionCount: z.number() }),
  z.object({ action: z.literal('password.reset_requested'), byAdmin: z.boolean() }),
  z.object({ action: z.literal('password.reset_used') }),
  z.object({ action: z.literal('password.changed') }),
  z.object({ action: z.literal('email.change_requested') }),
  z.object({ action: z.literal('email.changed') }),
  z.object({ action: z.literal('profile.updated'), fields: z.array(z.string()) }),
  z.object({ action: z.literal('totp.enrolled') }),
  z.object({ action: z.literal('totp.reset'), byAdmin: z.boolean() }),
  z.object({ action: z.literal('totp.recovery_code_used'), remaining: z.number() }),
  z.object({ action: z.literal('totp.disabled') }),
  z.object({ action: z.literal('totp.recovery_codes_regenerated') }),
  z.object({ action: z.literal('access.denied'), permission: z.string(), url: z.string() }),
  z.object({ action: z.literal('support.ticket_created'), category: z.string(), reference: z.string() }),
  z.object({ action: z.literal('assessment.submitted'), assessmentId: z.string(), receiptRef: z.string(), version: z.number() }),
  z.object({ action: z.literal('assessment.returned'), assessmentId: z.string() }),
  z.object({ action: z.literal('assessment.accepted'), assessmentId: z.string() }),
  z.object({ action: z.literal('cycle.opened'), code: z.string() }),
  z.object({ action: z.literal('risk.rescored'), cycleCode: z.string(), rulesetVersion: z.string(), scored: z.number(), changed: z.number() }),
  z.object({ action: z.literal('assessment.assigned'), assessmentId: z.string(), assigneeUserId: z.string().nullable() }),
  z.object({ action: z.literal('assessment.note_added'), assessmentId: z.string() }),
  z.object({ action: z.literal('rating.override_requested'), assessmentId: z.string(), overrideId: z.string(), to: z.string() }),
  z.object({ action: z.literal('filing.reminders_sent'), cycleCode: z.string(), sent: z.number(), mails: z.number(), skipped: z.number(), businessType: z.string().nullable(), province: z.string().nullable() }),
  z.object({ action: z.literal('rating.override_decided'), assessmentId: z.string(), overrideId: z.string(), decision: z.enum(['approved', 'rejected']) }),
])
export type AuditEvent = z.infer<typeof AuditEvent>
export type AuditAction = AuditEvent['action']
