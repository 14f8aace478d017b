/**
 * Documents the business takes away as PDFs (issue 5), registered at the root:
 *
 *   GET /portal/receipts/:ref/pdf     the submission receipt (ใบรับ), the business's own only
 *   GET /portal/service-request.pdf   the signed-in user's แบบฟอร์มขอใช้บริการ (linked from part ก)
 *   GET /auth/service-request.pdf     the same form for the user who just confirmed their e-mail in
 *                                     this browser (the confirmation page links it); a signed-in
 *                                     business user is sent to the portal copy
 *
 * Every PDF is in the page's language, served inline with a safe file name and never cached.
 */
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { contentDisposition } from '#src/documents/file-names.rules.ts'
import { getServiceRequestData, type ServiceRequestFor } from '#src/identity/get-service-request.ts'
import { AppError } from '#src/platform/errors.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import { PdfRenderError } from '#src/reports/pdf/pdf-renderer.ts'
import { renderServiceRequestPdf } from '#src/reports/service-request.tsx'
import { receiptFileName, renderSubmissionReceiptPdf } from '#src/reports/submission-receipt.tsx'
import { getReceiptDocument } from '#src/submissions/get-receipt-document.ts'
import { notFound } from '#src/submissions/submissions.shared.ts'
import type { AppDeps } from '#src/server/deps.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'

export const SERVICE_REQUEST_PATH = '/portal/service-request.pdf'
export const CONFIRMED_SERVICE_REQUEST_PATH = '/auth/service-request.pdf'
export const receiptPdfPath = (ref: string) => `/portal/receipts/${encodeURIComponent(ref)}/pdf`

/** How long after confirming the e-mail address the form can be downloaded without signing in. */
export const CONFIRMED_DOWNLOAD_MS = 60 * 60_000

/** PDFs per IP per minute (each one is a Chromium print); the basic-report PDF uses it too. */
/** The default of PDF_RATE_LIMIT_PER_MINUTE (config). */
export const PDF_RATE_LIMIT = 30

/** Chromium could not print: a clear "try again later" page (503), never a hang or a raw 500. */
async function printed(work: () => Promise<Buffer>): Promise<Buffer> {
  try {
    return await work()
  } catch (e) {
    if (e instanceof PdfRenderError) throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'errors.page.unavailable.title', cause: e })
    throw e
  }
}

function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string): FastifyReply {
  return reply
    .status(200)
    .header('content-type', 'application/pdf')
    .header('content-disposition', contentDisposition(fileName, 'inline'))
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(pdf)
}

async function sendServiceRequest(deps: AppDeps, reply: FastifyReply, who: ServiceRequestFor, locale: Locale): Promise<FastifyReply> {
  const data = await getServiceRequestData(deps, { ...who, locale })
  if (!data) throw notFound()
  const pdf = await printed(() => renderServiceRequestPdf(deps.pdf, data, deps.clock.now(), locale))
  // The raw registration number (digits only) keeps the file name short and safe.
  const fileName = createTranslator(locale)('email.registration.attachmentName', { juristicId: data.juristicId.replace(/\D/g, '') })
  return sendPdf(reply, pdf, fileName)
}

export const documentsOutRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  const limit = app.rateLimit({ max: app.deps.config.pdfRateLimitPerMinute, timeWindow: '1 minute' })

  app.get<{ Params: { ref: string } }>('/portal/receipts/:ref/pdf', { preHandler: [limit, requirePermission('portal:access:own')] }, async (req, reply) => {
    const data = await getReceiptDocument(deps, { actor: req.actor, receiptRef: req.params.ref, locale: req.locale })
    const pdf = await printed(() => renderSubmissionReceiptPdf(deps.pdf, data, req.locale, deps.clock.now()))
    return sendPdf(reply, pdf, receiptFileName(data.receiptRef, req.locale))
  })

  app.get(SERVICE_REQUEST_PATH, { preHandler: [limit, requirePermission('portal:access:own')] }, (req, reply) =>
    sendServiceRequest(deps, reply, { actor: req.actor }, req.locale),
  )

  app.get(CONFIRMED_SERVICE_REQUEST_PATH, { preHandler: [limit, requirePermission('anonymous')] }, async (req, reply) => {
    const confirmed = req.session.confirmedUser
    if (confirmed && deps.clock.now().getTime() - confirmed.at <= CONFIRMED_DOWNLOAD_MS) {
      return sendServiceRequest(deps, reply, { confirmedUserId: confirmed.userId }, req.locale)
    }
    if (req.actor.kind === 'user' && req.actor.entityId) return reply.redirect(SERVICE_REQUEST_PATH, 303)
    throw notFound()
  })
}
