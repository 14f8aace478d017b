import { isStaffRole, type Role } from '#src/identity/permissions.ts'
import type { User } from '#src/identity/users.repo.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { Button, ErrorSummary, Form, TextInput, fieldErrors } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors } from '#src/web/lib/parse-form.ts'

export type TwoStepForm = 'enable' | 'disable' | 'regenerate'
export const TWO_STEP_FIELDS = {
  enable: ['enablePassword'],
  disable: ['disablePassword', 'disableCode'],
  regenerate: ['regenPassword'],
} as const satisfies Record<TwoStepForm, readonly string[]>

export type TwoStepPageProps = {
  ctx: PageContext
  user: Pick<User, 'role' | 'totpEnabledAt'>
  recoveryCodesLeft: number
  flash?: { key: MessageKey; params?: Record<string, string> }
  failed?: { form: TwoStepForm; errors?: FormErrors; notice?: { key: MessageKey; params?: Record<string, string> } }
}

/** /account/two-step: status; turn on; turn off (entity users only); new recovery codes. */
export function TwoStepPage({ ctx, user, recoveryCodesLeft, flash, failed }: TwoStepPageProps) {
  const { t } = ctx
  const errs = fieldErrors(t, failed?.errors, failed ? TWO_STEP_FIELDS[failed.form] : [])
  const staff = isStaffRole(user.role as Role)
  const on = !!user.totpEnabledAt
  const banner = flash ?? failed?.notice
  return (
    <PageLayout ctx={ctx} title={t('twostep.account.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      {banner ? (
        <NotificationBanner t={t} variant={flash ? 'success' : 'important'}>
          <p class="body">{t(banner.key, banner.params)}</p>
        </NotificationBanner>
      ) : null}
      <h1 class="heading-xl">{t('twostep.account.title')}</h1>
      <p class="body-l">{t('twostep.account.lead')}</p>
      <dl class="summary-list">
        <div>
          <dt>{t('twostep.account.status')}</dt>
          <dd>{on ? t('twostep.account.onSince', { time: formatDateTimeNumeric(user.totpEnabledAt!) }) : t('account.details.twoStepOff')}</dd>
        </div>
        {on ? (
          <div>
            <dt>{t('twostep.account.codesLeft')}</dt>
            <dd>{t('twostep.account.codesLeftValue', { count: recoveryCodesLeft })}</dd>
          </div>
        ) : null}
      </dl>
      {staff ? <p class="body inset">{t('twostep.account.staffRequired')}</p> : null}

      {!on ? (
        <>
          <h2 class="heading-l">{t('twostep.account.enableHeading')}</h2>
          <p class="body">{t('twostep.account.enableBody')}</p>
          <Form ctx={ctx} action="/account/two-step/enable" id="enable-form">
            <TextInput t={t} id="enablePassword" type="password" label={t('twostep.account.password')} error={errs.text('enablePassword')} autocomplete="current-password" maxLength={1024} required />
            <Button>{t('twostep.account.enableSubmit')}</Button>
          </Form>
        </>
      ) : (
        <>
          <h2 class="heading-l">{t('twostep.account.regenHeading')}</h2>
          <p class="body">{t('twostep.account.regenBody')}</p>
          <Form ctx={ctx} action="/account/two-step/recovery-codes" id="regenerate-form">
            <TextInput t={t} id="regenPassword" type="password" label={t('twostep.account.password')} error={errs.text('regenPassword')} autocomplete="current-password" maxLength={1024} required />
            <Button variant="secondary">{t('twostep.account.regenSubmit')}</Button>
          </Form>
          {!staff ? (
            <>
              <h2 class="heading-l">{t('twostep.account.disableHeading')}</h2>
              <p class="body">{t('twostep.account.disableBody')}</p>
              <Form ctx={ctx} action="/account/two-step/disable" id="disable-form">
                <TextInput t={t} id="disablePassword" type="password" label={t('twostep.account.password')} error={errs.text('disablePassword')} autocomplete="current-password" maxLength={1024} required />
                <TextInput t={t} id="disableCode" label={t('twostep.field.code')} hint={t('twostep.field.codeHint')} error={errs.text('disableCode')} autocomplete="one-time-code" spellcheck={false} maxLength={40} width={10} required />
                <Button variant="secondary">{t('twostep.account.disableSubmit')}</Button>
              </Form>
            </>
          ) : null}
        </>
      )}
      <p class="body">
        <a href="/account">{t('account.title')}</a>
      </p>
    </PageLayout>
  )
}
