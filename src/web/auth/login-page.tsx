import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { Button, ErrorSummary, Form, TextInput, fieldErrors, textValue } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const LOGIN_FIELDS = ['identifier', 'password'] as const

export type LoginPageProps = {
  ctx: PageContext
  next?: string
  errors?: FormErrors
  values?: RawForm
  /** A message shown above the form (signed out after inactivity, account pending, locked…). */
  notice?: { key: MessageKey; params?: Record<string, string>; variant: 'important' | 'success' }
}

export function LoginPage({ ctx, next, errors, values, notice }: LoginPageProps) {
  const { t } = ctx
  const errs = fieldErrors(t, errors, LOGIN_FIELDS)
  return (
    <PageLayout ctx={ctx} title={t('auth.login.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      {notice ? (
        <NotificationBanner t={t} variant={notice.variant}>
          <p class="body">{t(notice.key, notice.params)}</p>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{t('auth.login.title')}</h1>
      <Form ctx={ctx} action={next ? `/auth/login?next=${encodeURIComponent(next)}` : '/auth/login'} id="login-form">
        <TextInput
          t={t}
          id="identifier"
          label={t('auth.login.identifier')}
          value={textValue(values, 'identifier')}
          error={errs.text('identifier')}
          autocomplete="username"
          spellcheck={false}
          maxLength={254}
          required
        />
        <TextInput
          t={t}
          id="password"
          type="password"
          label={t('auth.login.password')}
          error={errs.text('password')}
          autocomplete="current-password"
          maxLength={1024}
          required
        />
        <Button>{t('auth.login.submit')}</Button>
      </Form>
      <p class="body">
        <a href="/auth/forgot-password">{t('auth.login.forgot')}</a>
      </p>
      <p class="body">
        {t('auth.login.noAccount')} <a href="/auth/register">{t('auth.login.register')}</a>
      </p>
    </PageLayout>
  )
}
