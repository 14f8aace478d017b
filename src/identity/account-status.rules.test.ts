import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { ADMIN_ACCOUNT_ACTIONS, decideAdminAccountAction, lastActiveAdminProblem } from './account-status.rules.ts'
import { throttleState } from './throttle.rules.ts'

describe('admin account actions', () => {
  test('the whole status × action table (a change reads as a diff)', () => {
    assert.deepEqual(ADMIN_ACCOUNT_ACTIONS, {
      pending_email: ['resend_confirmation', 'deactivate'],
      pending_approval: ['approve', 'deactivate'],
      invited: ['deactivate'],
      active: ['lock', 'deactivate'],
      deactivated: ['reactivate'],
      locked: ['unlock', 'deactivate'],
    })
  })

  test('decisions follow the table; never on one’s own account', () => {
    assert.deepEqual(decideAdminAccountAction('active', 'lock', { self: false }), { ok: true })
    assert.deepEqual(decideAdminAccountAction('pending_approval', 'lock', { self: false }), { ok: false, messageKey: 'account.users.notAllowed' })
    assert.deepEqual(decideAdminAccountAction('locked', 'lock', { self: false }), { ok: false, messageKey: 'account.users.notAllowed' })
    assert.deepEqual(decideAdminAccountAction('active', 'resend_confirmation', { self: false }), { ok: false, messageKey: 'account.users.notAllowed' })
    assert.deepEqual(decideAdminAccountAction('active', 'lock', { self: true }), { ok: false, messageKey: 'admin.user.notYourself' })
  })
})

describe('the last active admin', () => {
  const admin = { id: 'a', role: 'admin', status: 'active' }
  const cases: [string, { id: string; role: string; status: string }, string[], string | undefined][] = [
    ['the only active admin', admin, ['a'], 'admin.user.lastAdmin'],
    ['another active admin remains', admin, ['a', 'b'], undefined],
    ['the list lost the target already (stale read): still refused', admin, [], 'admin.user.lastAdmin'],
    ['not an admin', { id: 'x', role: 'examiner', status: 'active' }, [], undefined],
    ['an inactive admin', { id: 'a', role: 'admin', status: 'locked' }, [], undefined],
  ]
  for (const [name, target, ids, expected] of cases) {
    test(name, () => assert.equal(lastActiveAdminProblem(target, ids), expected))
  }
})

describe('throttleState', () => {
  const now = new Date('2026-11-29T03:10:00Z')
  test('no counter: nothing', () => assert.deepEqual(throttleState(undefined, now), { failures: 0, since: undefined, lockedUntil: undefined }))
  test('failures within the 5-minute window count', () => {
    const windowStart = new Date('2026-11-29T03:06:00Z')
    assert.deepEqual(throttleState({ failures: 3, windowStart, lockedUntil: null }, now), { failures: 3, since: windowStart, lockedUntil: undefined })
  })
  test('a passed window counts nothing', () => {
    assert.equal(throttleState({ failures: 4, windowStart: new Date('2026-11-29T03:04:59Z'), lockedUntil: null }, now).failures, 0)
  })
  test('a lock-out in force is reported with its failures; an expired one is not', () => {
    const windowStart = new Date('2026-11-29T03:04:00Z')
    assert.deepEqual(throttleState({ failures: 10, windowStart, lockedUntil: new Date('2026-11-29T03:12:00Z') }, now), { failures: 10, since: windowStart, lockedUntil: new Date('2026-11-29T03:12:00Z') })
    assert.deepEqual(throttleState({ failures: 10, windowStart, lockedUntil: new Date('2026-11-29T03:09:00Z') }, now), { failures: 0, since: undefined, lockedUntil: undefined })
  })
})
