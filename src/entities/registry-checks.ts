/**
 * Shared steps of the registry admin use cases (issue 7): the permission check, the audit context
 * and the address check against the Thai address reference (thai-address.ts).
 */
import type { AuditContext } from '#src/audit/audit.repo.ts'
import type { DatabaseHandle } from '#src/db/client.ts'
import { can, type Actor } from '#src/identity/permissions.ts'
import type { Clock } from '#src/platform/clock.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { BusinessRecord } from './registry.model.ts'
import { validateThaiAddress, type ThaiAddressProblem } from './thai-address.ts'

export type RegistryDeps = { database: DatabaseHandle; clock: Clock }
export type UserActor = Extract<Actor, { kind: 'user' }>
/** Who made a change, from where (for the audit log). */
export type RequestMeta = { ip?: string; userAgent?: string }

export function requireRegistryAdmin(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, 'registry:manage:any')) throw new AppError('FORBIDDEN', { messageKey: 'errors.page.forbidden.title' })
  return actor
}

export const auditContextOf = (actor: UserActor, at: Date, meta: RequestMeta = {}): AuditContext => ({ at, actorUserId: actor.id, actorRole: actor.role, ip: meta.ip, userAgent: meta.userAgent })

export const ADDRESS_PROBLEM = {
  province: 'registry.errors.address.province',
  district: 'registry.errors.address.district',
  subdistrict: 'registry.errors.address.subdistrict',
  postcode: 'registry.errors.address.postcode',
} as const satisfies Record<ThaiAddressProblem, MessageKey>

/** The record with the reference's spelling of its address, or the part at fault. */
export async function withCanonicalAddress(r: BusinessRecord): Promise<{ ok: true; record: BusinessRecord } | { ok: false; field: ThaiAddressProblem; messageKey: MessageKey }> {
  const check = await validateThaiAddress({ province: r.province, district: r.district, subdistrict: r.subdistrict, postcode: r.postcode })
  if (!check.ok) return { ok: false, field: check.problem, messageKey: ADDRESS_PROBLEM[check.problem] }
  return { ok: true, record: { ...r, ...check.address } }
}
