/**
 * Every e-mail AMRAC sends, with the data its template needs. The outbox stores `payload` as JSON,
 * so these shapes are STORED: changing one needs a data migration for pending rows.
 * Links are absolute URLs built from BASE_URL; tokens appear only inside links, never on their own.
 */
export type MailPayloads = {
  /** After registration: user name (never the password), confirmation link, service-request form attached. */
  registration: {
    username: string
    fullName: string
    businessName: string
    juristicId: string
    confirmUrl: string
    expiresAt: string
    /** Data for the attached แบบฟอร์มขอใช้บริการ PDF. */
    serviceRequest: {
      title: string | null
      firstName: string
      lastName: string
      position: string | null
      phone: string | null
      email: string
      businessName: string
      juristicId: string
      businessAddress: string
      registeredAt: string
    }
  }
  /** The entity administrator is told a new registrant waits for approval. */
  approval_needed: { approverName: string; registrantName: string; registrantUsername: string; businessName: string; reviewUrl: string }
  /** The registrant is told they were approved. */
  account_approved: { fullName: string; businessName: string; loginUrl: string }
  password_reset: { fullName: string; resetUrl: string; expiresAt: string; byAdmin: boolean }
  staff_invitation: { fullName: string; role: string; inviteUrl: string; expiresAt: string; invitedBy: string }
  email_change: { fullName: string; confirmUrl: string; expiresAt: string }
  /** Sent to the OLD address when the e-mail address changes. */
  email_changed_notice: { fullName: string; newEmailMasked: string }
  password_changed_notice: { fullName: string; at: string }
  /**
   * Someone tried to register with an address that already has an account. Sent to that address
   * instead of telling the registrant (no account enumeration).
   */
  account_exists_notice: { fullName: string; loginUrl: string; forgotUrl: string }
  /** The submitter's receipt for a submitted assessment (ใบรับ). `submittedAt` is an ISO instant. */
  submission_receipt: { fullName: string; businessName: string; cycleName: string; receiptRef: string; version: number; submittedAt: string; receiptUrl: string }
  /** AMLO returned the assessment for correction; the reasons are shown in the app, not in the mail. */
  submission_returned: { fullName: string; cycleName: string; assessmentUrl: string }
  /** AMLO reminds an entity administrator that the business has not filed the cycle. `deadline` is an ISO instant. */
  filing_reminder: { fullName: string; businessName: string; cycleCode: string; deadline: string; assessmentUrl: string }
  /** Before the due date of a business's open information request or remediation action (cases). `dueOn` is `yyyy-mm-dd`. */
  case_due_reminder: { fullName: string; businessName: string; item: 'information_request' | 'remediation_action'; caseRef: string; title: string; dueOn: string; daysLeft: number; url: string }
  /** To the case's assignee (else the supervisors): the escalation steps the hourly runner took on one case (run-due-escalations.ts). */
  case_escalation_steps: { fullName: string; businessName: string; caseRef: string; steps: { title: string; step: string; daysOverdue: number }[]; url: string }
  /** AMLO sent the draft inspection report (comment by `dueOn`, `yyyy-mm-dd`) or issued the final report (`dueOn` null); `url` is the report's portal page. */
  case_report_issued: { fullName: string; businessName: string; kind: 'draft' | 'final'; caseRef: string; dueOn: string | null; url: string }
  /** AMLO granted or refused a deadline extension (or extended the deadline itself). `deadline` is the business's deadline after the decision (ISO instant). */
  deadline_extension_decided: { fullName: string; businessName: string; cycleName: string; decision: 'granted' | 'refused'; deadline: string; reason: string | null; assessmentUrl: string }
  /**
   * Support staff answered a help-form ticket. `replyUrl` is the requester's page: /account/support/…
   * for an account holder, else the signed link (expires at `linkExpiresAt`). The reply itself is
   * read on the page, not in the mail.
   */
  support_reply: { contactName: string; reference: string; replyUrl: string; linkExpiresAt: string | null }
  /** To each active staff member of a support queue: a new ticket, a requester's reply, or a ticket moved in. */
  support_queue_notice: { staffName: string; reference: string; event: 'new' | 'requester_reply' | 'moved_in'; businessName: string; ticketUrl: string }
}
export type MailTemplate = keyof MailPayloads
export const MAIL_TEMPLATES = [
  'registration',
  'approval_needed',
  'account_approved',
  'password_reset',
  'staff_invitation',
  'email_change',
  'email_changed_notice',
  'password_changed_notice',
  'account_exists_notice',
  'submission_receipt',
  'submission_returned',
  'filing_reminder',
  'case_due_reminder',
  'case_escalation_steps',
  'case_report_issued',
  'deadline_extension_decided',
  'support_reply',
  'support_queue_notice',
] as const satisfies readonly MailTemplate[]
