import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { SESSION_IDLE_MS } from '#src/identity/session.model.ts'
import { signIn } from '#src/identity/sign-in.ts'
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { endSession } from '#src/server/plugins/actor.ts'
import { parseForm, parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { safeLocalPath } from '#src/web/lib/safe-redirect.ts'
import { LoginPage, type LoginPageProps } from './login-page.tsx'
import { landingAfterSignIn, startPendingSignIn, startSignedInSession } from './sign-in-session.ts'

const LoginQuery = z.object({ next: z.string().max(2000).optional() })
export const LoginInput = z.object({
  identifier: z.string().trim().min(1, 'errors.field.required').max(254, 'errors.field.tooLong'),
  password: z.string().min(1, 'errors.field.required').max(1024, 'errors.field.tooLong'),
})

const INACTIVE_MESSAGE = {
  pending_email: 'auth.login.pendingEmail',
  pending_approval: 'auth.login.pendingApproval',
  invited: 'auth.login.invited',
  deactivated: 'auth.login.deactivated',
  locked: 'auth.login.lockedByAdmin',
} as const satisfies Record<'pending_email' | 'pending_approval' | 'invited' | 'deactivated' | 'locked', MessageKey>

const ExtendInput = z.object({ next: z.string().max(2000).optional() })

const IMPORTANT_FLASHES = new Set<MessageKey>(['auth.login.idleSignedOut', 'auth.login.absoluteSignedOut', 'twostep.login.expired'])

export const loginRoutes: FastifyPluginAsync = async (app) => {
  app.get('/login', { preHandler: requirePermission('anonymous') }, (req, reply) => {
    const { next } = parseQuery(LoginQuery, req.query)
    const flash = takeFlash(req)
    const ended = req.sessionEnded === 'idle' ? 'auth.login.idleSignedOut' : req.sessionEnded === 'absolute' ? 'auth.login.absoluteSignedOut' : undefined
    const important = ended ?? (flash && IMPORTANT_FLASHES.has(flash.key) ? flash.key : undefined)
    const notice: LoginPageProps['notice'] = important
      ? { key: important, variant: 'important' }
      : flash
        ? { key: flash.key, params: flash.params, variant: 'success' }
        : next
          ? { key: 'auth.login.signInFirst', variant: 'important' }
          : undefined
    return sendPage(req, reply, (ctx) => <LoginPage ctx={ctx} next={next ? safeLocalPath(next, '') || undefined : undefined} notice={notice} />)
  })

  app.post('/login', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const { next } = parseQuery(LoginQuery, req.query)
    const safeNext = next ? safeLocalPath(next, '') || undefined : undefined
    const form = parseForm(LoginInput, req.body)
    if (!form.ok) return respond(req, reply).invalid((ctx) => <LoginPage ctx={ctx} next={safeNext} errors={form.errors} values={form.values} />)
    const values = { identifier: form.value.identifier }
    const result = await signIn(app.deps, { ...form.value, ip: req.ip, userAgent: req.headers['user-agent'] })
    switch (result.kind) {
      case 'failed':
        return respond(req, reply).invalid((ctx) => <LoginPage ctx={ctx} next={safeNext} values={values} errors={{ identifier: 'auth.login.failed' }} />)
      case 'locked': {
        const time = formatDateTimeNumeric(result.until)
        return respond(req, reply).invalid(
          (ctx) => <LoginPage ctx={ctx} next={safeNext} values={values} notice={{ key: 'auth.login.locked', params: { time }, variant: 'important' }} />,
          { status: 429 },
        )
      }
      case 'inactive':
        return respond(req, reply).invalid(
          (ctx) => <LoginPage ctx={ctx} next={safeNext} values={values} notice={{ key: INACTIVE_MESSAGE[result.status], variant: 'important' }} />,
          { status: 403 },
        )
      case 'second_factor':
        await startPendingSignIn(req, result.user, result.step, safeNext)
        return respond(req, reply).redirect(result.step === 'totp' ? '/auth/login/totp' : '/auth/totp/setup')
      case 'signed_in':
        await startSignedInSession(req, result.user)
        return respond(req, reply).redirect(landingAfterSignIn(req, result.user, safeNext))
    }
  })

  app.post('/logout', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const actor = req.actor
    if (actor.kind === 'user') {
      await appendAudit(app.deps.database.db, { at: app.deps.clock.now(), actorUserId: actor.id, actorRole: actor.role, ip: req.ip, userAgent: req.headers['user-agent'] }, { action: 'logout' }, { targetType: 'user', targetId: actor.id, entityId: actor.entityId })
    }
    await endSession(req)
    setFlash(req, 'auth.logout.done')
    return respond(req, reply).redirect('/auth/login')
  })

  /** "Stay signed in" from the idle warning: any authenticated request touches the session. */
  app.post('/session/extend', { preHandler: requirePermission('account:update:own') }, async (req, reply) => {
    req.session.lastSeenAt = app.deps.clock.now().getTime()
    if (String(req.headers.accept ?? '').includes('application/json')) {
      return reply.header('cache-control', 'no-store').send({ ok: true, idleMs: SESSION_IDLE_MS })
    }
    // Without JavaScript the button is a plain form: go back to the page it was on.
    const form = parseForm(ExtendInput, req.body)
    return respond(req, reply).redirect(safeLocalPath(form.ok ? form.value.next : undefined, '/account'))
  })
}
