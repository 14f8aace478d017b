/**
 * GET /verify/:ref — the public receipt check (the QR code on the ใบรับ PDF). Open to anyone, no
 * session needed; it confirms only the reference, the business's registered name and the time.
 * Unknown and malformed numbers get the same 404 page. Rate-limited per IP so receipt numbers
 * (sequential per cycle) cannot be enumerated quickly.
 */
import type { FastifyPluginAsync } from 'fastify'
import { verifyReceipt } from '#src/submissions/verify-receipt.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { ReceiptNotFoundPage, VerifyReceiptPage } from './verify-page.tsx'

/** Requests per IP per minute: plenty for people scanning receipts, slow for a script. */
export const VERIFY_RATE_LIMIT = 20

export const verifyRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Params: { ref: string } }>(
    '/verify/:ref',
    { preHandler: [app.rateLimit({ max: VERIFY_RATE_LIMIT, timeWindow: '1 minute' }), requirePermission('anonymous')] },
    async (req, reply) => {
      const receipt = await verifyReceipt(app.deps, { receiptRef: req.params.ref, locale: req.locale })
      reply.header('x-robots-tag', 'noindex')
      if (!receipt) return sendPage(req, reply, (ctx) => <ReceiptNotFoundPage ctx={ctx} />, { status: 404 })
      return sendPage(req, reply, (ctx) => <VerifyReceiptPage ctx={ctx} receipt={receipt} />)
    },
  )
}
