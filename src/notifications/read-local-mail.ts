/**
 * Reads mail kept in the local mailbox for /dev/mail: the stored RFC 822 message is parsed with
 * mailparser (a dev dependency, so it is imported only when a message is opened).
 */
import type { DbOrTx } from '#src/db/client.ts'
import { safeFileName } from './mail-headers.rules.ts'
import { findLocalMail, listLocalMail, type LocalMailSummary } from './local-mailbox.repo.ts'

export type LocalMailView = {
  id: string
  createdAt: Date
  /** Decoded headers worth reading, in order. */
  headers: { name: string; value: string }[]
  text: string | null
  hasHtml: boolean
  attachments: { index: number; filename: string; contentType: string; size: number }[]
}

export type LocalMailFile = { filename: string; contentType: string; content: Buffer }

/** Attachment types served as themselves; anything else is served as application/octet-stream. */
const SAFE_DOWNLOAD_TYPES = new Set(['application/pdf', 'text/plain', 'text/calendar'])

export function listLocalMailbox(deps: { database: { db: DbOrTx } }, opts: { limit?: number } = {}): Promise<LocalMailSummary[]> {
  return listLocalMail(deps.database.db, { limit: opts.limit ?? 100 })
}

async function loadParsed(db: DbOrTx, id: string) {
  const mail = await findLocalMail(db, id)
  if (!mail) return undefined
  const raw = Buffer.from(mail.raw, 'latin1')
  const { simpleParser } = await import('mailparser')
  const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true, skipTextLinks: true })
  return { mail, raw, parsed }
}

export async function readLocalMail(deps: { database: { db: DbOrTx } }, opts: { id: string }): Promise<LocalMailView | undefined> {
  const loaded = await loadParsed(deps.database.db, opts.id)
  if (!loaded) return undefined
  const { mail, parsed } = loaded
  const addr = (a: typeof parsed.to) => (Array.isArray(a) ? a.map((x) => x.text).join(', ') : (a?.text ?? ''))
  const headers = [
    { name: 'From', value: addr(parsed.from) },
    { name: 'To', value: addr(parsed.to) },
    { name: 'Subject', value: parsed.subject ?? '' },
    { name: 'Date', value: parsed.date?.toISOString() ?? '' },
    { name: 'Message-ID', value: parsed.messageId ?? '' },
    { name: 'Auto-Submitted', value: String(parsed.headers.get('auto-submitted') ?? '') },
  ].filter((h) => h.value !== '')
  return {
    id: mail.id,
    createdAt: mail.createdAt,
    headers,
    text: parsed.text ?? null,
    hasHtml: typeof parsed.html === 'string' && parsed.html.length > 0,
    attachments: parsed.attachments.map((a, index) => ({
      index,
      filename: safeFileName(a.filename ?? `attachment-${index + 1}`),
      contentType: a.contentType,
      size: a.size,
    })),
  }
}

/** The whole message as an .eml file. */
export async function readLocalMailRaw(deps: { database: { db: DbOrTx } }, opts: { id: string }): Promise<LocalMailFile | undefined> {
  const mail = await findLocalMail(deps.database.db, opts.id)
  if (!mail) return undefined
  return { filename: `amrac-mail-${mail.id}.eml`, contentType: 'message/rfc822', content: Buffer.from(mail.raw, 'latin1') }
}

export async function readLocalMailHtml(deps: { database: { db: DbOrTx } }, opts: { id: string }): Promise<LocalMailFile | undefined> {
  const loaded = await loadParsed(deps.database.db, opts.id)
  if (!loaded || typeof loaded.parsed.html !== 'string') return undefined
  return { filename: `amrac-mail-${loaded.mail.id}.html`, contentType: 'text/html; charset=utf-8', content: Buffer.from(loaded.parsed.html, 'utf8') }
}

export async function readLocalMailAttachment(
  deps: { database: { db: DbOrTx } },
  opts: { id: string; index: number },
): Promise<LocalMailFile | undefined> {
  const loaded = await loadParsed(deps.database.db, opts.id)
  const a = loaded?.parsed.attachments[opts.index]
  if (!a) return undefined
  return {
    filename: safeFileName(a.filename ?? `attachment-${opts.index + 1}`),
    contentType: SAFE_DOWNLOAD_TYPES.has(a.contentType) ? a.contentType : 'application/octet-stream',
    content: a.content,
  }
}
