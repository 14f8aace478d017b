/**
 * Delivery policy of the outbox worker: exponential back-off, when to give up, and a stored error
 * text that never carries secrets.
 */
export const MAX_MAIL_ATTEMPTS = 10
export const RETRY_BASE_MS = 30_000
export const RETRY_CAP_MS = 60 * 60_000
/** How long a claimed row stays hidden from other workers while it is being sent. */
export const CLAIM_LEASE_MS = 10 * 60_000

/** Delay before the next try after `attempts` failed tries: 30 s, 1 min, 2 min … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  const n = Math.max(1, Math.floor(attempts))
  return Math.min(RETRY_BASE_MS * 2 ** (n - 1), RETRY_CAP_MS)
}

export type AfterFailure = { status: 'failed' } | { status: 'pending'; nextAttemptAt: Date }

export function decideAfterFailure(attempts: number, now: Date, opts: { permanent?: boolean } = {}): AfterFailure {
  if (opts.permanent || attempts >= MAX_MAIL_ATTEMPTS) return { status: 'failed' }
  return { status: 'pending', nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)) }
}

/** Error codes of nodemailer that mean "the mail server is unreachable or refused us", not "this message". */
const CONNECTION_CODES = new Set(['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EAUTH', 'EPROTOCOL', 'ECONNREFUSED', 'ECONNRESET'])

/** True when the other due mail should wait too (SMTP down): no point in trying them now. */
export function isConnectionFailure(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code
  return typeof code === 'string' && CONNECTION_CODES.has(code)
}

/**
 * `last_error`: code, SMTP response code and message, one line, at most 500 characters, with every
 * secret (SMTP user name and password) replaced by `***`.
 */
export function describeMailError(err: unknown, secrets: readonly string[] = []): string {
  const e = (err ?? {}) as { code?: unknown; responseCode?: unknown; message?: unknown }
  const parts = [
    typeof e.code === 'string' ? e.code : undefined,
    typeof e.responseCode === 'number' ? String(e.responseCode) : undefined,
    typeof e.message === 'string' ? e.message : String(err),
  ].filter((p): p is string => !!p)
  let text = parts.join(' ').replace(/\s+/g, ' ').trim()
  for (const s of secrets) if (s.length >= 3) text = text.split(s).join('***')
  return text.slice(0, 500)
}

/** The user name and password inside an smtp:// URL, raw and decoded, to redact from errors. */
export function smtpSecrets(smtpUrl: string | null): string[] {
  if (!smtpUrl) return []
  try {
    const u = new URL(smtpUrl)
    return [u.username, u.password, decodeURIComponent(u.username), decodeURIComponent(u.password)].filter((s) => s.length > 0)
  } catch {
    return []
  }
}
