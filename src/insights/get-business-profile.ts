/**
 * A business's profile for AMLO staff (use case): registry data, its accounts (no credentials),
 * every cycle with the assessment's status and submitted versions, and the rating of each cycle
 * (the approved override in force, else the current computed band of the latest submission).
 */
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import { currentRating, isRating } from '#src/review/review.model.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { AssessmentStatus } from '#src/submissions/assessment-status.rules.ts'
import { requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { type RatingBucket } from './insights.model.ts'
import { findEntityProfile, listCyclesWithAssessment, listEntitySubmissions, listEntityUsers } from './insights.repo.ts'

export type ProfileCycle = {
  code: string
  nameTh: string
  nameEn: string
  deadline: Date
  assessment: { id: string; status: AssessmentStatus } | undefined
  submissions: { version: number; receiptRef: string; submittedAt: Date }[]
  rating: RatingBucket | undefined
  ratingSource: 'computed' | 'override'
}

type Deps = Pick<AppDeps, 'database' | 'clock'>

export async function getBusinessProfile(deps: Deps, opts: { actor: Actor; entityId: string }) {
  requireStaffActor(opts.actor)
  const db = deps.database.db
  const entity = isUuid(opts.entityId) ? await findEntityProfile(db, opts.entityId) : undefined
  if (!entity) throw new AppError('NOT_FOUND', { messageKey: 'insights.errors.businessNotFound' })
  const [users, cycles, subs] = await Promise.all([listEntityUsers(db, entity.id), listCyclesWithAssessment(db, entity.id), listEntitySubmissions(db, entity.id)])
  const now = deps.clock.now()
  const perCycle: ProfileCycle[] = cycles.map((c) => {
    const mine = subs.filter((s) => s.cycleId === c.cycleId)
    const latest = mine.find((s) => s.version === c.submittedVersions)
    const computed = latest && latest.bucket !== 'none' ? latest.bucket : null
    const inForce = currentRating(computed, { rating: isRating(c.overrideRating) ? c.overrideRating : null, expiresAt: c.overrideExpiresAt }, now)
    return {
      code: c.code,
      nameTh: c.nameTh,
      nameEn: c.nameEn,
      deadline: c.deadline,
      assessment: c.assessmentId && c.status ? { id: c.assessmentId, status: c.status as AssessmentStatus } : undefined,
      submissions: mine.map(({ version, receiptRef, submittedAt }) => ({ version, receiptRef, submittedAt })),
      rating: latest ? (inForce.rating ?? 'none') : undefined,
      ratingSource: inForce.source,
    }
  })
  return { entity, users, cycles: perCycle }
}
export type BusinessProfile = Awaited<ReturnType<typeof getBusinessProfile>>
