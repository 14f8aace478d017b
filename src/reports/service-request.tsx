/**
 * แบบฟอร์มขอใช้บริการระบบ AMRAC: the service-request form attached to the registration e-mail,
 * pre-filled with the registrant's and the business's details, to be signed, stamped, scanned and
 * uploaded in part ก. A Preact print template (A4), printed by deps.pdf: Thai with the English label
 * beside each Thai one, or (locale 'en') English with the Thai beside it. The data comes from the outbox payload, so the PDF can always be re-rendered.
 */
import { renderToString } from 'preact-render-to-string'
import { formatDateTimeLong } from '#src/platform/i18n/format.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator, type Translator } from '#src/platform/i18n/translator.ts'
import { RawHtml, trustedHtml } from '#src/web/lib/trusted-html.tsx'
import type { PdfRenderer } from './pdf/pdf-renderer.ts'
import { sarabunFontFaceCss } from './pdf/pdf-fonts.ts'

/** Same shape as MailPayloads['registration']['serviceRequest'] (stored in the outbox). */
export type ServiceRequestData = {
  title: string | null
  firstName: string
  lastName: string
  position: string | null
  phone: string | null
  email: string
  businessName: string
  juristicId: string
  businessAddress: string
  /** ISO instant. */
  registeredAt: string
}

const TRANSLATORS = { th: createTranslator('th'), en: createTranslator('en') } as const satisfies Record<Locale, Translator>
const OTHER = { th: 'en', en: 'th' } as const satisfies Record<Locale, Locale>

const PRINT_CSS = `
@page { size: A4; margin: 12mm 15mm 10mm; }
* { box-sizing: border-box; }
html { font-family: 'Sarabun', sans-serif; font-size: 11pt; line-height: 1.35; color: #000; }
body { margin: 0; }
.agency { text-align: center; margin: 0; font-weight: 700; font-size: 12pt; }
.agency-en { text-align: center; margin: 0 0 3mm; font-size: 9.5pt; }
h1 { text-align: center; font-size: 17pt; margin: 0; }
.title-en { text-align: center; margin: 0 0 2mm; font-size: 10.5pt; }
h2 { font-size: 12pt; margin: 4mm 0 1mm; border-bottom: 0.4mm solid #000; padding-bottom: 1mm; }
.en { font-weight: 400; font-size: 9pt; color: #333; }
table.fields { width: 100%; border-collapse: collapse; }
table.fields th { text-align: left; vertical-align: top; font-weight: 400; width: 45%; padding: 0.6mm 3mm 0.6mm 0; }
table.fields td { vertical-align: top; font-weight: 700; padding: 0.6mm 0; border-bottom: 0.2mm dotted #777; }
.declaration { margin: 4mm 0 0; }
.sign { display: flex; gap: 8mm; margin-top: 4mm; break-inside: avoid; }
.sign-box { flex: 1; border: 0.3mm solid #000; padding: 3mm 5mm 0; }
.sign-box h3 { margin: 0 0 5mm; font-size: 11pt; }
.line { margin: 0 0 4.5mm; white-space: nowrap; }
.seal { width: 45mm; min-height: 45mm; border: 0.4mm dashed #000; display: flex; align-items: center; justify-content: center; text-align: center; padding: 3mm; }
.steps { margin: 2mm 0 0; break-inside: avoid; }
.steps ol { margin: 1mm 0 0; padding-left: 6mm; }
.footer { margin-top: 3mm; font-size: 9pt; color: #333; }
`

/** The document's language first, the other one beside it in small type. */
function BilingualLabel({ k, th, en, second }: { k: MessageKey; th: Translator; en: Translator; second: Locale }) {
  return (
    <>
      {th(k)}{' '}
      <span class="en" lang={second}>
        {en(k)}
      </span>
    </>
  )
}

function fullName(d: ServiceRequestData): string {
  const title = d.title?.trim()
  // Thai titles join the first name without a space (นายสมชาย); others take one (Mr. Somchai).
  const prefix = title ? `${title}${/[\u0E00-\u0E7F]$/.test(title) ? '' : ' '}` : ''
  return `${prefix}${d.firstName} ${d.lastName}`
}

function at(iso: string): Date {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) throw new Error('service request: registeredAt is not a valid instant')
  return d
}

