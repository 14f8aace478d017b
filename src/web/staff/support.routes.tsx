/**
 * Support queues (issue 7), one module registered twice (app.ts): the technical queue at
 * /admin/support for admins, the supervision queue at /staff/support for examiners and
 * supervisors. Every route declares its queue's permission (R5) and loads tickets of that queue
 * only. Forms post with CSRF and answer 303 (R17); the reply form is multipart (attachment).
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import type { Permission } from '#src/identity/permissions.ts'
import { isAppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { answerTicket } from '#src/support/answer-ticket.ts'
import { getTicketThread } from '#src/support/get-ticket-thread.ts'
import { listSupportQueue } from '#src/support/list-support-queue.ts'
import { moveTicket } from '#src/support/move-ticket.ts'
import { QUEUE_PATH } from '#src/support/notify-support.ts'
import { openTicketFile } from '#src/support/open-ticket-file.ts'
import { setTicketStatus } from '#src/support/set-ticket-status.ts'
import type { StaffActor } from '#src/support/support-deps.ts'
import { MoveInput, QueueQuery, ReplyInput } from '#src/support/support-thread.schemas.ts'
import { OTHER_QUEUE, type SupportQueue } from '#src/support/support.rules.ts'
import { availableTicketActions, hoursBetween } from '#src/support/ticket-status.rules.ts'
import { downloadHeaders, newFormId, receiveReplyUpload, replyIdempotencyKey } from '#src/web/public/reply-attachment.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import { parseForm, parseQuery, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { QUEUE_LABEL } from '#src/web/components/support/ticket-thread.tsx'
import { StaffTicketPage, SupportQueuePage } from './support-pages.tsx'

export const QUEUE_PERMISSION = {
  admin: 'support_technical:answer:any',
  supervision: 'support_content:answer:any',
} as const satisfies Record<SupportQueue, Permission>

type TicketParams = { Params: { id: string } }
type FileParams = { Params: { id: string; messageId: string } }
type Problem = { problem?: MessageKey; replyErrors?: FormErrors; moveErrors?: FormErrors; values?: RawForm; formId?: string }

const client = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })
const staffActor = (req: FastifyRequest) => req.actor as StaffActor
/** A refused transition (the ticket changed meanwhile) is shown on the page, not as an error page. */
const isRefusal = (e: unknown): e is { messageKey: MessageKey } => isAppError(e) && e.code === 'INVALID_TRANSITION' && e.messageKey !== undefined

