import type { Flash } from '#src/web/lib/flash.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { NotificationBanner } from './notification-banner.tsx'

/** The outcome of the last action, shown once after a redirect (a success banner, role alert). */
export function FlashBanner({ t, flash }: { t: Translator; flash?: Flash }) {
  if (!flash) return null
  return (
    <NotificationBanner t={t} variant="success">
      <p class="body">{t(flash.key, flash.params)}</p>
    </NotificationBanner>
  )
}
