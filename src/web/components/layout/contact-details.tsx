/**
 * Contact channels from configuration (CONTACT_* in src/platform/config.ts), shown in the footer,
 * on /help and after a contact-form post. Nothing here is hard-coded: change the environment.
 */
import type { ContactConfig, ContactPhone } from '#src/platform/config.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'

/** Where the LINE QR image is served when it is a file or drawn by the server. */
export const LINE_QR_PATH = '/help/line-qr'

/** `tel:` URI (RFC 3966) of a Thai number: +66 without the leading 0, then the extension. */
export const telHref = (p: ContactPhone) => `tel:+66${p.number.replace(/[^0-9]/g, '').replace(/^0/, '')}${p.ext ? `;ext=${p.ext}` : ''}`

export function PhoneNumbers({ t, phones }: { t: Translator; phones: readonly ContactPhone[] }) {
  return (
    <>
      {phones.map((p, i) => (
        <span class="contact-phone" key={i}>
          {i > 0 ? ', ' : null}
          <a href={telHref(p)}>{p.number}</a>
          {p.ext ? ` ${t('contacts.extension', { ext: p.ext })}` : null}
        </span>
      ))}
    </>
  )
}

export function LineQrImage({ t, line, size = 120 }: { t: Translator; line: NonNullable<ContactConfig['line']>; size?: number }) {
  const src = line.qr?.kind === 'url' ? line.qr.url : LINE_QR_PATH
  return <img class="contact-line__qr" src={src} width={size} height={size} alt={t('contacts.line.qrAlt', { id: line.id })} />
}

/** The footer block: system-support e-mail and phones, and LINE with its QR code when configured. */
export function FooterContact({ t, contact }: { t: Translator; contact: ContactConfig }) {
  const { technical, line } = contact
  return (
    <section class="site-footer__contact" aria-labelledby="footer-contact" data-footer-contact>
      <h2 class="heading-s" id="footer-contact">
        {t('contacts.footer.heading')}
      </h2>
      <dl class="site-footer__contact-list">
        <dt>{t('contacts.phone')}</dt>
        <dd>
          <PhoneNumbers t={t} phones={technical.phones} />
        </dd>
        <dt>{t('contacts.email')}</dt>
        <dd>
          <a href={`mailto:${technical.email}`}>{technical.email}</a>
        </dd>
        {line ? (
          <>
            <dt>{t('contacts.line.label')}</dt>
            <dd>
              <a href={line.url} rel="noopener">
                {t('contacts.line.id', { id: line.id })}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      {line ? <LineQrImage t={t} line={line} size={96} /> : null}
    </section>
  )
}
