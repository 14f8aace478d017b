import type { DbOrTx } from '#src/db/client.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'

/** The signed-in business user's registered business name in the page's language ('' for anyone else). */
export async function businessNameOf(db: DbOrTx, actor: Actor, locale: Locale): Promise<string> {
  const entityId = actor.kind === 'user' ? actor.entityId : null
  const entity = entityId ? await findEntityById(db, entityId) : undefined
  return entity ? registeredName(entity.nameTh, entity.legalForm as LegalForm, locale, entity.nameEn) : ''
}
