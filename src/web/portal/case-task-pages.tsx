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

export function CaseRequestPage({ ctx, request, now, maxUploadMb, form, flash }: { ctx: PageContext; request: BusinessRequest; now: Date; maxUploadMb: number; form: CaseFormState; flash?: Flash | undefined }) {
  const { t, locale } = ctx
  const params: MessageParams = { max: maxUploadMb, count: MAX_CASE_FILES, types: mediaTypeNames(MEDIA_TYPES, locale), ...form.errorParams }
  const fields = [{ path: 'answer', params }, { path: 'file', params }] as const satisfies readonly PageField[]
  const errs = fieldErrors(t, form.errors, fields)
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
        <Form ctx={ctx} action={caseRequestPath(request.id)} id="answer-form" enctype="multipart/form-data">
          <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
          <Textarea t={t} id="answer" label={t('cases.request.answer')} hint={t('cases.request.answerHint')} error={errs.text('answer')} value={textValue(form.values, 'answer')} rows={6} maxLength={5000} required />
          <FileInputs t={t} legend={t('cases.request.files')} hint={t('cases.portal.fileHint', { max: maxUploadMb, count: MAX_CASE_FILES })} error={errs.text('file')} />
          <Button>{t('cases.request.submit')}</Button>
        </Form>
      ) : (
        <>
          <NotificationBanner t={t}>
            <p class="body">{t('cases.request.answeredOn', { date: request.answeredAt ? formatDateTimeLong(request.answeredAt, locale) : '—' })}</p>
          </NotificationBanner>
          <h2 class="heading-m">{t('cases.request.yourAnswer')}</h2>
          <p class="body" id="your-answer">
            {request.answerText}
          </p>
          <SentFiles t={t} files={request.answerAttachments} base={caseRequestPath(request.id)} />
        </>
      )}
      <p class="body">
        <a class="link" href="/portal#case-tasks">
          {t('cases.portal.back')}
        </a>
      </p>
    </PageLayout>
  )
}

export function CaseActionPage({ ctx, action, now, maxUploadMb, form, flash }: { ctx: PageContext; action: BusinessAction; now: Date; maxUploadMb: number; form: CaseFormState; flash?: Flash | undefined }) {
  const { t, locale } = ctx
  const params: MessageParams = { max: maxUploadMb, count: MAX_CASE_FILES, types: mediaTypeNames(MEDIA_TYPES, locale), ...form.errorParams }
  const fields = [{ path: 'note', params }, { path: 'file', params }] as const satisfies readonly PageField[]
  const errs = fieldErrors(t, form.errors, fields)
  const canReport = action.status === 'open' || action.status === 'rejected'
  const row = (key: Parameters<Translator>[0], value: string | preact.ComponentChildren, id?: string) => (
    <div class="summary-list__row">
      <dt class="summary-list__key">{t(key)}</dt>
      <dd class="summary-list__value" id={id}>
        {value}
      </dd>
    </div>
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
        <Form ctx={ctx} action={caseActionPath(action.id)} id="done-form" enctype="multipart/form-data">
          <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
          <Textarea t={t} id="note" label={t('cases.action.note')} error={errs.text('note')} value={textValue(form.values, 'note')} rows={5} maxLength={5000} optional />
          <FileInputs t={t} legend={t('cases.action.evidence')} hint={`${t('cases.action.evidenceHint')} ${t('cases.portal.fileHint', { max: maxUploadMb, count: MAX_CASE_FILES })}`} error={errs.text('file')} />
          <Button>{t('cases.action.submit')}</Button>
        </Form>
      ) : (
        <NotificationBanner t={t}>
          <p class="body">{t('cases.action.doneOn', { date: action.doneAt ? formatDateTimeLong(action.doneAt, locale) : '—' })}</p>
        </NotificationBanner>
      )}
      {action.evidence.length ? <SentFiles t={t} files={action.evidence} base={caseActionPath(action.id)} /> : null}
      <p class="body">
        <a class="link" href="/portal#case-tasks">
          {t('cases.portal.back')}
        </a>
      </p>
    </PageLayout>
  )
}
