/**
 * Adding a business to the registry (use case, issue 7): the form's record (already parsed by
 * BusinessInput) → address checked against the reference → juristic number not yet in the
 * registry → insert + audit in one transaction.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { registeredName } from './entity-name.rules.ts'
import type { BusinessField, BusinessRecord } from './registry.model.ts'
import { findRegistryBusinessesByJuristicIds, insertRegistryBusiness } from './registry-admin.repo.ts'
import { auditContextOf, requireRegistryAdmin, withCanonicalAddress, type RegistryDeps, type RequestMeta } from './registry-checks.ts'

export type SaveBusinessResult =
  | { kind: 'saved'; id: string }
  | { kind: 'invalid'; errors: Partial<Record<BusinessField, MessageKey>>; params?: Partial<Record<BusinessField, Record<string, string>>> }

/** The "already in the registry" error, naming the business that has the number. */
export function juristicTaken(existing: Pick<BusinessRecord, 'nameTh' | 'legalForm'>): SaveBusinessResult {
  return { kind: 'invalid', errors: { juristicId: 'registry.errors.juristicTaken' }, params: { juristicId: { name: registeredName(existing.nameTh, existing.legalForm, 'th') } } }
}

export async function addBusiness(deps: RegistryDeps, opts: { actor: Actor; record: BusinessRecord } & RequestMeta): Promise<SaveBusinessResult> {
  const actor = requireRegistryAdmin(opts.actor)
  const address = await withCanonicalAddress(opts.record)
  if (!address.ok) return { kind: 'invalid', errors: { [address.field]: address.messageKey } }
  const record = address.record
  const now = deps.clock.now()
  return deps.database.db.transaction(async (tx) => {
    const [existing] = await findRegistryBusinessesByJuristicIds(tx, [record.juristicId])
    if (existing) return juristicTaken(existing)
    const id = await insertRegistryBusiness(tx, record, now)
    await appendAudit(tx, auditContextOf(actor, now, opts), { action: 'registry.business_added', juristicId: record.juristicId, source: 'form' }, { targetType: 'entity', targetId: id, entityId: id })
    return { kind: 'saved', id }
  })
}
