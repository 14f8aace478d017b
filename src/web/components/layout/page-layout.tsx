import type { ComponentChildren } from 'preact'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { otherLocale } from '#src/platform/i18n/locale.ts'

export type PageLayoutProps = {
  ctx: PageContext
  title: string
  /** Prefix the <title> with "ข้อผิดพลาด:" / "Error:" after a failed post (GOV.UK pattern). */
  hasErrors?: boolean
  children: ComponentChildren
}

/** The shell of every page: skip link, header with language switch, main, footer. */
export function PageLayout({ ctx, title, hasErrors = false, children }: PageLayoutProps) {
  const { t, locale } = ctx
  const other = otherLocale(locale)
  const fullTitle = `${hasErrors ? `${t('common.errorTitlePrefix')} ` : ''}${title} – ${t('common.app.name')}`
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowScriptTags":false,"allowEval":false}' />
        <link rel="icon" href={ctx.asset('/img/favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.asset('/css/app.css')} />
        <script src={ctx.asset('/vendor/htmx.min.js')} defer />
        <script src={ctx.asset('/js/app.js')} defer />
      </head>
      <body>
        <a href="#main" class="skip-link">
          {t('common.skipLink')}
        </a>
        <header class="site-header">
          <div class="container site-header__inner">
            <a href="/" class="site-header__brand">
              <span class="site-header__name">{t('common.app.name')}</span>
              <span class="site-header__full">{t('common.app.fullName')}</span>
            </a>
            <a
              class="site-header__lang"
              href={`/language/${other}?next=${encodeURIComponent(ctx.currentPath)}`}
              hrefLang={other}
              lang={other}
            >
              {t('common.language.switchTo')}
            </a>
          </div>
          <nav class="site-nav" aria-label={t('common.nav.label')}>
            <ul class="container site-nav__list">
              <li>
                <a href="/">{t('common.nav.home')}</a>
              </li>
              <li>
                <a href="/auth/login">{t('common.nav.login')}</a>
              </li>
              <li>
                <a href="/auth/register">{t('common.nav.register')}</a>
              </li>
              <li>
                <a href="/help">{t('common.nav.help')}</a>
              </li>
            </ul>
          </nav>
        </header>
        <main id="main" class="container main" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <nav aria-label={t('common.footer.links')}>
              <ul class="site-footer__links">
                <li>
                  <a href="/help">{t('common.nav.help')}</a>
                </li>
                <li>
                  <a href="/accessibility">{t('common.nav.accessibility')}</a>
                </li>
              </ul>
            </nav>
            <p class="site-footer__owner">© {t('common.footer.rights')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}
