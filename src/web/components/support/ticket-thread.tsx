/**
 * Pieces shared by the staff and requester ticket pages: the status tag, the ageing text, the
 * thread (first message from the help form, then replies) and the reply form.
 */
import { formatFileSize } from '#src/documents/file-names.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeLong } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import type { SupportQueue, SupportTopic } from '#src/support/support.rules.ts'
import { MESSAGE_MAX } from '#src/support/support.schemas.ts'
import type { TicketFile, TicketMessage, TicketThread } from '#src/support/support-thread.model.ts'
import type { SupportTicketStatus } from '#src/support/ticket-status.rules.ts'
import { Button, FileUpload, Form, Textarea, textValue } from '#src/web/components/form/index.ts'
import type { FieldErrorsView } from '#src/web/lib/form-view.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { RawForm } from '#src/web/lib/parse-form.ts'
import { StatusTag, type Tone } from '../status/status-tag.tsx'

export const TICKET_STATUS_TONE = { open: 'blue', answered: 'green', closed: 'grey' } as const satisfies Record<SupportTicketStatus, Tone>
export const TICKET_STATUS_LABEL = {
  open: 'support.status.open',
  answered: 'support.status.answered',
  closed: 'support.status.closed',
} as const satisfies Record<SupportTicketStatus, MessageKey>
export const TOPIC_LABEL = {
  business_not_found: 'support.topic.business_not_found',
  login: 'support.topic.login',
  questionnaire: 'support.topic.questionnaire',
  other: 'support.topic.other',
} as const satisfies Record<SupportTopic, MessageKey>
export const QUEUE_LABEL = { admin: 'support.sent.team.admin', supervision: 'support.sent.team.supervision' } as const satisfies Record<SupportQueue, MessageKey>

export function TicketStatusTag({ t, status }: { t: Translator; status: SupportTicketStatus }) {
  return <StatusTag t={t} status={status} tones={TICKET_STATUS_TONE} labels={TICKET_STATUS_LABEL} />
}

/** "3 days 4 hours" / "5 hours" (Thai has one plural form). */
export function ageText(t: Translator, hours: number): string {
  const days = Math.floor(hours / 24)
  return days > 0 ? t('support.age.daysHours', { days, hours: hours % 24 }) : t('support.age.hours', { hours })
}

const ATTACH_ACCEPT = '.png,.jpg,.jpeg,.pdf,image/png,image/jpeg,application/pdf'

function FileLink({ t, file, href }: { t: Translator; file: TicketFile; href: string }) {
  return (
    <p class="body">
      {t('support.thread.attachment')}: <a href={href} data-ticket-file>{file.name}</a> ({formatFileSize(file.size)})
    </p>
  )
}

export type ThreadProps = {
  ctx: PageContext
  thread: TicketThread
  /** The download address of the screenshot (`undefined`) or of a message's attachment. */
  fileHref: (messageId: string | undefined) => string
}

/** The conversation, oldest first. Bodies keep their line breaks (CSS pre-wrap), escaped as text. */
export function TicketThreadView({ ctx, thread, fileHref }: ThreadProps) {
  const { t, locale } = ctx
  const { ticket, messages } = thread
  return (
    <ol class="thread" id="thread">
      <li class="thread__item thread__item--requester" data-author="requester">
        <p class="thread__meta">
          <strong>{ticket.contactName}</strong> · {formatDateTimeLong(ticket.createdAt, locale)}
        </p>
        <p class="thread__body">
          {ticket.message}
        </p>
        {ticket.screenshot ? <FileLink t={t} file={ticket.screenshot} href={fileHref(undefined)} /> : null}
      </li>
      {messages.map((m) => (
        <MessageItem key={m.id} t={t} locale={locale} m={m} href={fileHref(m.id)} />
      ))}
    </ol>
  )
}

function MessageItem({ t, locale, m, href }: { t: Translator; locale: PageContext['locale']; m: TicketMessage; href: string }) {
  if (m.kind === 'move_note') {
    return (
      <li class="thread__item thread__item--note" data-author="note">
        <p class="thread__meta">
          <strong>{t('support.thread.moved', { name: m.authorName, team: t(QUEUE_LABEL[m.movedToQueue ?? 'admin']) })}</strong> · {formatDateTimeLong(m.createdAt, locale)}
        </p>
        <p class="thread__body">
          {t('support.thread.reason')}: {m.body}
        </p>
      </li>
    )
  }
  const author = m.authorKind === 'staff' ? t('support.thread.staff', { name: m.authorName }) : m.authorName
  return (
    <li class={`thread__item thread__item--${m.authorKind}`} data-author={m.authorKind}>
      <p class="thread__meta">
        <strong>{author}</strong> · {formatDateTimeLong(m.createdAt, locale)}
      </p>
      <p class="thread__body">
        {m.body}
      </p>
      {m.attachment ? <FileLink t={t} file={m.attachment} href={href} /> : null}
    </li>
  )
}

export type ReplyFormProps = {
  ctx: PageContext
  action: string
  formId: string
  maxUploadMb: number
  errs: FieldErrorsView
  values?: RawForm
  label: string
  submit: string
}

/** A reply with an optional attachment (PNG, JPEG or PDF, checked by content on the server). */
export function ReplyForm({ ctx, action, formId, maxUploadMb, errs, values = {}, label, submit }: ReplyFormProps) {
  const { t } = ctx
  return (
    <Form ctx={ctx} action={action} id="reply-form" enctype="multipart/form-data">
      <input type="hidden" name="formId" value={formId} />
      <Textarea t={t} id="body" label={label} hint={t('support.reply.hint', { max: MESSAGE_MAX })} error={errs.text('body')} value={textValue(values, 'body')} maxLength={MESSAGE_MAX} rows={6} required />
      <FileUpload
        t={t}
        id="attachment"
        label={t('support.reply.attachment')}
        hint={t('support.contact.screenshotHint', { max: maxUploadMb, types: t('support.contact.screenshotTypes') })}
        error={errs.text('attachment')}
        accept={ATTACH_ACCEPT}
        optional
      />
      <Button>{submit}</Button>
    </Form>
  )
}

/** The reply form's fields, for fieldErrors (error summary order). */
export const replyFields = (maxUploadMb: number, t: Translator) =>
  [
    { path: 'body', params: { max: MESSAGE_MAX } },
    { path: 'attachment', params: { max: maxUploadMb, types: t('support.contact.screenshotTypes') } },
  ] as const
