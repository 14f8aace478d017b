/**
 * Turning two-step verification off (use case): entity users only — it is mandatory for AMLO staff
 * (ASVS V6.3.3). Needs the password and a current code or a recovery code (V7.5.1); removes the
 * secret and every recovery code.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { isStaffRole, type Actor, type Role } from './permissions.ts'
import { reauthenticate } from './reauthenticate.ts'
import { clearTotp } from './two-step.repo.ts'
import { verifySecondFactor } from './verify-second-factor.ts'

export type DisableTotpResult = { kind: 'done' } | { kind: 'wrong_password' } | { kind: 'wrong_code' } | { kind: 'locked'; until: Date }

export async function disableTotp(
  deps: Pick<AppDeps, 'database' | 'clock' | 'config'>,
  opts: { actor: Actor; password: string; code: string; ip: string; userAgent: string | undefined },
): Promise<DisableTotpResult> {
  const { actor } = opts
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (isStaffRole(actor.role)) throw new AppError('FORBIDDEN', { messageKey: 'twostep.account.staffRequired' })
  const reauth = await reauthenticate(deps, { userId: actor.id, password: opts.password, ip: opts.ip, userAgent: opts.userAgent })
  if (reauth.kind === 'locked') return reauth
  if (reauth.kind === 'wrong') return { kind: 'wrong_password' }
  if (!reauth.user.totpEnabledAt) return { kind: 'done' }
  const second = await verifySecondFactor(deps, { userId: actor.id, code: opts.code, ip: opts.ip, userAgent: opts.userAgent })
  switch (second.kind) {
    case 'locked':
      return second
    case 'wrong':
    case 'unavailable':
      return { kind: 'wrong_code' }
    case 'ok':
      break
  }
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    await clearTotp(tx, actor.id, now)
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role as Role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'totp.disabled' }, { targetType: 'user', targetId: actor.id, entityId: actor.entityId })
  })
  return { kind: 'done' }
}