export function ServiceRequestDocument({ data, generatedAt, locale = 'th' }: { data: ServiceRequestData; generatedAt: Date; locale?: Locale }) {
  // `th` is the document's language and `en` the other one (named for the Thai original).
  const second = OTHER[locale]
  const th = TRANSLATORS[locale]
  const en = TRANSLATORS[second]
  const Label = (props: { k: MessageKey }) => <BilingualLabel {...props} th={th} en={en} second={second} />
  const notGiven = th('serviceRequest.notGiven')
  const rows: [MessageKey, string][][] = [
    [
      ['serviceRequest.field.businessName', data.businessName],
      ['serviceRequest.field.juristicId', data.juristicId],
      ['serviceRequest.field.address', data.businessAddress],
    ],
    [
      ['serviceRequest.field.name', fullName(data)],
      ['serviceRequest.field.position', data.position?.trim() || notGiven],
      ['serviceRequest.field.phone', data.phone?.trim() || notGiven],
      ['serviceRequest.field.email', data.email],
      ['serviceRequest.field.registeredAt', formatDateTimeLong(at(data.registeredAt), locale)],
    ],
  ]
  const sections: MessageKey[] = ['serviceRequest.section.entity', 'serviceRequest.section.applicant']
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <title>{th('serviceRequest.title')}</title>
        <RawHtml as="style" html={trustedHtml(sarabunFontFaceCss() + PRINT_CSS)} />
      </head>
      <body>
        <p class="agency">{th('common.app.owner')}</p>
        <p class="agency-en" lang={second}>
          {en('common.app.owner')}
        </p>
        <h1>{th('serviceRequest.title')}</h1>
        <p class="title-en" lang={second}>
          {en('serviceRequest.title')}
        </p>
        {sections.map((heading, i) => (
          <section>
            <h2>
              {th(heading)} <span class="en" lang={second}>{en(heading)}</span>
            </h2>
            <table class="fields">
              <tbody>
                {rows[i]!.map(([k, v]) => (
                  <tr>
                    <th scope="row">
                      <Label k={k} />
                    </th>
                    <td>{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <p class="declaration">
          {th('serviceRequest.declaration')}
          <br />
          <span class="en" lang={second}>
            {en('serviceRequest.declaration')}
          </span>
        </p>
        <div class="sign">
          <div class="sign-box">
            <h3>
              <Label k="serviceRequest.signature.heading" />
            </h3>
            <p class="line">
              {th('serviceRequest.signature.sign')} <span class="en" lang={second}>{en('serviceRequest.signature.sign')}</span>{' '}
              ..................................................
            </p>
            <p class="line">
              ( .................................................................. )
              <br />
              <span class="en">
                {th('serviceRequest.signature.printedName')} / <span lang={second}>{en('serviceRequest.signature.printedName')}</span>
              </span>
            </p>
            <p class="line">
              {th('serviceRequest.field.position')} <span class="en" lang={second}>{en('serviceRequest.field.position')}</span>{' '}
              ..................................................
            </p>
            <p class="line">
              {th('serviceRequest.signature.date')} <span class="en" lang={second}>{en('serviceRequest.signature.date')}</span>{' '}
              ........ / ........ / ............
            </p>
          </div>
          <div class="seal">
            <p>
              {th('serviceRequest.seal')}
              <br />
              <span class="en" lang={second}>
                {en('serviceRequest.seal')}
              </span>
            </p>
          </div>
        </div>
        <div class="steps">
          <h2>
            {th('serviceRequest.steps.heading')} <span class="en" lang={second}>{en('serviceRequest.steps.heading')}</span>
          </h2>
          <ol>
            {(['serviceRequest.steps.1', 'serviceRequest.steps.2', 'serviceRequest.steps.3', 'serviceRequest.steps.4'] as const).map((k) => (
              <li>
                {th(k)}
                <br />
                <span class="en" lang={second}>
                  {en(k)}
                </span>
              </li>
            ))}
          </ol>
        </div>
        <p class="footer">
          {th('serviceRequest.generatedAt', { at: formatDateTimeLong(generatedAt, locale) })} ·{' '}
          <span lang={second}>{en('serviceRequest.generatedAt', { at: formatDateTimeLong(generatedAt, second) })}</span>
        </p>
      </body>
    </html>
  )
}

export function renderServiceRequestHtml(data: ServiceRequestData, generatedAt: Date, locale: Locale = 'th'): string {
  return '<!doctype html>' + renderToString(<ServiceRequestDocument data={data} generatedAt={generatedAt} locale={locale} />)
}

export function renderServiceRequestPdf(pdf: PdfRenderer, data: ServiceRequestData, generatedAt: Date, locale: Locale = 'th'): Promise<Buffer> {
  return pdf.render(renderServiceRequestHtml(data, generatedAt, locale))
}
