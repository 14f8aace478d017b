/**
 * ใบรับการส่งข้อมูลแบบประเมินความเสี่ยง: the submission receipt as a one-page A4 PDF, in the
 * requester's language. It shows the receipt number, the business, the cycle, the submission time
 * (written out, Buddhist Era in Thai, and as dd/mm/yyyy HH:MM), the version, the declarant, the full
 * SHA-256 of the submitted snapshot, and a QR code + printed link to the public verification page.
 * The QR code is an SVG image inlined as a data: URL (the PDF renderer fetches nothing else).
 */
import QRCode from 'qrcode'
import { renderToString } from 'preact-render-to-string'
import { formatDateTimeLong, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator, type Translator } from '#src/platform/i18n/translator.ts'
import { RawHtml, trustedHtml } from '#src/web/lib/trusted-html.tsx'
import type { PdfRenderer } from './pdf/pdf-renderer.ts'
import { sarabunFontFaceCss } from './pdf/pdf-fonts.ts'

export type SubmissionReceiptData = {
  receiptRef: string
  /** Registered name in the document's language. */
  businessName: string
  /** Formatted, e.g. 0-10-5-536-11201-4. */
  juristicId: string
  cycleName: string
  submittedAt: Date
  version: number
  declarantName: string
  declarantPosition: string
  snapshotSha256: string
  /** `<baseUrl>/verify/<ref>`: encoded in the QR code and printed below it. */
  verifyUrl: string
}

const PRINT_CSS = `
@page { size: A4; margin: 15mm 18mm 12mm; }
* { box-sizing: border-box; }
html { font-family: 'Sarabun', sans-serif; font-size: 12pt; line-height: 1.4; color: #000; }
body { margin: 0; }
.agency { text-align: center; margin: 0 0 4mm; font-weight: 700; font-size: 13pt; }
h1 { text-align: center; font-size: 18pt; margin: 0 0 3mm; }
.lead { margin: 0 0 4mm; }
h2 { font-size: 13pt; margin: 5mm 0 1.5mm; border-bottom: 0.4mm solid #000; padding-bottom: 1mm; }
table.fields { width: 100%; border-collapse: collapse; }
table.fields th { text-align: left; vertical-align: top; font-weight: 400; width: 38%; padding: 1mm 3mm 1mm 0; }
table.fields td { vertical-align: top; font-weight: 700; padding: 1mm 0; border-bottom: 0.2mm dotted #777; }
.ref { font-size: 15pt; letter-spacing: 0.3mm; }
.hash { font-family: 'DejaVu Sans Mono', monospace; font-weight: 400; font-size: 10pt; overflow-wrap: anywhere; word-break: break-all; }
.help { font-size: 9.5pt; font-weight: 400; color: #333; margin: 1mm 0 0; }
.verify { display: flex; gap: 6mm; align-items: center; margin-top: 6mm; padding: 4mm; border: 0.3mm solid #000; break-inside: avoid; }
.verify img { width: 38mm; height: 38mm; flex: none; }
.verify h2 { margin-top: 0; border: 0; }
.url { font-family: 'DejaVu Sans Mono', monospace; font-size: 10pt; overflow-wrap: anywhere; word-break: break-all; }
.footer { margin-top: 6mm; font-size: 9pt; color: #333; }
`

/** The QR code of the verification link, as an SVG (deterministic for a given URL). */
export function receiptQrSvg(verifyUrl: string): Promise<string> {
  return QRCode.toString(verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 })
}

export function SubmissionReceiptDocument(p: { data: SubmissionReceiptData; locale: Locale; generatedAt: Date; qrSvg: string }) {
  const { data, locale } = p
  const t = createTranslator(locale)
  const entityRows: [MessageKey, string][] = [
    ['receiptPdf.field.businessName', data.businessName],
    ['receiptPdf.field.juristicId', data.juristicId],
  ]
  const submissionRows: [MessageKey, string][] = [
    ['receiptPdf.field.cycle', data.cycleName],
    ['receiptPdf.field.time', `${formatDateTimeLong(data.submittedAt, locale)} (${formatDateTimeNumeric(data.submittedAt)})`],
    ['receiptPdf.field.version', String(data.version)],
    ['receiptPdf.field.declarant', `${data.declarantName} (${data.declarantPosition})`],
  ]
  const qrSrc = `data:image/svg+xml;base64,${Buffer.from(p.qrSvg, 'utf8').toString('base64')}`
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{`${t('receiptPdf.title')} ${data.receiptRef}`}</title>
        <RawHtml as="style" html={trustedHtml(sarabunFontFaceCss() + PRINT_CSS)} />
      </head>
      <body>
        <p class="agency">{t('common.app.owner')}</p>
        <h1>{t('receiptPdf.title')}</h1>
        <p class="lead">{t('receiptPdf.lead')}</p>
        <table class="fields">
          <tbody>
            <tr>
              <th scope="row">{t('receiptPdf.field.ref')}</th>
              <td class="ref" id="receipt-ref">
                {data.receiptRef}
              </td>
            </tr>
          </tbody>
        </table>
        <h2>{t('receiptPdf.section.entity')}</h2>
        <Rows rows={entityRows} t={t} />
        <h2>{t('receiptPdf.section.submission')}</h2>
        <Rows rows={submissionRows} t={t} />
        <table class="fields">
          <tbody>
            <tr>
              <th scope="row">{t('receiptPdf.field.hash')}</th>
              <td>
                <span class="hash" id="receipt-hash">
                  {data.snapshotSha256}
                </span>
                <p class="help">{t('receiptPdf.hashHelp')}</p>
              </td>
            </tr>
          </tbody>
        </table>
        <div class="verify">
          <img src={qrSrc} alt={t('receiptPdf.verify.qrAlt')} id="receipt-qr" />
          <div>
            <h2>{t('receiptPdf.verify.heading')}</h2>
            <p>{t('receiptPdf.verify.body')}</p>
            <p class="url" id="receipt-verify-url">
              {data.verifyUrl}
            </p>
          </div>
        </div>
        <p class="footer">{t('receiptPdf.generatedAt', { at: formatDateTimeLong(p.generatedAt, locale) })}</p>
      </body>
    </html>
  )
}

function Rows({ rows, t }: { rows: [MessageKey, string][]; t: Translator }) {
  return (
    <table class="fields">
      <tbody>
        {rows.map(([k, v]) => (
          <tr>
            <th scope="row">{t(k)}</th>
            <td>{v}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export async function renderSubmissionReceiptHtml(data: SubmissionReceiptData, locale: Locale, generatedAt: Date): Promise<string> {
  const qrSvg = await receiptQrSvg(data.verifyUrl)
  return '<!doctype html>' + renderToString(<SubmissionReceiptDocument data={data} locale={locale} generatedAt={generatedAt} qrSvg={qrSvg} />)
}

export async function renderSubmissionReceiptPdf(pdf: PdfRenderer, data: SubmissionReceiptData, locale: Locale, generatedAt: Date): Promise<Buffer> {
  return pdf.render(await renderSubmissionReceiptHtml(data, locale, generatedAt))
}

/** The PDF's file name (Content-Disposition and the e-mail attachment). */
export function receiptFileName(receiptRef: string, locale: Locale): string {
  return createTranslator(locale)('receiptPdf.fileName', { ref: receiptRef })
}
