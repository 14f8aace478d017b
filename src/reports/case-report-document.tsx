/**
 * ร่างรายงานผลการตรวจสอบ / รายงานผลการตรวจสอบ: the draft and the final inspection report of a case
 * (issue 8; domain.md §8.3), in Thai, dated in the Buddhist Era written out like the notification
 * letter: the business, the summary, the findings as snapshotted when the report was issued, the
 * conclusion and recommendations; the draft asks for the business's response by its due date, the
 * final states that response (or that none came) and AMLO's assessment of it. A Preact print
 * template (A4), printed by deps.pdf with the embedded Sarabun font.
 */
import { renderToString } from 'preact-render-to-string'
import type { CaseReportDocumentData } from '#src/cases/get-case-reports.ts'
import { CASE_REPORT_TITLE } from '#src/cases/case-reports.model.ts'
import { CASE_TYPE_LABEL, SEVERITY_LABEL } from '#src/cases/cases.model.ts'
import type { ControlArea } from '#src/cases/findings.rules.ts'
import { formatDateLong, formatIsoDateLong } from '#src/platform/i18n/format.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { CONTROL_AREA_LABELS } from '#src/scoring/score.model.ts'
import { CaseLetter, CaseLetterSubjectAndAddressee, caseLetterCss } from './case-letter.tsx'
import type { PdfRenderer } from './pdf/pdf-renderer.ts'

const t = createTranslator('th')

const PRINT_CSS = caseLetterCss(`
h1 { font-size: 20pt; text-align: center; margin: 0 0 4mm; }
h2 { font-size: 16pt; margin: 5mm 0 2mm; }
p.body { text-indent: 25mm; margin: 2mm 0; text-align: justify; white-space: pre-line; }
ol.findings { margin: 1mm 0 3mm 0; padding-left: 0; list-style: none; }
ol.findings li { margin-bottom: 3mm; break-inside: avoid; }
dl { margin: 1mm 0 0 8mm; }
dt { font-weight: 700; display: inline; }
dd { display: inline; margin: 0; }
dd::after { content: ''; display: block; }
`)

export const caseReportFileName = (d: Pick<CaseReportDocumentData, 'caseRef' | 'kind'>) => `${d.kind === 'draft' ? 'draft-report' : 'report'}-${d.caseRef}.pdf`

export function CaseReportDocument({ data }: { data: CaseReportDocumentData }) {
  const type = t(CASE_TYPE_LABEL[data.caseType])
  const title = t(CASE_REPORT_TITLE[data.kind])
  return (
    <CaseLetter title={title} css={PRINT_CSS} caseRef={data.caseRef} date={data.issuedAt} dateId="report-date" heading={<h1 id="report-title">{title}</h1>}>
      <CaseLetterSubjectAndAddressee subject={t('casework.reports.pdf.subject', { type })} to={data} />
      <p class="body">{t('casework.reports.pdf.intro', { type })}</p>

      <h2>{t('casework.reports.summary')}</h2>
      <p class="body" id="report-summary">
        {data.summary}
      </p>

      <h2>{t('casework.case.findings')}</h2>
      {data.findings.length ? (
        <ol class="findings" id="report-findings">
          {data.findings.map((f, i) => (
            <li key={i}>
              <strong>{t('casework.reports.pdf.finding', { n: i + 1, title: f.title, severity: t(SEVERITY_LABEL[f.severity]) })}</strong>
              <dl>
                <dt>{t('casework.finding.controlArea')}:</dt> <dd>{t(CONTROL_AREA_LABELS[f.controlArea as ControlArea])}</dd>
                <dt>{t('casework.finding.legalBasis')}:</dt> <dd>{f.legalBasis}</dd>
                <dt>{t('casework.finding.requiredAction')}:</dt> <dd>{f.requiredAction}</dd>
                <dd>{t('casework.reports.pdf.findingDue', { date: formatIsoDateLong(f.dueOn, 'th') })}</dd>
              </dl>
            </li>
          ))}
        </ol>
      ) : (
        <p class="body">{t('casework.reports.pdf.noFindings')}</p>
      )}

      {data.conclusion ? (
        <>
          <h2>{t('casework.reports.conclusion')}</h2>
          <p class="body" id="report-conclusion">
            {data.conclusion}
          </p>
        </>
      ) : null}

      {data.kind === 'draft' && data.responseDueOn ? (
        <p class="body" id="report-response-due">
          {t('casework.reports.pdf.responseDue', { date: formatIsoDateLong(data.responseDueOn, 'th') })}
        </p>
      ) : null}

      {data.kind === 'final' ? (
        <section id="report-response">
          <h2>{t('casework.reports.responseHeading')}</h2>
          {data.response ? (
            <>
              <p class="body">
                {t('casework.reports.pdf.responseReceived', { date: formatDateLong(data.response.submittedAt, 'th') })}
                {data.response.late ? ` ${t('casework.reports.pdf.responseLate')}` : ''}
              </p>
              <p class="body" id="report-response-body">
                {data.response.body}
              </p>
              {data.response.files.length ? <p class="body">{t('casework.reports.pdf.responseFiles', { files: data.response.files.join(', ') })}</p> : null}
            </>
          ) : (
            <p class="body">{t('casework.reports.pdf.noResponse')}</p>
          )}
          {data.responseAssessment ? (
            <>
              <h2>{t('casework.reports.responseAssessment')}</h2>
              <p class="body" id="report-assessment">
                {data.responseAssessment}
              </p>
            </>
          ) : null}
        </section>
      ) : null}
    </CaseLetter>
  )
}

export const renderCaseReportHtml = (data: CaseReportDocumentData) => '<!doctype html>' + renderToString(<CaseReportDocument data={data} />)

export const renderCaseReportPdf = (pdf: PdfRenderer, data: CaseReportDocumentData) => pdf.render(renderCaseReportHtml(data))
