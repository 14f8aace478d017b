/** The registry list for the admin (use case, issue 7): search by name or number, filters, paging. */
import type { Actor } from '#src/identity/permissions.ts'
import type { EntityStatus } from './business-types.model.ts'
import { searchRegistry, type RegistryBusiness } from './registry-admin.repo.ts'
import { requireRegistryAdmin, type RegistryDeps } from './registry-checks.ts'

export const REGISTRY_PAGE_SIZE = 25

export type ListBusinessesOptions = { actor: Actor; q?: string; status?: EntityStatus; type?: string; page: number }
export type BusinessList = { rows: RegistryBusiness[]; total: number; page: number; pages: number }

export async function listBusinesses(deps: RegistryDeps, opts: ListBusinessesOptions): Promise<BusinessList> {
  requireRegistryAdmin(opts.actor)
  const search = { q: opts.q, status: opts.status, type: opts.type, pageSize: REGISTRY_PAGE_SIZE }
  let page = opts.page
  let result = await searchRegistry(deps.database.db, { ...search, page })
  const pages = Math.max(1, Math.ceil(result.total / REGISTRY_PAGE_SIZE))
  if (page > pages) {
    page = pages
    result = await searchRegistry(deps.database.db, { ...search, page })
  }
  return { rows: result.rows, total: result.total, page, pages }
}
