/**
 * AMLO's review of a submitted assessment: return it for correction (reasons per part and per
 * field; the business may edit and resubmit, which creates the next version with its own receipt)
 * or accept it. Internal use cases for now: the back-office issue adds the permission and routes;
 * until then any staff role may call them. Earlier submissions are never changed (history).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { fullName, unsafeFindUserById } from '#src/identity/users.repo.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { AssessmentAction } from './assessment-status.rules.ts'
import { appendAssessmentEvent, findLatestSubmission, lockAssessment, unsafeFindAssessmentById, updateAssessment } from './submissions.repo.ts'
import { findCycleById } from '#src/review/review.repo.ts'
import { assertAllowed, notFound, requireStaffActor } from './submissions.shared.ts'
import type { Corrections } from './get-assessment.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>

async function review(deps: Deps, actor: Actor, assessmentId: string, action: Extract<AssessmentAction, 'return' | 'accept'>, corrections?: Corrections): Promise<void> {
  const staff = requireStaffActor(actor)
  if (!isUuid(assessmentId)) throw notFound()
  const db = deps.database.db
  const found = await unsafeFindAssessmentById(db, assessmentId)
  if (!found) throw notFound()
  const now = deps.clock.now()
  await db.transaction(async (tx) => {
    const locked = await lockAssessment(tx, found.entityId, found.id)
    if (!locked) throw notFound()
    assertAllowed(locked, action)
    const status = action === 'return' ? 'returned' : 'accepted'
    await updateAssessment(tx, found.entityId, found.id, { status, ...(action === 'return' ? { corrections: corrections ?? {} } : {}), updatedAt: now })
    await appendAssessmentEvent(tx, {
      assessmentId: found.id,
      at: now,
      actorUserId: staff.id,
      kind: action === 'return' ? 'returned' : 'accepted',
      payload: { version: locked.submittedVersions, ...(corrections ? { corrections } : {}) },
    })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      action === 'return' ? { action: 'assessment.returned', assessmentId: found.id } : { action: 'assessment.accepted', assessmentId: found.id },
      { targetType: 'assessment', targetId: found.id, entityId: found.entityId },
    )
    // The business is told by e-mail (the submitter of the latest version) and in the app (the corrections banner).
    if (action === 'return') {
      const latest = await findLatestSubmission(tx, found.entityId, found.id)
      const [user, cycle] = await Promise.all([latest?.submittedBy ? unsafeFindUserById(tx, latest.submittedBy) : undefined, findCycleById(tx, found.cycleId)])
      if (user && cycle) {
        const locale = user.locale === 'en' ? 'en' : 'th'
        await enqueueMail(tx, {
          template: 'submission_returned',
          to: user.email,
          locale,
          now,
          payload: { fullName: fullName(user), cycleName: locale === 'en' ? cycle.nameEn : cycle.nameTh, assessmentUrl: `${deps.config.baseUrl}/portal/assessments/${cycle.code}` },
        })
      }
    }
  })
}

export async function returnForCorrection(deps: Deps, opts: { actor: Actor; assessmentId: string; reasons: Corrections }): Promise<void> {
  const parts = opts.reasons.parts ?? {}
  const fields = opts.reasons.fields ?? {}
  const clean = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v.normalize('NFC').trim()]).filter(([, v]) => v))
  const reasons: Corrections = { parts: clean(parts), fields: clean(fields) }
  if (!Object.keys(reasons.parts!).length && !Object.keys(reasons.fields!).length) throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.notAllowed' })
  await review(deps, opts.actor, opts.assessmentId, 'return', reasons)
}

export async function acceptAssessment(deps: Deps, opts: { actor: Actor; assessmentId: string }): Promise<void> {
  await review(deps, opts.actor, opts.assessmentId, 'accept')
}
