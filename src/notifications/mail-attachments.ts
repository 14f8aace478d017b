import { createTranslator } from '#src/platform/i18n/translator.ts'
import type { PdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { renderServiceRequestPdf } from '#src/reports/service-request.tsx'
import type { MailPayloads, MailTemplate } from './mail-templates.model.ts'
import type { MailAttachment } from './transports/mail-transport.ts'

type AttachmentContext = { pdf: PdfRenderer; now: Date }
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
  submission_receipt: none,
}

export function buildAttachments<T extends MailTemplate>(template: T, payload: MailPayloads[T], ctx: AttachmentContext): Promise<MailAttachment[]> {
  return (MAIL_ATTACHMENTS[template] as AttachmentBuilder<T>)(payload, ctx)
}
