/**
 * /help/ticket-reply/:token: a requester without an account reads the thread and replies through
 * the signed link mailed with each staff reply (src/support/reply-link.ts). Open to anyone holding
 * a valid token; the token names the one ticket reachable. The reply form carries CSRF like every
 * form (the session is created when the page is shown). A tampered or unknown link gets 404 and an
 * expired one 410, each with a page saying what to do. The token is redacted from logs and the
 * page is served with no referrer (token-urls.ts).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { REPLY_LINK_PATH, verifyReplyToken } from '#src/support/reply-link.ts'
import { findScopedTicket } from '#src/support/get-ticket-thread.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { requesterReply, requesterTicketPage, sendTicketFile, type RequesterPlace } from '#src/web/account/requester-ticket.tsx'
import { ReplyLinkRefusedPage } from '#src/web/account/support-pages.tsx'

type TokenParams = { Params: { token: string } }
const LINK_STATUS = { invalid: 404, expired: 410 } as const

export const ticketLinkRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const open = { preHandler: requirePermission('anonymous') }

  /** The place the token opens, or the refusal page already sent. */
  async function placeOf(req: FastifyRequest<TokenParams>, reply: FastifyReply): Promise<RequesterPlace | undefined> {
    const check = verifyReplyToken(deps.config.sessionSecret, req.params.token, deps.clock.now())
    const reason = !check.ok ? check.reason : (await findScopedTicket(deps, { kind: 'link' }, check.ticketId)) ? undefined : 'invalid'
    if (reason || !check.ok) {
      await sendPage(req, reply, (ctx) => <ReplyLinkRefusedPage ctx={ctx} reason={reason ?? 'invalid'} />, { status: LINK_STATUS[reason ?? 'invalid'] })
      return undefined
    }
    return { scope: { kind: 'link' }, access: { kind: 'link' }, ticketId: check.ticketId, href: `${REPLY_LINK_PATH}/${req.params.token}`, backToList: false }
  }

  app.get<TokenParams>(`${REPLY_LINK_PATH}/:token`, open, async (req, reply) => {
    const place = await placeOf(req, reply)
    return place ? requesterTicketPage(deps, req, reply, place) : reply
  })
  app.post<TokenParams>(`${REPLY_LINK_PATH}/:token`, { ...multipartForm(), ...open }, async (req, reply) => {
    const place = await placeOf(req, reply)
    return place ? requesterReply(deps, req, reply, place) : reply
  })
  app.get<TokenParams>(`${REPLY_LINK_PATH}/:token/screenshot`, open, async (req, reply) => {
    const place = await placeOf(req, reply)
    return place ? sendTicketFile(deps, reply, place) : reply
  })
  app.get<TokenParams & { Params: { messageId: string } }>(`${REPLY_LINK_PATH}/:token/attachments/:messageId`, open, async (req, reply) => {
    const place = await placeOf(req, reply)
    return place ? sendTicketFile(deps, reply, place, req.params.messageId) : reply
  })
}
