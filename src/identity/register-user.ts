/**
 * Registration (use case): a registrant of a business in AMLO's registry creates an account that
 * waits for e-mail confirmation. The e-mail carries the user name (never the password), a
 * single-use confirmation link (48 h, stored hashed) and the service-request form.
 * A registration with an e-mail that already has an account looks the same to the registrant; the
 * owner of that address is told instead (no enumeration).
 */
import { appendAudit } from '#src/audit/audit.repo.ts'
import { isUniqueViolation } from '#src/db/errors.ts'
import { findEntityById, type EntitySummary } from '#src/entities/entities.repo.ts'
import type { DbOrTx } from '#src/db/client.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { enqueueMail } from '#src/notifications/outbox.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { emailKey, maskEmail, normaliseUsername } from './identity.rules.ts'
import { checkNewPassword, hashPassword, type PasswordProblem } from './passwords.ts'
import type { RegisterInput } from './registration.schemas.ts'
import { lockedUntil, recordFailure } from './throttle.repo.ts'
import { createToken } from './tokens.repo.ts'
import { findUserByEmailKey, findUserByUsernameKey, fullName, insertUser, type User } from './users.repo.ts'

export type RegisterOptions = { entityId: string; input: RegisterInput; locale: Locale; ip: string; userAgent: string | undefined }
export type RegisterResult =
  | { kind: 'registered'; maskedEmail: string }
  | { kind: 'throttled' }
  | { kind: 'username_taken' }
  | { kind: 'weak_password'; problem: PasswordProblem }

export async function registerUser(deps: Pick<AppDeps, 'database' | 'clock' | 'config'>, opts: RegisterOptions): Promise<RegisterResult> {
  const db = deps.database.db
  const { input } = opts
  const entity = await findEntityById(db, opts.entityId)
  if (!entity || entity.status !== 'active') throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

  // Registration costs an argon2 hash, a PDF and an e-mail to an address the caller chooses:
  // at most 10 attempts per client address and per e-mail address in 5 minutes (ASVS V2.4.1).
  const throttleNow = deps.clock.now()
  const ipKey = { scope: 'register_ip' as const, key: opts.ip }
  const emailThrottle = { scope: 'register_email' as const, key: emailKey(input.email) }
  if (await lockedUntil(db, [ipKey], throttleNow)) return { kind: 'throttled' }
  const emailLocked = !!(await lockedUntil(db, [emailThrottle], throttleNow))
  await recordFailure(db, [ipKey, emailThrottle], throttleNow)

  const policy = checkNewPassword(input.password, [input.username, input.firstName, input.lastName, input.email.split('@')[0] ?? ''])
  if (policy.problem) return { kind: 'weak_password', problem: policy.problem }

  const usernameKey = normaliseUsername(input.username)
  const key = emailKey(input.email)
  if (await findUserByUsernameKey(db, usernameKey)) return { kind: 'username_taken' }
  // Hash before looking at the e-mail: both answers below then cost the same (no timing enumeration).
  const passwordHash = await hashPassword(input.password) // never inside the transaction
  const existing = await findUserByEmailKey(db, key)
  const now = deps.clock.now()
  const base = deps.config.baseUrl
  const audit = { at: now, ip: opts.ip, userAgent: opts.userAgent }

  // Too many registrations for one address: the same answer, but nothing is created or sent.
  if (emailLocked) return { kind: 'registered', maskedEmail: maskEmail(input.email) }

  if (existing) {
    if (existing.status === 'pending_email' && existing.entityId) {
      // Never confirmed (e.g. the 48-hour link expired): send a fresh registration e-mail to that
      // address, for the account that exists. Nothing else changes, and the answer is the same.
      const owner = existing
      const ownerEntity = (await findEntityById(db, owner.entityId!)) ?? entity
      await db.transaction(async (tx) => {
        const token = await createToken(tx, { userId: owner.id, purpose: 'email_confirm', now })
        await enqueueRegistrationMail(tx, { user: owner, entity: ownerEntity, token, base, now })
      })
    } else {
      await enqueueMail(db, {
        template: 'account_exists_notice',
        to: existing.email,
        locale: existing.locale === 'en' ? 'en' : 'th',
        payload: { fullName: fullName(existing), loginUrl: `${base}/auth/login`, forgotUrl: `${base}/auth/forgot-password` },
        now,
      })
    }
    return { kind: 'registered', maskedEmail: maskEmail(input.email) }
  }

  try {
    await db.transaction(async (tx) => {
      const user = await insertUser(tx, {
        entityId: entity.id,
        role: 'entity_user',
        status: 'pending_email',
        username: usernameKey,
        usernameKey,
        email: input.email,
        emailKey: key,
        title: input.title,
        firstName: input.firstName,
        lastName: input.lastName,
        position: input.position,
        phone: input.phone,
        passwordHash,
        passwordChangedAt: now,
        locale: opts.locale,
      })
      const token = await createToken(tx, { userId: user.id, purpose: 'email_confirm', now })
      await appendAudit(tx, { ...audit, actorUserId: user.id, actorRole: 'entity_user' }, { action: 'user.registered', username: usernameKey, entityId: entity.id }, { targetType: 'user', targetId: user.id, entityId: entity.id })
      await enqueueRegistrationMail(tx, { user, entity, token, base, now })
    })
  } catch (e) {
    // Two registrations racing for the same user name or e-mail: the unique index decides.
    if (isUniqueViolation(e)) {
      if (await findUserByUsernameKey(db, usernameKey)) return { kind: 'username_taken' }
      return { kind: 'registered', maskedEmail: maskEmail(input.email) }
    }
    throw e
  }
  return { kind: 'registered', maskedEmail: maskEmail(input.email) }
}

/** The registration e-mail: user name (never the password), confirmation link, service-request form data. */
export async function enqueueRegistrationMail(
  tx: DbOrTx,
  args: { user: User; entity: EntitySummary; token: { raw: string; expiresAt: Date }; base: string; now: Date },
): Promise<void> {
  const { user, entity, token, base, now } = args
  const businessName = registeredName(entity.nameTh, entity.legalForm as LegalForm, 'th')
  await enqueueMail(tx, {
    template: 'registration',
    to: user.email,
    locale: user.locale === 'en' ? 'en' : 'th',
    now,
    payload: {
      username: user.username,
      fullName: fullName(user),
      businessName,
      juristicId: formatJuristicId(entity.juristicId),
      confirmUrl: `${base}/auth/confirm-email/${token.raw}`,
      expiresAt: token.expiresAt.toISOString(),
      serviceRequest: {
        title: user.title,
        firstName: user.firstName,
        lastName: user.lastName,
        position: user.position,
        phone: user.phone,
        email: user.email,
        businessName,
        juristicId: formatJuristicId(entity.juristicId),
        businessAddress: [entity.addressLine, entity.subdistrict, entity.district, entity.province, entity.postcode].join(' '),
        registeredAt: now.toISOString(),
      },
    },
  })
}
