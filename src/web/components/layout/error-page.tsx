import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { PageLayout } from './page-layout.tsx'

export type ErrorPageProps = {
  ctx: PageContext
  titleKey: MessageKey
  bodyKey: MessageKey
  /** Shown for server faults so support can find the log line. */
  reference?: string
}

export function ErrorPage({ ctx, titleKey, bodyKey, reference }: ErrorPageProps) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t(titleKey)}>
      <h1 class="heading-xl">{t(titleKey)}</h1>
      <p class="body-l">{t(bodyKey)}</p>
      {reference ? (
        <p class="body">
          <strong>{t('common.reference', { ref: reference })}</strong>
        </p>
      ) : null}
      <p class="body">
        <a href="/">{t('common.backHome')}</a>
      </p>
    </PageLayout>
  )
}
