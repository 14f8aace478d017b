/**
 * The requester's ticket page and reply, shared by /account/support/:id (signed in, own tickets)
 * and /help/ticket-reply/:token (the signed link). The scope decides which ticket can be reached.
 */
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '#src/server/deps.ts'
import { isAppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { getTicketThread, type TicketScope } from '#src/support/get-ticket-thread.ts'
import { openTicketFile } from '#src/support/open-ticket-file.ts'
import { replyAsRequester, type RequesterAccess } from '#src/support/reply-as-requester.ts'
import { ReplyInput } from '#src/support/support-thread.schemas.ts'
import { decideTicketAction } from '#src/support/ticket-status.rules.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { respond } from '#src/web/lib/respond.ts'
import { downloadHeaders, newFormId, receiveReplyUpload, replyIdempotencyKey } from '#src/web/public/reply-attachment.ts'
import { RequesterTicketPage } from './support-pages.tsx'

export type RequesterPlace = { scope: Exclude<TicketScope, { kind: 'queue' }>; access: RequesterAccess; ticketId: string; href: string; backToList: boolean }
type Problem = { problem?: MessageKey; errors?: FormErrors; values?: RawForm; formId?: string }

export async function requesterTicketPage(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, place: RequesterPlace, p: Problem = {}, status?: number) {
  const thread = await getTicketThread(deps, { scope: place.scope, ticketId: place.ticketId })
  const verdict = decideTicketAction(thread.ticket.status, 'requester_reply', { closedAt: thread.ticket.closedAt, now: deps.clock.now() })
  const flash = status ? undefined : takeFlash(req)
  const view = (ctx: PageContext) => (
    <RequesterTicketPage
      ctx={ctx}
      thread={thread}
      href={place.href}
      canReply={verdict.ok}
      closedTooLong={!verdict.ok && verdict.messageKey === 'support.errors.closedTooLong'}
      maxUploadMb={deps.config.maxUploadMb}
      formId={p.formId ?? newFormId()}
      flash={flash}
      problem={p.problem}
      errors={p.errors}
      values={p.values}
      backToList={place.backToList}
    />
  )
  return status ? respond(req, reply).invalid(view, { status }) : sendPage(req, reply, view)
}

export async function requesterReply(deps: AppDeps, req: FastifyRequest, reply: FastifyReply, place: RequesterPlace) {
  const upload = await receiveReplyUpload({ files: deps.files, maxBytes: deps.config.maxUploadBytes }, req)
  const form = parseForm(ReplyInput, upload.body)
  const formId = typeof upload.body.formId === 'string' ? upload.body.formId : undefined
  if (!form.ok || upload.problem) {
    await upload.discard()
    const errors = { ...(form.ok ? {} : form.errors), ...(upload.problem?.messageKey ? { attachment: upload.problem.messageKey } : {}) }
    return requesterTicketPage(deps, req, reply, place, { errors, values: upload.body, formId }, upload.problem ? upload.problem.httpStatus : 422)
  }
  try {
    const r = await replyAsRequester(deps, {
      actor: req.actor,
      access: place.access,
      ticketId: place.ticketId,
      body: form.value.body,
      attachment: upload.attachment,
      idempotencyKey: replyIdempotencyKey(req, place.ticketId, formId),
      client: { ip: req.ip, userAgent: req.headers['user-agent'] },
    })
    if (!r.isNew) await upload.discard()
  } catch (e) {
    await upload.discard()
    if (isAppError(e) && e.code === 'INVALID_TRANSITION' && e.messageKey) return requesterTicketPage(deps, req, reply, place, { problem: e.messageKey, values: upload.body, formId }, 409)
    throw e
  }
  setFlash(req, 'support.flash.sent')
  return respond(req, reply).redirect(place.href)
}

export async function sendTicketFile(deps: AppDeps, reply: FastifyReply, place: RequesterPlace, messageId?: string) {
  const f = await openTicketFile(deps, { scope: place.scope, ticketId: place.ticketId, messageId })
  return reply.headers({ ...downloadHeaders(f.name, f.mediaType), 'content-length': String(f.size) }).send(f.stream)
}
