/** A previewed registry import (use case, issue 7): the stored dry-run plan and whether it can still be applied. */
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import { IMPORT_PLAN_VERSION, IMPORT_PREVIEW_TTL_MS, type ImportPlan } from './registry.model.ts'
import { findImportBatch, type ImportBatch } from './registry-admin.repo.ts'
import { requireRegistryAdmin, type RegistryDeps } from './registry-checks.ts'

export type ImportView = { batch: Omit<ImportBatch, 'plan'>; plan: ImportPlan; expiresAt: Date; stale: boolean }

/** A plan stored by an older version of the import cannot be applied (its shape may differ). */
export const storedPlan = (batch: ImportBatch): ImportPlan | undefined => {
  const plan = batch.plan as Partial<ImportPlan> | null
  return plan && plan.version === IMPORT_PLAN_VERSION && Array.isArray(plan.rows) ? (plan as ImportPlan) : undefined
}

export const previewExpiry = (batch: Pick<ImportBatch, 'createdAt'>) => new Date(batch.createdAt.getTime() + IMPORT_PREVIEW_TTL_MS)

export async function getRegistryImport(deps: RegistryDeps, opts: { actor: Actor; batchId: string }): Promise<ImportView> {
  requireRegistryAdmin(opts.actor)
  const batch = isUuid(opts.batchId) ? await findImportBatch(deps.database.db, opts.batchId) : undefined
  const plan = batch && storedPlan(batch)
  if (!batch || !plan) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
  const { plan: _stored, ...meta } = batch
  const expiresAt = previewExpiry(batch)
  return { batch: meta, plan, expiresAt, stale: expiresAt.getTime() <= deps.clock.now().getTime() }
}
