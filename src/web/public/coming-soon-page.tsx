import type { PageContext } from '#src/web/lib/page-context.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'

export function ComingSoonPage({ ctx, service }: { ctx: PageContext; service: string }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={service}>
      <h1 class="heading-xl">{service}</h1>
      <div class="banner" role="region" aria-labelledby="coming-soon-title">
        <h2 class="banner__header" id="coming-soon-title">
          {t('common.comingSoon.title')}
        </h2>
        <div class="banner__content">
          <p>{t('common.comingSoon.body', { service })}</p>
        </div>
      </div>
      <p>
        <a href="/">{t('common.comingSoon.back')}</a>
      </p>
    </PageLayout>
  )
}
