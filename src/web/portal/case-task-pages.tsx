/**
 * The business's pages of one information request and one remediation action (/portal/cases/…):
 * what AMLO asks (business-facing fields only), the due date, and a multipart form — the answer
 * or note first, then up to MAX_CASE_FILES file inputs (the CSRF token and the idempotency key come
 * before any file: multipart-form.ts). Once answered / reported done, the page shows what was sent.
 */
import { MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import { MEDIA_TYPES } from '#src/documents/documents.model.ts'
import type { BusinessAction, BusinessRequest, CaseFile } from '#src/cases/case-tasks.repo.ts'
import { caseReference, REMEDIATION_STATUS_LABEL, SEVERITY_LABEL } from '#src/cases/cases.model.ts'
import { daysLeft } from '#src/cases/sla.rules.ts'
import { formatDateTimeLong, formatIsoDateLong } from '#src/platform/i18n/format.ts'
import type { ComponentChildren } from 'preact'
import type { MessageParams, Translator } from '#src/platform/i18n/translator.ts'
import { Button, ErrorSummary, FileUpload, Form, Textarea, fieldErrors, textValue, type PageField } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { TONE_CLASS } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { caseActionPath, caseRequestPath } from './case-tasks-section.tsx'
import { mediaTypeNames } from './upload-document-page.tsx'

export type CaseFormState = { values?: RawForm; errors?: FormErrors; errorParams?: MessageParams; idempotencyKey: string }

const FILE_IDS = Array.from({ length: MAX_CASE_FILES }, (_, i) => (i === 0 ? 'file' : `file-${i + 1}`))

function Due({ t, dueOn, now, locale }: { t: Translator; dueOn: string; now: Date; locale: PageContext['locale'] }) {
  const left = daysLeft(dueOn, now)
  return (
    <>
      {formatIsoDateLong(dueOn, locale)}{' '}
      {left < 0 ? <strong class={TONE_CLASS.red}>{t('cases.portal.overdue')}</strong> : <span class="hint">({t('cases.portal.daysLeft', { days: left })})</span>}
    </>
  )
}

export function SentFiles({ t, files, base }: { t: Translator; files: readonly CaseFile[]; base: string }) {
  return (
    <>
      <h2 class="heading-m">{t('cases.portal.sentFiles')}</h2>
      {files.length ? (
        <ul class="list" id="sent-files">
          {files.map((f, i) => (
            <li key={f.fileKey}>
              <a class="link" href={`${base}/files/${i}`}>
                {f.displayName}
              </a>
            </li>
          ))}
        </ul>
      ) : (
        <p class="body">{t('cases.portal.noFiles')}</p>
      )}
    </>
  )
}

export function FileInputs({ t, legend, hint, error }: { t: Translator; legend: string; hint: string; error?: string | undefined }) {
  return (
    <fieldset class="fieldset">
      <legend class="fieldset__legend fieldset__legend--m">{legend}</legend>
      {FILE_IDS.map((id, i) => (
        <FileUpload key={id} t={t} id={id} name="file" label={t('cases.portal.fileN', { n: i + 1 })} hint={i === 0 ? hint : undefined} error={i === 0 ? error : undefined} optional={i > 0} />
      ))}
    </fieldset>
  )
}

/** One row of a summary list; `valueClass` adds to the value's class. */
export function SummaryRow({ label, id, valueClass, children }: { label: string; id?: string | undefined; valueClass?: string; children: ComponentChildren }) {
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{label}</dt>
      <dd class={valueClass ? `summary-list__value ${valueClass}` : 'summary-list__value'} id={id}>
        {children}
      </dd>
    </div>
  )
}

/** The errors of a business's form of one text field (`textField`) and the files. */
export function caseFilesFormErrors(ctx: PageContext, form: CaseFormState, maxUploadMb: number, textField: string) {
  const params: MessageParams = { max: maxUploadMb, count: MAX_CASE_FILES, types: mediaTypeNames(MEDIA_TYPES, ctx.locale), ...form.errorParams }
  const fields = [{ path: textField, params }, { path: 'file', params }] as const satisfies readonly PageField[]
  return fieldErrors(ctx.t, form.errors, fields)
}

/**
 * The multipart form: the idempotency key, the text field (`children`), the file inputs (the size
 * and count hint after `fileHintBefore`), the button.
 */
export function CaseFilesForm(props: { ctx: PageContext; action: string; id: string; form: CaseFormState; maxUploadMb: number; fileLegend: string; fileHintBefore?: string; fileError: string | undefined; submit: string; children: ComponentChildren }) {
  const { t } = props.ctx
  const hint = t('cases.portal.fileHint', { max: props.maxUploadMb, count: MAX_CASE_FILES })
  return (
    <Form ctx={props.ctx} action={props.action} id={props.id} enctype="multipart/form-data">
      <input type="hidden" name="idempotencyKey" value={props.form.idempotencyKey} />
      {props.children}
      <FileInputs t={t} legend={props.fileLegend} hint={props.fileHintBefore ? `${props.fileHintBefore} ${hint}` : hint} error={props.fileError} />
      <Button>{props.submit}</Button>
    </Form>
  )
}

/** What the business sent, read-only: when, the text under `heading` and the files. */
export function SentReply(props: { t: Translator; sentOn: string; heading: string; id: string; textClass?: string; text: string | null; files: readonly CaseFile[]; base: string }) {
  return (
    <>
      <NotificationBanner t={props.t}>
        <p class="body">{props.sentOn}</p>
      </NotificationBanner>
      <h2 class="heading-m">{props.heading}</h2>
      <p class={props.textClass ? `body ${props.textClass}` : 'body'} id={props.id}>
        {props.text}
      </p>
      <SentFiles t={props.t} files={props.files} base={props.base} />
    </>
  )
}

