/**
 * Records an on-site visit of an inspection (use case; R3): the day, who attended and the notes.
 * Staff-only (the business never sees the record). On-site case types only, while fieldwork is
 * being done or written up; the day may not be in the future.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { CaseStatus, CaseType } from './case-status.rules.ts'
import { insertVisit } from './case-tasks.repo.ts'
import { appendCaseEvent } from './cases.repo.ts'
import { lockCaseOnce, requireCaseWorker, requiredText, storedKey } from './cases.shared.ts'
import { bangkokDay } from './sla.rules.ts'

export type RecordVisitOptions = { actor: Actor; caseId: string; visitedOn: string; attendees: string; notes: string; idempotencyKey: string }

const VISIT_TYPES: readonly CaseType[] = ['onsite_inspection', 'thematic_review']
const VISIT_STATUSES: readonly CaseStatus[] = ['fieldwork', 'exit_meeting', 'draft_report']

export async function recordVisit(deps: Pick<AppDeps, 'database' | 'clock'>, opts: RecordVisitOptions): Promise<{ visitId: string | null; duplicate: boolean }> {
  const staff = requireCaseWorker(opts.actor)
  const key = storedKey(staff, opts.idempotencyKey)
  const attendees = requiredText(opts.attendees)
  const notes = requiredText(opts.notes)
  const now = deps.clock.now()
  const v = (opts.visitedOn ?? '').trim()
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(v) && new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) === v
  if (!valid || v > bangkokDay(now)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.visitedOn' })
  return deps.database.db.transaction(async (tx) => {
    const { found, duplicate } = await lockCaseOnce(tx, opts.caseId, key)
    if (duplicate) return { visitId: null, duplicate }
    if (!VISIT_TYPES.includes(found.type)) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.wrongType' })
    if (!VISIT_STATUSES.includes(found.status)) throw new AppError('INVALID_TRANSITION', { messageKey: 'cases.errors.visitNotAllowed' })
    const visit = await insertVisit(tx, { caseId: found.id, visitedOn: v, attendees, notes, recordedBy: staff.id, recordedAt: now })
    await appendCaseEvent(tx, { caseId: found.id, at: now, actorUserId: staff.id, idempotencyKey: key, event: { kind: 'visit_recorded', visitId: visit.id, visitedOn: v } })
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role },
      { action: 'case.visit_recorded', caseId: found.id, visitId: visit.id },
      { targetType: 'case', targetId: found.id, entityId: found.entityId },
    )
    return { visitId: visit.id, duplicate: false }
  })
}
