/**
 * Editing a registry record (use case, issue 7), ceasing a business included (status `inactive`
 * with a date). The audit event lists the fields that changed; saving an unchanged form changes
 * nothing and records nothing. A merged duplicate stays ceased.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import { isUuid } from '#src/platform/ids.ts'
import { AppError } from '#src/platform/errors.ts'
import type { BusinessRecord } from './registry.model.ts'
import { diffBusiness } from './registry.rules.ts'
import { findRegistryBusiness, findRegistryBusinessesByJuristicIds, updateRegistryBusiness } from './registry-admin.repo.ts'
import { auditContextOf, requireRegistryAdmin, withCanonicalAddress, type RegistryDeps, type RequestMeta } from './registry-checks.ts'
import { juristicTaken, type SaveBusinessResult } from './add-business.ts'

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

export async function editBusiness(deps: RegistryDeps, opts: { actor: Actor; id: string; record: BusinessRecord } & RequestMeta): Promise<SaveBusinessResult> {
  const actor = requireRegistryAdmin(opts.actor)
  if (!isUuid(opts.id)) throw notFound()
  const address = await withCanonicalAddress(opts.record)
  if (!address.ok) return { kind: 'invalid', errors: { [address.field]: address.messageKey } }
  const record = address.record
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const stored = await findRegistryBusiness(tx, opts.id, { lock: true })
    if (!stored) throw notFound()
    if (stored.mergedIntoId && record.status === 'active') return { kind: 'invalid', errors: { status: 'registry.errors.mergedStaysCeased' } }
    if (record.juristicId !== stored.juristicId) {
      const [other] = await findRegistryBusinessesByJuristicIds(tx, [record.juristicId])
      if (other) return juristicTaken(other)
    }
    const changes = diffBusiness(stored, record)
    if (!changes.length) return { kind: 'saved', id: stored.id }
    await updateRegistryBusiness(tx, stored.id, record, now)
    await appendAudit(tx, auditContextOf(actor, now, opts), { action: 'registry.business_updated', fields: changes.map((c) => c.field), source: 'form' }, { targetType: 'entity', targetId: stored.id, entityId: stored.id })
    return { kind: 'saved', id: stored.id }
  })
}
