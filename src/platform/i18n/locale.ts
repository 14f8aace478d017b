export const LOCALES = ['th', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'th'
export const isLocale = (v: unknown): v is Locale => v === 'th' || v === 'en'

/** BCP 47 tags used for Intl formatting. Thai uses the Buddhist calendar by default in ICU. */
export const INTL_TAG = { th: 'th-TH', en: 'en-GB' } as const satisfies Record<Locale, string>
export const TIME_ZONE = 'Asia/Bangkok'

/** Pick a locale from an Accept-Language header (q-values honoured), falling back to Thai. */
export function localeFromAcceptLanguage(header: string | undefined): Locale | undefined {
  if (!header) return undefined
  const ranked = header
    .split(',')
    .slice(0, 20)
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = params.find((p) => p.trim().startsWith('q='))
      return { tag: tag.trim().toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 }
    })
    .filter((x) => x.q > 0)
    .sort((a, b) => b.q - a.q)
  for (const { tag } of ranked) {
    const primary = tag.split('-')[0]
    if (isLocale(primary)) return primary
  }
  return undefined
}

export const otherLocale = (l: Locale): Locale => (l === 'th' ? 'en' : 'th')
