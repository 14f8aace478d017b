/**
 * Inviting AMLO staff (use cases; admins only). The account is created with status 'invited', the
 * chosen staff role and no password; a one-time link (72 hours, stored hashed) goes out by e-mail in
 * the same transaction. Re-sending makes a new link and the old one stops working. The invitee sets
 * a password from the link (accept-staff-invitation.ts) and enrols TOTP at the first sign-in.
 * Re-sending: resend-staff-invitation.ts.
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { isUniqueViolation } from '#src/db/errors.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { emailKey } from './identity.rules.ts'
import { can, type Actor } from './permissions.ts'
import { usernameCandidates, type StaffRole } from './staff-invitation.rules.ts'
import { createToken } from './tokens.repo.ts'
import { findUserByEmailKey, findUserByUsernameKey, fullName, insertUser, type User } from './users.repo.ts'

type Deps = Pick<AppDeps, 'database' | 'clock' | 'config'>
type Meta = { ip: string; userAgent: string | undefined }

/** The role as the invitee reads it in the e-mail (stored in the outbox payload, in Thai). */
const ROLE_NAME = { examiner: 'account.role.examiner', supervisor: 'account.role.supervisor', admin: 'account.role.admin' } as const satisfies Record<StaffRole, MessageKey>

export function requireInviter(actor: Actor): Extract<Actor, { kind: 'user' }> {
  if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
  if (!can(actor, 'users:invite:any')) throw new AppError('FORBIDDEN', { messageKey: 'errors.page.forbidden.title' })
  return actor
}

export async function sendInvitation(tx: DbOrTx, deps: Deps, user: User, inviter: Extract<Actor, { kind: 'user' }>, meta: Meta, resent: boolean) {
  const now = deps.clock.now()
  const token = await createToken(tx, { userId: user.id, purpose: 'staff_invite', now })
  await appendAudit(tx, { at: now, actorUserId: inviter.id, actorRole: inviter.role, ...meta }, { action: 'user.invited', role: user.role, ...(resent ? { resent } : {}) }, { targetType: 'user', targetId: user.id })
  await enqueueMail(tx, {
    template: 'staff_invitation',
    to: user.email,
    locale: 'th',
    now,
    payload: {
      fullName: fullName(user),
      role: createTranslator('th')(ROLE_NAME[user.role as StaffRole]),
      inviteUrl: `${deps.config.baseUrl}/auth/invitation/${token.raw}`,
      expiresAt: token.expiresAt.toISOString(),
      invitedBy: inviter.displayName,
    },
  })
}

export type InviteResult = { kind: 'invited'; user: User } | { kind: 'email_taken' }

export async function inviteStaff(
  deps: Deps,
  opts: Meta & { actor: Actor; firstName: string; lastName: string; email: string; role: StaffRole },
): Promise<InviteResult> {
  const inviter = requireInviter(opts.actor)
  const db = deps.database.db
  const key = emailKey(opts.email)
  // An admin may learn that an address already has an account (they can search all accounts).
  if (await findUserByEmailKey(db, key)) return { kind: 'email_taken' }
  let username: string | undefined
  for (const candidate of usernameCandidates(opts.email)) {
    if (!(await findUserByUsernameKey(db, candidate))) {
      username = candidate
      break
    }
  }
  if (!username) throw new AppError('CONFLICT', { messageKey: 'admin.invite.noUsername' })
  const now = deps.clock.now()
  try {
    return await db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        entityId: null,
        role: opts.role,
        status: 'invited',
        username: username!,
        usernameKey: username!,
        email: opts.email,
        emailKey: key,
        firstName: opts.firstName,
        lastName: opts.lastName,
        passwordHash: null,
        locale: 'th',
        createdAt: now,
        updatedAt: now,
      })
      await sendInvitation(tx, deps, user, inviter, { ip: opts.ip, userAgent: opts.userAgent }, false)
      return { kind: 'invited', user } as const
    })
  } catch (e) {
    if (isUniqueViolation(e)) return { kind: 'email_taken' } // invited or registered meanwhile
    throw e
  }
}
