import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import { formatFileSize } from '#src/documents/file-names.rules.ts'
import type { SupportCategory, SupportQueue } from '#src/support/support.rules.ts'
import {
  BUSINESS_NAME_MAX,
  CONTACT_NAME_MAX,
  EMAIL_MAX,
  JURISTIC_ID_MAX,
  MESSAGE_MAX,
  PHONE_MAX,
} from '#src/support/support.schemas.ts'
import {
  Button,
  ErrorSummary,
  FileUpload,
  Form,
  Radios,
  Select,
  TextInput,
  Textarea,
  fieldErrors,
  textValue,
  type PageField,
} from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { PhoneNumbers } from '#src/web/components/layout/contact-details.tsx'

export const CONTACT_ACTION = '/help/contact'
export const CONTACT_SENT_PATH = '/help/contact/sent'
/** What the file picker suggests; the server decides by content (receiveUpload). */
const SCREENSHOT_ACCEPT = '.png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf'

const CATEGORY_LABEL = {
  technical: ['support.contact.category.technical', 'support.contact.category.technicalHint'],
  content: ['support.contact.category.content', 'support.contact.category.contentHint'],
} as const satisfies Record<SupportCategory, readonly [MessageKey, MessageKey]>

const TEAM_LABEL = {
  admin: 'support.sent.team.admin',
  supervision: 'support.sent.team.supervision',
} as const satisfies Record<SupportQueue, MessageKey>

/** The contact channel of each queue's team (the same as on /help; from configuration). */
const TEAM_CONTACT = {
  admin: 'technical',
  supervision: 'content',
} as const satisfies Record<SupportQueue, keyof PageContext['contact']>

/** A screenshot kept from an earlier failed post: the page shows its name and carries the token. */
export type KeptScreenshot = { token: string; name: string; size: number }

export type ContactPageProps = {
  ctx: PageContext
  businessTypes: readonly BusinessTypeOption[]
  maxUploadMb: number
  /** Pre-filled or as typed. */
  values: RawForm
  errors?: FormErrors
  screenshot?: KeptScreenshot
  /** Hidden fields carried through failed posts. */
  topic?: string
  formId: string
}

