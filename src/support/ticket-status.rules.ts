/**
 * The support-ticket lifecycle (house style R6): the status tuple, the actions allowed in each
 * status, who may take each action, and one pure decision function. A test pins the whole
 * status × action matrix (ticket-status.rules.test.ts), so a change reads as a diff.
 *
 *   open ──staff reply──▶ answered ──requester reply──▶ open
 *     │                      │
 *     └──────close───────────┴──▶ closed ──staff reopen / requester reply (≤ REOPEN_WINDOW_DAYS)──▶ open
 *
 * Decision (documented in docs): a requester can reopen a closed ticket by replying within
 * REOPEN_WINDOW_DAYS (14) of its closing; after that the reply form is replaced by a link to the
 * help form (a new ticket). Staff can reopen at any time. Moving to the other queue keeps the status.
 */

export const SUPPORT_TICKET_STATUSES = ['open', 'answered', 'closed'] as const
export type SupportTicketStatus = (typeof SUPPORT_TICKET_STATUSES)[number]

export const TICKET_ACTIONS = ['staff_reply', 'requester_reply', 'close', 'reopen', 'move'] as const
export type TicketAction = (typeof TICKET_ACTIONS)[number]

/** Who takes an action: support staff of the ticket's queue, or the person who wrote in. */
export type TicketSide = 'staff' | 'requester'

export const TICKET_ACTIONS_BY_STATUS = {
  open: ['staff_reply', 'requester_reply', 'close', 'move'],
  answered: ['staff_reply', 'requester_reply', 'close', 'move'],
  closed: ['requester_reply', 'reopen'],
} as const satisfies Record<SupportTicketStatus, readonly TicketAction[]>

export const TICKET_ACTION_SIDE = {
  staff_reply: 'staff',
  requester_reply: 'requester',
  close: 'staff',
  reopen: 'staff',
  move: 'staff',
} as const satisfies Record<TicketAction, TicketSide>

/** The status after the action; `undefined` keeps it. */
export const TICKET_NEXT_STATUS = {
  staff_reply: 'answered',
  requester_reply: 'open',
  close: 'closed',
  reopen: 'open',
  move: undefined,
} as const satisfies Record<TicketAction, SupportTicketStatus | undefined>

/** How long after closing the requester may reopen a ticket by replying. */
export const REOPEN_WINDOW_DAYS = 14
const DAY_MS = 86_400_000

export type TicketDecision =
  | { ok: true; next: SupportTicketStatus }
  | { ok: false; messageKey: 'support.errors.notAllowed' | 'support.errors.closedTooLong' }

export type TicketContext = { closedAt: Date | null; now: Date }

/** Whether `action` may happen to a ticket in `status` (and, for a closed ticket, when). */
export function decideTicketAction(status: SupportTicketStatus, action: TicketAction, ctx: TicketContext): TicketDecision {
  if (!(TICKET_ACTIONS_BY_STATUS[status] as readonly TicketAction[]).includes(action)) return { ok: false, messageKey: 'support.errors.notAllowed' }
  if (status === 'closed' && action === 'requester_reply' && !canRequesterReopen(ctx)) return { ok: false, messageKey: 'support.errors.closedTooLong' }
  return { ok: true, next: TICKET_NEXT_STATUS[action] ?? status }
}

function canRequesterReopen({ closedAt, now }: TicketContext): boolean {
  // A closed ticket without a closing time (data from before threads) is treated as closed long ago.
  return closedAt !== null && now.getTime() - closedAt.getTime() <= REOPEN_WINDOW_DAYS * DAY_MS
}

/** The actions one side may take now: views use it to pick buttons and forms. */
export function availableTicketActions(status: SupportTicketStatus, side: TicketSide, ctx: TicketContext): TicketAction[] {
  return TICKET_ACTIONS.filter((a) => TICKET_ACTION_SIDE[a] === side && decideTicketAction(status, a, ctx).ok)
}

/** Whole hours between two instants (never negative): the queue's ageing columns. */
export function hoursBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / 3_600_000))
}
