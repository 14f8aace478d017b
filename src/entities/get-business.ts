/** One registry record for the admin (use case, issue 7), with what hangs on it and its merge pointer. */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import { canDeleteBusiness } from './delete-business.ts'
import { countBusinessLinks, findRegistryBusiness, type BusinessLinks, type RegistryBusiness } from './registry-admin.repo.ts'
import { requireRegistryAdmin, type RegistryDeps } from './registry-checks.ts'

export type BusinessView = { business: RegistryBusiness; links: BusinessLinks; canDelete: boolean; mergedInto?: RegistryBusiness }

export async function getBusiness(deps: RegistryDeps, opts: { actor: Actor; id: string }): Promise<BusinessView> {
  requireRegistryAdmin(opts.actor)
  const db = deps.database.db
  const business = isUuid(opts.id) ? await findRegistryBusiness(db, opts.id) : undefined
  if (!business) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  const links = await countBusinessLinks(db, business.id)
  const mergedInto = business.mergedIntoId ? await findRegistryBusiness(db, business.mergedIntoId) : undefined
  return { business, links, canDelete: canDeleteBusiness(links), mergedInto }
}
