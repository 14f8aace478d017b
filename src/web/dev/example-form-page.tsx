import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import {
  Button,
  Checkboxes,
  DateInput,
  ErrorSummary,
  Form,
  Radios,
  TextInput,
  dateBoxId,
  dateBoxesInError,
  datePartsValue,
  fieldErrors,
  listValue,
  textValue,
  type FieldErrorsView,
  type PageField,
} from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import {
  BUSINESS_TYPES,
  EMAIL_MAX,
  FULL_NAME_MAX,
  SALES_CHANNELS,
  type BusinessType,
  type SalesChannel,
} from './example-form.schemas.ts'

export const EXAMPLE_FORM_ACTION = '/dev/components/form'
const REGION_ID = 'example-form-region'

/** The fields in page order: the error summary lists problems in this order. */
export const EXAMPLE_FORM_FIELDS = [
  { path: 'fullName', params: { max: FULL_NAME_MAX } },
  { path: 'email', params: { max: EMAIL_MAX } },
  'businessType',
  'channels',
  { path: 'registeredOn', id: dateBoxId('registeredOn', 'day') },
] as const satisfies readonly PageField[]

const BUSINESS_TYPE_LABEL = {
  precious_goods: 'components.example.gold',
  car_dealer: 'components.example.car',
  real_estate: 'components.example.realEstate',
} as const satisfies Record<BusinessType, MessageKey>

const CHANNEL_LABEL = {
  shop: 'components.example.shop',
  online: 'components.example.online',
} as const satisfies Record<SalesChannel, MessageKey>

/** What a failed post brings back: parseForm's errors and the values as typed. */
export type ExampleFormState = { errors: FormErrors; values: RawForm }

type RegionProps = { ctx: PageContext; errs: FieldErrorsView; values: RawForm | undefined }

/** The part htmx swaps after a failed post: error summary, heading and form. */
export function ExampleFormRegion({ ctx, errs, values }: RegionProps) {
  const t: Translator = ctx.t
  const date = datePartsValue(values, 'registeredOn')
  return (
    <>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('components.example.formTitle')}</h1>
      <p class="body">{t('components.example.formLead')}</p>
      <Form
        ctx={ctx}
        action={EXAMPLE_FORM_ACTION}
        id="example-form"
        attributes={{ 'hx-post': EXAMPLE_FORM_ACTION, 'hx-target': `#${REGION_ID}`, 'hx-swap': 'innerHTML' }}
      >
        <TextInput
          t={t}
          id="fullName"
          label={t('components.example.name')}
          hint={t('components.example.nameHint')}
          error={errs.text('fullName')}
          value={textValue(values, 'fullName')}
          autocomplete="name"
          maxLength={FULL_NAME_MAX}
          spellcheck={false}
          required
        />
        <TextInput
          t={t}
          id="email"
          type="email"
          label={t('components.example.email')}
          hint={t('components.example.emailHint')}
          error={errs.text('email')}
          value={textValue(values, 'email')}
          autocomplete="email"
          maxLength={EMAIL_MAX}
          spellcheck={false}
          required
        />
        <Radios
          t={t}
          id="businessType"
          legend={t('components.example.type')}
          error={errs.text('businessType')}
          value={textValue(values, 'businessType')}
          options={BUSINESS_TYPES.map((v) => ({ value: v, label: t(BUSINESS_TYPE_LABEL[v]) }))}
          required
        />
        <Checkboxes
          t={t}
          id="channels"
          legend={t('components.example.channels')}
          hint={t('components.example.channelsHint')}
          error={errs.text('channels')}
          values={listValue(values, 'channels')}
          options={SALES_CHANNELS.map((v) => ({ value: v, label: t(CHANNEL_LABEL[v]) }))}
        />
        <DateInput
          t={t}
          id="registeredOn"
          legend={t('components.example.dateLabel')}
          error={errs.text('registeredOn')}
          errorBoxes={dateBoxesInError(date, errs.key('registeredOn'))}
          value={date}
        />
        <Button>{t('components.example.submit')}</Button>
      </Form>
    </>
  )
}

export type ExampleFormPageProps = {
  ctx: PageContext
  /** After a failed post. */
  form?: ExampleFormState
  /** After a successful post (`?saved=1`); the date when the session still had it. */
  saved?: { registeredOn?: string }
}

/** /dev/components/form: the form kit end to end, working with JavaScript off. */
export function ExampleFormPage({ ctx, form, saved }: ExampleFormPageProps) {
  const { t, locale } = ctx
  const errs = fieldErrors(t, form?.errors, EXAMPLE_FORM_FIELDS)
  return (
    <PageLayout ctx={ctx} title={t('components.example.formTitle')} hasErrors={errs.hasErrors}>
      {saved ? (
        <NotificationBanner t={t} variant="success">
          <p class="banner__heading">
            {saved.registeredOn
              ? t('components.example.saved', { date: formatIsoDateLong(saved.registeredOn, locale) })
              : t('components.example.savedNoDate')}
          </p>
        </NotificationBanner>
      ) : null}
      <div id={REGION_ID}>
        <ExampleFormRegion ctx={ctx} errs={errs} values={form?.values} />
      </div>
    </PageLayout>
  )
}

/** The htmx fragment after a failed post (what replaces the region's content). */
export function ExampleFormFragment({ ctx, form }: { ctx: PageContext; form: ExampleFormState }) {
  return <ExampleFormRegion ctx={ctx} errs={fieldErrors(ctx.t, form.errors, EXAMPLE_FORM_FIELDS)} values={form.values} />
}
