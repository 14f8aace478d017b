/**
 * Staff open an attachment of a submitted assessment (shown inline in the browser). Only files the
 * latest submission's snapshot lists are served; nothing is written.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { OpenedAttachment } from '#src/submissions/open-attachment.ts'
import type { SubmissionSnapshot } from '#src/submissions/submit-assessment.ts'
import { findLatestSubmission } from '#src/submissions/submissions.repo.ts'
import { notFound } from '#src/submissions/submissions.shared.ts'
import { attachments } from '#src/submissions/submissions.tables.ts'
import { and, eq } from 'drizzle-orm'
import { staffAndAssessment } from './review-actions.shared.ts'

export async function openStaffAttachment(deps: Pick<AppDeps, 'database' | 'files'>, opts: { actor: Actor; assessmentId: string; attachmentId: string }): Promise<OpenedAttachment> {
  const db = deps.database.db
  const { assessment } = await staffAndAssessment(db, opts.actor, opts.assessmentId)
  if (!isUuid(opts.attachmentId)) throw notFound()
  const latest = await findLatestSubmission(db, assessment.entityId, assessment.id)
  const listed = (latest?.snapshot as SubmissionSnapshot | undefined)?.attachments.find((a) => a.id === opts.attachmentId)
  if (!listed) throw notFound()
  const [row] = await db
    .select({ fileKey: attachments.fileKey })
    .from(attachments)
    .where(and(eq(attachments.id, listed.id), eq(attachments.entityId, assessment.entityId)))
    .limit(1)
  if (!row) throw notFound()
  const { stream, size } = await deps.files.open(row.fileKey)
  return { displayName: listed.displayName, mediaType: listed.mediaType, size, stream }
}
