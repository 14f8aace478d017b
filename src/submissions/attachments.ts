/**
 * Recording and removing attachments ("+ เพิ่มเอกสาร"). The route stores the upload with
 * receiveUpload (FileStore) first; `addAttachment` records it — or, when refused (wrong media type
 * for the document type, quota, not editable), removes the stored file again and throws.
 * `removeAttachment` soft-deletes the row and deletes the file after the commit, unless a
 * submission's snapshot refers to it (history is kept).
 */
import type { ReceivedUpload } from '#src/documents/receive-upload.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import { DOCUMENT_TYPE_MEDIA_TYPES, findPart, isDocumentType } from '#src/questionnaire/engine/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import {
  appendAssessmentEvent,
  attachmentUsage,
  findAttachment,
  insertAttachment,
  isAttachmentSubmitted,
  lockAssessment,
  markAttachmentRemoved,
  updateAssessment,
  type AttachmentRow,
} from './submissions.repo.ts'
import { assertAllowed, loadAssessment, notFound, requireEntityActor } from './submissions.shared.ts'

/** Per-business limits over all its live attachments. */
export const ATTACHMENT_QUOTA = { files: 200, bytes: 1024 * 1024 * 1024 } as const

export type AddAttachmentOptions = {
  actor: Actor
  cycleCode: string
  partId: string
  fieldId?: string
  documentType: string
  stored: Pick<ReceivedUpload, 'key' | 'size' | 'sha256' | 'mediaType' | 'displayName'>
}

type Deps = Pick<AppDeps, 'database' | 'clock' | 'files'>

export async function addAttachment(deps: Deps, opts: AddAttachmentOptions): Promise<AttachmentRow> {
  try {
    return await record(deps, opts)
  } catch (e) {
    await deps.files.remove(opts.stored.key) // nothing refers to it: do not keep an orphan
    throw e
  }
}

async function record(deps: Deps, opts: AddAttachmentOptions): Promise<AttachmentRow> {
  const actor = requireEntityActor(opts.actor)
  const db = deps.database.db
  const { definition, assessment } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  if (!findPart(definition, opts.partId)) throw notFound()
  const { documentType } = opts
  if (!isDocumentType(documentType)) throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.unknownDocumentType' })
  if (!(DOCUMENT_TYPE_MEDIA_TYPES[documentType] as readonly string[]).includes(opts.stored.mediaType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { messageKey: 'questionnaire.errors.attachmentType' })
  }
  assertAllowed(assessment, 'upload')
  const now = deps.clock.now()
  return db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    assertAllowed(locked, 'upload')
    const usage = await attachmentUsage(tx, actor.entityId)
    if (usage.files + 1 > ATTACHMENT_QUOTA.files || usage.bytes + opts.stored.size > ATTACHMENT_QUOTA.bytes) {
      throw new AppError('PAYLOAD_TOO_LARGE', {
        messageKey: 'questionnaire.errors.attachmentQuota',
        params: { files: ATTACHMENT_QUOTA.files, megabytes: ATTACHMENT_QUOTA.bytes / 1024 / 1024 },
      })
    }
    const row = await insertAttachment(tx, {
      assessmentId: assessment.id,
      entityId: actor.entityId,
      partId: opts.partId,
      fieldId: opts.fieldId ?? null,
      documentType,
      fileKey: opts.stored.key,
      displayName: opts.stored.displayName,
      mediaType: opts.stored.mediaType,
      sizeBytes: opts.stored.size,
      sha256: opts.stored.sha256,
      uploadedBy: actor.id,
      uploadedAt: now,
    })
    await updateAssessment(tx, actor.entityId, assessment.id, { updatedAt: now })
    await appendAssessmentEvent(tx, {
      assessmentId: assessment.id,
      at: now,
      actorUserId: actor.id,
      kind: 'attachment_added',
      payload: { attachmentId: row.id, documentType, partId: opts.partId, sha256: row.sha256, size: row.sizeBytes },
    })
    return row
  })
}

export async function removeAttachment(deps: Deps, opts: { actor: Actor; cycleCode: string; attachmentId: string }): Promise<void> {
  const actor = requireEntityActor(opts.actor)
  if (!isUuid(opts.attachmentId)) throw notFound()
  const db = deps.database.db
  const { assessment } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  const now = deps.clock.now()
  const removed = await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    const att = await findAttachment(tx, actor.entityId, opts.attachmentId)
    if (!att || att.assessmentId !== assessment.id) throw notFound()
    assertAllowed(locked, 'remove_attachment')
    await markAttachmentRemoved(tx, actor.entityId, att.id, now)
    await updateAssessment(tx, actor.entityId, assessment.id, { updatedAt: now })
    await appendAssessmentEvent(tx, { assessmentId: assessment.id, at: now, actorUserId: actor.id, kind: 'attachment_removed', payload: { attachmentId: att.id } })
    return att
  })
  // After the commit: the file goes unless a submission (history) refers to it.
  if (!(await isAttachmentSubmitted(db, actor.entityId, removed.id))) await deps.files.remove(removed.fileKey)
}
