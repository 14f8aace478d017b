/**
 * The one place that owns the htmx contract for forms (house style R17, stack.md §4.2):
 *
 *                     plain POST                     htmx (`HX-Request: true`)
 *   invalid           422 + the full page            200 + the fragment (or the full page)
 *   redirect          303 + Location                 200 + HX-Redirect
 *
 * htmx 2 does not swap 4xx responses, hence the 200. Responses vary on HX-Request.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { VNode } from 'preact'
import type { PageContext } from './page-context.ts'
import { pageContext, sendFragment, sendPage } from './render.tsx'

export type View = (ctx: PageContext) => VNode

export type InvalidOptions = {
  /** Status for a plain post; 422 by default. */
  status?: number
  /** What htmx swaps in (e.g. the error summary and the form); the full page when omitted. */
  fragment?: View
}

export const isHtmxRequest = (req: FastifyRequest) => req.headers['hx-request'] === 'true'

const isLocalPath = (url: string) => url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\')

export function respond(req: FastifyRequest, reply: FastifyReply) {
  const htmx = isHtmxRequest(req)
  reply.header('vary', 'HX-Request')
  return {
    /** Re-render after a validation failure. */
    invalid(page: View, opts: InvalidOptions = {}): FastifyReply {
      if (!htmx) return sendPage(req, reply, page, { status: opts.status ?? 422 })
      if (opts.fragment) return sendFragment(reply, opts.fragment(pageContext(req, reply)), 200)
      return sendPage(req, reply, page, { status: 200 })
    },
    /** After a successful post: go to `url`, a path on this site (never user input). */
    redirect(url: string): FastifyReply {
      if (!isLocalPath(url)) throw new Error(`respond().redirect only takes a local path, got ${JSON.stringify(url)}`)
      if (htmx) return reply.status(200).header('hx-redirect', url).header('cache-control', 'no-store').send('')
      return reply.redirect(url, 303)
    },
  }
}
