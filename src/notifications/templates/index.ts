import type { MailTemplate } from '../mail-templates.model.ts'
import { accountApprovedMail } from './account-approved.ts'
import { accountExistsNoticeMail } from './account-exists-notice.ts'
import { approvalNeededMail } from './approval-needed.ts'
import { emailChangeMail } from './email-change.ts'
import { filingReminderMail } from './filing-reminder.ts'
import { caseDueReminderMail } from './case-due-reminder.ts'
import { caseEscalationStepsMail } from './case-escalation-steps.ts'
import { caseReportIssuedMail } from './case-report-issued.ts'
import { deadlineExtensionDecidedMail } from './deadline-extension-decided.ts'
import { emailChangedNoticeMail } from './email-changed-notice.ts'
import { passwordChangedNoticeMail } from './password-changed-notice.ts'
import { passwordResetMail } from './password-reset.ts'
import { registrationMail } from './registration.ts'
import { staffInvitationMail } from './staff-invitation.ts'
import { submissionReceiptMail } from './submission-receipt.ts'
import { submissionReturnedMail } from './submission-returned.ts'
import { supportQueueNoticeMail, supportReplyMail } from './support.ts'
import type { MailTemplateFn } from './template.ts'

/** One template per mail: a template missing here is a compile error (R7). */
export const MAIL_TEMPLATE_FNS: { [K in MailTemplate]: MailTemplateFn<K> } = {
  registration: registrationMail,
  approval_needed: approvalNeededMail,
  account_approved: accountApprovedMail,
  password_reset: passwordResetMail,
  staff_invitation: staffInvitationMail,
  email_change: emailChangeMail,
  email_changed_notice: emailChangedNoticeMail,
  password_changed_notice: passwordChangedNoticeMail,
  account_exists_notice: accountExistsNoticeMail,
  submission_receipt: submissionReceiptMail,
  submission_returned: submissionReturnedMail,
  filing_reminder: filingReminderMail,
  case_due_reminder: caseDueReminderMail,
  case_escalation_steps: caseEscalationStepsMail,
  case_report_issued: caseReportIssuedMail,
  deadline_extension_decided: deadlineExtensionDecidedMail,
  support_reply: supportReplyMail,
  support_queue_notice: supportQueueNoticeMail,
}
