import type { FastifyPluginAsync } from 'fastify'
import { findEntityById } from '#src/entities/entities.repo.ts'
import { findBusiness } from '#src/entities/find-business.ts'
import { confirmEmail } from '#src/identity/confirm-email.ts'
import type { PasswordProblem } from '#src/identity/passwords.ts'
import { registerUser } from '#src/identity/register-user.ts'
import { RegisterInput, SearchQuery, TokenInput } from '#src/identity/registration.schemas.ts'
import { peekToken } from '#src/identity/tokens.repo.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { withMinDuration } from '#src/platform/min-duration.ts'
import { Button, Form } from '#src/web/components/form/index.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { parseForm, parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { CONFIRMED_SERVICE_REQUEST_PATH } from '#src/web/portal/documents-out.routes.tsx'
import { MessagePage, RegisterDetailsPage, RegisterSearchPage, RegisterSentPage, TermsPage, type SearchOutcome } from './registration-pages.tsx'

export const PASSWORD_PROBLEM_MESSAGE = {
  tooShort: 'auth.errors.passwordTooShort',
  tooLong: 'auth.errors.passwordTooLong',
  common: 'auth.errors.passwordCommon',
  containsPersonal: 'auth.errors.passwordPersonal',
} as const satisfies Record<PasswordProblem, MessageKey>

/** Both answers of registration and of "forgotten password" take at least this long. */
export const RESPONSE_FLOOR_MS = 400

export const registrationRoutes: FastifyPluginAsync = async (app) => {
  const open = { preHandler: requirePermission('anonymous') }

  app.get('/register', open, async (req, reply) => {
    const query = (parseQuery(SearchQuery, req.query).q ?? '').trim()
    let outcome: SearchOutcome = { kind: 'none' }
    if (query) {
      const r = await findBusiness({ db: app.deps.database.db }, { query })
      outcome =
        r.kind === 'found'
          ? r
          : r.kind === 'not_found'
            ? r
            : { kind: 'error', key: r.kind === 'invalid_juristic_id' ? 'auth.register.juristicInvalid' : 'auth.register.queryTooShort' }
    }
    const status = outcome.kind === 'error' ? 400 : 200
    return sendPage(req, reply, (ctx) => <RegisterSearchPage ctx={ctx} query={query} outcome={outcome} />, { status })
  })

  app.get<{ Params: { entityId: string } }>('/register/:entityId', open, async (req, reply) => {
    const entity = await findEntityById(app.deps.database.db, req.params.entityId)
    if (!entity || entity.status !== 'active') return reply.callNotFound()
    return sendPage(req, reply, (ctx) => <RegisterDetailsPage ctx={ctx} entity={entity} />)
  })

  app.post<{ Params: { entityId: string } }>('/register/:entityId', open, async (req, reply) => {
    const entity = await findEntityById(app.deps.database.db, req.params.entityId)
    if (!entity || entity.status !== 'active') return reply.callNotFound()
    const form = parseForm(RegisterInput, req.body)
    // Passwords are never sent back to the browser, valid or not.
    const keep = (values: Record<string, unknown>) => ({ ...values, password: undefined, passwordConfirm: undefined })
    if (!form.ok) return respond(req, reply).invalid((ctx) => <RegisterDetailsPage ctx={ctx} entity={entity} errors={form.errors} values={keep(form.values)} />)
    // A known and a new e-mail must answer in the same time (no enumeration by timing).
    const result = await withMinDuration(RESPONSE_FLOOR_MS, () => registerUser(app.deps, { entityId: entity.id, input: form.value, locale: req.locale, ip: req.ip, userAgent: req.headers['user-agent'] }))
    switch (result.kind) {
      case 'username_taken':
        return respond(req, reply).invalid((ctx) => <RegisterDetailsPage ctx={ctx} entity={entity} errors={{ username: 'auth.errors.usernameTaken' }} values={keep(form.value)} />)
      case 'weak_password':
        return respond(req, reply).invalid((ctx) => <RegisterDetailsPage ctx={ctx} entity={entity} errors={{ password: PASSWORD_PROBLEM_MESSAGE[result.problem] }} values={keep(form.value)} />)
      case 'registered':
        req.session.registeredEmail = result.maskedEmail
        return respond(req, reply).redirect('/auth/register/sent')
      case 'throttled':
        return sendPage(req, reply, (ctx) => <MessagePage ctx={ctx} title={ctx.t('errors.page.rateLimited.title')} body={ctx.t('errors.page.rateLimited.body')} />, { status: 429 })
    }
  })

  app.get('/register/sent', open, (req, reply) => {
    const masked = req.session.registeredEmail
    if (!masked) return reply.redirect('/auth/register', 303)
    return sendPage(req, reply, (ctx) => <RegisterSentPage ctx={ctx} maskedEmail={masked} />)
  })

  /** Links in e-mail are opened by scanners too: GET only shows a button; POST confirms. */
  app.get<{ Params: { token: string } }>('/confirm-email/:token', open, async (req, reply) => {
    const valid = await peekToken(app.deps.database.db, req.params.token, 'email_confirm', app.deps.clock.now())
    if (!valid) return sendInvalidLink(req, reply)
    return sendPage(req, reply, (ctx) => (
      <PageLayout ctx={ctx} title={ctx.t('auth.confirm.title')}>
        <h1 class="heading-xl">{ctx.t('auth.confirm.title')}</h1>
        <p class="body-l">{ctx.t('auth.confirm.lead')}</p>
        <Form ctx={ctx} action="/auth/confirm-email">
          <input type="hidden" name="token" value={req.params.token} />
          <Button>{ctx.t('auth.confirm.submit')}</Button>
        </Form>
      </PageLayout>
    ))
  })

  app.post('/confirm-email', open, async (req, reply) => {
    const form = parseForm(TokenInput, req.body)
    if (!form.ok) return sendInvalidLink(req, reply)
    const result = await confirmEmail(app.deps, { token: form.value.token, ip: req.ip, userAgent: req.headers['user-agent'] })
    if (result.kind === 'invalid') return sendInvalidLink(req, reply)
    const body: MessageKey = result.kind === 'entity_admin' ? 'auth.confirm.doneAdmin' : 'auth.confirm.donePending'
    req.session.confirmedUser = { userId: result.userId, at: app.deps.clock.now().getTime() }
    const download = { href: CONFIRMED_SERVICE_REQUEST_PATH, text: req.t('serviceRequest.download'), hint: req.t('serviceRequest.downloadHint') }
    return sendPage(req, reply, (ctx) => <MessagePage ctx={ctx} status="success" title={ctx.t('auth.confirm.title')} body={ctx.t(body)} download={download} link={{ href: '/auth/login', text: ctx.t('auth.login.title') }} />)
  })

}

export function sendInvalidLink(req: Parameters<typeof sendPage>[0], reply: Parameters<typeof sendPage>[1]) {
  return sendPage(
    req,
    reply,
    (ctx) => <MessagePage ctx={ctx} title={ctx.t('auth.errors.linkInvalid')} body={ctx.t('auth.errors.linkInvalidHelp')} link={{ href: '/auth/forgot-password', text: ctx.t('auth.login.forgot') }} />,
    { status: 410 },
  )
}

/** /terms lives at the site root (it is linked from the registration form and the footer). */
export const termsRoute: FastifyPluginAsync = async (app) => {
  app.get('/terms', { preHandler: requirePermission('anonymous') }, (req, reply) => sendPage(req, reply, (ctx) => <TermsPage ctx={ctx} />))
}
