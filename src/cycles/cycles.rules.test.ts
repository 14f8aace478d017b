import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { CYCLE_ACTIONS, CYCLE_STATUSES, acceptsFilings, canChangeQuestionnaireVersion, checkCycleDates, cyclePhase, decideCycleAction } from './cycle-status.rules.ts'
import {
  EXTENSION_DECISIONS,
  EXTENSION_STATUSES,
  bangkokDay,
  bangkokEndOfDay,
  bangkokStartOfDay,
  checkExtensionDate,
  decideExtension,
  effectiveDeadline,
  isLateSubmission,
} from './deadline.rules.ts'

const cycle = { status: 'open', opensAt: new Date('2026-10-01T00:00:00+07:00'), deadline: new Date('2027-03-31T23:59:59+07:00') }

describe('cycle status', () => {
  test('status × action matrix', () => {
    const matrix = Object.fromEntries(CYCLE_STATUSES.map((s) => [s, Object.fromEntries(CYCLE_ACTIONS.map((a) => [a, decideCycleAction(s, a)]))]))
    assert.deepEqual(matrix, {
      open: { close: { ok: true, next: 'closed' }, reopen: { ok: false, messageKey: 'cycles.errors.alreadyOpen' } },
      closed: { close: { ok: false, messageKey: 'cycles.errors.alreadyClosed' }, reopen: { ok: true, next: 'open' } },
    })
  })

  test('phase: scheduled, open, past the deadline, closed', () => {
    const rows: [string, typeof cycle, Date, string][] = [
      ['before opening', cycle, new Date('2026-09-30T16:59:59Z'), 'scheduled'],
      ['at opening', cycle, new Date('2026-09-30T17:00:00Z'), 'open'],
      ['last second of the deadline day', cycle, new Date('2027-03-31T16:59:59Z'), 'open'],
      ['the next second', cycle, new Date('2027-03-31T17:00:00Z'), 'past_deadline'],
      ['closed, even before the deadline', { ...cycle, status: 'closed' }, new Date('2026-11-01T00:00:00Z'), 'closed'],
    ]
    for (const [name, c, now, phase] of rows) assert.equal(cyclePhase(c, c.deadline, now), phase, name)
    // An extended deadline keeps the cycle open for that business.
    assert.equal(cyclePhase(cycle, new Date('2027-04-30T16:59:59Z'), new Date('2027-04-10T00:00:00Z')), 'open')
  })

  test('only an open cycle takes filings', () => {
    assert.equal(acceptsFilings({ status: 'open' }), true)
    assert.equal(acceptsFilings({ status: 'closed' }), false)
  })

  test('dates must be in order; the questionnaire version freezes with the first assessment', () => {
    assert.deepEqual(checkCycleDates({ opensAt: cycle.opensAt, deadline: cycle.deadline, periodStart: '2025-10-01', periodEnd: '2026-09-30' }), [])
    assert.deepEqual(checkCycleDates({ opensAt: cycle.deadline, deadline: cycle.opensAt, periodStart: '2026-10-01', periodEnd: '2025-09-30' }), [
      { field: 'deadline', messageKey: 'cycles.errors.deadlineBeforeOpen' },
      { field: 'periodEnd', messageKey: 'cycles.errors.periodOrder' },
    ])
    assert.deepEqual(checkCycleDates({ opensAt: cycle.opensAt, deadline: cycle.opensAt }), [{ field: 'deadline', messageKey: 'cycles.errors.deadlineBeforeOpen' }])
    assert.equal(canChangeQuestionnaireVersion(0), true)
    assert.equal(canChangeQuestionnaireVersion(1), false)
  })
})

describe('deadlines and extensions', () => {
  const granted = { status: 'granted', grantedDeadline: new Date('2027-04-30T16:59:59Z') }

  test('effectiveDeadline: a granted extension, else the cycle deadline', () => {
    assert.equal(effectiveDeadline(cycle, undefined), cycle.deadline)
    assert.equal(effectiveDeadline(cycle, null), cycle.deadline)
    assert.equal(effectiveDeadline(cycle, granted), granted.grantedDeadline)
    assert.equal(effectiveDeadline(cycle, { status: 'requested', grantedDeadline: null }), cycle.deadline)
    assert.equal(effectiveDeadline(cycle, { status: 'refused', grantedDeadline: null }), cycle.deadline)
  })

  test('lateness uses the effective deadline; the deadline instant itself is on time', () => {
    const after = new Date('2027-04-05T03:00:00Z')
    assert.equal(isLateSubmission(cycle.deadline, cycle.deadline), false)
    assert.equal(isLateSubmission(after, effectiveDeadline(cycle, undefined)), true)
    assert.equal(isLateSubmission(after, effectiveDeadline(cycle, granted)), false)
  })

  test('status × decision matrix: only a pending request is decided', () => {
    const matrix = Object.fromEntries(EXTENSION_STATUSES.map((s) => [s, Object.fromEntries(EXTENSION_DECISIONS.map((d) => [d, decideExtension(s, d).ok ? 'ok' : 'refused'])) ]))
    assert.deepEqual(matrix, { requested: { grant: 'ok', refuse: 'ok' }, granted: { grant: 'refused', refuse: 'refused' }, refused: { grant: 'refused', refuse: 'refused' } })
    assert.deepEqual(decideExtension('requested', 'grant'), { ok: true, next: 'granted' })
    assert.deepEqual(decideExtension('requested', 'refuse'), { ok: true, next: 'refused' })
  })

  test('a new deadline must be after the cycle deadline', () => {
    assert.deepEqual(checkExtensionDate(cycle.deadline, cycle.deadline), { ok: false, messageKey: 'cycles.extension.errors.notAfterDeadline' })
    assert.deepEqual(checkExtensionDate(cycle.deadline, bangkokEndOfDay('2027-03-30')), { ok: false, messageKey: 'cycles.extension.errors.notAfterDeadline' })
    assert.deepEqual(checkExtensionDate(cycle.deadline, bangkokEndOfDay('2027-04-01')), { ok: true })
  })

  test('calendar days in Bangkok', () => {
    assert.equal(bangkokStartOfDay('2026-10-01').toISOString(), '2026-09-30T17:00:00.000Z')
    assert.equal(bangkokEndOfDay('2027-03-31').toISOString(), '2027-03-31T16:59:59.000Z')
    assert.equal(bangkokDay(new Date('2027-03-31T16:59:59Z')), '2027-03-31')
    assert.equal(bangkokDay(new Date('2027-03-31T17:00:00Z')), '2027-04-01')
  })
})
