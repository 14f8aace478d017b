/**
 * The escalation and enforcement part of the staff case page (§8.5), read by getCaseView: the
 * case an enforcement referral came from, the referral cases opened from this one, the steps due
 * now (escalationsDue), and — on an enforcement referral — its measures. Read-only, no use case.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { isTerminal } from './case-status.rules.ts'
import type { CaseRow } from './cases.repo.ts'
import { findLinkedCase, listCaseMeasures, listReferralCases } from './enforcement.repo.ts'
import { escalationsDue, type FindingState } from './findings.rules.ts'

export async function loadCaseEnforcement(db: DbOrTx, c: CaseRow, states: readonly FindingState[], now: Date) {
  const [parent, referrals, measures] = await Promise.all([
    c.parentCaseId ? findLinkedCase(db, c.parentCaseId) : Promise.resolve(undefined),
    listReferralCases(db, c.id),
    c.type === 'enforcement_referral' ? listCaseMeasures(db, c.id) : Promise.resolve(null),
  ])
  const open = !isTerminal(c.status)
  return {
    parent: parent ?? null,
    referrals,
    /** Null on other case types: the measures section is not shown. */
    measures,
    /** A measure may be recorded (an open referral) or its status updated (not cancelled). */
    canRecordMeasure: c.type === 'enforcement_referral' && open,
    canUpdateMeasures: c.type === 'enforcement_referral' && c.status !== 'cancelled',
    /** The escalation button shows on open cases with findings; this many steps are due now. */
    escalation: open && states.length > 0 ? { due: escalationsDue(states, now).length } : null,
  }
}
export type CaseEnforcementView = Awaited<ReturnType<typeof loadCaseEnforcement>>
