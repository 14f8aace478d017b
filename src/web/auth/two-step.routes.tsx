/**
 * Two-step verification in the sign-in flow, under /auth:
 *   /login/totp        the code after the password (session.pendingLogin, step 'totp')
 *   /totp/setup        setting up the authenticator app: staff at first sign-in (step 'enrol', cannot
 *                      be skipped) or a signed-in user who re-entered the password (/account/two-step)
 *   /invitation/:token a staff invitation: set the password, then sign in (and enrol)
 * Pending sign-ins are anonymous sessions: nothing behind a permission is reachable until the
 * second step is done, because only startSignedInSession sets session.userId.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { acceptStaffInvitation, findInvitation } from '#src/identity/accept-staff-invitation.ts'
import { confirmTotpEnrolment, openEnrolmentSecret, startTotpEnrolment } from '#src/identity/enrol-totp.ts'
import { NewPasswordInput } from '#src/identity/registration.schemas.ts'
import { PENDING_LOGIN_MS } from '#src/identity/session.model.ts'
import { recordSignIn } from '#src/identity/sign-in.ts'
import { PENDING_ENROL_MS, REAUTH_MS, isPendingFresh } from '#src/identity/totp.rules.ts'
import { qrCodeSvg, sealSecret, totpUri } from '#src/identity/totp.ts'
import { unsafeFindUserById, type User } from '#src/identity/users.repo.ts'
import { verifySecondFactor } from '#src/identity/verify-second-factor.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { parseForm, type FormErrors } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { trustedHtml } from '#src/web/lib/trusted-html.tsx'
import { NewPasswordPage } from './recovery.routes.tsx'
import { PASSWORD_PROBLEM_MESSAGE } from './registration.routes.tsx'
import { MessagePage } from './registration-pages.tsx'
import { landingAfterSignIn, startSignedInSession } from './sign-in-session.ts'
import { TotpLoginPage, TotpSetupPage, type Notice } from './two-step-pages.tsx'

export const CodeInput = z.object({ code: z.string().trim().min(1, 'errors.field.required').max(40, 'twostep.errors.wrongCode') })
const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })
const open = { preHandler: requirePermission('anonymous') }

/** Where the recovery codes are shown once, after enrolling or making new ones. */
export const RECOVERY_CODES_PATH = '/account/two-step/recovery-codes'

/** The pending sign-in of this session at `step`, if it has not expired. */
function pendingAt(req: FastifyRequest, step: 'totp' | 'enrol'): { userId: string; next?: string } | undefined {
  const p = req.session.pendingLogin
  if (!p || p.step !== step) return undefined
  return isPendingFresh(p, req.server.deps.clock.now().getTime(), PENDING_LOGIN_MS) ? p : undefined
}

/** Back to the password step, saying why. */
async function restartSignIn(req: FastifyRequest, reply: FastifyReply) {
  const hadPending = !!req.session.pendingLogin
  if (hadPending) {
    await req.session.regenerate()
    setFlash(req, 'twostep.login.expired')
  }
  return respond(req, reply).redirect('/auth/login')
}

/** A used, expired or unknown invitation link: a new one comes from an admin (410, like other dead links). */
function sendInvalidInvitation(req: FastifyRequest, reply: FastifyReply) {
  return sendPage(req, reply, (ctx) => <MessagePage ctx={ctx} title={ctx.t('auth.errors.linkInvalid')} body={ctx.t('twostep.invitation.invalid')} link={{ href: '/auth/login', text: ctx.t('auth.login.title') }} />, { status: 410 })
}

type SetupSubject = { mode: 'enrol' | 'optin'; user: User }

/** Who is setting up an app: a staff member half-way through signing in, or a signed-in user who re-entered the password. */
async function setupSubject(req: FastifyRequest): Promise<SetupSubject | undefined> {
  const db = req.server.deps.database.db
  const pending = pendingAt(req, 'enrol')
  if (pending) {
    const user = await unsafeFindUserById(db, pending.userId)
    return user && user.status === 'active' && !user.totpEnabledAt ? { mode: 'enrol', user } : undefined
  }
  const now = req.server.deps.clock.now().getTime()
  if (req.actor.kind === 'user' && req.session.reauthAt && now - req.session.reauthAt <= REAUTH_MS) {
    const user = await unsafeFindUserById(db, req.actor.id)
    return user && !user.totpEnabledAt ? { mode: 'optin', user } : undefined
  }
  return undefined
}

