/**
 * Editing a cycle's names, reporting period, opening day, deadline and questionnaire version
 * (use case, cycle admins only, R3). Under the cycle's row lock: the version may change only while
 * no business has an assessment in the cycle (canChangeQuestionnaireVersion); the dates must stay
 * in order. Audited with the names of the fields that changed; saving without a change writes nothing.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { Cycle } from '#src/submissions/submissions.repo.ts'
import { canChangeQuestionnaireVersion, checkCycleDates } from './cycle-status.rules.ts'
import { countAssessmentsOfCycle, lockCycle, updateCycle } from './cycles.repo.ts'
import type { EditCycleInput } from './cycles.schemas.ts'
import { cycleNotFound, isPublishedVersion, requireActorWith } from './cycles.shared.ts'
import type { CycleFormResult } from './create-cycle.ts'
import { bangkokEndOfDay, bangkokStartOfDay } from './deadline.rules.ts'

const EDITABLE = ['nameTh', 'nameEn', 'periodStart', 'periodEnd', 'opensAt', 'deadline', 'definitionVersion'] as const

const same = (a: unknown, b: unknown) => (a instanceof Date && b instanceof Date ? a.getTime() === b.getTime() : a === b)

export async function updateCycleSettings(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; code: string; input: EditCycleInput; ip?: string | undefined }): Promise<CycleFormResult> {
  const actor = requireActorWith(opts.actor, 'cycles:manage:any')
  const { input } = opts
  const next = {
    nameTh: input.nameTh,
    nameEn: input.nameEn,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    opensAt: bangkokStartOfDay(input.opensOn),
    deadline: bangkokEndOfDay(input.deadlineOn),
    definitionVersion: input.definitionVersion,
  } satisfies Pick<Cycle, (typeof EDITABLE)[number]>
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx): Promise<CycleFormResult> => {
    const cycle = await lockCycle(tx, opts.code)
    if (!cycle) throw cycleNotFound()
    const errors: Record<string, MessageKey> = {}
    if (next.definitionVersion !== cycle.definitionVersion) {
      if (!canChangeQuestionnaireVersion(await countAssessmentsOfCycle(tx, cycle.id))) errors.definitionVersion = 'cycles.errors.versionLocked'
      else if (!(await isPublishedVersion(deps, next.definitionVersion))) errors.definitionVersion = 'cycles.errors.version'
    }
    for (const p of checkCycleDates(next)) errors[p.field === 'deadline' ? 'deadlineOn' : p.field] = p.messageKey
    if (Object.keys(errors).length) return { ok: false, errors }
    const changed = EDITABLE.filter((k) => !same(cycle[k], next[k]))
    if (!changed.length) return { ok: true, cycle }
    const updated = await updateCycle(tx, cycle.id, next)
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip ?? null }, { action: 'cycle.updated', code: cycle.code, fields: [...changed] }, { targetType: 'cycle', targetId: cycle.id })
    return { ok: true, cycle: updated }
  })
}
