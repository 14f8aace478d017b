/**
 * Without SMTP_URL mail is kept in the `local_mailbox` table as the real RFC 822 message (built by
 * nodemailer's MailComposer, attachments included) and shown at /dev/mail (never in production).
 */
import MailComposer from 'nodemailer/lib/mail-composer'
import type { DbOrTx } from '#src/db/client.ts'
import { headerSafe } from '../mail-headers.rules.ts'
import { insertLocalMail } from '../local-mailbox.repo.ts'
import { toMessageOptions, type MailTransport, type OutgoingMail } from './mail-transport.ts'

/** The message exactly as it would go over SMTP. */
export async function buildRawMessage(mail: OutgoingMail): Promise<Buffer> {
  return new MailComposer({ ...toMessageOptions(mail), newline: 'windows' }).compile().build()
}

export function createLocalTransport(db: DbOrTx): MailTransport {
  return {
    kind: 'local',
    async send(mail) {
      const raw = await buildRawMessage(mail)
      await insertLocalMail(db, {
        outboxId: mail.outboxId,
        toAddress: headerSafe(mail.to),
        subject: headerSafe(mail.subject, 400),
        // MIME-encoded: 7-bit ASCII, so text storage is lossless.
        raw: raw.toString('latin1'),
        createdAt: mail.date,
      })
    },
    close: () => undefined,
  }
}
