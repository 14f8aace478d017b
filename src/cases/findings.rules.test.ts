import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  REMEDIATION_ACTIONS,
  REMEDIATION_STATUSES,
  decideRemediation,
  defaultFindingDueOn,
  escalationsDue,
  isResolved,
  openCriticalFindingsPastDeadline,
  type EscalationStep,
  type FindingSeverity,
  type FindingState,
  type RemediationStatus,
} from './findings.rules.ts'

const now = new Date('2026-11-29T03:00:00Z') // 29 Nov 2026 in Bangkok
const finding = (over: Partial<FindingState> & { id: string }): FindingState => ({ severity: 'critical', dueOn: '2026-11-28', escalationStep: null, actions: [{ status: 'open' }], ...over })

test('default deadlines by severity', () => {
  const rows: [FindingSeverity, string][] = [['critical', '2026-12-29'], ['major', '2027-01-28'], ['minor', '2027-02-27'], ['observation', '2027-05-28']]
  for (const [s, due] of rows) assert.equal(defaultFindingDueOn(s, now), due, s)
})

test('the remediation matrix (status × action), by business and by staff', () => {
  const matrix: Record<string, string> = {}
  for (const s of REMEDIATION_STATUSES) {
    for (const a of REMEDIATION_ACTIONS) {
      for (const by of ['business', 'staff'] as const) {
        const d = decideRemediation(s, a, { by, evidenceCount: 1, reason: 'หลักฐานไม่ครบ' })
        matrix[`${s}.${a}.${by}`] = d.ok ? `→${d.to}` : d.messageKey.replace('cases.errors.', '')
      }
    }
  }
  assert.deepEqual(matrix, {
    'open.mark_done.business': '→done_by_business',
    'open.mark_done.staff': '→done_by_business',
    'open.verify.business': 'remediationNotAllowed',
    'open.verify.staff': 'remediationNotAllowed',
    'open.reject.business': 'remediationNotAllowed',
    'open.reject.staff': 'remediationNotAllowed',
    'done_by_business.mark_done.business': 'remediationNotAllowed',
    'done_by_business.mark_done.staff': 'remediationNotAllowed',
    'done_by_business.verify.business': 'staffOnly',
    'done_by_business.verify.staff': '→verified',
    'done_by_business.reject.business': 'staffOnly',
    'done_by_business.reject.staff': '→rejected',
    'verified.mark_done.business': 'remediationNotAllowed',
    'verified.mark_done.staff': 'remediationNotAllowed',
    'verified.verify.business': 'remediationNotAllowed',
    'verified.verify.staff': 'remediationNotAllowed',
    'verified.reject.business': 'remediationNotAllowed',
    'verified.reject.staff': 'remediationNotAllowed',
    'rejected.mark_done.business': '→done_by_business',
    'rejected.mark_done.staff': '→done_by_business',
    'rejected.verify.business': 'remediationNotAllowed',
    'rejected.verify.staff': 'remediationNotAllowed',
    'rejected.reject.business': 'remediationNotAllowed',
    'rejected.reject.staff': 'remediationNotAllowed',
  })
  assert.deepEqual(decideRemediation('open', 'mark_done', { by: 'business', evidenceCount: 0 }), { ok: false, messageKey: 'cases.errors.evidenceRequired' })
  assert.deepEqual(decideRemediation('done_by_business', 'reject', { by: 'staff', evidenceCount: 1, reason: ' ' }), { ok: false, messageKey: 'cases.errors.reasonRequired' })
})

test('resolved means every action verified, and at least one action', () => {
  const rows: [RemediationStatus[], boolean][] = [[[], false], [['verified'], true], [['verified', 'done_by_business'], false], [['verified', 'verified'], true], [['rejected'], false]]
  for (const [statuses, resolved] of rows) assert.equal(isResolved({ actions: statuses.map((status) => ({ status })) }), resolved, statuses.join())
})

test('§6.5 floor: open critical findings past their deadline', () => {
  const findings = [
    finding({ id: 'late-critical' }),
    finding({ id: 'due-today', dueOn: '2026-11-29' }),
    finding({ id: 'resolved', actions: [{ status: 'verified' }] }),
    finding({ id: 'done-not-verified', actions: [{ status: 'done_by_business' }] }),
    finding({ id: 'no-actions-yet', actions: [] }),
    finding({ id: 'late-major', severity: 'major' }),
    finding({ id: 'withdrawn', withdrawn: true }),
  ]
  assert.deepEqual(openCriticalFindingsPastDeadline(findings, now).map((f) => f.id), ['late-critical', 'done-not-verified', 'no-actions-yet'])
})

describe('§8.5 escalation ladder', () => {
  test('what is due to escalate at now', () => {
    const rows: [FindingSeverity, string, EscalationStep | null, string | null][] = [
      // severity     due on        step taken              next step due
      ['critical', '2026-11-29', null, null], // not late yet
      ['critical', '2026-11-28', null, 'management_letter'],
      ['critical', '2026-11-28', 'management_letter', null], // 1 day late: the warning waits until 30
      ['critical', '2026-10-30', 'management_letter', 'formal_warning'],
      ['critical', '2026-01-01', null, 'management_letter'], // one step at a time
      ['critical', '2026-01-01', 'administrative_fine', 'criminal_referral'],
      ['critical', '2026-01-01', 'criminal_referral', null], // the top
      ['major', '2026-01-01', 'administrative_fine', null], // major stops at a fine
      ['major', '2026-08-01', 'order_to_rectify', 'administrative_fine'],
      ['minor', '2026-01-01', 'management_letter', 'formal_warning'],
      ['minor', '2026-01-01', 'formal_warning', null],
      ['observation', '2026-01-01', null, null],
    ]
    for (const [severity, dueOn, step, expected] of rows) {
      const due = escalationsDue([finding({ id: 'f', severity, dueOn, escalationStep: step })], now)
      assert.deepEqual(due.map((d) => d.step)[0] ?? null, expected, `${severity} ${dueOn} ${step}`)
    }
  })

  test('resolved and withdrawn findings never escalate', () => {
    const late = { dueOn: '2026-01-01' }
    assert.deepEqual(escalationsDue([finding({ id: 'r', ...late, actions: [{ status: 'verified' }] }), finding({ id: 'w', ...late, withdrawn: true })], now), [])
    assert.deepEqual(escalationsDue([finding({ id: 'x', ...late })], now), [{ findingId: 'x', step: 'management_letter', daysOverdue: 332 }])
  })
})
