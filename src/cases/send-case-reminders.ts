/**
 * E-mails the users of each business before the due date of its open information requests and
 * remediation actions (issue 8; use case run by the system, no actor). Steps come from sla.rules.ts
 * (DEFAULT_SLA.dueReminderDays: 7 and 1 days before): each step is recorded in case_reminders, so an
 * item gets each reminder once however often this runs; when several steps are due at once (a new
 * item due tomorrow), only the closest is mailed and the others are recorded as passed. Nothing is
 * sent once the day has passed (escalation takes over). One transaction: the steps, the mails in the
 * outbox, one audit row with the counts.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { activeUsersOfEntities, insertReminderSteps, unsafeListReminderItems } from './case-tasks.repo.ts'
import { caseReference } from './cases.model.ts'
import { addDays, bangkokDay, daysLeft, DEFAULT_SLA, latestReminder, remindersDue, type SlaConfig } from './sla.rules.ts'

export type CaseReminderOutcome = { requests: number; actions: number; mails: number }

export async function sendCaseReminders(deps: Pick<AppDeps, 'database' | 'config'>, opts: { now: Date; sla?: SlaConfig }): Promise<CaseReminderOutcome> {
  const { now } = opts
  const offsets = (opts.sla ?? DEFAULT_SLA).dueReminderDays
  const today = bangkokDay(now)
  const db = deps.database.db
  const items = await unsafeListReminderItems(db, today, addDays(today, Math.max(0, ...offsets)))
  const due = items.flatMap((item) => {
    const steps = remindersDue(item.dueOn, now, offsets, item.sent).filter((s) => s !== 'overdue')
    const mail = latestReminder(steps)
    return mail ? [{ item, steps, mail }] : []
  })
  const outcome: CaseReminderOutcome = { requests: 0, actions: 0, mails: 0 }
  if (!due.length) return outcome
  const recipients = await activeUsersOfEntities(db, [...new Set(due.map((d) => d.item.entityId))])
  return db.transaction(async (tx) => {
    const fresh = await insertReminderSteps(
      tx,
      due.flatMap(({ item, steps }) => steps.map((step) => ({ itemKind: item.kind, itemId: item.id, step, sentAt: now }))),
    )
    for (const { item } of due) {
      if (!fresh.has(item.id)) continue
      outcome[item.kind === 'information_request' ? 'requests' : 'actions']++
      const path = item.kind === 'information_request' ? `requests/${item.id}` : `actions/${item.id}`
      for (const r of recipients.filter((u) => u.entityId === item.entityId)) {
        await enqueueMail(tx, {
          template: 'case_due_reminder',
          to: r.email,
          locale: r.locale === 'en' ? 'en' : 'th',
          now,
          payload: {
            fullName: `${r.firstName} ${r.lastName}`,
            businessName: r.nameTh,
            item: item.kind,
            caseRef: caseReference(item.caseNumber),
            title: item.title.slice(0, 200),
            dueOn: item.dueOn,
            daysLeft: daysLeft(item.dueOn, now),
            url: `${deps.config.baseUrl}/portal/cases/${path}`,
          },
        })
        outcome.mails++
      }
    }
    if (outcome.requests + outcome.actions > 0) await appendAudit(tx, { at: now }, { action: 'case.reminders_sent', ...outcome })
    return outcome
  })
}
