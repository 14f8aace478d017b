import type { PageContext } from '#src/web/lib/page-context.ts'
import { LineQrImage, PhoneNumbers } from '#src/web/components/layout/contact-details.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'

/**
 * Support routing (domain.md §2 item 8): technical → admin; questionnaire content → supervision
 * staff. Their phones and e-mail addresses, and the LINE account, come from configuration (CONTACT_*).
 */
export function HelpPage({ ctx }: { ctx: PageContext }) {
  const { t, contact } = ctx
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
              <dd data-contact-phones>
                <PhoneNumbers t={t} phones={contact[kind].phones} />
              </dd>
              <dt>{t('common.help.email')}</dt>
              <dd>
                <a href={`mailto:${contact[kind].email}`}>{contact[kind].email}</a>
              </dd>
            </dl>
          </section>
        ))}
      </div>
      {contact.line ? (
        <section class="card contact-line" aria-labelledby="help-line" data-help-line>
          <h2 class="heading-m" id="help-line">
            {t('contacts.line.heading')}
          </h2>
          <p>
            <a href={contact.line.url} rel="noopener">
              {t('contacts.line.body', { id: contact.line.id })}
            </a>
          </p>
          <LineQrImage t={t} line={contact.line} size={160} />
        </section>
      ) : null}
      <p class="inset">{t('common.help.hours')}</p>
      <p>{t('common.help.reference')}</p>
    </PageLayout>
  )
}
