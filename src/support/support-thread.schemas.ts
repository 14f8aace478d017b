/**
 * Forms of the ticket pages (R17): a reply (staff or requester), a move to the other queue, and
 * the queue's status filter. Messages are keys.
 */
import { z } from 'zod'
import { cleanMessage, MESSAGE_MAX } from './support.schemas.ts'
import { SUPPORT_TICKET_STATUSES } from './ticket-status.rules.ts'

export const MOVE_REASON_MAX = 500

const chars = (s: string) => [...s].length
const freeText = (max: number) =>
  z
    .string({ error: 'errors.field.required' })
    .max(max * 4, 'errors.field.tooLong')
    .transform(cleanMessage)
    .pipe(
      z
        .string()
        .min(1, 'errors.field.required')
        .refine((v) => chars(v) <= max, 'errors.field.tooLong'),
    )

const formId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{16,64}$/)
  .optional()
  .catch(undefined)

export const ReplyInput = z.object({ body: freeText(MESSAGE_MAX), formId })
export type ReplyInput = z.output<typeof ReplyInput>

export const MoveInput = z.object({ reason: freeText(MOVE_REASON_MAX) })
export type MoveInput = z.output<typeof MoveInput>

export const QueueQuery = z.object({
  /** Empty or unknown → the default (tickets waiting for staff, i.e. `open`); `all` shows every status. */
  status: z.enum([...SUPPORT_TICKET_STATUSES, 'all']).optional().catch(undefined),
})
export type QueueQuery = z.output<typeof QueueQuery>
