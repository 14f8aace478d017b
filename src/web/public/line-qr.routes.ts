/**
 * GET /help/line-qr: the LINE QR image of the footer and /help. A configured file
 * (CONTACT_LINE_QR, checked at start-up) is sent as is; without one the server draws the QR code of
 * the LINE account's link (CONTACT_LINE_ID). A configured URL is linked directly, not served here.
 */
import fs from 'node:fs/promises'
import path from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import QRCode from 'qrcode'
import { AppError } from '#src/platform/errors.ts'
import { LINE_QR_PATH } from '#src/web/components/layout/contact-details.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.webp': 'image/webp',
}

export const lineQrRoutes: FastifyPluginAsync = async (app) => {
  const line = app.deps.config.contact.line
  let drawn: string | undefined
  app.get(LINE_QR_PATH, { preHandler: requirePermission('anonymous') }, async (_req, reply) => {
    if (!line || line.qr?.kind === 'url') throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
    reply.header('cache-control', 'public, max-age=3600').header('x-content-type-options', 'nosniff')
    if (line.qr?.kind === 'file') {
      const type = IMAGE_TYPES[path.extname(line.qr.path).toLowerCase()] ?? 'application/octet-stream'
      return reply.type(type).send(await fs.readFile(line.qr.path))
    }
    drawn ??= await QRCode.toString(line.url, { type: 'svg', margin: 2, errorCorrectionLevel: 'M' })
    return reply.type('image/svg+xml').send(drawn)
  })
}
