/**
 * The basic-information report as a web page: `BasicReportDocument` (src/reports) in the site
 * layout, with the way back, a link to the same report as a PDF (works without JavaScript) and
 * links to the other submitted versions. Printing from the browser prints the report only (app.css).
 */
import { BasicReportDocument } from '#src/reports/basic-report-document.tsx'
import type { BasicReport } from '#src/submissions/get-basic-report.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'

export function BasicReportPage({ ctx, report }: { ctx: PageContext; report: BasicReport }) {
  const { t } = ctx
  const base = `/portal/assessments/${encodeURIComponent(report.cycle.code)}`
  const versions = Array.from({ length: report.submittedVersions }, (_, i) => i + 1)
  // The PDF of exactly the version shown (a later submission must not change what is downloaded).
  const pdfHref = `${base}/basic-report.pdf${report.submission ? `?version=${report.submission.version}` : ''}`
  return (
    <PageLayout ctx={ctx} title={t('questionnaire.basicReport.title')}>
      <div class="no-print">
        <p class="body">
          <a class="link" href={base}>
            {t('questionnaire.basicReport.back')}
          </a>
        </p>
        <div class="button-group">
          <a class="button button--secondary" role="button" href={pdfHref} type="application/pdf">
            {t('questionnaire.basicReport.downloadPdf')}
          </a>
        </div>
        <p class="hint">{t('questionnaire.basicReport.printHint')}</p>
      </div>
      <BasicReportDocument t={t} locale={ctx.locale} report={report} />
      {versions.length > 0 ? (
        <nav class="no-print" aria-labelledby="report-versions">
          <h2 class="heading-s" id="report-versions">
            {t('questionnaire.basicReport.otherVersions')}
          </h2>
          <ul class="tag-list">
            {versions.map((v) => (
              <li key={v}>
                {report.submission?.version === v ? (
                  <span aria-current="page">{t('questionnaire.basicReport.submittedVersionValue', { version: v })}</span>
                ) : (
                  <a class="link" href={`${base}/basic-report?version=${v}`}>
                    {t('questionnaire.basicReport.submittedVersionValue', { version: v })}
                  </a>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </PageLayout>
  )
}
