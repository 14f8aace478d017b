import type { FastifyPluginAsync } from 'fastify'
import { isResetLinkValid, requestPasswordReset, resetPassword } from '#src/identity/password-reset.ts'
import { EMAIL_MAX, IdentifierInput, NewPasswordInput } from '#src/identity/registration.schemas.ts'
import { Button, ErrorSummary, Form, TextInput, fieldErrors, textValue } from '#src/web/components/form/index.ts'
import { PasswordStrength } from '#src/web/components/form/password-strength.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { setFlash } from '#src/web/lib/flash.ts'
import { MessagePage } from './registration-pages.tsx'
import { PASSWORD_PROBLEM_MESSAGE, RESPONSE_FLOOR_MS, sendInvalidLink } from './registration.routes.tsx'
import { withMinDuration } from '#src/platform/min-duration.ts'

function ForgotPage({ ctx, errors, values }: { ctx: PageContext; errors?: FormErrors; values?: RawForm }) {
  const { t } = ctx
  const errs = fieldErrors(t, errors, [{ path: 'identifier', params: { max: EMAIL_MAX } }])
  return (
    <PageLayout ctx={ctx} title={t('auth.forgot.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('auth.forgot.title')}</h1>
      <p class="body-l">{t('auth.forgot.lead')}</p>
      <Form ctx={ctx} action="/auth/forgot-password">
        <TextInput t={t} id="identifier" label={t('auth.login.identifier')} value={textValue(values, 'identifier')} error={errs.text('identifier')} autocomplete="username" spellcheck={false} maxLength={EMAIL_MAX} required />
        <Button>{t('auth.forgot.submit')}</Button>
      </Form>
    </PageLayout>
  )
}

export const RESET_FIELDS = ['password', 'passwordConfirm'] as const

export function NewPasswordPage({ ctx, action, token, errors, title }: { ctx: PageContext; action: string; token: string; errors?: FormErrors; title: string }) {
  const { t } = ctx
  const errs = fieldErrors(t, errors, RESET_FIELDS)
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{title}</h1>
      <Form ctx={ctx} action={action}>
        <input type="hidden" name="token" value={token} />
        <TextInput t={t} id="password" type="password" label={t('auth.reset.newPassword')} hint={t('auth.field.password.hint')} error={errs.text('password')} autocomplete="new-password" maxLength={128} required />
        <PasswordStrength t={t} forId="password" />
        <TextInput t={t} id="passwordConfirm" type="password" label={t('auth.field.passwordConfirm')} error={errs.text('passwordConfirm')} autocomplete="new-password" maxLength={128} required />
        <Button>{t('auth.reset.submit')}</Button>
      </Form>
    </PageLayout>
  )
}

export const recoveryRoutes: FastifyPluginAsync = async (app) => {
  const open = { preHandler: requirePermission('anonymous') }

  app.get('/forgot-password', open, (req, reply) => sendPage(req, reply, (ctx) => <ForgotPage ctx={ctx} />))

  app.post('/forgot-password', open, async (req, reply) => {
    const form = parseForm(IdentifierInput, req.body)
    if (!form.ok) return respond(req, reply).invalid((ctx) => <ForgotPage ctx={ctx} errors={form.errors} values={form.values} />)
    const outcome = await withMinDuration(RESPONSE_FLOOR_MS, () => requestPasswordReset(app.deps, { identifier: form.value.identifier, ip: req.ip, userAgent: req.headers['user-agent'] }))
    if (outcome === 'throttled') {
      return respond(req, reply).invalid((ctx) => <ForgotPage ctx={ctx} errors={{ identifier: 'errors.page.rateLimited.body' }} values={{ identifier: form.value.identifier }} />, { status: 429 })
    }
    return respond(req, reply).redirect('/auth/forgot-password/sent')
  })

  app.get('/forgot-password/sent', open, (req, reply) =>
    sendPage(req, reply, (ctx) => <MessagePage ctx={ctx} title={ctx.t('auth.forgot.sentTitle')} body={ctx.t('auth.forgot.sent')} link={{ href: '/auth/login', text: ctx.t('auth.login.title') }} />),
  )

  app.get<{ Params: { token: string } }>('/reset-password/:token', open, async (req, reply) => {
    if (!(await isResetLinkValid(app.deps, req.params.token))) return sendInvalidLink(req, reply)
    return sendPage(req, reply, (ctx) => <NewPasswordPage ctx={ctx} action="/auth/reset-password" token={req.params.token} title={ctx.t('auth.reset.title')} />)
  })

  app.post('/reset-password', open, async (req, reply) => {
    const form = parseForm(NewPasswordInput, req.body)
    const token = typeof (req.body as Record<string, unknown>)?.token === 'string' ? String((req.body as Record<string, unknown>).token).slice(0, 100) : ''
    const page = (errors: FormErrors) => respond(req, reply).invalid((ctx) => <NewPasswordPage ctx={ctx} action="/auth/reset-password" token={token} errors={errors} title={ctx.t('auth.reset.title')} />)
    if (!form.ok) return page(form.errors)
    const result = await resetPassword(app.deps, { token: form.value.token, password: form.value.password, ip: req.ip, userAgent: req.headers['user-agent'] })
    switch (result.kind) {
      case 'invalid':
        return sendInvalidLink(req, reply)
      case 'weak_password':
        return page({ password: PASSWORD_PROBLEM_MESSAGE[result.problem] })
      case 'done':
        await req.session.regenerate()
        setFlash(req, 'auth.reset.done')
        return respond(req, reply).redirect('/auth/login')
    }
  })
}
