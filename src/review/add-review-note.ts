/** A staff-only note on an assessment (use case); the business never sees notes. */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { appendReviewEvent, insertNote } from './review.repo.ts'
import { cleanText, staffAndAssessment } from './review-actions.shared.ts'

export async function addReviewNote(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; assessmentId: string; body: string }): Promise<void> {
  const db = deps.database.db
  const { staff, assessment } = await staffAndAssessment(db, opts.actor, opts.assessmentId)
  const body = cleanText(opts.body, 'staff.errors.noteRequired')!
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    await insertNote(tx, { assessmentId: assessment.id, authorUserId: staff.id, at: now, body })
    await appendReviewEvent(tx, { assessmentId: assessment.id, at: now, actorUserId: staff.id, kind: 'note_added', reason: null, payload: {} })
    await appendAudit(tx, { at: now, actorUserId: staff.id, actorRole: staff.role }, { action: 'assessment.note_added', assessmentId: assessment.id }, { targetType: 'assessment', targetId: assessment.id, entityId: assessment.entityId })
  })
}
