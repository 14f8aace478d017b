import type { Role } from '#src/identity/permissions.ts'
import type { ActiveSession } from '#src/identity/sessions.repo.ts'
import type { User } from '#src/identity/users.repo.ts'
import { formatThaiPhone } from '#src/identity/identity.rules.ts'
import { EMAIL_MAX } from '#src/identity/registration.schemas.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { Button, ErrorSummary, Form, TextInput, fieldErrors, textValue } from '#src/web/components/form/index.ts'
import { PasswordStrength } from '#src/web/components/form/password-strength.tsx'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const ROLE_LABEL = {
  entity_user: 'account.role.entity_user',
  entity_admin: 'account.role.entity_admin',
  examiner: 'account.role.examiner',
  supervisor: 'account.role.supervisor',
  admin: 'account.role.admin',
} as const satisfies Record<Role, MessageKey>

export type AccountForm = 'password' | 'phone' | 'email'
export const ACCOUNT_FIELDS = {
  password: ['currentPassword', 'password', 'passwordConfirm'],
  phone: ['phone'],
  email: ['email', 'emailPassword'],
} as const satisfies Record<AccountForm, readonly string[]>

export type AccountPageProps = {
  ctx: PageContext
  user: User
  businessName?: string
  flash?: Flash
  failed?: { form: AccountForm; errors: FormErrors; values?: RawForm }
}

export function AccountPage({ ctx, user, businessName, flash, failed }: AccountPageProps) {
  const { t } = ctx
  const errs = fieldErrors(t, failed?.errors, failed ? ACCOUNT_FIELDS[failed.form] : [])
  const value = (p: string) => textValue(failed?.values, p)
  return (
    <PageLayout ctx={ctx} title={t('account.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('account.title')}</h1>
      <h2 class="heading-l">{t('account.details.heading')}</h2>
      <dl class="summary-list">
        <div>
          <dt>{t('account.details.username')}</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>{t('account.details.name')}</dt>
          <dd>
            {user.firstName} {user.lastName}
          </dd>
        </div>
        <div>
          <dt>{t('account.details.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('account.details.phone')}</dt>
          <dd>{user.phone ? formatThaiPhone(user.phone, ctx.locale) : '–'}</dd>
        </div>
        <div>
          <dt>{t('account.details.role')}</dt>
          <dd>{t(ROLE_LABEL[user.role as Role])}</dd>
        </div>
        {businessName ? (
          <div>
            <dt>{t('account.details.business')}</dt>
            <dd>{businessName}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('account.details.twoStep')}</dt>
          <dd>
            {user.totpEnabledAt ? t('account.details.twoStepOn') : t('account.details.twoStepOff')} · <a href="/account/two-step">{t('account.details.twoStep')}</a>
          </dd>
        </div>
      </dl>
      <p class="body">
        <a href="/account/sessions">{t('account.sessions.heading')}</a>
      </p>

      <h2 class="heading-l" id="password-heading">
        {t('account.password.heading')}
      </h2>
      <Form ctx={ctx} action="/account/password" id="password-form">
        <TextInput t={t} id="currentPassword" type="password" label={t('account.password.current')} error={errs.text('currentPassword')} autocomplete="current-password" maxLength={1024} required />
        <TextInput t={t} id="password" type="password" label={t('account.password.new')} hint={t('auth.field.password.hint')} error={errs.text('password')} autocomplete="new-password" maxLength={128} required />
        <PasswordStrength t={t} forId="password" />
        <TextInput t={t} id="passwordConfirm" type="password" label={t('auth.field.passwordConfirm')} error={errs.text('passwordConfirm')} autocomplete="new-password" maxLength={128} required />
        <Button>{t('account.password.submit')}</Button>
      </Form>

      <h2 class="heading-l">{t('account.phone.heading')}</h2>
      <Form ctx={ctx} action="/account/phone" id="phone-form">
        <TextInput t={t} id="phone" type="tel" label={t('account.details.phone')} hint={t('auth.register.phoneHint')} value={failed?.form === 'phone' ? value('phone') : user.phone ? formatThaiPhone(user.phone, ctx.locale) : ''} error={errs.text('phone')} autocomplete="tel" inputMode="tel" maxLength={40} width={10} required />
        <Button variant="secondary">{t('account.phone.submit')}</Button>
      </Form>

      <h2 class="heading-l">{t('account.email.heading')}</h2>
      <Form ctx={ctx} action="/account/email" id="email-form">
        <TextInput t={t} id="email" type="email" label={t('account.email.new')} hint={t('account.email.hint')} value={failed?.form === 'email' ? value('email') : ''} error={errs.text('email')} autocomplete="email" spellcheck={false} maxLength={EMAIL_MAX} required />
        <TextInput t={t} id="emailPassword" type="password" label={t('account.email.password')} error={errs.text('emailPassword')} autocomplete="current-password" maxLength={1024} required />
        <Button variant="secondary">{t('account.email.submit')}</Button>
      </Form>
    </PageLayout>
  )
}

export function SessionsPage({ ctx, sessions, currentHandle, handleOf, flash }: { ctx: PageContext; sessions: ActiveSession[]; currentHandle: string; handleOf: (sid: string) => string; flash?: Flash }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('account.sessions.heading')}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('account.sessions.heading')}</h1>
      <p class="body">{t('account.sessions.lead')}</p>
      <table class="table">
        <caption class="visually-hidden">{t('account.sessions.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.sessions.device')}</th>
            <th scope="col">{t('account.sessions.ip')}</th>
            <th scope="col">{t('account.sessions.since')}</th>
            <th scope="col">{t('account.sessions.lastActive')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('account.users.colActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => {
            const handle = handleOf(s.sid)
            const since = formatDateTimeNumeric(s.createdAt)
            return (
              <tr key={handle}>
                <td>{s.userAgent ?? '–'}</td>
                <td>{s.ip ?? '–'}</td>
                <td>{since}</td>
                <td>{formatDateTimeNumeric(s.updatedAt)}</td>
                <td>
                  {handle === currentHandle ? (
                    <strong>{t('account.sessions.current')}</strong>
                  ) : (
                    <Form ctx={ctx} action="/account/sessions/end">
                      <input type="hidden" name="session" value={handle} />
                      <button type="submit" class="button button--secondary" aria-label={t('account.sessions.endLabel', { since })}>
                        {t('account.sessions.end')}
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      {sessions.length > 1 ? (
        <Form ctx={ctx} action="/account/sessions/end-others">
          <Button variant="secondary">{t('account.sessions.endOthers')}</Button>
        </Form>
      ) : null}
      <p class="body">
        <a href="/account">{t('account.title')}</a>
      </p>
    </PageLayout>
  )
}
