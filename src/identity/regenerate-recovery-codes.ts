/**
 * New recovery codes (use case): after the password is re-entered (V7.5.1), the old codes stop
 * working and 10 new ones are shown once.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { AppDeps } from '#src/server/deps.ts'
import type { Actor } from './permissions.ts'
import { reauthenticate } from './reauthenticate.ts'
import { newRecoveryCodes } from './totp.ts'
import { replaceRecoveryCodes } from './two-step.repo.ts'

export type RegenerateResult = { kind: 'done'; codes: string[] } | { kind: 'wrong_password' } | { kind: 'locked'; until: Date } | { kind: 'not_enabled' }

export async function regenerateRecoveryCodes(
  deps: Pick<AppDeps, 'database' | 'clock'>,
  opts: { actor: Actor; password: string; ip: string; userAgent: string | undefined },
): Promise<RegenerateResult> {
  const { actor } = opts
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  const reauth = await reauthenticate(deps, { userId: actor.id, password: opts.password, ip: opts.ip, userAgent: opts.userAgent })
  if (reauth.kind === 'locked') return reauth
  if (reauth.kind === 'wrong') return { kind: 'wrong_password' }
  if (!reauth.user.totpEnabledAt) return { kind: 'not_enabled' }
  const { codes, hashes } = newRecoveryCodes()
  const now = deps.clock.now()
  await deps.database.db.transaction(async (tx) => {
    await replaceRecoveryCodes(tx, actor.id, hashes, now)
    await appendAudit(tx, { at: now, actorUserId: actor.id, actorRole: actor.role, ip: opts.ip, userAgent: opts.userAgent }, { action: 'totp.recovery_codes_regenerated' }, { targetType: 'user', targetId: actor.id, entityId: actor.entityId })
  })
  return { kind: 'done', codes }
}
