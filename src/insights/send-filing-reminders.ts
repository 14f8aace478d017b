/**
 * Batch filing reminder (use case, staff only, R3): e-mails the active entity administrators of
 * every business that has not filed the cycle and matches the filters. Idempotent per business per
 * Bangkok day: a business reminded today is skipped (unique row in filing_reminders). One short
 * transaction records the reminders, queues the mails in the outbox and appends one audit row with
 * the counts. A batch handles at most REMINDER_BATCH_MAX businesses; the rest wait for the next one.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { bangkokToday, requireStaffActor } from '#src/submissions/submissions.shared.ts'
import type { FilingFilters } from './get-filing-status.ts'
import { entityAdmins, insertReminders, reminderCandidates } from './insights.repo.ts'
import { resolveCycle } from './insights.shared.ts'

export const REMINDER_BATCH_MAX = 1000

export type ReminderOutcome = {
  cycleCode: string
  /** Businesses reminded now, and e-mails queued to their administrators. */
  sent: number
  mails: number
  /** Businesses already reminded today (not e-mailed again). */
  skipped: number
  /** Non-filers without an active entity administrator to e-mail. */
  withoutAdmin: number
  /** Businesses still due after this batch (over the batch size). */
  remaining: number
}

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>

export async function sendFilingReminders(deps: Deps, opts: { actor: Actor; cycleCode?: string | undefined; filters: FilingFilters; ip?: string | undefined }): Promise<ReminderOutcome> {
  const staff = requireStaffActor(opts.actor)
  const db = deps.database.db
  const now = deps.clock.now()
  const day = bangkokToday(now)
  const { cycle } = await resolveCycle(db, opts.cycleCode, now)
  if (!cycle) throw new AppError('NOT_FOUND', { messageKey: 'insights.errors.cycleNotFound' })
  const filter = { cycleId: cycle.id, ...opts.filters }
  const candidates = await reminderCandidates(db, filter, day, REMINDER_BATCH_MAX)
  const admins = await entityAdmins(db, candidates.entityIds)
  const byEntity = new Map<string, typeof admins>()
  for (const a of admins) byEntity.set(a.entityId, [...(byEntity.get(a.entityId) ?? []), a])

  return db.transaction(async (tx) => {
    const recorded = await insertReminders(
      tx,
      candidates.entityIds.map((entityId) => ({ entityId, recipients: byEntity.get(entityId)?.length ?? 0 })),
      { cycleId: cycle.id, day, at: now, by: staff.id },
    )
    let mails = 0
    for (const entityId of recorded) {
      for (const a of byEntity.get(entityId) ?? []) {
        const locale = a.locale === 'en' ? 'en' : 'th'
        await enqueueMail(tx, {
          template: 'filing_reminder',
          to: a.email,
          locale,
          now,
          payload: {
            fullName: `${a.firstName} ${a.lastName}`,
            businessName: registeredName(a.nameTh, a.legalForm as LegalForm, 'th'),
            cycleCode: cycle.code,
            deadline: cycle.deadline.toISOString(),
            assessmentUrl: `${deps.config.baseUrl}/portal/assessments/${cycle.code}`,
          },
        })
        mails++
      }
    }
    const outcome: ReminderOutcome = {
      cycleCode: cycle.code,
      sent: recorded.size,
      mails,
      // Raced by a parallel batch: those count as already reminded today.
      skipped: candidates.remindedToday + (candidates.entityIds.length - recorded.size),
      withoutAdmin: candidates.withoutAdmin,
      remaining: Math.max(0, candidates.due - candidates.entityIds.length),
    }
    await appendAudit(
      tx,
      { at: now, actorUserId: staff.id, actorRole: staff.role, ip: opts.ip ?? null },
      { action: 'filing.reminders_sent', cycleCode: cycle.code, sent: outcome.sent, mails, skipped: outcome.skipped, businessType: opts.filters.businessType ?? null, province: opts.filters.province ?? null },
      { targetType: 'cycle', targetId: cycle.id },
    )
    return outcome
  })
}
