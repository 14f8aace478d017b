import { formatIsoDateLong } from '#src/platform/i18n/format.ts'
import type { ComponentExample } from '../examples.ts'
import { NotificationBanner } from './notification-banner.tsx'

export const notificationBannerExamples: ComponentExample[] = [
  {
    name: 'important',
    render: ({ t, locale }) => (
      <NotificationBanner t={t} titleId="ex-banner-important">
        <p>{t('components.example.bannerBody', { date: formatIsoDateLong('2026-03-31', locale) })}</p>
      </NotificationBanner>
    ),
  },
  {
    name: 'success',
    render: ({ t, locale }) => (
      <NotificationBanner t={t} variant="success" titleId="ex-banner-success">
        <p>{t('components.example.saved', { date: formatIsoDateLong('2025-06-15', locale) })}</p>
      </NotificationBanner>
    ),
  },
  {
    name: 'English, important',
    locale: 'en',
    render: ({ t, locale }) => (
      <NotificationBanner t={t} titleId="ex-banner-en">
        <p>{t('components.example.bannerBody', { date: formatIsoDateLong('2026-03-31', locale) })}</p>
      </NotificationBanner>
    ),
  },
]
