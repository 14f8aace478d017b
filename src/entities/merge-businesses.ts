/**
 * Merging a duplicate into the surviving record (use case, issue 7): users, assessments with their
 * submissions, attachments and scores, support tickets and reminders move to the survivor; the
 * duplicate is ceased today with a pointer to the survivor; one audit event on each record.
 * Refused when both have an assessment in the same cycle: a business has one assessment per cycle,
 * and choosing between two filed answers is a supervision decision, not a registry clean-up.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { DbOrTx } from '#src/db/client.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { countBusinessLinks, findRegistryBusiness, markMerged, moveBusinessLinks, sharedAssessmentCycles, type BusinessLinks, type RegistryBusiness } from './registry-admin.repo.ts'
import { auditContextOf, requireRegistryAdmin, type RegistryDeps, type RequestMeta } from './registry-checks.ts'

export type MergeCheck =
  | { ok: true; survivor: RegistryBusiness; merged: RegistryBusiness; survivorLinks: BusinessLinks; mergedLinks: BusinessLinks }
  | { ok: false; messageKey: MessageKey; params?: Record<string, string> }

const bangkokDate = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(d)

/** Loads both records and says whether `mergedId` may be merged into `survivorId`. */
export async function checkMerge(db: DbOrTx, survivorId: string, mergedId: string, opts: { lock?: boolean } = {}): Promise<MergeCheck> {
  if (!isUuid(survivorId) || !isUuid(mergedId)) return { ok: false, messageKey: 'registry.merge.notFound' }
  if (survivorId === mergedId) return { ok: false, messageKey: 'registry.merge.same' }
  const survivor = await findRegistryBusiness(db, survivorId, opts)
  const merged = await findRegistryBusiness(db, mergedId, opts)
  if (!survivor || !merged) return { ok: false, messageKey: 'registry.merge.notFound' }
  if (survivor.mergedIntoId) return { ok: false, messageKey: 'registry.merge.survivorMerged' }
  if (merged.mergedIntoId) return { ok: false, messageKey: 'registry.merge.alreadyMerged' }
  const cycles = await sharedAssessmentCycles(db, survivor.id, merged.id)
  if (cycles.length) return { ok: false, messageKey: 'registry.merge.sameCycle', params: { cycles: cycles.join(', ') } }
  return { ok: true, survivor, merged, survivorLinks: await countBusinessLinks(db, survivor.id), mergedLinks: await countBusinessLinks(db, merged.id) }
}

export async function mergeBusinesses(deps: RegistryDeps, opts: { actor: Actor; survivorId: string; mergedId: string } & RequestMeta): Promise<{ survivorId: string }> {
  const actor = requireRegistryAdmin(opts.actor)
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const check = await checkMerge(tx, opts.survivorId, opts.mergedId, { lock: true })
    if (!check.ok) throw new AppError('INVALID_TRANSITION', { messageKey: check.messageKey, params: check.params })
    const moved = await moveBusinessLinks(tx, check.merged.id, check.survivor.id)
    await markMerged(tx, check.merged.id, check.survivor.id, check.merged.ceasedOn ?? bangkokDate(now), now)
    const ctx = auditContextOf(actor, now, opts)
    const event = { action: 'registry.businesses_merged', survivorId: check.survivor.id, mergedId: check.merged.id, ...moved } as const
    await appendAudit(tx, ctx, event, { targetType: 'entity', targetId: check.survivor.id, entityId: check.survivor.id })
    await appendAudit(tx, ctx, event, { targetType: 'entity', targetId: check.merged.id, entityId: check.merged.id })
    return { survivorId: check.survivor.id }
  })
}
