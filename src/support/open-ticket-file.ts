/**
 * Opens a ticket's screenshot or a reply's attachment for download, within the caller's scope
 * (see get-ticket-thread.ts). Requesters never reach files of staff-only notes.
 */
import type { FileStore } from '#src/documents/file-store.ts'
import type { MediaType } from '#src/documents/documents.model.ts'
import { isUuid } from '#src/platform/ids.ts'
import { findScopedTicket, type TicketScope } from './get-ticket-thread.ts'
import { ticketNotFound, type SupportDeps } from './support-deps.ts'
import { findTicketFile } from './support-threads.repo.ts'

export async function openTicketFile(
  deps: Pick<SupportDeps, 'database'> & { files: FileStore },
  opts: { scope: TicketScope; ticketId: string; messageId?: string },
): Promise<{ name: string; mediaType: MediaType; size: number; stream: NodeJS.ReadableStream }> {
  const ticket = await findScopedTicket(deps, opts.scope, opts.ticketId)
  if (!ticket || (opts.messageId !== undefined && !isUuid(opts.messageId))) throw ticketNotFound()
  const f = await findTicketFile(deps.database.db, ticket.id, opts.messageId, { includeStaffOnly: opts.scope.kind === 'queue' })
  if (!f) throw ticketNotFound()
  const { stream, size } = await deps.files.open(f.key)
  return { name: f.name, mediaType: f.mediaType, size, stream }
}
