import type { ComponentChildren } from 'preact'
import { ROLE_HOME, can, type Actor } from '#src/identity/permissions.ts'
import { SESSION_IDLE_MS } from '#src/identity/session.model.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { otherLocale } from '#src/platform/i18n/locale.ts'
import { FooterContact } from './contact-details.tsx'

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
  const user = ctx.actor.kind === 'user' ? ctx.actor : undefined
  const csrf = user ? ctx.csrfToken() : undefined
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{fullTitle}</title>
        <meta name="htmx-config" content='{"includeIndicatorStyles":false,"allowScriptTags":false,"allowEval":false}' />
        {csrf ? <meta name="csrf-token" content={csrf} /> : null}
        <link rel="icon" href={ctx.asset('/img/favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={ctx.asset('/css/app.css')} />
        <script src={ctx.asset('/vendor/htmx.min.js')} defer />
        <script src={ctx.asset('/js/app.js')} defer />
        <script src={ctx.asset('/js/thai-address.js')} defer />
      </head>
      <body data-idle-ms={user ? String(SESSION_IDLE_MS) : undefined}>
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
            {user ? <SignedInNav ctx={ctx} user={user} csrf={csrf!} /> : (
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
            )}
          </nav>
        </header>
        {user ? <IdleWarning ctx={ctx} csrf={csrf!} /> : null}
        {user ? (
          <noscript>
            <p class="container hint">{t('auth.session.noscript')}</p>
          </noscript>
        ) : null}
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
                  <a href="/help/contact">{t('support.footer.contact')}</a>
                </li>
                {user ? <li><a href="/account/support">{t('support.mine.title')}</a></li> : null}
                <li>
                  <a href="/accessibility">{t('common.nav.accessibility')}</a>
                </li>
                <li>
                  <a href="/terms#privacy">{t('common.nav.privacy')}</a>
                </li>
              </ul>
            </nav>
            <FooterContact t={t} contact={ctx.contact} />
            <p class="site-footer__owner">© {t('common.footer.rights')}</p>
          </div>
        </footer>
      </body>
    </html>
  )
}

type SignedIn = Extract<Actor, { kind: 'user' }>

const HOME_LABEL = {
  '/portal': 'auth.nav.portal',
  '/staff': 'auth.nav.staff',
  '/admin': 'auth.nav.admin',
} as const

function SignedInNav({ ctx, user, csrf }: { ctx: PageContext; user: SignedIn; csrf: string }) {
  const { t } = ctx
  const home = ROLE_HOME[user.role]
  return (
    <div class="container site-nav__signed-in">
      <ul class="site-nav__list">
        <li>
          <a href={home}>{t(HOME_LABEL[home])}</a>
        </li>
        {can(user, 'entity_users:manage:own') ? (
          <li>
            <a href="/portal/users">{t('auth.nav.users')}</a>
          </li>
        ) : null}
        {home !== '/staff' && can(user, 'staff:access:any') ? (
          <li>
            <a href="/staff">{t('auth.nav.staff')}</a>
          </li>
        ) : null}
        {home !== '/admin' && can(user, 'audit:read:any') ? (
          <li>
            <a href="/admin/audit">{t('audit.title')}</a>
          </li>
        ) : null}
        <li>
          <a href="/account">{t('auth.nav.account')}</a>
        </li>
        <li>
          <a href="/help">{t('common.nav.help')}</a>
        </li>
      </ul>
      <form method="post" action="/auth/logout" class="site-nav__logout">
        <span class="site-nav__user">{t('auth.signedInAs', { name: user.displayName })}</span>
        <input type="hidden" name="_csrf" value={csrf} />
        <button type="submit" class="link-button">
          {t('auth.logout.submit')}
        </button>
      </form>
    </div>
  )
}

/** Shown by assets/js/app.js two minutes before the idle time-out; hidden without JavaScript. */
function IdleWarning({ ctx, csrf }: { ctx: PageContext; csrf: string }) {
  const { t } = ctx
  return (
    <div class="idle-warning" role="alertdialog" aria-modal="false" aria-labelledby="idle-warning-title" aria-describedby="idle-warning-body" data-idle-warning hidden>
      <div class="container">
        <h2 class="heading-m" id="idle-warning-title">
          {t('auth.session.warningTitle')}
        </h2>
        <p class="body" id="idle-warning-body">
          {t('auth.session.warningBody')}
        </p>
        <form method="post" action="/auth/session/extend" data-idle-extend>
          <input type="hidden" name="_csrf" value={csrf} />
          <input type="hidden" name="next" value={ctx.currentPath} />
          <button type="submit" class="button">
            {t('auth.session.stay')}
          </button>
        </form>
        <p class="body" aria-live="polite" data-idle-status data-msg-extended={t('auth.session.extended')} data-msg-failed={t('auth.session.failed')}></p>
      </div>
    </div>
  )
}
