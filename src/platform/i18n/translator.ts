import { IntlMessageFormat } from 'intl-messageformat'
import { CATALOGS, type MessageKey } from './catalog.ts'
import { INTL_TAG, TIME_ZONE, type Locale } from './locale.ts'

export type MessageParams = Record<string, string | number | Date>
export type Translator = ((key: MessageKey, params?: MessageParams) => string) & {
  locale: Locale
  /**
   * Set by createTranslator: every text comes from the process's catalogues, which do not change
   * while it runs, so what it rendered may be kept (questions' HTML, web/components/questionnaire/fields/kept-html.tsx).
   */
  processCatalog?: true
}

/** A compiled message, or its text when it has no argument (most labels): nothing to format per render. */
type Compiled = IntlMessageFormat | string
const CACHES: Record<Locale, Map<string, Compiled>> = { th: new Map(), en: new Map() }

/**
 * Texts of published imported questionnaire versions (keys `qv<version>.…`, never app keys), added
 * at start-up and on publish. Looked up only when a key is not in the app catalog and not yet
 * compiled, so the per-render cost is nil. Published versions are frozen, so caching is safe.
 */
const IMPORTED: Record<Locale, Map<string, string>> = { th: new Map(), en: new Map() }

export function registerImportedMessages(messages: Readonly<Record<Locale, Readonly<Record<string, string>>>>): void {
  for (const locale of ['th', 'en'] as const) {
    for (const [key, text] of Object.entries(messages[locale])) {
      if (!Object.hasOwn(CATALOGS[locale], key)) IMPORTED[locale].set(key, text)
    }
  }
}

const compile = (text: string, locale: Locale) => new IntlMessageFormat(text, INTL_TAG[locale], undefined, { formatters: undefined, ignoreTag: true })

/**
 * The text of a message that has no argument, exactly as the formatter prints it; undefined when it
 * has one (formatting without values then throws: every argument needs its value).
 */
function constantText(mf: IntlMessageFormat): string | undefined {
  try {
    return formatted(mf)
  } catch {
    return undefined
  }
}

function compiled(locale: Locale, key: MessageKey): Compiled {
  const cache = CACHES[locale]
  let c = cache.get(key)
  if (c === undefined) {
    const mf = compile((CATALOGS[locale][key] as string | undefined) ?? (IMPORTED[locale].get(key) as string), locale)
    c = constantText(mf) ?? mf
    cache.set(key, c)
  }
  return c
}

const formatted = (c: Compiled, params?: MessageParams) => {
  if (typeof c === 'string') return c
  const out = c.format(params as Record<string, string | number | Date> | undefined)
  return Array.isArray(out) ? out.join('') : String(out)
}

/**
 * `t` with extra texts taking precedence for their keys (a questionnaire version's own messages,
 * e.g. to view or preview a draft that is not registered). Not for hot paths: compiles per translator.
 */
export function withMessages(t: Translator, messages: Readonly<Record<string, string>>): Translator {
  const local = new Map<string, IntlMessageFormat>()
  const out = ((key: MessageKey, params?: MessageParams) => {
    if (!Object.hasOwn(messages, key)) return t(key, params)
    let mf = local.get(key)
    if (!mf) {
      mf = compile(messages[key]!, t.locale)
      local.set(key, mf)
    }
    return formatted(mf, params)
  }) as Translator
  out.locale = t.locale
  return out
}

/** A translator for one request, e-mail or PDF. Nothing switches a process-wide language (R21). */
export function createTranslator(locale: Locale): Translator {
  const t = ((key: MessageKey, params?: MessageParams) => {
    return formatted(compiled(locale, key), params)
  }) as Translator
  t.locale = locale
  t.processCatalog = true
  return t
}

export { TIME_ZONE }
