/** A staff user's saved queue filters (use cases): save a named query string, delete one. */
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { notFound, requireStaffActor } from '#src/submissions/submissions.shared.ts'
import { countSavedFilters, deleteSavedFilter, listSavedFilters, upsertSavedFilter } from './review.repo.ts'

export const SAVED_FILTERS_MAX = 50

export async function listMySavedFilters(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }) {
  return listSavedFilters(deps.database.db, requireStaffActor(opts.actor).id)
}

export async function saveFilter(deps: Pick<AppDeps, 'database' | 'clock'>, opts: { actor: Actor; name: string; query: string }): Promise<void> {
  const staff = requireStaffActor(opts.actor)
  const db = deps.database.db
  if ((await countSavedFilters(db, staff.id)) >= SAVED_FILTERS_MAX) throw new AppError('VALIDATION', { messageKey: 'staff.errors.tooManyFilters' })
  await upsertSavedFilter(db, { userId: staff.id, name: opts.name, query: opts.query, createdAt: deps.clock.now() })
}

export async function deleteFilter(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; filterId: string }): Promise<void> {
  const staff = requireStaffActor(opts.actor)
  if (!isUuid(opts.filterId) || !(await deleteSavedFilter(deps.database.db, staff.id, opts.filterId))) throw notFound()
}