export const twoStepAuthRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app

  // ── Second step of signing in ───────────────────────────────────────────────────────────
  app.get('/login/totp', open, async (req, reply) => {
    if (!pendingAt(req, 'totp')) return pendingAt(req, 'enrol') ? respond(req, reply).redirect('/auth/totp/setup') : restartSignIn(req, reply)
    return sendPage(req, reply, (ctx) => <TotpLoginPage ctx={ctx} />)
  })

  app.post('/login/totp', open, async (req, reply) => {
    const pending = pendingAt(req, 'totp')
    if (!pending) return restartSignIn(req, reply)
    const form = parseForm(CodeInput, req.body)
    const page = (errors?: FormErrors, notice?: Notice, status?: number) => respond(req, reply).invalid((ctx) => <TotpLoginPage ctx={ctx} errors={errors} notice={notice} />, { status })
    if (!form.ok) return page(form.errors)
    const result = await verifySecondFactor(deps, { userId: pending.userId, code: form.value.code, ...meta(req) })
    switch (result.kind) {
      case 'wrong':
        return page({ code: 'twostep.errors.wrongCode' })
      case 'locked':
        return page(undefined, { key: 'twostep.login.locked', params: { time: formatDateTimeNumeric(result.until) } }, 429)
      case 'unavailable':
        return restartSignIn(req, reply)
      case 'ok': {
        const next = pending.next
        await startSignedInSession(req, result.user)
        await recordSignIn(deps, { user: result.user, method: result.method, ...meta(req) })
        if (result.recoveryCodesLeft !== undefined) {
          // Say how many are left, where new ones can be made.
          setFlash(req, 'twostep.login.recoveryUsed', { count: String(result.recoveryCodesLeft) })
          return respond(req, reply).redirect('/account/two-step')
        }
        return respond(req, reply).redirect(landingAfterSignIn(req, result.user, next))
      }
    }
  })

  // ── Setting up the authenticator app ───────────────────────────────────────────────────
  /** The candidate secret of this setup: kept (sealed) in the session so a reload shows the same QR code. */
  function candidateFor(req: FastifyRequest, user: User): string {
    const now = deps.clock.now().getTime()
    const kept = req.session.totpSetup
    if (kept && kept.userId === user.id && now - kept.at <= PENDING_ENROL_MS) {
      const secret = openEnrolmentSecret(deps, kept.secret)
      if (secret) return secret
    }
    const fresh = startTotpEnrolment(deps)
    req.session.totpSetup = { userId: user.id, secret: fresh.sealed, at: now }
    return fresh.secret
  }

  async function renderSetup(req: FastifyRequest, reply: FastifyReply, subject: SetupSubject, failed?: { errors?: FormErrors; notice?: Notice; status?: number }) {
    const secret = candidateFor(req, subject.user)
    // Our own SVG from our own data (the otpauth URI of a secret we generated and the user name,
    // which is ASCII by the user-name rules): the one kind of raw HTML on this page.
    const qrSvg = trustedHtml(await qrCodeSvg(totpUri(secret, subject.user.username)))
    const view = (ctx: Parameters<typeof TotpSetupPage>[0]['ctx']) => (
      <TotpSetupPage ctx={ctx} mode={subject.mode} username={subject.user.username} secret={secret} qrSvg={qrSvg} errors={failed?.errors} notice={failed?.notice} />
    )
    return failed ? respond(req, reply).invalid(view, { status: failed.status }) : sendPage(req, reply, view)
  }

  async function noSetupSubject(req: FastifyRequest, reply: FastifyReply) {
    if (req.actor.kind === 'user') return respond(req, reply).redirect('/account/two-step')
    return restartSignIn(req, reply)
  }

  app.get('/totp/setup', open, async (req, reply) => {
    const subject = await setupSubject(req)
    if (!subject) return noSetupSubject(req, reply)
    return renderSetup(req, reply, subject)
  })

  app.post('/totp/setup', open, async (req, reply) => {
    const subject = await setupSubject(req)
    if (!subject) return noSetupSubject(req, reply)
    const kept = req.session.totpSetup
    if (!kept || kept.userId !== subject.user.id) return respond(req, reply).redirect('/auth/totp/setup')
    const form = parseForm(CodeInput, req.body)
    if (!form.ok) return renderSetup(req, reply, subject, { errors: form.errors })
    const result = await confirmTotpEnrolment(deps, { userId: subject.user.id, sealedCandidate: kept.secret, code: form.value.code, ...meta(req) })
    switch (result.kind) {
      case 'wrong':
        return renderSetup(req, reply, subject, { errors: { code: 'twostep.errors.wrongSetupCode' } })
      case 'locked':
        return renderSetup(req, reply, subject, { notice: { key: 'twostep.login.locked', params: { time: formatDateTimeNumeric(result.until) } }, status: 429 })
      case 'unavailable':
        req.session.totpSetup = undefined
        return respond(req, reply).redirect(subject.mode === 'enrol' ? '/auth/totp/setup' : '/account/two-step')
      case 'enrolled':
        break
    }
    if (subject.mode === 'enrol') {
      // The staff member's sign-in is complete: a new session id, signed in.
      await startSignedInSession(req, result.user)
      await recordSignIn(deps, { user: result.user, method: 'password+totp', ...meta(req) })
    } else {
      // A change of authentication factors: new session id for this device (ASVS V7.2.4).
      const keep = { userId: req.session.userId, authAt: req.session.authAt, lastSeenAt: req.session.lastSeenAt, ip: req.session.ip, userAgent: req.session.userAgent }
      await req.session.regenerate()
      Object.assign(req.session, keep)
    }
    req.session.recoveryCodes = { userId: result.user.id, codes: sealSecret(deps.config.sessionSecret, 'session_recovery_codes', JSON.stringify({ codes: result.recoveryCodes, firstTime: true })) }
    return respond(req, reply).redirect(RECOVERY_CODES_PATH)
  })

  // ── Staff invitation ─────────────────────────────────────────────────────────────────────
  app.get<{ Params: { token: string } }>('/invitation/:token', open, async (req, reply) => {
    const invitation = await findInvitation(deps, req.params.token)
    if (!invitation) return sendInvalidInvitation(req, reply)
    return sendPage(req, reply, (ctx) => <NewPasswordPage ctx={ctx} action="/auth/invitation" token={req.params.token} title={ctx.t('twostep.invitation.title', { username: invitation.username })} />)
  })

  app.post('/invitation', open, async (req, reply) => {
    const form = parseForm(NewPasswordInput, req.body)
    const token = typeof (req.body as Record<string, unknown>)?.token === 'string' ? String((req.body as Record<string, unknown>).token).slice(0, 100) : ''
    const page = async (errors: FormErrors) => {
      const invitation = await findInvitation(deps, token)
      if (!invitation) return sendInvalidInvitation(req, reply)
      return respond(req, reply).invalid((ctx) => <NewPasswordPage ctx={ctx} action="/auth/invitation" token={token} errors={errors} title={ctx.t('twostep.invitation.title', { username: invitation.username })} />)
    }
    if (!form.ok) return page(form.errors)
    const result = await acceptStaffInvitation(deps, { token: form.value.token, password: form.value.password, ...meta(req) })
    switch (result.kind) {
      case 'invalid':
        return sendInvalidInvitation(req, reply)
      case 'weak_password':
        return page({ password: PASSWORD_PROBLEM_MESSAGE[result.problem] })
      case 'done':
        await req.session.regenerate()
        setFlash(req, 'twostep.invitation.done', { username: result.username })
        return respond(req, reply).redirect('/auth/login')
    }
  })
}
