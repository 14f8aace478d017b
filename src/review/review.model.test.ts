import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { currentRating, decideOverride, neutraliseCell } from './review.model.ts'

const now = new Date('2026-11-29T03:00:00Z')

describe('rating overrides (four eyes)', () => {
  const pending = { status: 'pending' as const, requestedBy: 'examiner-1', expiresAt: null }
  const cases = [
    { name: 'another supervisor approves', o: pending, by: 'supervisor-1', want: { ok: true } },
    { name: 'the proposer cannot approve their own', o: pending, by: 'examiner-1', want: { ok: false, messageKey: 'staff.errors.fourEyes' } },
    { name: 'a decided override is final', o: { ...pending, status: 'approved' as const }, by: 'supervisor-1', want: { ok: false, messageKey: 'staff.errors.overrideNotPending' } },
    { name: 'an expired proposal cannot be approved', o: { ...pending, expiresAt: now }, by: 'supervisor-1', want: { ok: false, messageKey: 'staff.errors.overrideExpired' } },
  ]
  for (const c of cases) test(c.name, () => assert.deepEqual(decideOverride(c.o, c.by, now), c.want))
})

describe('current rating', () => {
  test('an approved override wins until it expires', () => {
    assert.deepEqual(currentRating('low', { rating: 'high', expiresAt: null }, now), { rating: 'high', source: 'override' })
    assert.deepEqual(currentRating('low', { rating: 'high', expiresAt: new Date('2027-01-01T00:00:00Z') }, now), { rating: 'high', source: 'override' })
    assert.deepEqual(currentRating('low', { rating: 'high', expiresAt: now }, now), { rating: 'low', source: 'computed' })
    assert.deepEqual(currentRating(null, { rating: null, expiresAt: null }, now), { rating: null, source: 'computed' })
  })
})

describe('spreadsheet cells', () => {
  for (const [input, want] of [
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+66 81', `'+66 81`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['ร้านทอง', 'ร้านทอง'],
    ['', ''],
  ] as const) test(JSON.stringify(input), () => assert.equal(neutraliseCell(input), want))
})