export function BackToCaseTasks({ t }: { t: Translator }) {
  return (
    <p class="body">
      <a class="link" href="/portal#case-tasks">
        {t('cases.portal.back')}
      </a>
    </p>
  )
}

export function CaseRequestPage({ ctx, request, now, maxUploadMb, form, flash }: { ctx: PageContext; request: BusinessRequest; now: Date; maxUploadMb: number; form: CaseFormState; flash?: Flash | undefined }) {
  const { t, locale } = ctx
  const errs = caseFilesFormErrors(ctx, form, maxUploadMb, 'answer')
  return (
    <PageLayout ctx={ctx} title={`${t('cases.request.title')}: ${request.subject}`} hasErrors={errs.hasErrors}>
      <FlashBanner t={t} flash={flash} />
      <ErrorSummary t={t} items={errs.summary} />
      <span class="caption-l">{t('cases.portal.caption', { caseRef: caseReference(request.caseNumber) })}</span>
      <h1 class="heading-l">{request.subject}</h1>
      <p class="body" id="request-body">
        {request.body}
      </p>
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('cases.request.dueOn')}</dt>
          <dd class="summary-list__value" id="request-due">
            <Due t={t} dueOn={request.dueOn} now={now} locale={locale} />
          </dd>
        </div>
      </dl>
      {request.status === 'open' ? (
        <CaseFilesForm ctx={ctx} action={caseRequestPath(request.id)} id="answer-form" form={form} maxUploadMb={maxUploadMb} fileLegend={t('cases.request.files')} fileError={errs.text('file')} submit={t('cases.request.submit')}>
          <Textarea t={t} id="answer" label={t('cases.request.answer')} hint={t('cases.request.answerHint')} error={errs.text('answer')} value={textValue(form.values, 'answer')} rows={6} maxLength={5000} required />
        </CaseFilesForm>
      ) : (
        <SentReply
          t={t}
          sentOn={t('cases.request.answeredOn', { date: request.answeredAt ? formatDateTimeLong(request.answeredAt, locale) : '—' })}
          heading={t('cases.request.yourAnswer')}
          id="your-answer"
          text={request.answerText}
          files={request.answerAttachments}
          base={caseRequestPath(request.id)}
        />
      )}
      <BackToCaseTasks t={t} />
    </PageLayout>
  )
}

export function CaseActionPage({ ctx, action, now, maxUploadMb, form, flash }: { ctx: PageContext; action: BusinessAction; now: Date; maxUploadMb: number; form: CaseFormState; flash?: Flash | undefined }) {
  const { t, locale } = ctx
  const errs = caseFilesFormErrors(ctx, form, maxUploadMb, 'note')
  const canReport = action.status === 'open' || action.status === 'rejected'
  const row = (key: Parameters<Translator>[0], value: ComponentChildren, id?: string) => (
    <SummaryRow label={t(key)} id={id}>
      {value}
    </SummaryRow>
  )
  return (
    <PageLayout ctx={ctx} title={`${t('cases.action.title')}: ${action.description}`} hasErrors={errs.hasErrors}>
      <FlashBanner t={t} flash={flash} />
      <ErrorSummary t={t} items={errs.summary} />
      <span class="caption-l">{t('cases.portal.caption', { caseRef: caseReference(action.caseNumber) })}</span>
      <h1 class="heading-l">{action.description}</h1>
      {action.status === 'rejected' && action.rejectionReason ? (
        <NotificationBanner t={t}>
          <p class="body" id="rejection-reason">
            {t('cases.action.rejectedReason', { reason: action.rejectionReason })}
          </p>
        </NotificationBanner>
      ) : null}
      <dl class="summary-list">
        {row('cases.action.finding', action.findingTitle)}
        {row('cases.action.severity', t(SEVERITY_LABEL[action.findingSeverity]))}
        {row('cases.action.legalBasis', action.legalBasis)}
        {row('cases.action.requiredAction', action.requiredAction)}
        {row('cases.action.owner', action.ownerName)}
        {row('cases.action.dueOn', <Due t={t} dueOn={action.dueOn} now={now} locale={locale} />, 'action-due')}
        {row('cases.action.status', t(REMEDIATION_STATUS_LABEL[action.status]), 'action-status')}
      </dl>
      {canReport ? (
        <CaseFilesForm ctx={ctx} action={caseActionPath(action.id)} id="done-form" form={form} maxUploadMb={maxUploadMb} fileLegend={t('cases.action.evidence')} fileHintBefore={t('cases.action.evidenceHint')} fileError={errs.text('file')} submit={t('cases.action.submit')}>
          <Textarea t={t} id="note" label={t('cases.action.note')} error={errs.text('note')} value={textValue(form.values, 'note')} rows={5} maxLength={5000} optional />
        </CaseFilesForm>
      ) : (
        <NotificationBanner t={t}>
          <p class="body">{t('cases.action.doneOn', { date: action.doneAt ? formatDateTimeLong(action.doneAt, locale) : '—' })}</p>
        </NotificationBanner>
      )}
      {action.evidence.length ? <SentFiles t={t} files={action.evidence} base={caseActionPath(action.id)} /> : null}
      <BackToCaseTasks t={t} />
    </PageLayout>
  )
}
