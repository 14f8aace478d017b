import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from 'helmet'
import { hasTokenInUrl } from '#src/web/lib/token-urls.ts'

/**
 * Security headers with a strict CSP: no inline script or style, nothing from other origins
 * (htmx, fonts and styles are served from /assets). HSTS only in production (HTTPS).
 *
 * helmet's middleware is built once here and applied to every response: the @fastify/helmet
 * wrapper built it again on every request (its directives parsed each time, about 2 % of a
 * questionnaire page's CPU).
 */
export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  const isProduction = app.deps.config.isProduction
  // A LINE QR image configured as an https:// URL (CONTACT_LINE_QR) is the one image from elsewhere.
  const qr = app.deps.config.contact.line?.qr
  const qrOrigin = qr?.kind === 'url' && /^https:/i.test(qr.url) ? [new URL(qr.url).origin] : []
  const applyHeaders = helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': ["'self'"],
        'img-src': ["'self'", 'data:', ...qrOrigin],
        'font-src': ["'self'"],
        'connect-src': ["'self'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        'base-uri': ["'none'"],
        'object-src': ["'none'"],
        ...(isProduction ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    strictTransportSecurity: isProduction ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    referrerPolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    crossOriginEmbedderPolicy: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  })
  app.addHook('onRequest', (req, reply, done) => applyHeaders(req.raw, reply.raw, (err?: unknown) => done(err as Error | undefined)))
  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=()')
    // Pages opened from a one-time link must not pass the token on in Referer (ASVS V14.2.1).
    if (hasTokenInUrl(req.url)) reply.header('referrer-policy', 'no-referrer')
    return payload
  })
})
