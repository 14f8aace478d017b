import type { DbOrTx } from '#src/db/client.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import type { PdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { renderServiceRequestPdf } from '#src/reports/service-request.tsx'
import { receiptFileName, renderSubmissionReceiptPdf } from '#src/reports/submission-receipt.tsx'
import { receiptDocumentForMail } from '#src/submissions/get-receipt-document.ts'
import type { MailPayloads, MailTemplate } from './mail-templates.model.ts'
import type { MailAttachment } from './transports/mail-transport.ts'

/** `locale` is the recipient's language (the outbox row's). */
type AttachmentContext = { pdf: PdfRenderer; now: Date; db: DbOrTx; locale: Locale }
type AttachmentBuilder<T extends MailTemplate> = (payload: MailPayloads[T], ctx: AttachmentContext) => Promise<MailAttachment[]>

const none = async (): Promise<MailAttachment[]> => []

/**
 * What each mail carries besides its text. Built at send time from the stored payload, outside any
 * transaction; a template missing here is a compile error (R7).
 */
export const MAIL_ATTACHMENTS: { [K in MailTemplate]: AttachmentBuilder<K> } = {
  registration: async (p, { pdf, now }) => [
    {
      filename: createTranslator('th')('email.registration.attachmentName', { juristicId: p.juristicId }),
      contentType: 'application/pdf',
      content: await renderServiceRequestPdf(pdf, p.serviceRequest, now),
    },
  ],
  approval_needed: none,
  account_approved: none,
  password_reset: none,
  staff_invitation: none,
  email_change: none,
  email_changed_notice: none,
  password_changed_notice: none,
  account_exists_notice: none,
  submission_returned: none,
  filing_reminder: none,
  case_due_reminder: none,
  case_escalation_steps: none,
  case_report_issued: none,
  deadline_extension_decided: none,
  support_reply: none,
  support_queue_notice: none,
  // The ใบรับ PDF in the recipient's language, read from the stored submission at send time.
  submission_receipt: async (p, { pdf, now, db, locale }) => {
    const data = await receiptDocumentForMail({ db, baseUrl: baseUrlOf(p.receiptUrl) }, { receiptRef: p.receiptRef, locale })
    if (!data) return []
    return [{ filename: receiptFileName(p.receiptRef, locale), contentType: 'application/pdf', content: await renderSubmissionReceiptPdf(pdf, data, locale, now) }]
  },
}

/** BASE_URL as it was when the mail was queued: the payload's link is `<base>/portal/receipts/<ref>`. */
function baseUrlOf(receiptUrl: string): string {
  return receiptUrl.replace(/\/portal\/receipts\/[^/]*$/, '')
}

export function buildAttachments<T extends MailTemplate>(template: T, payload: MailPayloads[T], ctx: AttachmentContext): Promise<MailAttachment[]> {
  return (MAIL_ATTACHMENTS[template] as AttachmentBuilder<T>)(payload, ctx)
}
