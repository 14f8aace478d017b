import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { z } from 'zod'
import {
  listLocalMailbox,
  readLocalMail,
  readLocalMailAttachment,
  readLocalMailHtml,
  readLocalMailRaw,
  type LocalMailFile,
} from '#src/notifications/read-local-mail.ts'
import { AppError } from '#src/platform/errors.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { MailboxPage, MailMessagePage } from './mailbox-pages.tsx'

const MailParams = z.object({ id: z.uuid() })
const AttachmentParams = z.object({ id: z.uuid(), index: z.coerce.number().int().min(0).max(99) })

const notFound = () => new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })

function parseParams<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params)
  if (!parsed.success) throw notFound()
  return parsed.data
}

/** A download, never rendered by the browser: attachment disposition, nosniff, RFC 5987 name. */
function sendDownload(reply: FastifyReply, file: LocalMailFile | undefined): FastifyReply {
  if (!file) throw notFound()
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const utf8 = encodeURIComponent(file.filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'no-store')
    .send(file.content)
}

/**
 * /dev/mail: the mail kept locally when SMTP_URL is not set. Registered only outside production
 * (src/server/app.ts), so it is 404 there. The HTML part is offered as a download, not rendered.
 */
export const mailboxRoutes: FastifyPluginAsync = async (app) => {
  const guard = { preHandler: requirePermission('anonymous') }

  app.get('/mail', guard, async (req, reply) => {
    const mails = await listLocalMailbox(app.deps)
    return sendPage(req, reply, (ctx) => <MailboxPage ctx={ctx} mails={mails} />)
  })

  app.get('/mail/:id', guard, async (req, reply) => {
    const mail = await readLocalMail(app.deps, parseParams(MailParams, req.params))
    if (!mail) throw notFound()
    return sendPage(req, reply, (ctx) => <MailMessagePage ctx={ctx} mail={mail} />)
  })

  app.get('/mail/:id/raw', guard, async (req, reply) => sendDownload(reply, await readLocalMailRaw(app.deps, parseParams(MailParams, req.params))))

  app.get('/mail/:id/html', guard, async (req, reply) => sendDownload(reply, await readLocalMailHtml(app.deps, parseParams(MailParams, req.params))))

  app.get('/mail/:id/attachments/:index', guard, async (req, reply) =>
    sendDownload(reply, await readLocalMailAttachment(app.deps, parseParams(AttachmentParams, req.params))),
  )
}
