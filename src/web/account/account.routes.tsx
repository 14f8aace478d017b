import { createHash } from 'node:crypto'
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { appendAudit } from '#src/audit/audit.repo.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { changePassword } from '#src/identity/change-password.ts'
import { emailField, newPasswordField, passwordsMatch, phoneField, TokenInput } from '#src/identity/registration.schemas.ts'
import { deleteSessionOfUser, deleteSessionsOfUser, listSessionsOfUser } from '#src/identity/sessions.repo.ts'
import { changePhone, confirmEmailChange, requestEmailChange } from '#src/identity/update-profile.ts'
import { unsafeFindUserById } from '#src/identity/users.repo.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { AppError } from '#src/platform/errors.ts'
import { Button, Form } from '#src/web/components/form/index.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { MessagePage } from '#src/web/auth/registration-pages.tsx'
import { PASSWORD_PROBLEM_MESSAGE, sendInvalidLink } from '#src/web/auth/registration.routes.tsx'
import { parseForm, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { AccountPage, SessionsPage, type AccountForm } from './account-page.tsx'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'

const PasswordInput = z
  .object({ currentPassword: z.string().min(1, 'errors.field.required').max(1024), password: newPasswordField, passwordConfirm: z.string().max(1024) })
  .refine((v) => v.password === v.passwordConfirm, passwordsMatch)
const PhoneInput = z.object({ phone: phoneField })
const EmailInput = z.object({ email: emailField, emailPassword: z.string().min(1, 'errors.field.required').max(1024) })
const SessionInput = z.object({ session: z.string().regex(/^[0-9a-f]{16}$/) })

/** A session is referred to by a hash of its id: the id itself (a credential) never goes into a page. */
const handleOf = (sid: string) => createHash('sha256').update(sid).digest('hex').slice(0, 16)
const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })
const guard = { preHandler: requirePermission('account:update:own') }

