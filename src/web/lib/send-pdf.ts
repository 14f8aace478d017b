/**
 * Sends a PDF printed by Chromium (the case routes: notification letter, draft and final reports):
 * inline under its file name (RFC 6266 / 8187, Thai intact), private, not cached, not sniffed. A
 * print that failed (PdfRenderError) is "try again later" (503), never a raw 500.
 */
import type { FastifyReply } from 'fastify'
import { contentDisposition } from '#src/documents/file-names.rules.ts'
import { AppError } from '#src/platform/errors.ts'
import { PdfRenderError } from '#src/reports/pdf/pdf-renderer.ts'

export async function sendPdf(reply: FastifyReply, fileName: string, render: () => Promise<Buffer>): Promise<FastifyReply> {
  let pdf: Buffer
  try {
    pdf = await render()
  } catch (e) {
    if (e instanceof PdfRenderError) throw new AppError('SERVICE_UNAVAILABLE', { messageKey: 'errors.page.unavailable.title', cause: e })
    throw e
  }
  return reply.type('application/pdf').header('content-disposition', contentDisposition(fileName, 'inline')).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff').send(pdf)
}
