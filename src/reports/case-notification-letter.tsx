/**
 * หนังสือแจ้งการตรวจสอบ: the letter notifying a business of a supervision case (domain.md §7), in
 * Thai, dated in the Buddhist Era written out ("29 พฤศจิกายน 2569"), with the earliest day of
 * fieldwork and the documents requested with their due dates. A Preact print template (A4),
 * printed by deps.pdf with the embedded Sarabun font.
 */
import { renderToString } from 'preact-render-to-string'
import type { NotificationLetterData } from '#src/cases/get-notification-letter.ts'
import { CASE_TYPE_LABEL } from '#src/cases/cases.model.ts'
import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { CaseLetter, CaseLetterSubjectAndAddressee, caseLetterCss } from './case-letter.tsx'
import type { PdfRenderer } from './pdf/pdf-renderer.ts'

const t = createTranslator('th')

const PRINT_CSS = caseLetterCss(`
p.body { text-indent: 25mm; margin: 2mm 0; text-align: justify; }
ol { margin: 1mm 0 3mm 25mm; padding-left: 6mm; }
`)

export const notificationLetterFileName = (d: Pick<NotificationLetterData, 'caseRef'>) => `notification-${d.caseRef}.pdf`

export function NotificationLetterDocument({ data, issuedAt }: { data: NotificationLetterData; issuedAt: Date }) {
  return (
    <CaseLetter title={t('casework.letter.title')} css={PRINT_CSS} caseRef={data.caseRef} date={issuedAt} dateId="letter-date">
      <CaseLetterSubjectAndAddressee subject={t('casework.letter.subject', { type: t(CASE_TYPE_LABEL[data.caseType]) })} to={data} />
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
    </CaseLetter>
  )
}

export const renderNotificationLetterHtml = (data: NotificationLetterData, issuedAt: Date) => '<!doctype html>' + renderToString(<NotificationLetterDocument data={data} issuedAt={issuedAt} />)

export const renderNotificationLetterPdf = (pdf: PdfRenderer, data: NotificationLetterData, issuedAt: Date) => pdf.render(renderNotificationLetterHtml(data, issuedAt))
