/**
 * Opening an assessment cycle (รอบการประเมิน): an AMLO admin, or the demo seed (`actor: 'system'`).
 * The questionnaire version must exist; a cycle code is unique (CONFLICT otherwise) and follows
 * CYCLE_CODE (VALIDATION otherwise).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { can, type Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { definitionForVersion } from './submissions.shared.ts'
import { findCycleByCode, findCurrentCycle, insertCycle, type Cycle } from './submissions.repo.ts'

/**
 * The one rule for a cycle code, used by openCycle and by every route that takes `:cycle`: the
 * Buddhist-Era year, optionally followed by up to 12 capital letters, digits or dashes (`2569`,
 * `2569-R2`). At most 16 characters, URL-safe, and never lower case, so receipt references
 * (`AMRAC-<cycle>-NNNNNN`, RECEIPT_REF_PATTERN `[A-Z0-9-]`) always match their cycle.
 */
export const CYCLE_CODE = /^[0-9]{4}[A-Z0-9-]{0,12}$/

export const isCycleCode = (code: string): boolean => CYCLE_CODE.test(code)

export type OpenCycleOptions = {
  actor: Actor | 'system'
  code: string
  nameTh: string
  nameEn: string
  definitionVersion: string
  opensAt: Date
  deadline: Date
  /** `yyyy-mm-dd`: the period the assessment covers. */
  periodStart: string
  periodEnd: string
}

export async function openCycle(deps: Pick<AppDeps, 'database' | 'clock'>, opts: OpenCycleOptions): Promise<Cycle> {
  const { actor } = opts
  if (actor !== 'system') {
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    if (!can(actor, 'users:manage:any')) throw new AppError('FORBIDDEN', { messageKey: 'questionnaire.errors.notAllowed' })
  }
  if (!isCycleCode(opts.code)) throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.notAllowed' })
  definitionForVersion(opts.definitionVersion) // throws for an unknown version
  if (!(opts.opensAt < opts.deadline) || !(opts.periodStart <= opts.periodEnd)) throw new AppError('VALIDATION', { messageKey: 'questionnaire.errors.notAllowed' })
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    if (await findCycleByCode(tx, opts.code)) throw new AppError('CONFLICT', { messageKey: 'questionnaire.errors.notAllowed' })
    const cycle = await insertCycle(tx, {
      code: opts.code,
      nameTh: opts.nameTh,
      nameEn: opts.nameEn,
      definitionVersion: opts.definitionVersion,
      opensAt: opts.opensAt,
      deadline: opts.deadline,
      periodStart: opts.periodStart,
      periodEnd: opts.periodEnd,
      createdAt: now,
    })
    const who = actor === 'system' ? { actorUserId: null, actorRole: 'system' } : { actorUserId: actor.id, actorRole: actor.role }
    await appendAudit(tx, { at: now, ...who }, { action: 'cycle.opened', code: cycle.code }, { targetType: 'cycle', targetId: cycle.id })
    return cycle
  })
}

export { findCurrentCycle }
