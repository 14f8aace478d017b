/**
 * Shared by the case use cases: who may work cases, the stored idempotency key, text and date
 * inputs, and loading a case under its row lock. No use case here.
 */
import type { DbOrTx } from '#src/db/client.ts'
import { can, type Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import { isCaseRole, type CaseRole } from './case-status.rules.ts'
import { findCaseEventByKey, lockCase, type CaseRow } from './cases.repo.ts'
import { bangkokDay, isCalendarDay } from './sla.rules.ts'

export type CaseWorkerActor = Extract<Actor, { kind: 'user' }> & { role: CaseRole }

export const TEXT_MAX = 5000
export const TITLE_MAX = 300
const KEY_MAX = 200

export const caseNotFound = () => new AppError('NOT_FOUND', { messageKey: 'cases.errors.notFound' })

/** An examiner or supervisor (cases:work:any); anyone else is refused. */
export function requireCaseWorker(actor: Actor): CaseWorkerActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, 'cases:work:any') || !isCaseRole(actor.role)) throw new AppError('FORBIDDEN', { messageKey: 'cases.errors.staffOnly' })
  return actor as CaseWorkerActor
}

/** Keys are scoped by the actor: one officer's retry never meets another's request. */
export function storedKey(actor: { id: string }, idempotencyKey: string): string {
  const key = idempotencyKey.trim()
  if (!key || key.length > KEY_MAX) throw new AppError('BAD_REQUEST', { messageKey: 'cases.errors.idempotencyKey' })
  return `${actor.id}:${key}`
}

/** NFC, trimmed; VALIDATION when empty (if required) or longer than `max`. */
export function cleanText(value: string | null | undefined, max: number, required = true): string | null {
  const v = (value ?? '').normalize('NFC').trim()
  if (!v && required) throw new AppError('VALIDATION', { messageKey: 'cases.errors.textRequired' })
  if (v.length > max) throw new AppError('VALIDATION', { messageKey: 'cases.errors.tooLong' })
  return v || null
}
export const requiredText = (value: string | null | undefined, max = TEXT_MAX): string => cleanText(value, max, true)!

/** A real calendar date `yyyy-mm-dd`, not before today in Bangkok. */
export function parseDueOn(value: string | null | undefined, now: Date): string {
  const v = (value ?? '').trim()
  if (!isCalendarDay(v) || v < bangkokDay(now)) throw new AppError('VALIDATION', { messageKey: 'cases.errors.dueOn' })
  return v
}

/**
 * Inside a transaction: the case, locked, and whether this request was already applied (same
 * stored key). Requests for one case queue on the row lock, so a retry always sees the first.
 */
export async function lockCaseOnce(tx: DbOrTx, caseId: string, key: string): Promise<{ found: CaseRow; duplicate: boolean }> {
  if (!isUuid(caseId)) throw caseNotFound()
  const found = await lockCase(tx, caseId)
  if (!found) throw caseNotFound()
  return { found, duplicate: !!(await findCaseEventByKey(tx, key)) }
}
