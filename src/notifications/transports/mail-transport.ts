/**
 * The port the outbox worker sends through: SMTP (production, SMTP_URL) or the local mailbox
 * (development and tests, /dev/mail). Both build the message from the same nodemailer options.
 */
import type { MailComposerOptions } from 'nodemailer/lib/mail-composer'
import { headerSafe, mailDomain, safeFileName } from '../mail-headers.rules.ts'

export type MailAttachment = { filename: string; contentType: string; content: Buffer }

export type OutgoingMail = {
  /** The outbox row; also makes the Message-ID stable across retries. */
  outboxId: string
  from: string
  to: string
  subject: string
  text: string
  html: string
  attachments: readonly MailAttachment[]
  date: Date
}

export type MailTransport = {
  readonly kind: 'smtp' | 'local'
  send(mail: OutgoingMail): Promise<void>
  close(): void
}

/**
 * nodemailer message options. Header values (subject, addresses, file names) lose CR/LF here, the
 * last stop before the wire; content never comes from a path or URL.
 */
export function toMessageOptions(mail: OutgoingMail): MailComposerOptions {
  const from = headerSafe(mail.from)
  return {
    from,
    to: headerSafe(mail.to),
    subject: headerSafe(mail.subject, 400),
    messageId: `<${mail.outboxId.replace(/[^0-9a-zA-Z-]/g, '')}@${mailDomain(from)}>`,
    date: mail.date,
    text: mail.text,
    html: mail.html,
    headers: { 'Auto-Submitted': 'auto-generated' },
    attachments: mail.attachments.map((a) => ({
      filename: safeFileName(a.filename),
      contentType: headerSafe(a.contentType, 100),
      content: a.content,
      contentDisposition: 'attachment',
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  }
}
