/**
 * Pins the whole case lifecycle (house style R6): every status × action × role × case type, read
 * from decideCaseTransition, written as a table in case-status.matrix.txt so that a change of the
 * rules reads as a diff of that file. After a deliberate change, regenerate it with
 * `UPDATE_MATRIX=1 node --import tsx --test src/cases/case-status.rules.test.ts` and review the diff.
 */
import assert from 'node:assert/strict'
import fs from 'node:fs'
import { test } from 'node:test'
import {
  ACTIONS_BY_STATUS,
  CASE_ACTIONS,
  CASE_ROLES,
  CASE_STATUSES,
  CASE_TYPES,
  TRANSITIONS,
  availableActions,
  decideAssignment,
  decideCaseTransition,
  type CaseAction,
  type CaseRole,
  type CaseStatus,
  type Transition,
} from './case-status.rules.ts'

const MATRIX_FILE = new URL('./case-status.matrix.txt', import.meta.url)

function cell(status: CaseStatus, action: CaseAction, role: CaseRole): string {
  const groups = new Map<string, string[]>()
  for (const caseType of CASE_TYPES) {
    const d = decideCaseTransition(status, action, { role, caseType, reason: 'เหตุผล', unresolvedFindings: 0 })
    const r = d.ok ? `→${d.to}` : d.messageKey.replace('cases.errors.', '')
    groups.set(r, [...(groups.get(r) ?? []), caseType])
  }
  if (groups.size === 1) return [...groups.keys()][0]!
  return [...groups].map(([r, types]) => `${r}[${types.join(',')}]`).join(' ')
}

function renderMatrix(): string {
  const lines = ['# status.action: examiner | supervisor   (+reason: needs a reason; +resolved: needs resolved findings)']
  for (const status of CASE_STATUSES) {
    for (const action of CASE_ACTIONS) {
      const t = (TRANSITIONS[status] as Partial<Record<CaseAction, Transition>>)[action]
      const flags = `${t?.needsReason ? ' +reason' : ''}${t?.needsResolvedFindings ? ' +resolved' : ''}`
      lines.push(`${status}.${action}: ${CASE_ROLES.map((role) => cell(status, action, role)).join(' | ')}${flags}`)
    }
  }
  return `${lines.join('\n')}\n`
}

test('the status × action × role × type matrix matches case-status.matrix.txt', () => {
  const actual = renderMatrix()
  if (process.env.UPDATE_MATRIX === '1') fs.writeFileSync(MATRIX_FILE, actual)
  assert.equal(actual, fs.readFileSync(MATRIX_FILE, 'utf8'))
})

test('every non-terminal status can be left, and every status is reachable from planned', () => {
  const reached = new Set<CaseStatus>(['planned'])
  for (let changed = true; changed; ) {
    changed = false
    for (const s of [...reached]) {
      for (const t of Object.values(TRANSITIONS[s]) as Transition[]) {
        if (!reached.has(t.to)) {
          reached.add(t.to)
          changed = true
        }
      }
    }
  }
  assert.deepEqual(CASE_STATUSES.filter((s) => !reached.has(s)), [])
  assert.deepEqual(CASE_STATUSES.filter((s) => ACTIONS_BY_STATUS[s].length === 0), ['closed', 'escalated', 'cancelled'])
})

test('the buttons each role sees', () => {
  const cases: [CaseStatus, CaseRole, Parameters<typeof availableActions>[2], CaseAction[]][] = [
    ['planned', 'examiner', 'onsite_inspection', ['notify']],
    ['planned', 'supervisor', 'onsite_inspection', ['notify', 'cancel']],
    ['preparation', 'examiner', 'onsite_inspection', ['start_fieldwork']],
    ['preparation', 'examiner', 'desk_review', ['prepare_draft_report']],
    ['preparation', 'supervisor', undefined, ['start_fieldwork', 'prepare_draft_report', 'escalate', 'cancel']],
    ['entity_response', 'examiner', 'desk_review', []],
    ['entity_response', 'supervisor', 'desk_review', ['issue_final_report', 'escalate']],
    ['final_report', 'examiner', 'onsite_inspection', ['require_remediation']],
    ['final_report', 'supervisor', 'onsite_inspection', ['require_remediation', 'close', 'escalate']],
    ['closed', 'supervisor', 'onsite_inspection', []],
  ]
  for (const [status, role, type, expected] of cases) assert.deepEqual(availableActions(status, role, type), expected, `${status} ${role} ${type}`)
})

test('reasons and unresolved findings', () => {
  const supervisor = { role: 'supervisor', caseType: 'onsite_inspection' } as const
  assert.deepEqual(decideCaseTransition('fieldwork', 'cancel', { ...supervisor, reason: '  ' }), { ok: false, messageKey: 'cases.errors.reasonRequired' })
  assert.deepEqual(decideCaseTransition('fieldwork', 'escalate', { ...supervisor, reason: 'ไม่ให้ความร่วมมือ' }), { ok: true, to: 'escalated' })
  assert.deepEqual(decideCaseTransition('follow_up', 'close', { ...supervisor, unresolvedFindings: 2 }), { ok: false, messageKey: 'cases.errors.unresolvedFindings' })
  assert.deepEqual(decideCaseTransition('follow_up', 'close', { ...supervisor, unresolvedFindings: 0 }), { ok: true, to: 'closed' })
})

test('assignment: supervisors assign anyone, examiners take or hand back', () => {
  const rows: [CaseRole, string | null, string | null, boolean][] = [
    ['supervisor', 'e1', 'e2', true],
    ['examiner', null, 'me', true],
    ['examiner', 'me', null, true],
    ['examiner', 'e1', 'me', false],
    ['examiner', null, 'e2', false],
    ['examiner', 'e1', null, false],
  ]
  for (const [role, current, next, ok] of rows) {
    assert.equal(decideAssignment('fieldwork', { role, actorId: 'me', currentAssigneeId: current, newAssigneeId: next }).ok, ok, `${role} ${current} → ${next}`)
  }
  assert.deepEqual(decideAssignment('closed', { role: 'supervisor', actorId: 'me', currentAssigneeId: null, newAssigneeId: 'me' }), { ok: false, messageKey: 'cases.errors.finished' })
})
