/**
 * What a merge would do, before it is done (use case, issue 7): the other record found by its
 * juristic number, which one survives, and what would move — or why it cannot be merged.
 */
import type { Actor } from '#src/identity/permissions.ts'
import { findRegistryBusinessesByJuristicIds } from './registry-admin.repo.ts'
import { requireRegistryAdmin, type RegistryDeps } from './registry-checks.ts'
import { checkMerge, type MergeCheck } from './merge-businesses.ts'

export async function previewMerge(deps: RegistryDeps, opts: { actor: Actor; thisId: string; otherJuristicId: string; survivor: 'this' | 'other' }): Promise<MergeCheck> {
  requireRegistryAdmin(opts.actor)
  const db = deps.database.db
  const [other] = await findRegistryBusinessesByJuristicIds(db, [opts.otherJuristicId])
  if (!other) return { ok: false, messageKey: 'registry.merge.otherNotFound' }
  return opts.survivor === 'this' ? checkMerge(db, opts.thisId, other.id) : checkMerge(db, other.id, opts.thisId)
}
