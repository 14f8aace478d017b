import type { PageContext } from '#src/web/lib/page-context.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'

/** Support routing (domain.md §2 item 8): technical → admin; questionnaire content → supervision staff. */
export const SUPPORT_CONTACTS = {
  technical: { phone: '0 2219 3600', email: 'amrac-admin@amlo.go.th' },
  content: { phone: '0 2219 3600', email: 'amrac-supervision@amlo.go.th' },
} as const

export function HelpPage({ ctx }: { ctx: PageContext }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('common.help.title')}>
      <h1 class="heading-xl">{t('common.help.title')}</h1>
      <p class="body-l">{t('common.help.lead')}</p>
      <section class="card" aria-labelledby="help-form">
        <h2 class="heading-m" id="help-form">
          {t('support.help.formHeading')}
        </h2>
        <p>{t('support.help.formBody')}</p>
        <p>
          <a class="button button--start" href="/help/contact">
            {t('support.help.formLink')}
          </a>
        </p>
      </section>
      <div class="grid">
        {(['technical', 'content'] as const).map((kind) => (
          <section class="card" aria-labelledby={`help-${kind}`} key={kind}>
            <h2 class="heading-m" id={`help-${kind}`}>
              {t(kind === 'technical' ? 'common.help.technical.heading' : 'common.help.content.heading')}
            </h2>
            <p>{t(kind === 'technical' ? 'common.help.technical.body' : 'common.help.content.body')}</p>
            <dl>
              <dt>{t('common.help.phone')}</dt>
              <dd>{SUPPORT_CONTACTS[kind].phone}</dd>
              <dt>{t('common.help.email')}</dt>
              <dd>
                <a href={`mailto:${SUPPORT_CONTACTS[kind].email}`}>{SUPPORT_CONTACTS[kind].email}</a>
              </dd>
            </dl>
          </section>
        ))}
      </div>
      <p class="inset">{t('common.help.hours')}</p>
      <p>{t('common.help.reference')}</p>
    </PageLayout>
  )
}
