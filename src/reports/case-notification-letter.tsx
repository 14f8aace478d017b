/**
 * หนังสือแจ้งการตรวจสอบ: the letter notifying a business of a supervision case (domain.md §7), in
 * Thai, dated in the Buddhist Era written out ("29 พฤศจิกายน 2569"), with the earliest day of
 * fieldwork and the documents requested with their due dates. A Preact print template (A4),
 * printed by deps.pdf with the embedded Sarabun font.
 */
import { renderToString } from 'preact-render-to-string'
import type { NotificationLetterData } from '#src/cases/get-notification-letter.ts'
import { CASE_TYPE_LABEL } from '#src/cases/cases.model.ts'
import { formatDateLong, formatIsoDateLong } from '#src/platform/i18n/format.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { RawHtml, trustedHtml } from '#src/web/lib/trusted-html.tsx'
import type { PdfRenderer } from './pdf/pdf-renderer.ts'
import { sarabunFontFaceCss } from './pdf/pdf-fonts.ts'

const t = createTranslator('th')

const PRINT_CSS = `
@page { size: A4; margin: 20mm 20mm 15mm 25mm; }
html { font-family: 'Sarabun', sans-serif; font-size: 15pt; line-height: 1.45; color: #000; }
body { margin: 0; }
.agency { text-align: right; margin: 0; font-weight: 700; }
.ref, .date { margin: 0; }
.date { text-align: center; margin: 4mm 0; }
.subject { margin: 2mm 0; }
p.body { text-indent: 25mm; margin: 2mm 0; text-align: justify; }
ol { margin: 1mm 0 3mm 25mm; padding-left: 6mm; }
.sign { margin-top: 14mm; margin-left: 80mm; text-align: center; }
`

export const notificationLetterFileName = (d: Pick<NotificationLetterData, 'caseRef'>) => `notification-${d.caseRef}.pdf`

export function NotificationLetterDocument({ data, issuedAt }: { data: NotificationLetterData; issuedAt: Date }) {
  return (
    <html lang="th">
      <head>
        <meta charSet="utf-8" />
        <title>{t('casework.letter.title')}</title>
        <RawHtml as="style" html={trustedHtml(sarabunFontFaceCss() + PRINT_CSS)} />
      </head>
      <body>
        <p class="agency">{t('common.app.owner')}</p>
        <p class="ref">{t('casework.letter.ref', { ref: data.caseRef })}</p>
        <p class="date" id="letter-date">
          {formatDateLong(issuedAt, 'th')}
        </p>
        <p class="subject">
          <strong>{t('casework.letter.subjectLabel')}</strong> {t('casework.letter.subject', { type: t(CASE_TYPE_LABEL[data.caseType]) })}
        </p>
        <p class="subject">
          <strong>{t('casework.letter.toLabel')}</strong> {data.businessName} ({t('casework.letter.juristicId', { id: data.juristicId })})
          <br />
          {data.address}
        </p>
        <p class="body">{t('casework.letter.body', { type: t(CASE_TYPE_LABEL[data.caseType]), from: formatIsoDateLong(data.fieldworkFrom, 'th') })}</p>
        {data.requests.length ? (
          <>
            <p class="body">{t('casework.letter.requests')}</p>
            <ol id="letter-requests">
              {data.requests.map((r, i) => (
                <li key={i}>
                  {r.subject}: {r.body} ({t('casework.letter.dueBy', { date: formatIsoDateLong(r.dueOn, 'th') })})
                </li>
              ))}
            </ol>
          </>
        ) : null}
        <p class="body">{data.officerName ? t('casework.letter.contact', { name: data.officerName }) : t('casework.letter.contactOffice')}</p>
        <p class="body">{t('casework.letter.closing')}</p>
        <div class="sign">
          <p>{t('casework.letter.regards')}</p>
          <p>&nbsp;</p>
          <p>{t('common.app.owner')}</p>
        </div>
      </body>
    </html>
  )
}

export const renderNotificationLetterHtml = (data: NotificationLetterData, issuedAt: Date) => '<!doctype html>' + renderToString(<NotificationLetterDocument data={data} issuedAt={issuedAt} />)

export const renderNotificationLetterPdf = (pdf: PdfRenderer, data: NotificationLetterData, issuedAt: Date) => pdf.render(renderNotificationLetterHtml(data, issuedAt))
