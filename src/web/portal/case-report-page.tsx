/**
 * The business's page of one inspection report (/portal/cases/reports/:id; issue 8): the draft or
 * final report as issued — summary, conclusion and recommendations, the findings snapshot — with a
 * link to its PDF. A draft waiting for the business's response shows the due date and a multipart
 * form (คำชี้แจงของกิจการ first, then up to MAX_CASE_FILES files; the CSRF token and idempotency key
 * come before any file); once sent, the response read-only. A final report shows AMLO's assessment
 * of the response. Business-facing fields only: never notes, visits or assignees.
 */
import { MAX_CASE_FILES } from '#src/cases/answer-information-request.ts'
import { CASE_REPORT_TITLE } from '#src/cases/case-reports.model.ts'
import type { BusinessReport } from '#src/cases/case-reports.repo.ts'
import { caseReference, SEVERITY_LABEL } from '#src/cases/cases.model.ts'
import type { ControlArea } from '#src/cases/findings.rules.ts'
import { daysLeft } from '#src/cases/sla.rules.ts'
import { MEDIA_TYPES } from '#src/documents/documents.model.ts'
import { formatDateNumeric, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import { CONTROL_AREA_LABELS } from '#src/scoring/score.model.ts'
import { Button, ErrorSummary, Form, Textarea, fieldErrors, textValue, type PageField } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { TONE_CLASS } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { FileInputs, SentFiles, type CaseFormState } from './case-task-pages.tsx'
import { caseReportPath } from './case-tasks-section.tsx'
import { mediaTypeNames } from './upload-document-page.tsx'

export const caseReportPdfPath = (id: string) => `/portal/cases/reports/${id}/report.pdf`

/** `yyyy-mm-dd` → `dd/mm/yyyy` (Gregorian, as every date on screen). */
const isoNumeric = (iso: string) => formatDateNumeric(new Date(`${iso}T12:00:00Z`))

export function CaseReportPage({ ctx, found, now, maxUploadMb, form, flash }: { ctx: PageContext; found: BusinessReport; now: Date; maxUploadMb: number; form: CaseFormState; flash?: Flash | undefined }) {
  const { t, locale } = ctx
  const { report, response } = found
  const params: MessageParams = { max: maxUploadMb, count: MAX_CASE_FILES, types: mediaTypeNames(MEDIA_TYPES, locale), ...form.errorParams }
  const fields = [{ path: 'response', params }, { path: 'file', params }] as const satisfies readonly PageField[]
  const errs = fieldErrors(t, form.errors, fields)
  const isDraft = report.kind === 'draft'
  const title = isDraft ? t(CASE_REPORT_TITLE.draft) : t('casework.reports.portal.final')
  const open = isDraft && !response && found.caseStatus === 'entity_response'
  const left = report.responseDueOn ? daysLeft(report.responseDueOn, now) : 0
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={errs.hasErrors}>
      <FlashBanner t={t} flash={flash} />
      <ErrorSummary t={t} items={errs.summary} />
      <span class="caption-l">{t('cases.portal.caption', { caseRef: caseReference(found.caseNumber) })}</span>
      <h1 class="heading-l">{title}</h1>
      <p class="body">
        {t('casework.reports.portal.issued', { date: formatDateNumeric(report.issuedAt) })}
        <br />
        <a class="link" href={caseReportPdfPath(report.id)} id="report-pdf">
          {t(isDraft ? 'casework.reports.draftPdf' : 'casework.reports.finalPdf')}
        </a>
      </p>
      <dl class="summary-list">
        {isDraft && report.responseDueOn ? (
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('casework.reports.portal.dueLabel')}</dt>
            <dd class="summary-list__value" id="report-due">
              {isoNumeric(report.responseDueOn)} {open && left < 0 ? <strong class={TONE_CLASS.red}>{t('cases.portal.overdue')}</strong> : open ? <span class="hint">({t('cases.portal.daysLeft', { days: left })})</span> : null}
            </dd>
          </div>
        ) : null}
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('casework.reports.summary')}</dt>
          <dd class="summary-list__value report-text" id="report-summary">
            {report.summary}
          </dd>
        </div>
        {report.conclusion ? (
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('casework.reports.conclusion')}</dt>
            <dd class="summary-list__value report-text" id="report-conclusion">
              {report.conclusion}
            </dd>
          </div>
        ) : null}
        {!isDraft && report.responseAssessment ? (
          <div class="summary-list__row">
            <dt class="summary-list__key">{t('casework.reports.responseAssessment')}</dt>
            <dd class="summary-list__value report-text" id="report-assessment">
              {report.responseAssessment}
            </dd>
          </div>
        ) : null}
      </dl>
      <h2 class="heading-m">{t('casework.case.findings')}</h2>
      {report.findings.length ? (
        <ol class="list list--number" id="report-findings">
          {report.findings.map((f, i) => (
            <li key={i}>
              <strong>{f.title}</strong> <strong class="tag tag--red">{t(SEVERITY_LABEL[f.severity])}</strong>
              <dl class="summary-list">
                <div class="summary-list__row">
                  <dt class="summary-list__key">{t('casework.finding.controlArea')}</dt>
                  <dd class="summary-list__value">{t(CONTROL_AREA_LABELS[f.controlArea as ControlArea])}</dd>
                </div>
                <div class="summary-list__row">
                  <dt class="summary-list__key">{t('casework.finding.legalBasis')}</dt>
                  <dd class="summary-list__value">{f.legalBasis}</dd>
                </div>
                <div class="summary-list__row">
                  <dt class="summary-list__key">{t('casework.finding.requiredAction')}</dt>
                  <dd class="summary-list__value">{f.requiredAction}</dd>
                </div>
                <div class="summary-list__row">
                  <dt class="summary-list__key">{t('casework.col.due')}</dt>
                  <dd class="summary-list__value">{isoNumeric(f.dueOn)}</dd>
                </div>
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        <p class="body">{t('casework.reports.pdf.noFindings')}</p>
      )}
      {isDraft ? (
        open ? (
          <Form ctx={ctx} action={caseReportPath(report.id)} id="response-form" enctype="multipart/form-data">
            <input type="hidden" name="idempotencyKey" value={form.idempotencyKey} />
            {left < 0 ? (
              <p class="body" id="late-notice">
                <strong>{t('casework.reports.portal.lateNotice')}</strong>
              </p>
            ) : null}
            <Textarea t={t} id="response" label={t('casework.reports.responseHeading')} hint={t('casework.reports.portal.responseHint')} error={errs.text('response')} value={textValue(form.values, 'response')} rows={8} maxLength={20000} required />
            <FileInputs t={t} legend={t('casework.reports.portal.files')} hint={t('cases.portal.fileHint', { max: maxUploadMb, count: MAX_CASE_FILES })} error={errs.text('file')} />
            <Button>{t('casework.reports.portal.submit')}</Button>
          </Form>
        ) : response ? (
          <>
            <NotificationBanner t={t}>
              <p class="body">{t('casework.reports.portal.sentOn', { at: formatDateTimeNumeric(response.submittedAt) })}</p>
            </NotificationBanner>
            <h2 class="heading-m">{t('casework.reports.portal.yourResponse')}</h2>
            <p class="body report-text" id="your-response">
              {response.body}
            </p>
            <SentFiles t={t} files={response.attachments} base={caseReportPath(report.id)} />
          </>
        ) : (
          <p class="body" id="response-closed">
            {t('casework.reports.portal.closed')}
          </p>
        )
      ) : null}
      <p class="body">
        <a class="link" href="/portal#case-tasks">
          {t('cases.portal.back')}
        </a>
      </p>
    </PageLayout>
  )
}
