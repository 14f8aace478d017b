import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { DEFAULT_LOCALE, isLocale, localeFromAcceptLanguage, type Locale } from '#src/platform/i18n/locale.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'

export const LANGUAGE_COOKIE = 'amrac_lang'

/** Switch cookie → (profile, once identity lands) → Accept-Language → Thai (house style R21). */
export function resolveLocale(req: Pick<FastifyRequest, 'headers' | 'cookies'>): Locale {
  const fromCookie = req.cookies?.[LANGUAGE_COOKIE]
  if (isLocale(fromCookie)) return fromCookie
  return localeFromAcceptLanguage(req.headers['accept-language']) ?? DEFAULT_LOCALE
}

export const i18nPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('locale', DEFAULT_LOCALE)
  app.decorateRequest('t', null as never)
  app.addHook('onRequest', async (req) => {
    req.locale = resolveLocale(req)
    req.t = createTranslator(req.locale)
  })
})
