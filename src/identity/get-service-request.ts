/**
 * The data of a user's แบบฟอร์มขอใช้บริการ (service-request form) for downloading it again: the
 * same fields as the copy attached to the registration e-mail, from the stored user and business.
 * Only ever for the user themselves: the signed-in actor, or the user who just confirmed their
 * e-mail address in this browser session (the caller passes that id from the session).
 */
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import type { Actor } from '#src/identity/permissions.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { ServiceRequestData } from '#src/reports/service-request.tsx'
import type { AppDeps } from '#src/server/deps.ts'
import { unsafeFindUserById } from './users.repo.ts'

export type ServiceRequestFor = { actor: Actor } | { confirmedUserId: string }

/** Undefined when there is no such business user (the caller answers "not found"). */
export async function getServiceRequestData(
  deps: Pick<AppDeps, 'database'>,
  opts: ServiceRequestFor & { locale: Locale },
): Promise<ServiceRequestData | undefined> {
  const userId = 'actor' in opts ? (opts.actor.kind === 'user' && opts.actor.entityId ? opts.actor.id : undefined) : opts.confirmedUserId
  if (!userId) return undefined
  const db = deps.database.db
  const user = await unsafeFindUserById(db, userId)
  if (!user?.entityId || user.status === 'deactivated') return undefined
  const entity = await findEntityById(db, user.entityId)
  if (!entity) return undefined
  return {
    title: user.title,
    firstName: user.firstName,
    lastName: user.lastName,
    position: user.position,
    phone: user.phone,
    email: user.email,
    businessName: registeredName(entity.nameTh, entity.legalForm as LegalForm, opts.locale, entity.nameEn),
    juristicId: formatJuristicId(entity.juristicId),
    businessAddress: [entity.addressLine, entity.subdistrict, entity.district, entity.province, entity.postcode].join(' '),
    registeredAt: user.createdAt.toISOString(),
  }
}
