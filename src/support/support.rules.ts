/**
 * Support tickets from the help form (product brief step 6): technical problems go to the admin
 * queue, questions about the questionnaire to the supervision staff queue. Pure; tested in
 * support.rules.test.ts.
 */

export const SUPPORT_CATEGORIES = ['technical', 'content'] as const
export type SupportCategory = (typeof SUPPORT_CATEGORIES)[number]

/** What the ticket is about; pages that link to the form pass one (`?topic=business_not_found`). */
export const SUPPORT_TOPICS = ['business_not_found', 'login', 'questionnaire', 'other'] as const
export type SupportTopic = (typeof SUPPORT_TOPICS)[number]

export const SUPPORT_QUEUES = ['admin', 'supervision'] as const
export type SupportQueue = (typeof SUPPORT_QUEUES)[number]

/** Who answers: the queue is stored on the ticket (its pages come with the queues issue). */
export const SUPPORT_QUEUE_BY_CATEGORY = {
  technical: 'admin',
  content: 'supervision',
} as const satisfies Record<SupportCategory, SupportQueue>

/** The topic when the form was opened without one. */
export const DEFAULT_TOPIC = {
  technical: 'other',
  content: 'questionnaire',
} as const satisfies Record<SupportCategory, SupportTopic>

/** Lifecycle statuses and their actions live in ticket-status.rules.ts (R6). */
export { SUPPORT_TICKET_STATUSES, type SupportTicketStatus } from './ticket-status.rules.ts'

/** The other queue, for "move to the other team". */
export const OTHER_QUEUE = { admin: 'supervision', supervision: 'admin' } as const satisfies Record<SupportQueue, SupportQueue>

/** The staff roles that answer each queue (and receive its notices). */
export const QUEUE_ROLES = {
  admin: ['admin'],
  supervision: ['examiner', 'supervisor'],
} as const satisfies Record<SupportQueue, readonly ('admin' | 'examiner' | 'supervisor')[]>

export const isSupportQueue = (v: unknown): v is SupportQueue => typeof v === 'string' && (SUPPORT_QUEUES as readonly string[]).includes(v)

export const isSupportCategory = (v: unknown): v is SupportCategory =>
  typeof v === 'string' && (SUPPORT_CATEGORIES as readonly string[]).includes(v)
export const isSupportTopic = (v: unknown): v is SupportTopic =>
  typeof v === 'string' && (SUPPORT_TOPICS as readonly string[]).includes(v)

const BANGKOK_OFFSET_MS = 7 * 3600 * 1000 // Asia/Bangkok has no daylight saving
const BE_OFFSET = 543

/** The Buddhist-Era year of an instant, in Bangkok. */
export function bangkokBuddhistYear(at: Date): number {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).getUTCFullYear() + BE_OFFSET
}

/**
 * A reference people can read out: `T-2569-000123` (BE year in Bangkok, then a number from a
 * database sequence). Unique, not gap-free.
 */
export function ticketReference(at: Date, n: number): string {
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError('ticket number must be a positive integer')
  return `T-${bangkokBuddhistYear(at)}-${String(n).padStart(6, '0')}`
}

export const TICKET_REFERENCE_PATTERN = /^T-\d{4}-\d{6,12}$/
