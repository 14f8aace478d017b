/**
 * Creates a support ticket from the help form (use case, R3). The screenshot, if any, was already
 * stored through receiveUpload (no file work inside the transaction); here the row and the audit
 * event are written in one transaction, with a notice to the queue's staff (notify-support.ts). A repeated idempotency key (double submit) returns the
 * ticket created the first time.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { MediaType } from '#src/documents/documents.model.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { ContactInput } from './support.schemas.ts'
import { DEFAULT_TOPIC, SUPPORT_QUEUE_BY_CATEGORY, ticketReference, type SupportCategory, type SupportQueue } from './support.rules.ts'
import { findTicketByIdempotencyKey, insertSupportTicket, nextTicketNumber } from './support.repo.ts'
import { notifyQueue } from './notify-support.ts'
import type { SupportDeps } from './support-deps.ts'

export type TicketScreenshot = { key: string; name: string; mediaType: MediaType; size: number; sha256: string }

export type CreateSupportTicketOptions = {
  actor: Actor
  input: Omit<ContactInput, 'screenshotToken' | 'formId'>
  screenshot?: TicketScreenshot
  locale: Locale
  /** Derived from the session and the form instance by the caller. */
  idempotencyKey: string
  client?: { ip?: string; userAgent?: string }
}

export type CreatedSupportTicket = {
  id: string
  reference: string
  category: SupportCategory
  queue: SupportQueue
  /** False when an earlier post with the same idempotency key had already created it. */
  isNew: boolean
}

export async function createSupportTicket(
  deps: SupportDeps,
  opts: CreateSupportTicketOptions,
): Promise<CreatedSupportTicket> {
  const { input, actor } = opts
  const queue = SUPPORT_QUEUE_BY_CATEGORY[input.category]
  const user = actor.kind === 'user' ? actor : undefined
  const now = deps.clock.now()

  return deps.database.db.transaction(async (tx) => {
    const existing = await findTicketByIdempotencyKey(tx, opts.idempotencyKey)
    if (existing) return { ...existing, category: input.category, queue, isNew: false }
    const reference = ticketReference(now, await nextTicketNumber(tx))
    const row = await insertSupportTicket(tx, {
      reference,
      category: input.category,
      topic: input.topic ?? DEFAULT_TOPIC[input.category],
      queue,
      businessName: input.businessName,
      juristicId: input.juristicId ?? null,
      businessTypeCode: input.businessType ?? null,
      contactName: input.contactName,
      phone: input.phone,
      email: input.email,
      message: input.message,
      locale: opts.locale,
      screenshotKey: opts.screenshot?.key ?? null,
      screenshotName: opts.screenshot?.name ?? null,
      screenshotType: opts.screenshot?.mediaType ?? null,
      screenshotSize: opts.screenshot?.size ?? null,
      screenshotSha256: opts.screenshot?.sha256 ?? null,
      createdByUserId: user?.id ?? null,
      entityId: user?.entityId ?? null,
      idempotencyKey: opts.idempotencyKey,
      createdAt: now,
      lastRequesterAt: now,
    })
    if (!row) {
      // A concurrent post with the same key committed first (PostgreSQL waited on the unique index).
      const winner = await findTicketByIdempotencyKey(tx, opts.idempotencyKey)
      if (!winner) throw new Error('support ticket insert conflicted but no ticket has its idempotency key')
      return { ...winner, category: input.category, queue, isNew: false }
    }
    await appendAudit(
      tx,
      { at: now, actorUserId: user?.id ?? null, actorRole: user?.role ?? null, ip: opts.client?.ip, userAgent: opts.client?.userAgent },
      { action: 'support.ticket_created', category: input.category, reference },
      { targetType: 'ticket', targetId: row.id, entityId: user?.entityId ?? null },
    )
    await notifyQueue(tx, deps.config, { queue, ticket: { id: row.id, reference, businessName: input.businessName }, event: 'new', now })
    return { id: row.id, reference, category: input.category, queue, isNew: true }
  })
}
