/**
 * The thread of a support ticket as the pages and use cases see it. Pure.
 */
import type { MediaType } from '#src/documents/documents.model.ts'
import type { SupportCategory, SupportQueue, SupportTopic } from './support.rules.ts'
import type { SupportTicketStatus } from './ticket-status.rules.ts'

export const TICKET_MESSAGE_KINDS = ['message', 'move_note'] as const
export type TicketMessageKind = (typeof TICKET_MESSAGE_KINDS)[number]
export const TICKET_AUTHOR_KINDS = ['staff', 'requester'] as const
export type TicketAuthorKind = (typeof TICKET_AUTHOR_KINDS)[number]

export type TicketFile = { name: string; mediaType: MediaType; size: number }

export type TicketMessage = {
  id: string
  kind: TicketMessageKind
  authorKind: TicketAuthorKind
  /** Staff: their name; a requester: the contact name on the ticket. */
  authorName: string
  body: string
  movedToQueue: SupportQueue | null
  attachment: TicketFile | null
  createdAt: Date
}

export type TicketDetail = {
  id: string
  reference: string
  category: SupportCategory
  topic: SupportTopic
  queue: SupportQueue
  status: SupportTicketStatus
  businessName: string
  juristicId: string | null
  businessTypeCode: string | null
  contactName: string
  phone: string
  email: string
  /** The first message (from the help form). */
  message: string
  locale: 'th' | 'en'
  screenshot: TicketFile | null
  hasAccount: boolean
  createdAt: Date
  lastRequesterAt: Date
  closedAt: Date | null
}

export type TicketThread = { ticket: TicketDetail; messages: TicketMessage[] }

/** A requester sees only messages, never the staff's move notes. */
export const requesterView = (messages: readonly TicketMessage[]) => messages.filter((m) => m.kind === 'message')

/** A file already stored through receiveUpload (content-checked), to attach to a reply. */
export type TicketAttachmentInput = { key: string; name: string; mediaType: MediaType; size: number; sha256: string }
