import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { PageContext } from './page-context.ts'

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const app = req.server
  return {
    t: req.t,
    locale: req.locale,
    currentPath: req.url,
    actor: req.actor,
    csrfToken: () => reply.generateCsrf(),
    asset: (p) => app.assetUrl(p),
    isProduction: app.deps.config.isProduction,
    contact: app.deps.config.contact,
    requestId: req.id,
  }
}

/** Renders a full HTML page (escaped by Preact) and sends it. */
export function sendPage(
  req: FastifyRequest,
  reply: FastifyReply,
  view: (ctx: PageContext) => VNode,
  opts: { status?: number } = {},
): FastifyReply {
  const html = '<!doctype html>' + renderToString(view(pageContext(req, reply)))
  return reply
    .status(opts.status ?? 200)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(html)
}

/** Renders an HTML fragment (htmx swaps). */
export function sendFragment(reply: FastifyReply, node: VNode, status = 200): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(renderToString(node))
}
