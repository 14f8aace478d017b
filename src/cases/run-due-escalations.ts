/**
 * Takes the escalation steps due on every open case, run hourly by the system (domain.md §8.5;
 * use case with no actor, like send-case-reminders.ts). For each open case with a finding to
 * remediate past its deadline, one transaction: lock the case, take the steps due exactly as
 * escalateCase does (takeDueEscalations: finding, case event without an actor, audit row), and
 * mail the case's assignee — or, when it has none (or they left), every active supervisor — one
 * message listing the steps taken.
 *
 * Idempotent: the steps of one case are taken under the key `system:escalations:<case>:<day>`
 * (Bangkok day), so a second run the same day finds the key and takes nothing new; the ladder
 * climbs at most one step per finding per day. Each case is its own transaction: a case that fails
 * (rolled back) is listed in `failed` with its error and the run goes on with the next case; the
 * next hourly run tries it again. choice: users have no team, so "the team's
 * supervisors" are all active supervisors.
 */
import type { AppDeps } from '#src/server/deps.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { findCaseEntity } from './case-inbox.repo.ts'
import { isTerminal } from './case-status.rules.ts'
import { caseReference } from './cases.model.ts'
import { findCaseEventByKey, listFindings, lockCase } from './cases.repo.ts'
import { escalationRecipients, unsafeListCasesWithOverdueFindings } from './enforcement.repo.ts'
import { takeDueEscalations } from './escalate-case.ts'
import { bangkokDay } from './sla.rules.ts'

export type DueEscalationsOutcome = { cases: number; steps: number; mails: number; failed: { caseId: string; error: string }[] }

export const systemEscalationKey = (caseId: string, day: string) => `system:escalations:${caseId}:${day}`

export async function runDueEscalations(deps: Pick<AppDeps, 'database' | 'config'>, opts: { now: Date }): Promise<DueEscalationsOutcome> {
  const { now } = opts
  const today = bangkokDay(now)
  const db = deps.database.db
  const outcome: DueEscalationsOutcome = { cases: 0, steps: 0, mails: 0, failed: [] }
  for (const caseId of await unsafeListCasesWithOverdueFindings(db, today)) {
    try {
      const done = await escalateOneCase(deps, caseId, now, today)
      if (!done) continue
      outcome.cases++
      outcome.steps += done.steps
      outcome.mails += done.mails
    } catch (e) {
      outcome.failed.push({ caseId, error: errorMessage(e) })
    }
  }
  return outcome
}

/** The database's own message when drizzle wrapped it (its wrapper repeats the query and its parameters). */
const errorMessage = (e: unknown): string => (e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e))

/** One case in its own transaction: the steps taken and mails queued, or null when nothing was due. */
async function escalateOneCase(deps: Pick<AppDeps, 'database' | 'config'>, caseId: string, now: Date, today: string): Promise<{ steps: number; mails: number } | null> {
  const key = systemEscalationKey(caseId, today)
  return deps.database.db.transaction(async (tx) => {
    const found = await lockCase(tx, caseId)
    if (!found || isTerminal(found.status) || (await findCaseEventByKey(tx, key))) return null
    const steps = await takeDueEscalations(tx, found, { now, by: null, key })
    if (!steps.length) return null
    let mails = 0
    const titles = new Map((await listFindings(tx, found.id)).map((f) => [f.id, f.title]))
    const entity = await findCaseEntity(tx, found.entityId)
    for (const r of await escalationRecipients(tx, found.assigneeUserId)) {
      await enqueueMail(tx, {
        template: 'case_escalation_steps',
        to: r.email,
        locale: r.locale === 'en' ? 'en' : 'th',
        now,
        payload: {
          fullName: `${r.firstName} ${r.lastName}`.trim(),
          businessName: entity?.nameTh ?? '',
          caseRef: caseReference(found.number),
          steps: steps.map((s) => ({ title: (titles.get(s.findingId) ?? '').slice(0, 200), step: s.step, daysOverdue: s.daysOverdue })),
          url: `${deps.config.baseUrl}/staff/cases/${found.id}`,
        },
      })
      mails++
    }
    return { steps: steps.length, mails }
  })
}
