/**
 * Reads for the basic-information report (issue 4/5) that the shared repository does not have.
 * Scoped by `entityId` like every repository here (R16): another business's rows are not found.
 */
import { and, asc, eq } from 'drizzle-orm'
import type { DbOrTx } from '#src/db/client.ts'
import { attachments } from './submissions.tables.ts'

export type AttachmentUploadTime = { id: string; uploadedAt: Date }

/**
 * When each attachment of the assessment was uploaded, removed ones included: a submitted
 * version's snapshot may list a file that was later removed from the corrected draft.
 */
export async function listAttachmentUploadTimes(db: DbOrTx, entityId: string, assessmentId: string): Promise<AttachmentUploadTime[]> {
  return db
    .select({ id: attachments.id, uploadedAt: attachments.uploadedAt })
    .from(attachments)
    .where(and(eq(attachments.entityId, entityId), eq(attachments.assessmentId, assessmentId)))
    .orderBy(asc(attachments.uploadedAt), asc(attachments.id))
}
