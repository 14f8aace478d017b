/** Shared by the review action use cases: the staff actor and the submitted assessment, or NOT_FOUND. */
import type { DbOrTx } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import { unsafeFindAssessmentById, type Assessment } from '#src/submissions/submissions.repo.ts'
import { notFound, requireStaffActor } from '#src/submissions/submissions.shared.ts'

export const REASON_MAX = 2000

export async function staffAndAssessment(db: DbOrTx, actor: Actor, assessmentId: string): Promise<{ staff: Extract<Actor, { kind: 'user' }>; assessment: Assessment }> {
  const staff = requireStaffActor(actor)
  if (!isUuid(assessmentId)) throw notFound()
  const assessment = await unsafeFindAssessmentById(db, assessmentId)
  if (!assessment || assessment.submittedVersions === 0) throw notFound()
  return { staff, assessment }
}

/** NFC, trimmed; VALIDATION with `messageKey` when empty (if required) or too long. */
export function cleanText(value: string | undefined, messageKey: 'staff.errors.reasonRequired' | 'staff.errors.noteRequired', required = true): string | null {
  const v = (value ?? '').normalize('NFC').trim()
  if (!v && required) throw new AppError('VALIDATION', { messageKey })
  if (v.length > REASON_MAX) throw new AppError('VALIDATION', { messageKey: 'staff.errors.tooLong' })
  return v || null
}
