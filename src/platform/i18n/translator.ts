import { IntlMessageFormat } from 'intl-messageformat'
import { CATALOGS, type MessageKey } from './catalog.ts'
import { INTL_TAG, TIME_ZONE, type Locale } from './locale.ts'

export type MessageParams = Record<string, string | number | Date>
export type Translator = ((key: MessageKey, params?: MessageParams) => string) & { locale: Locale }

const cache = new Map<string, IntlMessageFormat>()

function compiled(locale: Locale, key: MessageKey): IntlMessageFormat {
  const id = `${locale}\u0000${key}`
  let mf = cache.get(id)
  if (!mf) {
    mf = new IntlMessageFormat(CATALOGS[locale][key], INTL_TAG[locale], undefined, {
      formatters: undefined,
      ignoreTag: true,
    })
    cache.set(id, mf)
  }
  return mf
}

/** A translator for one request, e-mail or PDF. Nothing switches a process-wide language (R21). */
export function createTranslator(locale: Locale): Translator {
  const t = ((key: MessageKey, params?: MessageParams) => {
    const mf = compiled(locale, key)
    const out = mf.format(params as Record<string, string | number | Date> | undefined)
    return Array.isArray(out) ? out.join('') : String(out)
  }) as Translator
  t.locale = locale
  return t
}

export { TIME_ZONE }
