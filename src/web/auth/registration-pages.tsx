import type { LegalForm } from '#src/entities/business-types.model.ts'
import type { EntitySummary } from '#src/entities/entities.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import { TITLES } from '#src/identity/identity.model.ts'
import { EMAIL_MAX, NAME_MAX, POSITION_MAX } from '#src/identity/registration.schemas.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { Button, Checkboxes, ErrorSummary, Form, Select, TextInput, fieldErrors, listValue, textValue } from '#src/web/components/form/index.ts'
import { PasswordStrength } from '#src/web/components/form/password-strength.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const entityDisplayName = (e: Pick<EntitySummary, 'nameTh' | 'nameEn' | 'legalForm'>, locale: 'th' | 'en') =>
  registeredName(e.nameTh, e.legalForm as LegalForm, locale, e.nameEn)

export type SearchOutcome =
  | { kind: 'none' }
  | { kind: 'found'; results: EntitySummary[] }
  | { kind: 'not_found' }
  | { kind: 'error'; key: MessageKey }

/** Step 1: find the business (a GET form: searching changes nothing). */
export function RegisterSearchPage({ ctx, query, outcome }: { ctx: PageContext; query: string; outcome: SearchOutcome }) {
  const { t, locale } = ctx
  const error = outcome.kind === 'error' ? t(outcome.key) : undefined
  const contactHref = `/help/contact?category=technical&topic=business_not_found&business=${encodeURIComponent(query)}`
  return (
    <PageLayout ctx={ctx} title={t('auth.register.title')} hasErrors={!!error}>
      <ErrorSummary t={t} items={error ? [{ id: 'q', text: error }] : []} />
      <h1 class="heading-xl">{t('auth.register.title')}</h1>
      <p class="body-l">{t('auth.register.lead')}</p>
      <form method="get" action="/auth/register" role="search" data-juristic-search>
        <TextInput
          t={t}
          id="q"
          label={t('auth.register.search')}
          hint={t('auth.register.searchHint')}
          value={query}
          error={error}
          maxLength={200}
          spellcheck={false}
        />
        <p
          class="hint"
          id="q-live"
          aria-live="polite"
          data-juristic-live
          data-msg-valid={t('auth.register.juristicLiveValid')}
          data-msg-invalid={t('auth.register.juristicLiveInvalid')}
          data-msg-count={t('auth.register.juristicLiveCount', { n: '{n}' })}
          hidden
        ></p>
        <Button>{t('auth.register.searchSubmit')}</Button>
      </form>
      {outcome.kind === 'found' ? (
        <section aria-labelledby="results-heading">
          <h2 class="heading-l" id="results-heading">
            {t('auth.register.results')}
          </h2>
          <p class="body">{t('auth.register.resultsCount', { count: outcome.results.length })}</p>
          <ul class="result-list">
            {outcome.results.map((e) => (
              <li class="card" key={e.id}>
                <h3 class="heading-s">{entityDisplayName(e, locale)}</h3>
                <p class="body">
                  {t('auth.register.juristicId')}: {formatJuristicId(e.juristicId)}
                  <br />
                  {e.district} {e.province}
                </p>
                <a class="button button--secondary" href={`/auth/register/${e.id}`} aria-label={t('auth.register.chooseLabel', { name: entityDisplayName(e, locale) })}>
                  {t('auth.register.choose')}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {outcome.kind === 'not_found' ? (
        <NotificationBanner t={t} title={t('auth.register.notFoundTitle')} titleId="not-found-title">
          <p class="body">{t('auth.register.notFound', { query })}</p>
          <p class="body">
            <a href={contactHref}>{t('auth.register.contactAdmin')}</a>
          </p>
        </NotificationBanner>
      ) : null}
    </PageLayout>
  )
}

export const REGISTER_FIELDS = [
  'title',
  { path: 'firstName', params: { max: NAME_MAX } },
  { path: 'lastName', params: { max: NAME_MAX } },
  { path: 'position', params: { max: POSITION_MAX } },
  'phone',
  { path: 'email', params: { max: EMAIL_MAX } },
  'username',
  'password',
  'passwordConfirm',
  'acceptTerms',
  'acceptPrivacy',
] as const

const TITLE_LABEL = {
  mr: 'auth.register.title.mr',
  mrs: 'auth.register.title.mrs',
  ms: 'auth.register.title.ms',
  other: 'auth.register.title.other',
} as const satisfies Record<(typeof TITLES)[number], MessageKey>

/** Step 2: the registrant's details and account. */
export function RegisterDetailsPage({ ctx, entity, errors, values }: { ctx: PageContext; entity: EntitySummary; errors?: FormErrors; values?: RawForm }) {
  const { t, locale } = ctx
  const errs = fieldErrors(t, errors, REGISTER_FIELDS)
  const v = (p: string) => textValue(values, p)
  return (
    <PageLayout ctx={ctx} title={t('auth.register.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('auth.register.title')}</h1>
      <p class="body-l">{t('auth.register.detailsLead')}</p>
      <dl class="summary-list">
        <div>
          <dt>{t('auth.register.business')}</dt>
          <dd>{entityDisplayName(entity, locale)}</dd>
        </div>
        <div>
          <dt>{t('auth.register.juristicId')}</dt>
          <dd>{formatJuristicId(entity.juristicId)}</dd>
        </div>
        <div>
          <dt>{t('auth.register.address')}</dt>
          <dd>
            {entity.addressLine} {entity.subdistrict} {entity.district} {entity.province} {entity.postcode}
          </dd>
        </div>
      </dl>
      <p class="body">
        <a href="/auth/register">{t('auth.register.changeBusiness')}</a>
      </p>
      <Form ctx={ctx} action={`/auth/register/${entity.id}`} id="register-form">
        <h2 class="heading-l">{t('auth.register.personHeading')}</h2>
        <Select
          t={t}
          id="title"
          label={t('auth.register.title.field')}
          options={TITLES.map((value) => ({ value, label: t(TITLE_LABEL[value]) }))}
          value={v('title')}
          placeholder=""
          error={errs.text('title')}
          autocomplete="honorific-prefix"
          required
        />
        <TextInput t={t} id="firstName" label={t('auth.register.firstName')} value={v('firstName')} error={errs.text('firstName')} autocomplete="given-name" maxLength={NAME_MAX} required />
        <TextInput t={t} id="lastName" label={t('auth.register.lastName')} value={v('lastName')} error={errs.text('lastName')} autocomplete="family-name" maxLength={NAME_MAX} required />
        <TextInput t={t} id="position" label={t('auth.register.position')} value={v('position')} error={errs.text('position')} autocomplete="organization-title" maxLength={POSITION_MAX} required />
        <TextInput t={t} id="phone" type="tel" label={t('auth.register.phone')} hint={t('auth.register.phoneHint')} value={v('phone')} error={errs.text('phone')} autocomplete="tel" inputMode="tel" maxLength={40} width={10} required />
        <TextInput t={t} id="email" type="email" label={t('auth.register.email')} hint={t('auth.register.emailHint')} value={v('email')} error={errs.text('email')} autocomplete="email" spellcheck={false} maxLength={EMAIL_MAX} required />
        <h2 class="heading-l">{t('auth.register.accountHeading')}</h2>
        <TextInput t={t} id="username" label={t('auth.register.username')} hint={t('auth.register.usernameHint')} value={v('username')} error={errs.text('username')} autocomplete="username" spellcheck={false} maxLength={32} required />
        <TextInput t={t} id="password" type="password" label={t('auth.register.password')} hint={t('auth.field.password.hint')} error={errs.text('password')} autocomplete="new-password" maxLength={128} required />
        <PasswordStrength t={t} forId="password" />
        <TextInput t={t} id="passwordConfirm" type="password" label={t('auth.field.passwordConfirm')} error={errs.text('passwordConfirm')} autocomplete="new-password" maxLength={128} required />
        <h2 class="heading-l">{t('auth.register.termsHeading')}</h2>
        <p class="body">
          <a href="/terms" target="_blank" rel="noopener">
            {t('auth.register.termsLink')}
          </a>
        </p>
        <Checkboxes t={t} id="acceptTerms" legend={t('auth.register.terms')} legendSize="s" options={[{ value: 'yes', label: t('auth.register.terms') }]} values={listValue(values, 'acceptTerms')} error={errs.text('acceptTerms')} />
        <Checkboxes t={t} id="acceptPrivacy" legend={t('auth.register.privacy')} legendSize="s" options={[{ value: 'yes', label: t('auth.register.privacy') }]} values={listValue(values, 'acceptPrivacy')} error={errs.text('acceptPrivacy')} />
        <Button>{t('auth.register.submit')}</Button>
      </Form>
    </PageLayout>
  )
}

export function RegisterSentPage({ ctx, maskedEmail }: { ctx: PageContext; maskedEmail: string }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('auth.register.sentTitle')}>
      <NotificationBanner t={t} variant="success" title={t('auth.register.sentTitle')}>
        <p class="body">{t('auth.register.sent', { email: maskedEmail })}</p>
      </NotificationBanner>
      <h1 class="heading-xl">{t('auth.register.nextSteps')}</h1>
      <ol class="list list--number">
        <li>{t('auth.register.next1')}</li>
        <li>{t('auth.register.next2')}</li>
        <li>{t('auth.register.next3')}</li>
      </ol>
      <p class="body">{t('auth.register.noEmail')}</p>
    </PageLayout>
  )
}

export function TermsPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('auth.terms.title')}>
      <h1 class="heading-xl">{t('auth.terms.title')}</h1>
      <h2 class="heading-l">{t('auth.terms.use.heading')}</h2>
      <p class="body">{t('auth.terms.use.body')}</p>
      <h2 class="heading-l" id="privacy">
        {t('auth.terms.privacy.heading')}
      </h2>
      <p class="body">{t('auth.terms.privacy.body')}</p>
    </PageLayout>
  )
}

/** A message page with a heading, a paragraph and an optional link (confirmations, invalid links). */
export function MessagePage({
  ctx,
  title,
  body,
  link,
  status,
  download,
}: {
  ctx: PageContext
  title: string
  body: string
  link?: { href: string; text: string }
  status?: 'success'
  /** A file to take away (e.g. the service-request form after the e-mail is confirmed). */
  download?: { href: string; text: string; hint: string }
}) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={title}>
      {status === 'success' ? (
        <NotificationBanner t={t} variant="success" title={title}>
          <p class="body">{body}</p>
        </NotificationBanner>
      ) : (
        <>
          <h1 class="heading-xl">{title}</h1>
          <p class="body-l">{body}</p>
        </>
      )}
      {download ? (
        <p class="body">
          <a href={download.href} id="service-request-download">
            {download.text}
          </a>
          <br />
          {download.hint}
        </p>
      ) : null}
      {link ? (
        <p class="body">
          <a href={link.href}>{link.text}</a>
        </p>
      ) : null}
    </PageLayout>
  )
}