export const supportQueueRoutes: FastifyPluginAsync<{ queue: SupportQueue }> = async (app, opts) => {
  const { deps } = app
  const { queue } = opts
  const base = QUEUE_PATH[queue]
  const guard = { preHandler: requirePermission(QUEUE_PERMISSION[queue]) }
  const scope = { kind: 'queue', queue } as const

  async function ticketPage(req: FastifyRequest<TicketParams>, reply: FastifyReply, p: Problem = {}, status?: number) {
    const thread = await getTicketThread(deps, { scope, ticketId: req.params.id })
    const now = deps.clock.now()
    const actions = availableTicketActions(thread.ticket.status, 'staff', { closedAt: thread.ticket.closedAt, now })
    const flash = status ? undefined : takeFlash(req)
    const view = (ctx: Parameters<typeof StaffTicketPage>[0]['ctx']) => (
      <StaffTicketPage
        ctx={ctx}
        queue={queue}
        base={base}
        thread={thread}
        actions={actions}
        hoursOpen={hoursBetween(thread.ticket.createdAt, now)}
        maxUploadMb={deps.config.maxUploadMb}
        formId={p.formId ?? newFormId()}
        flash={flash}
        problem={p.problem}
        replyErrors={p.replyErrors}
        moveErrors={p.moveErrors}
        values={p.values}
      />
    )
    return status ? respond(req, reply).invalid(view, { status }) : sendPage(req, reply, view)
  }

  app.get('/', guard, async (req, reply) => {
    const q = parseQuery(QueueQuery, req.query)
    const view = await listSupportQueue(deps, { queue, status: q.status })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <SupportQueuePage ctx={ctx} queue={queue} base={base} view={view} flash={flash} />)
  })

  app.get<TicketParams>('/:id', guard, (req, reply) => ticketPage(req, reply))

  app.post<TicketParams>('/:id/reply', { ...multipartForm(), ...guard }, async (req, reply) => {
    const upload = await receiveReplyUpload({ files: deps.files, maxBytes: deps.config.maxUploadBytes }, req)
    const form = parseForm(ReplyInput, upload.body)
    const formId = typeof upload.body.formId === 'string' ? upload.body.formId : undefined
    if (!form.ok || upload.problem) {
      await upload.discard()
      const replyErrors = { ...(form.ok ? {} : form.errors), ...(upload.problem?.messageKey ? { attachment: upload.problem.messageKey } : {}) }
      return ticketPage(req, reply, { replyErrors, values: upload.body, formId }, upload.problem ? upload.problem.httpStatus : 422)
    }
    try {
      const r = await answerTicket(deps, {
        actor: staffActor(req),
        queue,
        ticketId: req.params.id,
        body: form.value.body,
        attachment: upload.attachment,
        idempotencyKey: replyIdempotencyKey(req, req.params.id, formId),
        client: client(req),
      })
      if (!r.isNew) await upload.discard()
    } catch (e) {
      await upload.discard()
      if (isRefusal(e)) return ticketPage(req, reply, { problem: e.messageKey, values: upload.body, formId }, 409)
      throw e
    }
    setFlash(req, 'support.flash.replied')
    return respond(req, reply).redirect(`${base}/${req.params.id}`)
  })

  for (const action of ['close', 'reopen'] as const) {
    app.post<TicketParams>(`/:id/${action}`, guard, async (req, reply) => {
      try {
        await setTicketStatus(deps, { actor: staffActor(req), queue, ticketId: req.params.id, action, client: client(req) })
      } catch (e) {
        if (isRefusal(e)) return ticketPage(req, reply, { problem: e.messageKey }, 409)
        throw e
      }
      setFlash(req, action === 'close' ? 'support.flash.closed' : 'support.flash.reopened')
      return respond(req, reply).redirect(`${base}/${req.params.id}`)
    })
  }

  app.post<TicketParams>('/:id/move', guard, async (req, reply) => {
    const form = parseForm(MoveInput, req.body)
    if (!form.ok) {
      // Not found stays not found (getTicketThread in ticketPage throws it).
      return ticketPage(req, reply, { moveErrors: form.errors, values: form.values }, 422)
    }
    try {
      await moveTicket(deps, { actor: staffActor(req), queue, ticketId: req.params.id, reason: form.value.reason, client: client(req) })
    } catch (e) {
      if (isRefusal(e)) return ticketPage(req, reply, { problem: e.messageKey, values: form.value }, 409)
      throw e
    }
    // The ticket now belongs to the other team: back to this queue.
    setFlash(req, 'support.flash.moved', { team: req.t(QUEUE_LABEL[OTHER_QUEUE[queue]]) })
    return respond(req, reply).redirect(base)
  })

  app.get<TicketParams>('/:id/screenshot', guard, async (req, reply) => {
    const f = await openTicketFile(deps, { scope, ticketId: req.params.id })
    return reply.headers({ ...downloadHeaders(f.name, f.mediaType), 'content-length': String(f.size) }).send(f.stream)
  })

  app.get<FileParams>('/:id/attachments/:messageId', guard, async (req, reply) => {
    const f = await openTicketFile(deps, { scope, ticketId: req.params.id, messageId: req.params.messageId })
    return reply.headers({ ...downloadHeaders(f.name, f.mediaType), 'content-length': String(f.size) }).send(f.stream)
  })
}
