/**
 * The report part of the staff case page (issue 8): in `draft_report`, the draft inspection report
 * form (summary, conclusion and recommendations, the business's response due date pre-filled with
 * today + the comment window) that sends it; afterwards the draft as sent with its PDF, and the
 * business's response (text, late mark, its files) or "no response yet" with the due date; in
 * `entity_response`, the final report form (pre-filled from the draft) that only a supervisor may
 * submit (examiners see it disabled with a hint); once issued, the final report with its PDF.
 * Every form works without JavaScript. Pure view.
 */
import type { StaffCaseReports } from '#src/cases/get-case-reports.ts'
import { SEVERITY_LABEL } from '#src/cases/cases.model.ts'
import type { CaseAction, CaseStatus } from '#src/cases/case-status.rules.ts'
import { DEFAULT_SLA } from '#src/cases/sla.rules.ts'
import { formatDateTimeNumeric, formatIsoDateNumeric } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { Button, Form, TextInput, Textarea } from '#src/web/components/form/index.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { CaseFileList } from './case-files-list.tsx'

export const reportPdfHref = (caseId: string, reportId: string) => `/staff/cases/${caseId}/reports/${reportId}.pdf`
export const responseFileHref = (caseId: string, reportId: string, index: number) => `/staff/cases/${caseId}/reports/${reportId}/response/files/${index}`

/** The section's id: a refusal whose form is gone (another officer acted) links here. */
export const REPORTS_SECTION_ID = 'case-reports'

/** A refused report form: which form, the field the message belongs to (or REPORTS_SECTION_ID), and what was typed. */
export type ReportProblem = { form: 'draftReport' | 'finalReport'; field: string; message: string; values: Record<string, unknown> }


function Texts({ t, summary, conclusion, idPrefix }: { t: Translator; summary: string; conclusion: string | null; idPrefix: string }) {
  return (
    <dl class="summary-list">
      <div>
        <dt>{t('casework.reports.summary')}</dt>
        <dd id={`${idPrefix}-summary`} class="report-text">
          {summary}
        </dd>
      </div>
      {conclusion ? (
        <div>
          <dt>{t('casework.reports.conclusion')}</dt>
          <dd id={`${idPrefix}-conclusion`} class="report-text">
            {conclusion}
          </dd>
        </div>
      ) : null}
    </dl>
  )
}

