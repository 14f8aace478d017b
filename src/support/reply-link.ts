/**
 * The signed reply link for requesters without an account (issue 7). The token is
 * `<ticket id>.<expiry, unix seconds>.<HMAC-SHA256>` (base64url MAC) and goes in the path of
 * /help/ticket-reply/<token>. The MAC key is derived from SESSION_SECRET by HKDF with its own
 * label, so it signs nothing else; the MAC covers a version prefix, the ticket id and the expiry,
 * so changing any of them breaks it. It opens exactly the ticket it names and nothing else.
 *
 * Each staff reply mails a fresh link valid for REPLY_LINK_DAYS. A link is not single use (the
 * person may reply more than once); it ends by expiry, or when SESSION_SECRET changes. Tokens
 * never reach the logs (token-urls.ts redacts the path) or a Referer (no-referrer on such pages).
 */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto'
import { isUuid } from '#src/platform/ids.ts'

export const REPLY_LINK_DAYS = 30
export const REPLY_LINK_PATH = '/help/ticket-reply'
const VERSION = 'srl1'

const keys = new Map<string, Buffer>()
function keyFor(secret: string): Buffer {
  let key = keys.get(secret)
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'amrac', 'support-reply-link-v1', 32))
    keys.set(secret, key)
  }
  return key
}

const mac = (secret: string, ticketId: string, exp: number) =>
  createHmac('sha256', keyFor(secret)).update(`${VERSION}.${ticketId.toLowerCase()}.${exp}`).digest()

export function signReplyToken(secret: string, ticketId: string, expiresAt: Date): string {
  const exp = Math.floor(expiresAt.getTime() / 1000)
  return `${ticketId.toLowerCase()}.${exp}.${mac(secret, ticketId, exp).toString('base64url')}`
}

export type ReplyTokenCheck = { ok: true; ticketId: string; expiresAt: Date } | { ok: false; reason: 'invalid' | 'expired' }

/** Checks the MAC in constant time, then the expiry (an expired link is reported only when genuine). */
export function verifyReplyToken(secret: string, token: string, now: Date): ReplyTokenCheck {
  const parts = token.split('.')
  if (parts.length !== 3) return { ok: false, reason: 'invalid' }
  const [ticketId = '', expText = '', macText = ''] = parts
  if (!isUuid(ticketId) || !/^\d{1,12}$/.test(expText) || !/^[A-Za-z0-9_-]{43}$/.test(macText)) return { ok: false, reason: 'invalid' }
  const exp = Number(expText)
  const given = Buffer.from(macText, 'base64url')
  const expected = mac(secret, ticketId, exp)
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'invalid' }
  if (now.getTime() >= exp * 1000) return { ok: false, reason: 'expired' }
  return { ok: true, ticketId: ticketId.toLowerCase(), expiresAt: new Date(exp * 1000) }
}

export const replyLinkExpiry = (now: Date) => new Date(now.getTime() + REPLY_LINK_DAYS * 86_400_000)

export const replyLinkUrl = (baseUrl: string, token: string) => `${baseUrl}${REPLY_LINK_PATH}/${token}`
