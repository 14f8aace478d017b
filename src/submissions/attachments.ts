/**
 * Recording and removing attachments ("+ เพิ่มเอกสาร"). The route stores the upload with
 * receiveUpload (FileStore) first; `addAttachment` records it for one `file` question — named by
 * its form path (`C1_1_evidence`, or a group cell `A07.0.document` of a stored row) — and, in the
 * same transaction, appends `{ attachmentId, documentType }` to the stored draft answer there, so
 * the upload counts at submission even if the page is never saved again. When refused (unknown
 * field path, a document type the question does not take, wrong media type for the document type,
 * too many files for the question, quota, not editable) it removes the stored file and throws.
 * `removeAttachment` soft-deletes the row, takes its reference out of every stored answer, and
 * deletes the file after the commit unless a submission's snapshot refers to it (history is kept).
 */
import type { ReceivedUpload } from '#src/documents/receive-upload.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import { FILE_DEFAULT_MAX_FILES } from '#src/questionnaire/engine/field-types/file.ts'
import { DOCUMENT_TYPE_MEDIA_TYPES, findPart, isDocumentType } from '#src/questionnaire/engine/index.ts'
import type { AppDeps } from '#src/server/deps.ts'
import {
  appendAssessmentEvent,
  attachmentUsage,
  findAttachment,
  insertAttachment,
  isAttachmentSubmitted,
  loadPartAnswers,
  lockAssessment,
  markAttachmentRemoved,
  updateAssessment,
  upsertPartAnswers,
  type AttachmentRow,
} from './submissions.repo.ts'
import { findFileQuestion, refsAt, rowExists, withoutRef, withRef } from './file-question.rules.ts'
import { assertAllowed, assertCycleAcceptsFilings, loadAssessment, notFound, requireEntityActor } from './submissions.shared.ts'

/** Per-business limits over all its live attachments. */
export const ATTACHMENT_QUOTA = { files: 200, bytes: 1024 * 1024 * 1024 } as const

export type AddAttachmentOptions = {
  actor: Actor
  cycleCode: string
  partId: string
  /** The form path of a `file` question of the part: `C1_1_evidence`, or a group cell `A07.0.document`. */
  fieldPath: string
  documentType: string
  stored: Pick<ReceivedUpload, 'key' | 'size' | 'sha256' | 'mediaType' | 'displayName'>
}

type Deps = Pick<AppDeps, 'database' | 'clock' | 'files'>

const badField = () => new AppError('VALIDATION', { messageKey: 'questionnaire.upload.errors.field' })

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
  const { definition, assessment, cycle } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  if (!findPart(definition, opts.partId)) throw notFound()
  assertCycleAcceptsFilings(cycle)
  assertAllowed(assessment, 'upload') // early refusal; re-checked under the lock
  const target = findFileQuestion(definition, opts.partId, opts.fieldPath)
  if (!target) throw badField()
  const { documentType } = opts
  if (!isDocumentType(documentType)) throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.unknownDocumentType' })
  if (!target.question.documentTypes.includes(documentType)) throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.file.documentType' })
  if (!(DOCUMENT_TYPE_MEDIA_TYPES[documentType] as readonly string[]).includes(opts.stored.mediaType)) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', { messageKey: 'questionnaire.errors.attachmentType' })
  }
  const now = deps.clock.now()
  return db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    assertAllowed(locked, 'upload')
    const partAnswers = (await loadPartAnswers(tx, actor.entityId, assessment.id))[opts.partId] ?? {}
    if (!rowExists(partAnswers, target)) throw badField()
    const maxFiles = target.question.maxFiles ?? FILE_DEFAULT_MAX_FILES
    if (refsAt(partAnswers, target).length + 1 > maxFiles) {
      throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.file.tooMany', params: { max: maxFiles } })
    }
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
      fieldId: opts.fieldPath,
      documentType,
      fileKey: opts.stored.key,
      displayName: opts.stored.displayName,
      mediaType: opts.stored.mediaType,
      sizeBytes: opts.stored.size,
      sha256: opts.stored.sha256,
      uploadedBy: actor.id,
      uploadedAt: now,
    })
    const answers = withRef(partAnswers, target, { attachmentId: row.id, documentType })
    await upsertPartAnswers(tx, { assessmentId: assessment.id, partId: opts.partId, answers, now, userId: actor.id })
    await updateAssessment(tx, actor.entityId, assessment.id, { lastSavedAt: now, updatedAt: now })
    await appendAssessmentEvent(tx, {
      assessmentId: assessment.id,
      at: now,
      actorUserId: actor.id,
      kind: 'attachment_added',
      payload: { attachmentId: row.id, documentType, partId: opts.partId, fieldPath: opts.fieldPath, sha256: row.sha256, size: row.sizeBytes },
    })
    return row
  })
}

export type RemoveAttachmentOptions = { actor: Actor; cycleCode: string; attachmentId: string }

/** Returns what was removed (its display name, for the page's message). */
export async function removeAttachment(deps: Deps, opts: RemoveAttachmentOptions): Promise<{ displayName: string }> {
  const actor = requireEntityActor(opts.actor)
  if (!isUuid(opts.attachmentId)) throw notFound()
  const db = deps.database.db
  const { assessment, definition, cycle } = await loadAssessment(db, actor.entityId, opts.cycleCode)
  assertCycleAcceptsFilings(cycle)
  const now = deps.clock.now()
  const removed = await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, actor.entityId, assessment.id)
    if (!locked) throw notFound()
    const att = await findAttachment(tx, actor.entityId, opts.attachmentId)
    if (!att || att.assessmentId !== assessment.id) throw notFound()
    assertAllowed(locked, 'remove_attachment')
    await markAttachmentRemoved(tx, actor.entityId, att.id, now)
    // Out of every stored answer that refers to it (whichever question or row it ended up in).
    for (const [partId, partAnswers] of Object.entries(await loadPartAnswers(tx, actor.entityId, assessment.id))) {
      const stripped = withoutRef(definition, partAnswers, att.id)
      if (stripped.changed) await upsertPartAnswers(tx, { assessmentId: assessment.id, partId, answers: stripped.answers, now, userId: actor.id })
    }
    await updateAssessment(tx, actor.entityId, assessment.id, { updatedAt: now })
    await appendAssessmentEvent(tx, { assessmentId: assessment.id, at: now, actorUserId: actor.id, kind: 'attachment_removed', payload: { attachmentId: att.id } })
    return att
  })
  // After the commit: the file goes unless a submission (history) refers to it.
  if (!(await isAttachmentSubmitted(db, actor.entityId, removed.id))) await deps.files.remove(removed.fileKey)
  return { displayName: removed.displayName }
}
