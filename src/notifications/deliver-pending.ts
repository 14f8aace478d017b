/**
 * The outbox worker (issue 3, quality.md F8): claims due mail one row at a time in a short statement,
 * renders it and builds its attachments, sends it OUTSIDE any transaction, then marks it sent — or
 * counts the failure, backs off exponentially and gives up after MAX_MAIL_ATTEMPTS. SMTP being down
 * never throws out of here and never loses a mail. Delivery is at-least-once: if the database fails
 * right after SMTP accepted a message, it is sent again later with the same Message-ID.
 */
import type { DatabaseHandle } from '#src/db/client.ts'
import type { Clock } from '#src/platform/clock.ts'
import type { Config } from '#src/platform/config.ts'
import type { PdfRenderer } from '#src/reports/pdf/pdf-renderer.ts'
import { buildAttachments } from './mail-attachments.ts'
import { isSingleAddress } from './mail-headers.rules.ts'
import type { MailPayloads, MailTemplate } from './mail-templates.model.ts'
import { claimDueMail, markMailAttemptFailed, markMailSent, type ClaimedMail } from './outbox.repo.ts'
import { CLAIM_LEASE_MS, decideAfterFailure, describeMailError, isConnectionFailure, smtpSecrets } from './outbox.rules.ts'
import { renderMail } from './render-mail.tsx'
import { MAIL_TEMPLATE_FNS } from './templates/index.ts'
import { createLocalTransport } from './transports/local-transport.ts'
import type { MailTransport, OutgoingMail } from './transports/mail-transport.ts'
import { createSmtpTransport } from './transports/smtp-transport.ts'

export type MailDeps = {
  config: Pick<Config, 'mail'>
  database: Pick<DatabaseHandle, 'db'>
  clock: Clock
  pdf: PdfRenderer
}

type Log = {
  info(obj: object, msg: string): void
  warn(obj: object, msg: string): void
  error(obj: object, msg: string): void
}

export type DeliverPendingOptions = {
  /** Fixed time for the whole batch (tests); by default the clock is read at each step. */
  now?: Date
  /** Most mails handled in this call. */
  limit?: number
  /** Defaults to SMTP when SMTP_URL is set, else the local mailbox. */
  transport?: MailTransport
  shouldStop?: () => boolean
  log?: Log
}

export type DeliverPendingResult = {
  sent: number
  retrying: number
  failed: number
  /** The mail server was unreachable: the rest of the due mail waits for the next round. */
  deferred: boolean
}

/** A mail that no retry can send (bad address, unknown template): it fails at once. */
class PermanentMailError extends Error {
  override name = 'PermanentMailError'
}

export function createMailTransport(deps: Pick<MailDeps, 'config' | 'database'>): MailTransport {
  return deps.config.mail.smtpUrl ? createSmtpTransport(deps.config.mail.smtpUrl) : createLocalTransport(deps.database.db)
}

export async function deliverPending(deps: MailDeps, opts: DeliverPendingOptions = {}): Promise<DeliverPendingResult> {
  const db = deps.database.db
  const now = () => opts.now ?? deps.clock.now()
  const limit = opts.limit ?? 20
  const transport = opts.transport ?? createMailTransport(deps)
  const secrets = smtpSecrets(deps.config.mail.smtpUrl)
  const result: DeliverPendingResult = { sent: 0, retrying: 0, failed: 0, deferred: false }
  try {
    for (let i = 0; i < limit && !opts.shouldStop?.(); i++) {
      const claimedAt = now()
      const claim = await claimDueMail(db, { now: claimedAt, leaseUntil: new Date(claimedAt.getTime() + CLAIM_LEASE_MS) })
      if (!claim) break

      let error: unknown
      try {
        await transport.send(await prepareMail(deps, claim, claimedAt))
      } catch (e) {
        error = e ?? new Error('unknown error')
      }

      if (error === undefined) {
        await markMailSent(db, { id: claim.id, attempts: claim.attempts, at: now() })
        result.sent++
        continue
      }
      const next = decideAfterFailure(claim.attempts, now(), { permanent: error instanceof PermanentMailError })
      const text = describeMailError(error, secrets)
      await markMailAttemptFailed(db, { id: claim.id, attempts: claim.attempts, error: text, next })
      if (next.status === 'failed') result.failed++
      else result.retrying++
      const logged = { outboxId: claim.id, template: claim.template, attempts: claim.attempts, error: text }
      if (next.status === 'failed') opts.log?.error(logged, 'mail not delivered: giving up')
      else opts.log?.warn({ ...logged, nextAttemptAt: next.nextAttemptAt.toISOString() }, 'mail not delivered: will retry')
      if (isConnectionFailure(error)) {
        result.deferred = true
        break
      }
    }
  } finally {
    if (!opts.transport) transport.close()
  }
  return result
}

async function prepareMail(deps: MailDeps, claim: ClaimedMail, now: Date): Promise<OutgoingMail> {
  const db = deps.database.db
  if (!Object.hasOwn(MAIL_TEMPLATE_FNS, claim.template)) throw new PermanentMailError(`unknown mail template ${JSON.stringify(claim.template).slice(0, 60)}`)
  if (!isSingleAddress(claim.toAddress)) throw new PermanentMailError('the recipient address is not a single valid address')
  const template = claim.template as MailTemplate
  const payload = claim.payload as MailPayloads[typeof template]
  const body = renderMail(template, payload)
  const attachments = await buildAttachments(template, payload, { pdf: deps.pdf, now, db, locale: claim.locale })
  return { outboxId: claim.id, from: deps.config.mail.from, to: claim.toAddress, ...body, attachments, date: now }
}

// ---------------------------------------------------------------- runner

export type MailWorker = {
  /** Run a round now (e.g. right after a registration) instead of at the next interval. */
  wake(): void
  /** Stops taking new mail; waits up to `timeoutMs` for the one being sent. */
  stop(opts?: { timeoutMs?: number }): Promise<void>
}

/** Delivers due mail every `intervalMs` until stopped. Start after listen; stop before the DB closes. */
export function startMailWorker(deps: MailDeps, opts: { intervalMs?: number; limit?: number; log: Log }): MailWorker {
  const intervalMs = opts.intervalMs ?? 5_000
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  let running: Promise<void> | undefined

  const schedule = (ms: number) => {
    if (stopped) return
    clearTimeout(timer)
    timer = setTimeout(round, ms)
    timer.unref()
  }

  function round() {
    timer = undefined
    if (stopped || running) return
    running = deliverPending(deps, { limit: opts.limit ?? 20, shouldStop: () => stopped, log: opts.log })
      .then(
        (r) => {
          if (r.sent || r.retrying || r.failed) opts.log.info({ ...r }, 'mail round done')
        },
        (e: unknown) => opts.log.error({ err: { message: (e as Error)?.message } }, 'mail round failed'),
      )
      .finally(() => {
        running = undefined
        schedule(intervalMs)
      })
  }

  schedule(0)
  return {
    wake: () => {
      if (!running) schedule(0)
    },
    async stop({ timeoutMs = 5_000 } = {}) {
      stopped = true
      clearTimeout(timer)
      if (running) {
        let t: NodeJS.Timeout | undefined
        await Promise.race([running, new Promise((r) => (t = setTimeout(r, timeoutMs)))])
        clearTimeout(t)
      }
    },
  }
}
