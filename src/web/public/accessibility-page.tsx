import type { PageContext } from '#src/web/lib/page-context.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { formatIsoDateLong } from '#src/platform/i18n/format.ts'

/** Date the statement was last reviewed; update it whenever the statement changes. */
export const ACCESSIBILITY_STATEMENT_REVIEWED = '2026-11-29'

export function AccessibilityPage({ ctx }: { ctx: PageContext }) {
  const { t, locale } = ctx
  return (
    <PageLayout ctx={ctx} title={t('common.a11y.title')}>
      <h1 class="heading-xl">{t('common.a11y.title')}</h1>
      <p class="body-l">{t('common.a11y.lead')}</p>
      <h2 class="heading-l">{t('common.a11y.standard.heading')}</h2>
      <p>{t('common.a11y.standard.body')}</p>
      <h2 class="heading-l">{t('common.a11y.features.heading')}</h2>
      <ul class="list">
        <li>{t('common.a11y.features.keyboard')}</li>
        <li>{t('common.a11y.features.zoom')}</li>
        <li>{t('common.a11y.features.noJs')}</li>
        <li>{t('common.a11y.features.errors')}</li>
        <li>{t('common.a11y.features.language')}</li>
      </ul>
      <h2 class="heading-l">{t('common.a11y.limits.heading')}</h2>
      <p>{t('common.a11y.limits.body')}</p>
      <h2 class="heading-l">{t('common.a11y.contact.heading')}</h2>
      <p>
        {t('common.a11y.contact.body')} <a href="/help">{t('common.nav.help')}</a>
      </p>
      <p class="hint">{t('common.a11y.updated', { date: formatIsoDateLong(ACCESSIBILITY_STATEMENT_REVIEWED, locale) })}</p>
    </PageLayout>
  )
}
