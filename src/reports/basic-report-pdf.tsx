/**
 * รายงานข้อมูลพื้นฐาน as an A4 PDF: the same `BasicReportDocument` as the web page, in a print shell
 * of its own (Sarabun inlined, print CSS below), printed by deps.pdf in the reader's language.
 * - Page numbers ("หน้า 2/5" / "Page 2/5") and the report title sit in CSS page-margin boxes
 *   (`@page { @bottom-right { content: counter(page) … } }`, Chromium ≥ 131). Chromium's
 *   `footerTemplate` was tried: it cannot use the page's web fonts, so Thai came out as boxes unless
 *   the whole Sarabun CSS was inlined into the template again, which made every PDF ~60 ms slower.
 *   Margin boxes use the document's fonts and cost nothing.
 * - A draft carries ฉบับร่าง / DRAFT diagonally across every page (a `position: fixed` element is
 *   repeated on each printed page).
 * - Table rows are never split across pages and table headers repeat on every page.
 */
import { renderToString } from 'preact-render-to-string'
import { AppError } from '#src/platform/errors.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator, type Translator } from '#src/platform/i18n/translator.ts'
import type { BasicReport } from '#src/submissions/get-basic-report.ts'
import { RawHtml, trustedHtml } from '#src/web/lib/trusted-html.tsx'
import { BasicReportDocument } from './basic-report-document.tsx'
import { sarabunFontFaceCss } from './pdf/pdf-fonts.ts'
import { PdfRenderError, type PdfRenderer } from './pdf/pdf-renderer.ts'

const PRINT_CSS = `
@page { size: A4; margin: 14mm 15mm 16mm; }
* { box-sizing: border-box; }
html { font-family: 'Sarabun', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #0b0c0c; }
body { margin: 0; }
p { margin: 0 0 1.5mm; }
/* Thai marks stacked above a vowel reach above the line box; a block that starts a page keeps them
   inside its own padding, or Chromium paints them at the foot of the page before. */
h1, h2, p, .summary-list__key, .summary-list__value { padding-top: 0.6mm; }
.basic-report__agency { font-weight: 700; font-size: 11pt; margin: 0 0 1mm; padding-bottom: 1.5mm; border-bottom: 0.6mm solid #0b0c0c; }
.basic-report__title { font-size: 18pt; line-height: 1.3; margin: 2mm 0 1mm; }
.basic-report__draft { font-size: 10pt; font-weight: 700; vertical-align: middle; border: 0.3mm solid #594d00; background: #fff7bf; color: #594d00; padding: 0 2mm; }
.basic-report__business { font-size: 13pt; font-weight: 700; margin: 0 0 1mm; }
.basic-report__draft-note { font-style: italic; }
.basic-report__section { margin-top: 5mm; }
.basic-report__section h2 { font-size: 12.5pt; margin: 0 0 1.5mm; padding: 1.5mm 0 0.5mm; border-bottom: 0.3mm solid #b1b4b6; break-after: avoid; }
.summary-list { margin: 0; display: table; width: 100%; border-collapse: collapse; }
.summary-list__row { display: table-row; break-inside: avoid; }
.summary-list__key, .summary-list__value { display: table-cell; padding: 0.8mm 2mm 0.8mm 0; border-bottom: 0.2mm solid #d8d8d8; vertical-align: top; }
.summary-list__key { font-weight: 700; width: 38%; }
.summary-list__value { margin: 0; }
.summary-list__value p { margin: 0; }
table.basic-report__table { width: 100%; border-collapse: collapse; font-size: 9.5pt; }
.basic-report__table thead { display: table-header-group; }
.basic-report__table tr { break-inside: avoid; }
.basic-report__table th, .basic-report__table td { text-align: left; vertical-align: top; padding: 1mm 2mm 0.8mm 0; border-bottom: 0.2mm solid #b1b4b6; overflow-wrap: break-word; }
.basic-report__table td:first-child { min-width: 32mm; }
.basic-report__file { overflow-wrap: anywhere; }
.basic-report__nowrap { white-space: nowrap; }
.basic-report__table th { border-bottom-width: 0.4mm; border-bottom-color: #0b0c0c; }
.basic-report code { font-family: 'Sarabun', sans-serif; letter-spacing: 0.02em; }
.basic-report__watermark { position: fixed; top: 42%; left: -20mm; right: -20mm; margin: 0; text-align: center; font-size: 96pt; font-weight: 700; line-height: 1; color: rgba(0, 0, 0, 0.09); transform: rotate(-32deg); z-index: -1; }
`

/** A CSS string literal of our own catalog text (quotes, backslashes and line breaks escaped). */
const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/[\r\n]+/g, ' ')}"`

/** "หน้า {page}/{pages}" → `"หน้า " counter(page) "/" counter(pages)`, whatever the word order. */
function pageNumberContent(t: Translator): string {
  const PAGE = '{{page}}'
  const PAGES = '{{pages}}'
  const text = t('questionnaire.basicReport.pageNumber', { page: PAGE, pages: PAGES })
  return text
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === PAGE ? 'counter(page)' : part === PAGES ? 'counter(pages)' : cssString(part)))
    .join(' ')
}

function pageMarginCss(t: Translator, draft: boolean): string {
  const title = t('questionnaire.basicReport.title') + (draft ? ` (${t('questionnaire.basicReport.draft')})` : '')
  const box = "font-family: 'Sarabun', sans-serif; font-size: 8.5pt; color: #505a5f; vertical-align: top; padding-top: 3mm;"
  return `@page { @bottom-left { content: ${cssString(title)}; ${box} } @bottom-right { content: ${pageNumberContent(t)}; ${box} } }`
}

export function BasicReportPdfDocument({ report, locale }: { report: BasicReport; locale: Locale }) {
  const t = createTranslator(locale)
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{t('questionnaire.basicReport.title')}</title>
        <RawHtml as="style" html={trustedHtml(sarabunFontFaceCss() + PRINT_CSS + pageMarginCss(t, report.draft))} />
      </head>
      <body>
        <BasicReportDocument t={t} locale={locale} report={report} />
      </body>
    </html>
  )
}

export function renderBasicReportHtml(report: BasicReport, locale: Locale): string {
  return '<!doctype html>' + renderToString(<BasicReportPdfDocument report={report} locale={locale} />)
}

/**
 * The report as PDF bytes. A browser that cannot start, crashes or takes too long is a
 * SERVICE_UNAVAILABLE error (503 with Retry-After and a page saying the PDF cannot be made now).
 */
export async function renderBasicReportPdf(pdf: PdfRenderer, report: BasicReport, locale: Locale): Promise<Buffer> {
  try {
    return await pdf.render(renderBasicReportHtml(report, locale))
  } catch (e) {
    if (e instanceof PdfRenderError) throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'errors.page.pdfUnavailable.body', cause: e })
    throw e
  }
}

/** `basic-report-2569-draft.pdf`, `basic-report-2569-v2.pdf`: ASCII letters, digits and dashes only. */
export function basicReportFileName(report: BasicReport): string {
  const cycle = report.cycle.code.replace(/[^A-Za-z0-9-]+/g, '_').slice(0, 40) || 'cycle'
  return `basic-report-${cycle}-${report.submission ? `v${report.submission.version}` : 'draft'}.pdf`
}
