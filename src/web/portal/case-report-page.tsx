/**
 * The business's page of one inspection report (/portal/cases/reports/:id; issue 8): the draft or
 * final report as issued — summary, conclusion and recommendations, the findings snapshot — with a
 * link to its PDF. A draft waiting for the business's response shows the due date and a multipart
 * form (คำชี้แจงของกิจการ first, then up to MAX_CASE_FILES files; the CSRF token and idempotency key
 * come before any file); once sent, the response read-only. A final report shows AMLO's assessment
 * of the response. Business-facing fields only: never notes, visits or assignees.
 */
import { CASE_REPORT_TITLE } from '#src/cases/case-reports.model.ts'
import type { BusinessReport } from '#src/cases/case-reports.repo.ts'
import { caseReference, SEVERITY_LABEL } from '#src/cases/cases.model.ts'
import type { ControlArea } from '#src/cases/findings.rules.ts'
import { daysLeft } from '#src/cases/sla.rules.ts'
import { formatDateNumeric, formatDateTimeNumeric, formatIsoDateNumeric } from '#src/platform/i18n/format.ts'
import { CONTROL_AREA_LABELS } from '#src/scoring/score.model.ts'
import { ErrorSummary, Textarea, textValue } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { TONE_CLASS } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { BackToCaseTasks, CaseFilesForm, SentReply, SummaryRow, caseFilesFormErrors, type CaseFormState } from './case-task-pages.tsx'
import { caseReportPath } from './case-tasks-section.tsx'

export const caseReportPdfPath = (id: string) => `/portal/cases/reports/${id}/report.pdf`


export function CaseReportPage({ ctx, found, now, maxUploadMb, form, flash }: { ctx: PageContext; found: BusinessReport; now: Date; maxUploadMb: number; form: CaseFormState; flash?: Flash | undefined }) {
  const { t } = ctx
  const { report, response } = found
  const errs = caseFilesFormErrors(ctx, form, maxUploadMb, 'response')
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
          <SummaryRow label={t('casework.reports.portal.dueLabel')} id="report-due">
            {formatIsoDateNumeric(report.responseDueOn)} {open && left < 0 ? <strong class={TONE_CLASS.red}>{t('cases.portal.overdue')}</strong> : open ? <span class="hint">({t('cases.portal.daysLeft', { days: left })})</span> : null}
          </SummaryRow>
        ) : null}
        <SummaryRow label={t('casework.reports.summary')} valueClass="report-text" id="report-summary">
          {report.summary}
        </SummaryRow>
        {report.conclusion ? (
          <SummaryRow label={t('casework.reports.conclusion')} valueClass="report-text" id="report-conclusion">
            {report.conclusion}
          </SummaryRow>
        ) : null}
        {!isDraft && report.responseAssessment ? (
          <SummaryRow label={t('casework.reports.responseAssessment')} valueClass="report-text" id="report-assessment">
            {report.responseAssessment}
          </SummaryRow>
        ) : null}
      </dl>
      <h2 class="heading-m">{t('casework.case.findings')}</h2>
      {report.findings.length ? (
        <ol class="list list--number" id="report-findings">
          {report.findings.map((f, i) => (
            <li key={i}>
              <strong>{f.title}</strong> <strong class="tag tag--red">{t(SEVERITY_LABEL[f.severity])}</strong>
              <dl class="summary-list">
                <SummaryRow label={t('casework.finding.controlArea')}>{t(CONTROL_AREA_LABELS[f.controlArea as ControlArea])}</SummaryRow>
                <SummaryRow label={t('casework.finding.legalBasis')}>{f.legalBasis}</SummaryRow>
                <SummaryRow label={t('casework.finding.requiredAction')}>{f.requiredAction}</SummaryRow>
                <SummaryRow label={t('casework.col.due')}>{formatIsoDateNumeric(f.dueOn)}</SummaryRow>
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        <p class="body">{t('casework.reports.pdf.noFindings')}</p>
      )}
      {isDraft ? (
        open ? (
          <CaseFilesForm ctx={ctx} action={caseReportPath(report.id)} id="response-form" form={form} maxUploadMb={maxUploadMb} fileLegend={t('casework.reports.portal.files')} fileError={errs.text('file')} submit={t('casework.reports.portal.submit')}>
            {left < 0 ? (
              <p class="body" id="late-notice">
                <strong>{t('casework.reports.portal.lateNotice')}</strong>
              </p>
            ) : null}
            <Textarea t={t} id="response" label={t('casework.reports.responseHeading')} hint={t('casework.reports.portal.responseHint')} error={errs.text('response')} value={textValue(form.values, 'response')} rows={8} maxLength={20000} required />
          </CaseFilesForm>
        ) : response ? (
          <SentReply
            t={t}
            sentOn={t('casework.reports.portal.sentOn', { at: formatDateTimeNumeric(response.submittedAt) })}
            heading={t('casework.reports.portal.yourResponse')}
            id="your-response"
            textClass="report-text"
            text={response.body}
            files={response.attachments}
            base={caseReportPath(report.id)}
          />
        ) : (
          <p class="body" id="response-closed">
            {t('casework.reports.portal.closed')}
          </p>
        )
      ) : null}
      <BackToCaseTasks t={t} />
    </PageLayout>
  )
}