export function CaseReportsSection({
  ctx,
  caseId,
  status,
  reports,
  actions,
  findingsCount,
  formKey,
  problem,
}: {
  ctx: PageContext
  caseId: string
  status: CaseStatus
  reports: StaffCaseReports
  actions: readonly CaseAction[]
  findingsCount: number
  formKey: string
  problem?: ReportProblem | undefined
}) {
  const { t } = ctx
  const base = `/staff/cases/${caseId}`
  const { draft, final } = reports
  const typed = (form: ReportProblem['form'], key: string, fallback: string) => (problem?.form === form ? String(problem.values[key] ?? '') : fallback)
  const err = (form: ReportProblem['form'], field: string) => (problem?.form === form && problem.field === field ? problem.message : undefined)
  const canSendDraft = status === 'draft_report' && !draft && actions.includes('send_draft_report')
  const finalOpen = status === 'entity_response' && !final
  const canIssue = finalOpen && actions.includes('issue_final_report')
  const stepGone = problem?.field === REPORTS_SECTION_ID
  if (!canSendDraft && !draft && !final && !finalOpen && !stepGone) return null

  const finalFields = (
    <>
      <Textarea t={t} id="finalSummary" name="summary" label={t('casework.reports.summary')} error={err('finalReport', 'finalSummary')} value={typed('finalReport', 'summary', draft?.report.summary ?? '')} maxLength={20000} rows={8} required />
      <Textarea t={t} id="finalConclusion" name="conclusion" label={t('casework.reports.conclusion')} error={err('finalReport', 'finalConclusion')} value={typed('finalReport', 'conclusion', draft?.report.conclusion ?? '')} maxLength={20000} rows={6} optional />
      <Textarea
        t={t}
        id="responseAssessment"
        name="responseAssessment"
        label={t('casework.reports.responseAssessment')}
        hint={t('casework.reports.responseAssessmentHint')}
        error={err('finalReport', 'responseAssessment')}
        value={typed('finalReport', 'responseAssessment', '')}
        maxLength={20000}
        rows={5}
        required={!!draft?.response}
        optional={!draft?.response}
      />
    </>
  )

  return (
    <section id={REPORTS_SECTION_ID}>
      {stepGone ? (
        <p class="error-message" id="case-reports-error">
          {problem.message}
        </p>
      ) : null}
      {canSendDraft || draft ? (
        <h2 class="heading-l" id="draft-report-heading">
          {t('casework.reports.draftTitle')}
        </h2>
      ) : null}
      {canSendDraft ? (
        <Form ctx={ctx} action={`${base}/draft-report`} id="draft-report-form">
          <input type="hidden" name="idempotencyKey" value={`${formKey}:draft-report`} />
          <p class="body hint">{t('casework.reports.draftLead', { count: findingsCount })}</p>
          <Textarea t={t} id="draftSummary" name="summary" label={t('casework.reports.summary')} error={err('draftReport', 'draftSummary')} value={typed('draftReport', 'summary', '')} maxLength={20000} rows={8} required />
          <Textarea t={t} id="draftConclusion" name="conclusion" label={t('casework.reports.conclusion')} error={err('draftReport', 'draftConclusion')} value={typed('draftReport', 'conclusion', '')} maxLength={20000} rows={6} optional />
          <TextInput
            t={t}
            id="responseDueOn"
            name="responseDueOn"
            label={t('casework.reports.responseDueOn')}
            hint={t('casework.reports.responseDueOnHint', { days: DEFAULT_SLA.days.entity_comment })}
            error={err('draftReport', 'responseDueOn')}
            value={typed('draftReport', 'responseDueOn', formatIsoDateNumeric(reports.defaultDueOn))}
            maxLength={10}
            width={10}
            required
          />
          <Button>{t('casework.reports.sendDraft')}</Button>
        </Form>
      ) : null}
      {draft ? (
        <div id="draft-report">
          <p class="body">
            {t('casework.reports.sentOn', { at: formatDateTimeNumeric(draft.report.issuedAt), due: formatIsoDateNumeric(draft.report.responseDueOn!) })}
            <br />
            <a class="link" href={reportPdfHref(caseId, draft.report.id)} id="draft-report-pdf">
              {t('casework.reports.draftPdf')}
            </a>
          </p>
          <Texts t={t} summary={draft.report.summary} conclusion={draft.report.conclusion} idPrefix="draft" />
          <p class="body">{t('casework.reports.findingsCount', { count: draft.report.findings.length })}</p>
          {draft.report.findings.length ? (
            <ul class="list" id="draft-findings">
              {draft.report.findings.map((f, i) => (
                <li key={i}>
                  {f.title} <strong class="tag tag--red">{t(SEVERITY_LABEL[f.severity])}</strong> · {formatIsoDateNumeric(f.dueOn)}
                </li>
              ))}
            </ul>
          ) : null}
          <h3 class="heading-m" id="response-heading">
            {t('casework.reports.responseHeading')}
          </h3>
          {draft.response ? (
            <div id="entity-response">
              <p class="body">
                {t('casework.reports.responseOn', { at: formatDateTimeNumeric(draft.response.submittedAt) })}
                {draft.late ? (
                  <>
                    {' '}
                    <strong class="tag tag--red" id="response-late">
                      {t('casework.reports.late')}
                    </strong>
                  </>
                ) : null}
              </p>
              <p class="body report-text" id="response-body">
                {draft.response.body}
              </p>
              {draft.response.attachments.length ? (
                <CaseFileList t={t} heading="casework.reports.responseFiles" files={draft.response.attachments} href={(i) => responseFileHref(caseId, draft.report.id, i)} id="response-files" />
              ) : (
                <p class="body hint">{t('casework.reports.noFiles')}</p>
              )}
            </div>
          ) : (
            <p class="body" id="entity-response">
              {t('casework.reports.noResponse')}
              <br />
              <span class="hint">{t('casework.reports.noResponseDue', { date: formatIsoDateNumeric(draft.report.responseDueOn!) })}</span>
            </p>
          )}
        </div>
      ) : null}

      {finalOpen || final ? (
        <>
          <h2 class="heading-l" id="final-report-heading">
            {t('casework.reports.finalHeading')}
          </h2>
          {final ? (
            <div id="final-report">
              <p class="body">
                {t('casework.reports.finalIssuedOn', { at: formatDateTimeNumeric(final.issuedAt) })}
                <br />
                <a class="link" href={reportPdfHref(caseId, final.id)} id="final-report-pdf">
                  {t('casework.reports.finalPdf')}
                </a>
              </p>
              <Texts t={t} summary={final.summary} conclusion={final.conclusion} idPrefix="final" />
              {final.responseAssessment ? (
                <dl class="summary-list">
                  <div>
                    <dt>{t('casework.reports.responseAssessment')}</dt>
                    <dd id="final-assessment" class="report-text">
                      {final.responseAssessment}
                    </dd>
                  </div>
                </dl>
              ) : null}
            </div>
          ) : canIssue ? (
            <Form ctx={ctx} action={`${base}/final-report`} id="final-report-form">
              <input type="hidden" name="idempotencyKey" value={`${formKey}:final-report`} />
              {finalFields}
              <Button>{t('casework.reports.issueFinal')}</Button>
            </Form>
          ) : (
            <div id="final-report-readonly">
              <p class="body hint" id="final-report-hint">
                {t('casework.reports.supervisorHint')}
              </p>
              <fieldset class="fieldset" disabled>
                {finalFields}
                <Button>{t('casework.reports.issueFinal')}</Button>
              </fieldset>
            </div>
          )}
        </>
      ) : null}
    </section>
  )
}