export function ContactPage({ ctx, businessTypes, maxUploadMb, values, errors, screenshot, topic, formId }: ContactPageProps) {
  const { t, locale } = ctx
  const types = t('support.contact.screenshotTypes')
  const fields = [
    'category',
    { path: 'businessName', params: { max: BUSINESS_NAME_MAX } },
    'juristicId',
    'businessType',
    { path: 'contactName', params: { max: CONTACT_NAME_MAX } },
    'phone',
    { path: 'email', params: { max: EMAIL_MAX } },
    { path: 'message', params: { max: MESSAGE_MAX } },
    { path: 'screenshot', params: { max: maxUploadMb, types } },
  ] as const satisfies readonly PageField[]
  const errs = fieldErrors(t, errors, fields)
  return (
    <PageLayout ctx={ctx} title={t('support.contact.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('support.contact.title')}</h1>
      {topic === 'business_not_found' ? (
        <NotificationBanner t={t}>
          <p class="banner__heading">{t('support.contact.notFound')}</p>
        </NotificationBanner>
      ) : null}
      <p class="body-l">{t('support.contact.lead')}</p>
      <Form ctx={ctx} action={CONTACT_ACTION} id="contact-form" enctype="multipart/form-data">
        <input type="hidden" name="formId" value={formId} />
        {topic ? <input type="hidden" name="topic" value={topic} /> : null}
        {screenshot ? <input type="hidden" name="screenshotToken" value={screenshot.token} /> : null}
        <Radios
          t={t}
          id="category"
          legend={t('support.contact.category')}
          legendSize="m"
          error={errs.text('category')}
          value={textValue(values, 'category')}
          options={(['technical', 'content'] as const).map((c) => ({
            value: c,
            label: t(CATEGORY_LABEL[c][0]),
            hint: t(CATEGORY_LABEL[c][1]),
          }))}
          required
        />
        <h2 class="heading-m">{t('support.contact.businessHeading')}</h2>
        <TextInput
          t={t}
          id="businessName"
          label={t('support.contact.businessName')}
          error={errs.text('businessName')}
          value={textValue(values, 'businessName')}
          autocomplete="organization"
          maxLength={BUSINESS_NAME_MAX}
          required
        />
        <TextInput
          t={t}
          id="juristicId"
          label={t('support.contact.juristicId')}
          hint={t('support.contact.juristicIdHint')}
          error={errs.text('juristicId')}
          value={textValue(values, 'juristicId')}
          inputMode="numeric"
          maxLength={JURISTIC_ID_MAX}
          width={10}
          spellcheck={false}
          optional
        />
        <Select
          t={t}
          id="businessType"
          label={t('support.contact.businessType')}
          error={errs.text('businessType')}
          value={textValue(values, 'businessType')}
          placeholder={t('support.contact.businessTypePlaceholder')}
          options={businessTypes.map((b) => ({ value: b.code, label: locale === 'th' ? b.nameTh : b.nameEn }))}
          optional
        />
        <h2 class="heading-m">{t('support.contact.contactHeading')}</h2>
        <TextInput
          t={t}
          id="contactName"
          label={t('support.contact.contactName')}
          error={errs.text('contactName')}
          value={textValue(values, 'contactName')}
          autocomplete="name"
          maxLength={CONTACT_NAME_MAX}
          spellcheck={false}
          required
        />
        <TextInput
          t={t}
          id="phone"
          type="tel"
          label={t('support.contact.phone')}
          hint={t('support.contact.phoneHint')}
          error={errs.text('phone')}
          value={textValue(values, 'phone')}
          autocomplete="tel"
          maxLength={PHONE_MAX}
          width={10}
          required
        />
        <TextInput
          t={t}
          id="email"
          type="email"
          label={t('support.contact.email')}
          error={errs.text('email')}
          value={textValue(values, 'email')}
          autocomplete="email"
          maxLength={EMAIL_MAX}
          spellcheck={false}
          required
        />
        <Textarea
          t={t}
          id="message"
          label={t('support.contact.message')}
          hint={t('support.contact.messageHint', { max: MESSAGE_MAX })}
          error={errs.text('message')}
          value={textValue(values, 'message')}
          maxLength={MESSAGE_MAX}
          rows={8}
          required
        />
        <FileUpload
          t={t}
          id="screenshot"
          label={t('support.contact.screenshot')}
          hint={t('support.contact.screenshotHint', { max: maxUploadMb, types })}
          error={errs.text('screenshot')}
          accept={SCREENSHOT_ACCEPT}
          current={screenshot ? t('support.contact.screenshotKept', { name: screenshot.name, size: formatFileSize(screenshot.size) }) : undefined}
          optional
        />
        <Button>{t('support.contact.submit')}</Button>
      </Form>
    </PageLayout>
  )
}

/** After a successful post: the reference and who will answer. */
export function ContactSentPage({ ctx, reference, queue }: { ctx: PageContext; reference: string; queue: SupportQueue }) {
  const { t } = ctx
  const contact = ctx.contact[TEAM_CONTACT[queue]]
  return (
    <PageLayout ctx={ctx} title={t('support.sent.title')}>
      <h1 class="heading-xl">{t('support.sent.title')}</h1>
      <p class="inset body-l">
        {t('support.sent.reference')}: <strong data-ticket-reference>{reference}</strong>
      </p>
      <dl class="summary-list">
        <dt>{t('support.sent.team')}</dt>
        <dd data-ticket-team>{t(TEAM_LABEL[queue])}</dd>
        <dt>{t('common.help.phone')}</dt>
        <dd>
          <PhoneNumbers t={t} phones={contact.phones} />
        </dd>
        <dt>{t('common.help.email')}</dt>
        <dd>
          <a href={`mailto:${contact.email}`}>{contact.email}</a>
        </dd>
      </dl>
      <p>{t('support.sent.next')}</p>
      {ctx.actor.kind === 'user' ? (
        <p>
          <a href="/account/support">{t('support.sent.mine')}</a>
        </p>
      ) : null}
      <p>
        <a href="/help">{t('support.sent.back')}</a>
      </p>
    </PageLayout>
  )
}
