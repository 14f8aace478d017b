import type { PageContext } from '#src/web/lib/page-context.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'

export function HomePage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('common.home.title')}>
      <h1 class="heading-xl">{t('common.home.title')}</h1>
      <p class="body-l">{t('common.home.lead')}</p>
      <h2 class="heading-l">{t('common.home.start.heading')}</h2>
      <div class="grid">
        <section class="card" aria-labelledby="start-login">
          <h3 class="heading-m" id="start-login">
            <a href="/auth/login">{t('common.home.start.login')}</a>
          </h3>
          <p>{t('common.home.start.loginHint')}</p>
        </section>
        <section class="card" aria-labelledby="start-register">
          <h3 class="heading-m" id="start-register">
            <a href="/auth/register">{t('common.home.start.register')}</a>
          </h3>
          <p>{t('common.home.start.registerHint')}</p>
        </section>
      </div>
      <h2 class="heading-l">{t('common.home.steps.heading')}</h2>
      <ol class="list list--number">
        <li>{t('common.home.steps.1')}</li>
        <li>{t('common.home.steps.2')}</li>
        <li>{t('common.home.steps.3')}</li>
        <li>{t('common.home.steps.4')}</li>
      </ol>
      <h2 class="heading-l">{t('common.home.help.heading')}</h2>
      <p>{t('common.home.help.body')}</p>
      <p>
        <a href="/help">{t('common.home.help.link')}</a>
      </p>
    </PageLayout>
  )
}
