/**
 * What the help form is pre-filled with for a signed-in user (their name, phone, e-mail and
 * business). Reads only the actor's own user row and their own business.
 */
import type { DatabaseHandle } from '#src/db/client.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatThaiPhone } from '#src/identity/identity.rules.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { fullName, unsafeFindUserById } from '#src/identity/users.repo.ts'

export type ContactDefaults = {
  contactName?: string
  phone?: string
  email?: string
  businessName?: string
  juristicId?: string
  businessType?: string
}

export async function getContactDefaults(deps: { database: Pick<DatabaseHandle, 'db'> }, opts: { actor: Actor; locale: Locale }): Promise<ContactDefaults> {
  if (opts.actor.kind !== 'user') return {}
  const db = deps.database.db
  // Scoped by construction: the actor's own row.
  const user = await unsafeFindUserById(db, opts.actor.id)
  if (!user) return {}
  const entity = opts.actor.entityId ? await findEntityById(db, opts.actor.entityId) : undefined
  return {
    contactName: fullName(user),
    phone: user.phone ? formatThaiPhone(user.phone) : undefined,
    email: user.email,
    businessName: entity ? registeredName(entity.nameTh, entity.legalForm as LegalForm, opts.locale, entity.nameEn) : undefined,
    juristicId: entity?.juristicId,
    businessType: entity?.primaryBusinessType,
  }
}