export const accountRoutes: FastifyPluginAsync = async (app) => {
  const db = app.deps.database.db

  async function renderAccount(req: FastifyRequest, reply: FastifyReply, opts: { failed?: { form: AccountForm; errors: FormErrors; values?: RawForm }; status?: number } = {}) {
    if (req.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const user = await unsafeFindUserById(db, req.actor.id)
    if (!user) throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const entity = user.entityId ? await findEntityById(db, user.entityId) : undefined
    const flash = takeFlash(req)
    const view = (ctx: Parameters<typeof AccountPage>[0]['ctx']) => (
      <AccountPage ctx={ctx} user={user} businessName={entity ? registeredName(entity.nameTh, entity.legalForm as LegalForm, ctx.locale, entity.nameEn) : undefined} flash={flash} failed={opts.failed} />
    )
    return opts.failed ? respond(req, reply).invalid(view, { status: opts.status }) : sendPage(req, reply, view)
  }

  app.get('/', guard, (req, reply) => renderAccount(req, reply))

  app.post('/password', guard, async (req, reply) => {
    const form = parseForm(PasswordInput, req.body)
    if (!form.ok) return renderAccount(req, reply, { failed: { form: 'password', errors: form.errors } })
    const result = await changePassword(app.deps, { actor: req.actor, currentSid: req.session.sessionId, current: form.value.currentPassword, next: form.value.password, ...meta(req) })
    switch (result.kind) {
      case 'wrong_current':
        return renderAccount(req, reply, { failed: { form: 'password', errors: { currentPassword: 'auth.errors.passwordWrong' } } })
      case 'locked':
        return renderAccount(req, reply, { failed: { form: 'password', errors: { currentPassword: 'account.password.locked' } }, status: 429 })
      case 'weak_password':
        return renderAccount(req, reply, { failed: { form: 'password', errors: { password: PASSWORD_PROBLEM_MESSAGE[result.problem] } } })
      case 'done': {
        // New id for this device too; the other sessions were deleted by the use case.
        const keep = { userId: req.session.userId, authAt: req.session.authAt, lastSeenAt: req.session.lastSeenAt, ip: req.session.ip, userAgent: req.session.userAgent }
        await req.session.regenerate()
        Object.assign(req.session, keep)
        setFlash(req, 'account.password.done')
        return respond(req, reply).redirect('/account')
      }
    }
  })

  app.post('/phone', guard, async (req, reply) => {
    const form = parseForm(PhoneInput, req.body)
    if (!form.ok) return renderAccount(req, reply, { failed: { form: 'phone', errors: form.errors, values: form.values } })
    await changePhone(app.deps, { actor: req.actor, phone: form.value.phone, ...meta(req) })
    setFlash(req, 'account.phone.done')
    return respond(req, reply).redirect('/account')
  })

  app.post('/email', guard, async (req, reply) => {
    const form = parseForm(EmailInput, req.body)
    const values = { email: (form.ok ? form.value.email : form.values.email) as string }
    if (!form.ok) return renderAccount(req, reply, { failed: { form: 'email', errors: form.errors, values } })
    const result = await requestEmailChange(app.deps, { actor: req.actor, newEmail: form.value.email, password: form.value.emailPassword, ...meta(req) })
    switch (result.kind) {
      case 'wrong_password':
        return renderAccount(req, reply, { failed: { form: 'email', errors: { emailPassword: 'auth.errors.passwordWrong' }, values } })
      case 'locked':
        return renderAccount(req, reply, { failed: { form: 'email', errors: { emailPassword: 'account.password.locked' }, values }, status: 429 })
      case 'unavailable':
        return renderAccount(req, reply, { failed: { form: 'email', errors: { email: 'account.email.unavailable' }, values } })
      case 'sent':
        setFlash(req, 'account.email.sent', { email: result.masked })
        return respond(req, reply).redirect('/account')
    }
  })

  // The link from the e-mail works whether or not the user is signed in on this device.
  app.get<{ Params: { token: string } }>('/confirm-email-change/:token', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => (
      <PageLayout ctx={ctx} title={ctx.t('account.email.confirmTitle')}>
        <h1 class="heading-xl">{ctx.t('account.email.confirmTitle')}</h1>
        <Form ctx={ctx} action="/account/confirm-email-change">
          <input type="hidden" name="token" value={req.params.token.slice(0, 100)} />
          <Button>{ctx.t('account.email.confirmSubmit')}</Button>
        </Form>
      </PageLayout>
    )),
  )

  app.post('/confirm-email-change', { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const form = parseForm(TokenInput, req.body)
    if (!form.ok) return sendInvalidLink(req, reply)
    const result = await confirmEmailChange(app.deps, { token: form.value.token, ...meta(req) })
    if (result === 'invalid') return sendInvalidLink(req, reply)
    const body: MessageKey = result === 'done' ? 'account.email.done' : 'account.email.unavailable'
    return sendPage(req, reply, (ctx) => <MessagePage ctx={ctx} status={result === 'done' ? 'success' : undefined} title={ctx.t('account.email.confirmTitle')} body={ctx.t(body)} link={{ href: '/account', text: ctx.t('account.title') }} />)
  })

  app.get('/sessions', guard, async (req, reply) => {
    if (req.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const sessions = await listSessionsOfUser(db, req.actor.id, app.deps.clock.now())
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <SessionsPage ctx={ctx} sessions={sessions} currentHandle={handleOf(req.session.sessionId)} handleOf={handleOf} flash={flash} />)
  })

  app.post('/sessions/end', guard, async (req, reply) => {
    const form = parseForm(SessionInput, req.body)
    if (!form.ok || req.actor.kind !== 'user') throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    const actor = req.actor
    const target = (await listSessionsOfUser(db, actor.id, app.deps.clock.now())).find((s) => handleOf(s.sid) === form.value.session && s.sid !== req.session.sessionId)
    if (target) {
      await db.transaction(async (tx) => {
        await deleteSessionOfUser(tx, actor.id, target.sid)
        await appendAudit(tx, { at: app.deps.clock.now(), actorUserId: actor.id, actorRole: actor.role, ...meta(req) }, { action: 'session.revoked', sessionCount: 1 }, { targetType: 'user', targetId: actor.id, entityId: actor.entityId })
      })
    }
    setFlash(req, 'account.sessions.ended')
    return respond(req, reply).redirect('/account/sessions')
  })

  app.post('/sessions/end-others', guard, async (req, reply) => {
    if (req.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const actor = req.actor
    await db.transaction(async (tx) => {
      const n = await deleteSessionsOfUser(tx, actor.id, req.session.sessionId)
      await appendAudit(tx, { at: app.deps.clock.now(), actorUserId: actor.id, actorRole: actor.role, ...meta(req) }, { action: 'session.revoked', sessionCount: n }, { targetType: 'user', targetId: actor.id, entityId: actor.entityId })
    })
    setFlash(req, 'account.sessions.endedOthers')
    return respond(req, reply).redirect('/account/sessions')
  })
}

