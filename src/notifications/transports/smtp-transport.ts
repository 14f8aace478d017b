/**
 * SMTP through nodemailer with short time-outs: nodemailer's defaults (2 min connect, 30 s greeting,
 * 10 min idle socket) would hold the worker for minutes when SMTP is down (stack.md §4.2, F8).
 */
import { createRequire } from 'node:module'
import type nodemailerType from 'nodemailer'

const require = createRequire(import.meta.url)
import { toMessageOptions, type MailTransport } from './mail-transport.ts'

export const SMTP_TIMEOUT_MS = 10_000

export function createSmtpTransport(smtpUrl: string, opts: { timeoutMs?: number } = {}): MailTransport {
  const timeout = opts.timeoutMs ?? SMTP_TIMEOUT_MS
  const nodemailer = require('nodemailer') as typeof nodemailerType // loaded when SMTP is first used
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    dnsTimeout: timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
    debug: false,
  })
  return {
    kind: 'smtp',
    async send(mail) {
      await transporter.sendMail({ ...toMessageOptions(mail), xMailer: false })
    },
    close: () => transporter.close(),
  }
}
