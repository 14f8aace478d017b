/**
 * Deleting a registry record (use case, issue 7): only a record nothing hangs on — no users, no
 * assessments or submissions, no support tickets or reminders, no duplicates merged into it (a
 * record entered by mistake). Anything else is ceased instead, so its history stays readable.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import { countBusinessLinks, deleteRegistryBusiness, findRegistryBusiness, type BusinessLinks } from './registry-admin.repo.ts'
import { auditContextOf, requireRegistryAdmin, type RegistryDeps, type RequestMeta } from './registry-checks.ts'

/** Whether the record may be deleted, from what hangs on it (pure). */
export const canDeleteBusiness = (links: BusinessLinks) => Object.values(links).every((n) => n === 0)

export async function deleteBusiness(deps: RegistryDeps, opts: { actor: Actor; id: string } & RequestMeta): Promise<{ juristicId: string }> {
  const actor = requireRegistryAdmin(opts.actor)
  if (!isUuid(opts.id)) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const stored = await findRegistryBusiness(tx, opts.id, { lock: true })
    if (!stored) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
    if (!canDeleteBusiness(await countBusinessLinks(tx, stored.id))) throw new AppError('INVALID_TRANSITION', { messageKey: 'registry.delete.refused' })
    await deleteRegistryBusiness(tx, stored.id)
    await appendAudit(tx, auditContextOf(actor, now, opts), { action: 'registry.business_deleted', juristicId: stored.juristicId }, { targetType: 'entity', targetId: stored.id })
    return { juristicId: stored.juristicId }
  })
}
