import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import { renderToString } from 'preact-render-to-string'
import type { PageContext } from './page-context.ts'

export function pageContext(req: FastifyRequest, reply: FastifyReply): PageContext {
  const app = req.server
  // One token for every form of the page: generating one is an HMAC and random bytes.
  let csrf: string | undefined
  return {
    t: req.t,
    locale: req.locale,
    currentPath: req.url,
    actor: req.actor,
    csrfToken: () => (csrf ??= reply.generateCsrf()),
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
  // Encoded once here: sent as a string, a page (Thai text, tens of kB) is measured for its
  // content-length and then encoded again to be written.
  const html = Buffer.from('<!doctype html>' + renderToString(view(pageContext(req, reply))), 'utf8')
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
