import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isDatabaseBadInput, isDatabaseUnavailable } from '#src/db/errors.ts'
import { isAppError, type AppErrorCode } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { ANONYMOUS } from '#src/identity/permissions.ts'
import { ErrorPage } from '#src/web/components/layout/error-page.tsx'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { resolveLocale } from './i18n.ts'

type ErrorView = { status: number; code: string; titleKey: MessageKey; bodyKey: MessageKey; showReference: boolean }

const PAGE_BY_CODE = {
  BAD_REQUEST: ['errors.page.badRequest.title', 'errors.page.badRequest.body'],
  UNAUTHENTICATED: ['errors.page.unauthenticated.title', 'errors.page.unauthenticated.body'],
  FORBIDDEN: ['errors.page.forbidden.title', 'errors.page.forbidden.body'],
  NOT_FOUND: ['common.notFound.title', 'common.notFound.body'],
  CONFLICT: ['errors.page.conflict.title', 'errors.page.conflict.body'],
  INVALID_TRANSITION: ['errors.page.conflict.title', 'errors.page.conflict.body'],
  VALIDATION: ['errors.page.badRequest.title', 'errors.page.badRequest.body'],
  PAYLOAD_TOO_LARGE: ['errors.page.tooLarge.title', 'errors.page.tooLarge.body'],
  UNSUPPORTED_MEDIA_TYPE: ['errors.page.unsupportedType.title', 'errors.page.unsupportedType.body'],
  RATE_LIMITED: ['errors.page.rateLimited.title', 'errors.page.rateLimited.body'],
  DATABASE_UNAVAILABLE: ['errors.page.unavailable.title', 'errors.page.unavailable.body'],
  SERVICE_UNAVAILABLE: ['errors.page.unavailable.title', 'errors.page.unavailable.body'],
  INSUFFICIENT_STORAGE: ['errors.page.storage.title', 'errors.page.storage.body'],
} as const satisfies Record<AppErrorCode, readonly [MessageKey, MessageKey]>

const view = (status: number, code: AppErrorCode, showReference = false): ErrorView => ({
  status,
  code,
  titleKey: PAGE_BY_CODE[code][0],
  bodyKey: PAGE_BY_CODE[code][1],
  showReference,
})

/** Decides status and page for any thrown error. Internals never reach the user (R19). */
export function classifyError(err: unknown): ErrorView {
  if (isAppError(err)) {
    const v = view(err.httpStatus, err.code, err.httpStatus >= 500)
    // A refused state change says why in the domain's words ("แบบประเมินนี้ส่งแล้ว จึงแก้ไขไม่ได้ …");
    // an unavailable service says which one (e.g. the PDF printer, not the database).
    return err.code === 'INVALID_TRANSITION' || err.code === 'SERVICE_UNAVAILABLE' ? { ...v, bodyKey: err.messageKey } : v
  }
  const fe = err as Partial<FastifyError>
  if (fe.code === 'FST_CSRF_INVALID_TOKEN' || fe.code === 'FST_CSRF_MISSING_SECRET') {
    return { status: 403, code: 'CSRF', titleKey: 'errors.page.csrf.title', bodyKey: 'errors.page.csrf.body', showReference: false }
  }
  if (isDatabaseUnavailable(err)) return view(503, 'DATABASE_UNAVAILABLE', true)
  if (isDatabaseBadInput(err)) return view(400, 'BAD_REQUEST')
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500
  if (status === 413) return view(413, 'PAYLOAD_TOO_LARGE')
  if (status === 415) return view(415, 'UNSUPPORTED_MEDIA_TYPE')
  if (status === 429) return view(429, 'RATE_LIMITED')
  if (status === 404) return view(404, 'NOT_FOUND')
  if (status === 503) return view(503, 'SERVICE_UNAVAILABLE', true)
  if (status >= 400 && status < 500) return { ...view(status, 'BAD_REQUEST'), status }
  return { status: 500, code: 'INTERNAL', titleKey: 'errors.page.server.title', bodyKey: 'errors.page.server.body', showReference: true }
}

const wantsJson = (req: FastifyRequest) => {
  const accept = req.headers.accept ?? ''
  return accept.includes('application/json') && !accept.includes('text/html')
}

export function sendError(req: FastifyRequest, reply: FastifyReply, v: ErrorView): FastifyReply {
  // Errors can happen before the i18n hook ran (e.g. a malformed body): resolve the language here.
  if (!req.t) {
    req.locale = resolveLocale(req)
    req.t = createTranslator(req.locale)
  }
  req.actor ??= ANONYMOUS
  if (v.status === 503) reply.header('retry-after', '5')
  // A page that needs signing in sends people to sign in first, then back (only for GET).
  if (v.code === 'UNAUTHENTICATED' && req.method === 'GET' && !wantsJson(req) && req.headers['hx-request'] !== 'true') {
    return reply.redirect(`/auth/login?next=${encodeURIComponent(req.url)}`, 303)
  }
  if (wantsJson(req)) {
    return reply.status(v.status).header('cache-control', 'no-store').send({ error: v.code.toLowerCase(), ref: req.id })
  }
  return sendPage(
    req,
    reply,
    (ctx) => <ErrorPage ctx={ctx} titleKey={v.titleKey} bodyKey={v.bodyKey} reference={v.showReference ? req.id : undefined} />,
    { status: v.status },
  )
}

export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setErrorHandler((err, req, reply) => {
    const v = classifyError(err)
    if (v.status >= 500) req.log.error({ err, ref: req.id, status: v.status }, 'request failed')
    else req.log.info({ code: v.code, status: v.status, errCode: (err as FastifyError).code }, 'request refused')
    // A page that cannot be rendered (e.g. the CSRF token needs a broken session store) must not
    // turn into a raw 500: fall back to plain text with the reference.
    try {
      return sendError(req, reply, v)
    } catch (renderErr) {
      req.log.error({ err: renderErr, ref: req.id }, 'error page failed to render')
      return reply.status(v.status).type('text/plain; charset=utf-8').send(`${v.status} – ref ${req.id}`)
    }
  })
  app.setNotFoundHandler(
    {
      preHandler: [
        app.rateLimit({ max: 120, timeWindow: '1 minute' }),
        requirePermission('anonymous'),
      ],
    },
    (req, reply) => sendError(req, reply, view(404, 'NOT_FOUND')),
  )
})
