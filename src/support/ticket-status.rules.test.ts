import assert from 'node:assert/strict'
import { test } from 'node:test'
import { availableTicketActions, decideTicketAction, hoursBetween, REOPEN_WINDOW_DAYS, SUPPORT_TICKET_STATUSES, TICKET_ACTIONS } from './ticket-status.rules.ts'

const now = new Date('2026-11-29T03:00:00Z')
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000)

test('the whole status × action matrix (closed yesterday)', () => {
  const matrix = Object.fromEntries(
    SUPPORT_TICKET_STATUSES.map((s) => [
      s,
      Object.fromEntries(
        TICKET_ACTIONS.map((a) => {
          const d = decideTicketAction(s, a, { closedAt: s === 'closed' ? daysAgo(1) : null, now })
          return [a, d.ok ? d.next : d.messageKey]
        }),
      ),
    ]),
  )
  assert.deepEqual(matrix, {
    open: { staff_reply: 'answered', requester_reply: 'open', close: 'closed', reopen: 'support.errors.notAllowed', move: 'open' },
    answered: { staff_reply: 'answered', requester_reply: 'open', close: 'closed', reopen: 'support.errors.notAllowed', move: 'answered' },
    closed: { staff_reply: 'support.errors.notAllowed', requester_reply: 'open', close: 'support.errors.notAllowed', reopen: 'open', move: 'support.errors.notAllowed' },
  })
})

test('a requester can reopen by replying within the window, not after; staff can always reopen', () => {
  assert.equal(REOPEN_WINDOW_DAYS, 14)
  assert.deepEqual(decideTicketAction('closed', 'requester_reply', { closedAt: daysAgo(14), now }), { ok: true, next: 'open' })
  assert.deepEqual(decideTicketAction('closed', 'requester_reply', { closedAt: daysAgo(14.01), now }), { ok: false, messageKey: 'support.errors.closedTooLong' })
  assert.deepEqual(decideTicketAction('closed', 'requester_reply', { closedAt: null, now }), { ok: false, messageKey: 'support.errors.closedTooLong' })
  assert.deepEqual(decideTicketAction('closed', 'reopen', { closedAt: daysAgo(400), now }), { ok: true, next: 'open' })
})

test('availableTicketActions picks buttons per side', () => {
  const ctx = { closedAt: null, now }
  assert.deepEqual(availableTicketActions('open', 'staff', ctx), ['staff_reply', 'close', 'move'])
  assert.deepEqual(availableTicketActions('answered', 'requester', ctx), ['requester_reply'])
  assert.deepEqual(availableTicketActions('closed', 'staff', { closedAt: daysAgo(1), now }), ['reopen'])
  assert.deepEqual(availableTicketActions('closed', 'requester', { closedAt: daysAgo(1), now }), ['requester_reply'])
  assert.deepEqual(availableTicketActions('closed', 'requester', { closedAt: daysAgo(30), now }), [])
})

test('hoursBetween counts whole hours and never goes negative', () => {
  assert.equal(hoursBetween(new Date('2026-11-28T01:30:00Z'), now), 25)
  assert.equal(hoursBetween(new Date('2026-11-29T04:00:00Z'), now), 0)
})
