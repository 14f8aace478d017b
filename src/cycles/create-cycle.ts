/**
 * Creating an assessment cycle from the admin pages (use case, cycle admins only, R3). The code is
 * unique; the questionnaire version is one of the published ones; it opens at the start of its
 * opening day and is due at the end of its deadline day (Bangkok), opening before the deadline.
 * Problems tied to a field come back as `errors` (field path → message key) for the form.
 * A new cycle is `open`: businesses can start it from its opening day.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { findCycleByCode, insertCycle, type Cycle } from '#src/submissions/submissions.repo.ts'
import { checkCycleDates } from './cycle-status.rules.ts'
import type { CreateCycleInput } from './cycles.schemas.ts'
import { isPublishedVersion, requireActorWith } from './cycles.shared.ts'
import { bangkokEndOfDay, bangkokStartOfDay } from './deadline.rules.ts'

export type CycleFormResult = { ok: true; cycle: Cycle } | { ok: false; errors: Record<string, MessageKey> }

export async function createCycle(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; input: CreateCycleInput; ip?: string | undefined }): Promise<CycleFormResult> {
  const actor = requireActorWith(opts.actor, 'cycles:manage:any')
  const { input } = opts
  const opensAt = bangkokStartOfDay(input.opensOn)
  const deadline = bangkokEndOfDay(input.deadlineOn)
  const errors: Record<string, MessageKey> = {}
  if (!(await isPublishedVersion(deps, input.definitionVersion))) errors.definitionVersion = 'cycles.errors.version'
  for (const p of checkCycleDates({ opensAt, deadline, periodStart: input.periodStart, periodEnd: input.periodEnd })) errors[p.field === 'deadline' ? 'deadlineOn' : p.field] = p.messageKey
  if (Object.keys(errors).length) return { ok: false, errors }
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx): Promise<CycleFormResult> => {
    if (await findCycleByCode(tx, input.code)) return { ok: false, errors: { code: 'cycles.errors.codeTaken' } }
    const cycle = await insertCycle(tx, {
      code: input.code,
      nameTh: input.nameTh,
      nameEn: input.nameEn,
      definitionVersion: input.definitionVersion,
      opensAt,
      deadline,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      status: 'open',
      statusChangedAt: now,
      createdAt: now,
    })
    await appendAudit(
      tx,
      { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip ?? null },
      { action: 'cycle.created', code: cycle.code, definitionVersion: cycle.definitionVersion },
      { targetType: 'cycle', targetId: cycle.id },
    )
    return { ok: true, cycle }
  })
}
