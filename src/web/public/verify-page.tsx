/**
 * The public receipt check behind the QR code on the ใบรับ PDF: only the receipt number, the
 * business's registered name and the submission time — or "ไม่พบใบรับเลขที่นี้".
 */
import { formatDateTimeLong, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { VerifiedReceipt } from '#src/submissions/verify-receipt.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'

export function VerifyReceiptPage({ ctx, receipt }: { ctx: PageContext; receipt: VerifiedReceipt }) {
  const { t, locale } = ctx
  const rows: [MessageKey, string, string][] = [
    ['verify.field.ref', receipt.receiptRef, 'verify-ref'],
    ['verify.field.business', receipt.businessName, 'verify-business'],
    ['verify.field.time', `${formatDateTimeLong(receipt.submittedAt, locale)} (${formatDateTimeNumeric(receipt.submittedAt)})`, 'verify-time'],
  ]
  return (
    <PageLayout ctx={ctx} title={t('verify.title')}>
      <div class="panel panel--confirmation">
        <h1 class="panel__title">{t('verify.found.heading')}</h1>
        <p class="panel__body">{t('verify.found.body')}</p>
      </div>
      <dl class="summary-list">
        {rows.map(([k, v, id]) => (
          <div class="summary-list__row" key={k}>
            <dt class="summary-list__key">{t(k)}</dt>
            <dd class="summary-list__value" id={id}>
              {v}
            </dd>
          </div>
        ))}
      </dl>
      <p class="body">{t('verify.found.note')}</p>
    </PageLayout>
  )
}

export function ReceiptNotFoundPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('verify.notFound.title')}>
      <h1 class="heading-xl">{t('verify.notFound.title')}</h1>
      <p class="body-l">{t('verify.notFound.body')}</p>
      <p class="body">
        <a href="/">{t('common.backHome')}</a>
      </p>
    </PageLayout>
  )
}
