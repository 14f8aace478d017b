/** Extension requests as AMLO staff see them (use cases, supervisors and admins): pending first, then recent decisions; one request. */
import type { Actor } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { isUuid } from '#src/platform/ids.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { listCyclesWithCounts, unsafeFindExtensionView, unsafeListExtensions, type ExtensionListRow } from './cycles.repo.ts'
import { requireActorWith } from './cycles.shared.ts'

export const RECENT_DECISIONS = 50
export const PENDING_MAX = 500

export async function listExtensionsForStaff(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<{ pending: ExtensionListRow[]; recent: ExtensionListRow[] }> {
  requireActorWith(opts.actor, 'extensions:decide:any')
  const db = deps.database.db
  const [pending, all] = await Promise.all([unsafeListExtensions(db, { status: 'requested', limit: PENDING_MAX }), unsafeListExtensions(db, { limit: RECENT_DECISIONS + PENDING_MAX })])
  return { pending, recent: all.filter((r) => r.status !== 'requested').slice(0, RECENT_DECISIONS) }
}

export async function getExtensionForStaff(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor; extensionId: string }): Promise<ExtensionListRow> {
  requireActorWith(opts.actor, 'extensions:decide:any')
  const row = isUuid(opts.extensionId) ? await unsafeFindExtensionView(deps.database.db, opts.extensionId) : undefined
  if (!row) throw new AppError('NOT_FOUND', { messageKey: 'cycles.extension.errors.notFound' })
  return row
}

export type CycleChoice = { code: string; nameTh: string; nameEn: string; deadline: Date }

/** The cycles staff may extend a deadline in (newest first). */
export async function listCyclesForExtension(deps: Pick<AppDeps, 'database'>, opts: { actor: Actor }): Promise<CycleChoice[]> {
  requireActorWith(opts.actor, 'extensions:decide:any')
  return (await listCyclesWithCounts(deps.database.db)).map((c) => ({ code: c.code, nameTh: c.nameTh, nameEn: c.nameEn, deadline: c.deadline }))
}
