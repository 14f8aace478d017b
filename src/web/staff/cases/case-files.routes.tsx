/**
 * Staff download the files a business sent on a case (issue 8; registered under /staff):
 *
 *   GET /cases/:caseId/requests/:requestId/files/:index     a file sent with an answer to an information request
 *   GET /cases/:caseId/remediation/:actionId/files/:index   evidence sent for a remediation action
 *   GET /cases/:caseId/reports/:reportId/response/files/:index   a file sent with the response to a draft report
 *
 * `cases:work:any` like every case route. The request, action or report must belong to the case (else 404);
 * every download is audited (openCaseFile). The file goes out under its display name (RFC 6266 /
 * RFC 8187 `filename*`, Thai names intact) with its stored media type (sniffed at upload), never
 * sniffed again (`nosniff`), and not cached. PDFs and images open in the browser; anything else
 * (Word, Excel) is an attachment and sandboxed. A PDF keeps the app's strict CSP rather than
 * `sandbox`, which stops Chromium's PDF viewer.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { openCaseFile, type CaseFileSource } from '#src/cases/open-case-file.ts'
import { contentDisposition, downloadHeaders } from '#src/documents/file-names.rules.ts'
import { requirePermission } from '#src/web/lib/require-permission.ts'

/** Opened in the browser rather than saved. */
const INLINE = new Set(['application/pdf', 'image/png', 'image/jpeg'])

/** Headers for one business file: inline for PDFs and images, else an attachment. */
export function caseFileHeaders(name: string, mediaType: string, size: number): Record<string, string> {
  const headers: Record<string, string> = { ...downloadHeaders(name, mediaType), 'content-length': String(size) }
  if (!INLINE.has(mediaType)) return headers
  headers['content-disposition'] = contentDisposition(name, 'inline')
  if (mediaType === 'application/pdf') delete headers['content-security-policy']
  return headers
}

export const caseFileRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const guard = { preHandler: requirePermission('cases:work:any') }

  const send = async (req: FastifyRequest, reply: FastifyReply, p: { caseId: string; itemId: string; index: string }, source: CaseFileSource) => {
    const file = await openCaseFile(deps, { actor: req.actor, caseId: p.caseId, source, itemId: p.itemId, index: p.index, ip: req.ip, userAgent: req.headers['user-agent'] })
    return reply.headers(caseFileHeaders(file.displayName, file.mediaType, file.size)).send(file.stream)
  }

  app.get<{ Params: { caseId: string; requestId: string; index: string } }>('/cases/:caseId/requests/:requestId/files/:index', guard, (req, reply) =>
    send(req, reply, { caseId: req.params.caseId, itemId: req.params.requestId, index: req.params.index }, 'information_request'),
  )

  app.get<{ Params: { caseId: string; actionId: string; index: string } }>('/cases/:caseId/remediation/:actionId/files/:index', guard, (req, reply) =>
    send(req, reply, { caseId: req.params.caseId, itemId: req.params.actionId, index: req.params.index }, 'remediation_evidence'),
  )

  app.get<{ Params: { caseId: string; reportId: string; index: string } }>('/cases/:caseId/reports/:reportId/response/files/:index', guard, (req, reply) =>
    send(req, reply, { caseId: req.params.caseId, itemId: req.params.reportId, index: req.params.index }, 'report_response'),
  )
}
