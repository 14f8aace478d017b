/**
 * What AMLO's letters on a case share (the notification letter, the draft and final inspection
 * reports): the A4 print CSS, the page shell with the embedded Sarabun font, the letter head (agency,
 * reference, date written out in the Buddhist Era), the subject and addressee lines and the
 * signature block. Thai only, like the documents themselves.
 */
import type { ComponentChildren } from 'preact'
import { formatDateLong } from '#src/platform/i18n/format.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { RawHtml, trustedHtml } from '#src/web/lib/trusted-html.tsx'
import { sarabunFontFaceCss } from './pdf/pdf-fonts.ts'

const t = createTranslator('th')

/** The letter's print CSS with `own` (the document's own rules) before the signature block's. */
export const caseLetterCss = (own: string) => `
@page { size: A4; margin: 20mm 20mm 15mm 25mm; }
html { font-family: 'Sarabun', sans-serif; font-size: 15pt; line-height: 1.45; color: #000; }
body { margin: 0; }
.agency { text-align: right; margin: 0; font-weight: 700; }
.ref, .date { margin: 0; }
.date { text-align: center; margin: 4mm 0; }
.subject { margin: 2mm 0; }
${own.trim()}
.sign { margin-top: 14mm; margin-left: 80mm; text-align: center; }
`

/** The page: Thai, the title, the font and `css`, then the letter head, `children` and the signature. */
export function CaseLetter(props: { title: string; css: string; caseRef: string; date: Date; dateId: string; heading?: ComponentChildren; children: ComponentChildren }) {
  return (
    <html lang="th">
      <head>
        <meta charSet="utf-8" />
        <title>{props.title}</title>
        <RawHtml as="style" html={trustedHtml(sarabunFontFaceCss() + props.css)} />
      </head>
      <body>
        <p class="agency">{t('common.app.owner')}</p>
        {props.heading}
        <p class="ref">{t('casework.letter.ref', { ref: props.caseRef })}</p>
        <p class="date" id={props.dateId}>
          {formatDateLong(props.date, 'th')}
        </p>
        {props.children}
        <div class="sign">
          <p>{t('casework.letter.regards')}</p>
          <p>&nbsp;</p>
          <p>{t('common.app.owner')}</p>
        </div>
      </body>
    </html>
  )
}

/** เรื่อง … and เรียน the business (juristic ID), its address. */
export function CaseLetterSubjectAndAddressee({ subject, to }: { subject: string; to: { businessName: string; juristicId: string; address: string } }) {
  return (
    <>
      <p class="subject">
        <strong>{t('casework.letter.subjectLabel')}</strong> {subject}
      </p>
      <p class="subject">
        <strong>{t('casework.letter.toLabel')}</strong> {to.businessName} ({t('casework.letter.juristicId', { id: to.juristicId })})
        <br />
        {to.address}
      </p>
    </>
  )
}
