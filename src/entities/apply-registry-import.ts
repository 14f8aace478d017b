/**
 * Applying a previewed registry import (use case, issue 7): exactly the stored plan, in one
 * transaction, audited per business and once for the batch. Refused — nothing applied — when the
 * preview is stale (older than IMPORT_PREVIEW_TTL_MS, or made by an older import version), was
 * already applied, or the registry changed since: a business to add now exists, or a business to
 * change or leave unchanged was edited after the preview. Rows with errors are never applied.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import { findImportBatch, findRegistryBusinessesByJuristicIds, insertRegistryBusiness, markImportApplied, updateRegistryBusiness } from './registry-admin.repo.ts'
import { auditContextOf, requireRegistryAdmin, type RegistryDeps, type RequestMeta } from './registry-checks.ts'
import { previewExpiry, storedPlan } from './get-registry-import.ts'

export async function applyRegistryImport(deps: RegistryDeps, opts: { actor: Actor; batchId: string } & RequestMeta): Promise<{ added: number; changed: number }> {
  const actor = requireRegistryAdmin(opts.actor)
  if (!isUuid(opts.batchId)) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const batch = await findImportBatch(tx, opts.batchId, { lock: true })
    if (!batch) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
    if (batch.status === 'applied') throw new AppError('CONFLICT', { messageKey: 'registry.import.alreadyApplied' })
    const plan = storedPlan(batch)
    if (!plan || previewExpiry(batch).getTime() <= now.getTime()) throw new AppError('CONFLICT', { messageKey: 'registry.import.stale' })

    const touched = plan.rows.filter((r) => r.kind !== 'error')
    const current = new Map((await findRegistryBusinessesByJuristicIds(tx, touched.map((r) => r.record.juristicId))).map((b) => [b.juristicId, b]))
    const changedRows = touched.filter((r) => {
      const now = current.get(r.record.juristicId)
      if (r.kind === 'add') return !!now
      return !now || now.id !== r.entityId || now.updatedAt.toISOString() !== r.entityUpdatedAt
    })
    if (changedRows.length) {
      throw new AppError('CONFLICT', { messageKey: 'registry.import.registryChanged', params: { rows: changedRows.map((r) => r.row).slice(0, 20).join(', ') } })
    }

    const ctx = auditContextOf(actor, now, opts)
    let added = 0
    let changed = 0
    for (const r of touched) {
      if (r.kind === 'add') {
        const id = await insertRegistryBusiness(tx, r.record, now)
        await appendAudit(tx, ctx, { action: 'registry.business_added', juristicId: r.record.juristicId, source: 'import' }, { targetType: 'entity', targetId: id, entityId: id })
        added++
      } else if (r.kind === 'change') {
        await updateRegistryBusiness(tx, r.entityId, r.record, now)
        await appendAudit(tx, ctx, { action: 'registry.business_updated', fields: r.changes.map((c) => c.field), source: 'import' }, { targetType: 'entity', targetId: r.entityId, entityId: r.entityId })
        changed++
      }
    }
    await markImportApplied(tx, batch.id, actor.id, now)
    await appendAudit(tx, ctx, { action: 'registry.import_applied', batchId: batch.id, fileName: batch.fileName, added, changed })
    return { added, changed }
  })
}
