/**
 * Reading one of the business's own attachments of a cycle's assessment (download). Tenant
 * scoping is in the repository: another business's attachment id, a removed attachment or one of
 * another cycle is simply NOT_FOUND. The file is opened through the FileStore; nothing is written.
 */
import type { Readable } from 'node:stream'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findAttachment } from './submissions.repo.ts'
import { loadAssessment, notFound, requireEntityActor } from './submissions.shared.ts'

export type OpenedAttachment = { displayName: string; mediaType: string; size: number; stream: Readable }

export async function openAttachment(deps: Pick<AppDeps, 'database' | 'files'>, opts: { actor: Actor; cycleCode: string; attachmentId: string }): Promise<OpenedAttachment> {
  const actor = requireEntityActor(opts.actor)
  if (!isUuid(opts.attachmentId)) throw notFound()
  const db = deps.database.db
  const { assessment } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  const att = await findAttachment(db, actor.entityId, opts.attachmentId)
  if (!att || att.assessmentId !== assessment.id) throw notFound()
  const { stream, size } = await deps.files.open(att.fileKey)
  return { displayName: att.displayName, mediaType: att.mediaType, size, stream }
}
