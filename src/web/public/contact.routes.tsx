/**
 * /help/contact: the help form (product brief step 6), with an optional screenshot.
 *
 * Multipart and CSRF: see src/web/lib/multipart-form.ts. The text fields before the file (the
 * CSRF token first) are read in preValidation, the global CSRF check and requirePermission run,
 * and only then does the handler stream the file through receiveUpload. A refused post stores
 * nothing.
 * A screenshot sent with a post that fails validation is kept (contact-screenshot.ts).
 */
import { createHash, randomBytes } from 'node:crypto'
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { listActiveBusinessTypes } from '#src/entities/business-types.repo.ts'
import { normaliseThaiId13 } from '#src/entities/juristic-id.rules.ts'
import { cleanPersonName } from '#src/identity/identity.rules.ts'
import { createSupportTicket } from '#src/support/create-support-ticket.ts'
import { getContactDefaults } from '#src/support/get-contact-defaults.ts'
import { BUSINESS_NAME_MAX, ContactInput } from '#src/support/support.schemas.ts'
import {
  isSupportTopic,
  SUPPORT_CATEGORIES,
  SUPPORT_TOPICS,
  TICKET_REFERENCE_PATTERN,
  type SupportQueue,
} from '#src/support/support.rules.ts'
import { multipartForm } from '#src/web/lib/multipart-form.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm, parseQuery, type FormErrors, type RawForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { CONTACT_ACTION, CONTACT_SENT_PATH, ContactPage, ContactSentPage, type KeptScreenshot } from './contact-page.tsx'
import { forgetKeptScreenshot, receiveContactUpload, type PendingScreenshot } from './contact-screenshot.ts'

declare module 'fastify' {
  interface Session {
    /** The last few tickets this session created: the "sent" page shows only these. */
    supportTicketsSent?: { reference: string; queue: SupportQueue }[]
  }
}

const ContactQuery = z.object({
  category: z.enum(SUPPORT_CATEGORIES).optional().catch(undefined),
  topic: z.enum(SUPPORT_TOPICS).optional().catch(undefined),
  /** What the person typed on the registration page: a name or a juristic number. */
  business: z.string().max(300).optional().catch(undefined),
})
const SentQuery = z.object({ ref: z.string().max(40).regex(TICKET_REFERENCE_PATTERN).optional().catch(undefined) })

const newFormId = () => randomBytes(18).toString('base64url')
const FORM_ID = /^[A-Za-z0-9_-]{16,64}$/
const SENT_KEPT = 5

/** The business typed on the registration page goes to the number field when it is digits. */
function fromTypedBusiness(raw: string): RawForm {
  const typed = cleanPersonName(raw)
  if (!typed) return {}
  const digits = normaliseThaiId13(typed)
  if (/^\d{8,20}$/.test(digits)) return { juristicId: digits }
  return { businessName: [...typed].slice(0, BUSINESS_NAME_MAX).join('') }
}

const asKept = (s: PendingScreenshot | undefined): KeptScreenshot | undefined =>
  s ? { token: s.token, name: s.name, size: s.size } : undefined

export const contactRoutes: FastifyPluginAsync = async (app) => {
  const { files, config, database } = app.deps

  type FormState = { values: RawForm; formId: string; topic?: string; errors?: FormErrors; screenshot?: PendingScreenshot }
  /** The form page as a view (the business types come from the reference table). */
  const formView = async (props: FormState) => {
    const businessTypes = await listActiveBusinessTypes(database.db)
    return (ctx: PageContext) => (
      <ContactPage
        ctx={ctx}
        businessTypes={businessTypes}
        maxUploadMb={config.maxUploadMb}
        values={props.values}
        errors={props.errors}
        screenshot={asKept(props.screenshot)}
        topic={props.topic}
        formId={props.formId}
      />
    )
  }

  app.get(CONTACT_ACTION, { preHandler: requirePermission('anonymous') }, async (req, reply) => {
    const q = parseQuery(ContactQuery, req.query)
    const defaults = await getContactDefaults(app.deps, { actor: req.actor, locale: req.locale })
    const values: RawForm = Object.fromEntries(Object.entries(defaults).filter(([, v]) => v))
    if (q.category) values.category = q.category
    if (q.business) Object.assign(values, fromTypedBusiness(q.business))
    const view = await formView({ values, formId: newFormId(), topic: q.topic })
    return sendPage(req, reply, view)
  })

  app.post(CONTACT_ACTION, { ...multipartForm(), preHandler: requirePermission('anonymous') }, async (req, reply) => {
    // CSRF and permission have been checked: only now is the file read.
    const { body, screenshot, problem, storedNow } = await receiveContactUpload({ files, maxBytes: config.maxUploadBytes }, req)
    const topic = isSupportTopic(body.topic) ? body.topic : undefined
    const formId = typeof body.formId === 'string' && FORM_ID.test(body.formId) ? body.formId : newFormId()
    const form = parseForm(ContactInput, body)
    if (!form.ok || problem) {
      const { _csrf: _ignored, ...typed } = body
      const errors = { ...(form.ok ? {} : form.errors), ...(problem ? { screenshot: problem.messageKey } : {}) }
      const view = await formView({ values: form.ok ? typed : form.values, errors, formId, topic, screenshot })
      return respond(req, reply).invalid(view, { status: problem ? problem.httpStatus : 422 })
    }

    const ticket = await createSupportTicket(app.deps, {
      actor: req.actor,
      input: form.value,
      screenshot,
      locale: req.locale,
      // Bound to this browser session and this form instance: a double submit makes one ticket.
      idempotencyKey: createHash('sha256').update(`${req.session.sessionId}:${formId}`).digest('hex'),
      client: { ip: req.ip, userAgent: req.headers['user-agent'] },
    })
    if (!ticket.isNew && storedNow) await files.remove(storedNow) // the first post already made the ticket
    forgetKeptScreenshot(req)
    const sent = (req.session.get('supportTicketsSent') ?? []).filter((s) => s.reference !== ticket.reference)
    req.session.set('supportTicketsSent', [...sent, { reference: ticket.reference, queue: ticket.queue }].slice(-SENT_KEPT))
    return respond(req, reply).redirect(`${CONTACT_SENT_PATH}?ref=${encodeURIComponent(ticket.reference)}`)
  })

  app.get(CONTACT_SENT_PATH, { preHandler: requirePermission('anonymous') }, (req, reply) => {
    const { ref } = parseQuery(SentQuery, req.query)
    // Only tickets this session created: another person's reference is simply not found.
    const sent = ref ? req.session.get('supportTicketsSent')?.find((s) => s.reference === ref) : undefined
    if (!sent) return reply.callNotFound()
    return sendPage(req, reply, (ctx) => <ContactSentPage ctx={ctx} reference={sent.reference} queue={sent.queue} />)
  })
}
