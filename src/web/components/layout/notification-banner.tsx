import type { ComponentChildren } from 'preact'
import type { Translator } from '#src/platform/i18n/translator.ts'

export type BannerVariant = 'important' | 'success'

const VARIANT = {
  // Important news that is not the result of an action: a landmark the user may find later.
  important: { class: 'banner', role: 'region', title: 'components.banner.important' },
  // The outcome of what the user just did: announced straight away.
  success: { class: 'banner banner--success', role: 'alert', title: 'components.banner.success' },
} as const satisfies Record<BannerVariant, { class: string; role: 'region' | 'alert'; title: string }>

export type NotificationBannerProps = {
  t: Translator
  variant?: BannerVariant
  /** Header text; "สำคัญ"/"Important" or "สำเร็จ"/"Success" by default. */
  title?: string
  /** Id of the header, which labels the banner; change it when a page shows more than one. */
  titleId?: string
  children: ComponentChildren
}

/** GOV.UK notification banner: role region (important) or alert (success), labelled by its header. */
export function NotificationBanner({ t, variant = 'important', title, titleId = 'banner-title', children }: NotificationBannerProps) {
  const v = VARIANT[variant]
  return (
    <div class={v.class} role={v.role} aria-labelledby={titleId}>
      <h2 class="banner__header" id={titleId}>
        {title ?? t(v.title)}
      </h2>
      <div class="banner__content">{children}</div>
    </div>
  )
}
