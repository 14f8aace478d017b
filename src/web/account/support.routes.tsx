/**
 * /account/support: a signed-in requester's own tickets (those they sent while signed in) and the
 * replies to them. Scoped to the actor's user id in the repository (R16): another person's ticket
 * is "not found".
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { listOwnTickets } from '#src/support/list-support-queue.ts'
import { ACCOUNT_SUPPORT_PATH } from '#src/support/notify-support.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { requesterReply, requesterTicketPage, sendTicketFile, type RequesterPlace } from './requester-ticket.tsx'
import { MyTicketsPage } from './support-pages.tsx'

type TicketParams = { Params: { id: string } }

const userId = (req: FastifyRequest) => (req.actor.kind === 'user' ? req.actor.id : '')
const place = (req: FastifyRequest<TicketParams>): RequesterPlace => ({
  scope: { kind: 'account', userId: userId(req) },
  access: { kind: 'account', userId: userId(req) },
  ticketId: req.params.id,
  href: `${ACCOUNT_SUPPORT_PATH}/${req.params.id}`,
  backToList: true,
})

export const accountSupportRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const own = { preHandler: requirePermission('account:update:own') }

  app.get('/', own, async (req, reply) => {
    const items = await listOwnTickets(deps, { userId: userId(req) })
    return sendPage(req, reply, (ctx) => <MyTicketsPage ctx={ctx} items={items} />)
  })
  app.get<TicketParams>('/:id', own, (req, reply) => requesterTicketPage(deps, req, reply, place(req)))
  app.post<TicketParams>('/:id', { ...multipartForm(), ...own }, (req, reply) => requesterReply(deps, req, reply, place(req)))
  app.get<TicketParams>('/:id/screenshot', own, (req, reply) => sendTicketFile(deps, reply, place(req)))
  app.get<{ Params: { id: string; messageId: string } }>('/:id/attachments/:messageId', own, (req, reply) =>
    sendTicketFile(deps, reply, { ...place(req), ticketId: req.params.id }, req.params.messageId),
  )
}
