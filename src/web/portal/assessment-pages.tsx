/**
 * The business's assessment pages (issue 4): task list, one question page per part page, check
 * your answers per part, check-and-submit with the declaration, the receipt and the read-only view
 * of a submitted assessment. Pure views: assessment.routes.tsx loads everything and passes it in.
 */
import type { ComponentChildren } from 'preact'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatBytes, formatDateLong, formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { DOCUMENT_TYPE_LABELS, findField, findPart, isDocumentType, type Answers, type Definition, type SummaryRow } from '#src/questionnaire/engine/index.ts'
import type { AssessmentStatus } from '#src/submissions/assessment-status.rules.ts'
import type { Corrections } from '#src/submissions/get-assessment.ts'
import type { SubmissionRow } from '#src/submissions/submissions.repo.ts'
import { Button, Checkboxes, ErrorSummary, Form, TextInput, type ErrorSummaryItem, type FieldErrorsView } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { CheckAnswers } from '#src/web/components/questionnaire/check-answers.tsx'
import { QuestionPage, type QuestionPageProps } from '#src/web/components/questionnaire/question-page.tsx'
import { TaskList, type TaskStatus } from '#src/web/components/questionnaire/task-list.tsx'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { ExtensionStatusView } from '#src/cycles/get-extension-status.ts'
import { DeadlineSection } from './extension-pages.tsx'

export const ASSESSMENT_STATUS_LABELS = {
  draft: 'assessment.status.draft',
  submitted: 'assessment.status.submitted',
  returned: 'assessment.status.returned',
  accepted: 'assessment.status.accepted',
} as const satisfies Record<AssessmentStatus, MessageKey>

export const ASSESSMENT_STATUS_TONES = {
  draft: 'grey',
  submitted: 'blue',
  returned: 'red',
  accepted: 'green',
} as const satisfies Record<AssessmentStatus, Tone>

/** URLs of the assessment pages of one cycle. */
export function assessmentPaths(cycleCode: string) {
  const base = `/portal/assessments/${encodeURIComponent(cycleCode)}`
  return {
    taskList: base,
    page: (partId: string, pageId: string, anchor?: string) => `${base}/${partId}/${pageId}${anchor ? `#${anchor}` : ''}`,
    partCheck: (partId: string) => `${base}/${partId}/check`,
    submit: `${base}/submit`,
    view: `${base}/view`,
    basicReport: `${base}/basic-report`,
    upload: (partId: string, pageId: string, fieldPath: string) =>
      `${base}/documents/new?part=${encodeURIComponent(partId)}&page=${encodeURIComponent(pageId)}&field=${encodeURIComponent(fieldPath)}`,
    receipt: (ref: string) => `/portal/receipts/${encodeURIComponent(ref)}`,
  }
}
export type AssessmentPaths = ReturnType<typeof assessmentPaths>

export type CycleSummary = { code: string; nameTh: string; nameEn: string | null; deadline: Date }
export const cycleName = (cycle: Pick<CycleSummary, 'nameTh' | 'nameEn'>, locale: 'th' | 'en') => (locale === 'en' && cycle.nameEn ? cycle.nameEn : cycle.nameTh)

/** AMLO's reasons for a correction, per part and per question, with links to the questions. */
export function CorrectionsBanner({
  ctx,
  definition,
  corrections,
  partId,
  hrefOfField,
}: {
  ctx: PageContext
  definition: Definition
  corrections: Corrections
  /** Only this part's reasons. */
  partId?: string
  hrefOfField: (fieldId: string) => string | undefined
}) {
  const { t } = ctx
  const parts = Object.entries(corrections.parts ?? {}).filter(([p]) => (partId ? p === partId : true) && findPart(definition, p))
  const fields = Object.entries(corrections.fields ?? {}).filter(([f]) => {
    const found = findField(definition, f)
    return found && (partId ? found.partId === partId : true)
  })
  if (parts.length === 0 && fields.length === 0) return null
  return (
    <NotificationBanner t={t} title={t('assessment.returned.title')} titleId="corrections-title">
      <p class="body">{t('assessment.returned.lead')}</p>
      <ul class="list list--bullet">
        {parts.map(([p, reason]) => {
          const part = findPart(definition, p)!
          return <li key={`p-${p}`}>{t('assessment.returned.part', { part: `${t(part.letter)} ${t(part.title)}`, reason })}</li>
        })}
        {fields.map(([f, reason]) => {
          const found = findField(definition, f)!
          const href = hrefOfField(f)
          const text = t('assessment.returned.field', { question: t(found.def.label), reason })
          return <li key={`f-${f}`}>{href ? <a href={href}>{text}</a> : text}</li>
        })}
      </ul>
    </NotificationBanner>
  )
}

/** "ทำการส่งข้อมูลไปยัง ปปง. เรียบร้อยแล้ว เมื่อวันที่ dd/mm/yyyy HH:MM" and the receipt number. */
export function SubmittedBanner({ ctx, submission, paths, variant = 'important' }: { ctx: PageContext; submission: SubmissionRow; paths: AssessmentPaths; variant?: 'important' | 'success' }) {
  const { t } = ctx
  return (
    <NotificationBanner t={t} variant={variant} titleId="submitted-title" title={t('assessment.submitted.confirmation', { time: formatDateTimeNumeric(submission.submittedAt) })}>
      <p class="body">
        <a href={paths.receipt(submission.receiptRef)}>{t('assessment.submitted.receiptRef', { ref: submission.receiptRef })}</a>
      </p>
    </NotificationBanner>
  )
}

export type TaskListPageProps = {
  ctx: PageContext
  businessName: string
  cycle: CycleSummary
  definition: Definition
  status: AssessmentStatus
  statuses: Record<string, TaskStatus>
  lastSavedAt: Date | null
  corrections: Corrections | null
  latest: SubmissionRow | undefined
  paths: AssessmentPaths
  flash?: Flash | undefined
  /** The business's deadline, extension and the cycle's closure (extension-pages.tsx). */
  deadlineView?: ExtensionStatusView | undefined
}

export function TaskListPage(p: TaskListPageProps) {
  const { ctx, definition, paths } = p
  const { t, locale } = ctx
  const editable = (p.status === 'draft' || p.status === 'returned') && p.deadlineView?.cycle.status !== 'closed'
  const done = definition.parts.filter((part) => p.statuses[part.id] === 'completed').length
  const title = cycleName(p.cycle, locale)
  return (
    <PageLayout ctx={ctx} title={title}>
      <FlashBanner t={t} flash={p.flash} />
      <span class="caption-l">{p.businessName}</span>
      <h1 class="heading-xl">{title}</h1>
      <p class="body">
        {t('assessment.statusLabel')} <StatusTag t={t} status={p.status} tones={ASSESSMENT_STATUS_TONES} labels={ASSESSMENT_STATUS_LABELS} />
      </p>
      {p.latest && (p.status === 'submitted' || p.status === 'accepted') ? <SubmittedBanner ctx={ctx} submission={p.latest} paths={paths} /> : null}
      {p.deadlineView ? <DeadlineSection ctx={ctx} view={p.deadlineView} /> : null}
      {p.status === 'returned' && p.corrections ? (
        <CorrectionsBanner ctx={ctx} definition={definition} corrections={p.corrections} hrefOfField={(f) => questionHref(definition, paths, f)} />
      ) : null}
      {editable ? (
        <>
          <p class="body">{t('assessment.taskList.lead')}</p>
          <h2 class="heading-m">{t('assessment.taskList.partsHeading')}</h2>
          <p class="body" id="task-list-count">
            {t('assessment.taskList.completeCount', { done, total: definition.parts.length })}
          </p>
          <TaskList
            t={t}
            locale={locale}
            definition={definition}
            statuses={p.statuses}
            partHref={(partId) => paths.page(partId, findPart(definition, partId)!.pages[0]!.id)}
            deadline={p.cycle.deadline}
            lastSavedAt={p.lastSavedAt ?? undefined}
            basicReportHref={paths.basicReport}
          />
          <p class="body">
            <a class="button" role="button" href={paths.submit}>
              {t('assessment.taskList.checkAndSubmit')}
            </a>
          </p>
        </>
      ) : (
        <>
          <p class="body">{t('assessment.portal.deadline', { date: formatDateLong(p.cycle.deadline, locale) })}</p>
          <div class="button-group">
            {p.latest ? (
              <a class="button" role="button" href={paths.view}>
                {t('assessment.taskList.viewSubmitted')}
              </a>
            ) : null}
            <a class="button button--secondary" role="button" href={paths.basicReport}>
              {t('questionnaire.taskList.basicReport')}
            </a>
          </div>
        </>
      )}
    </PageLayout>
  )
}

/** The page (and anchor) where a question is answered. */
export function questionHref(definition: Definition, paths: AssessmentPaths, fieldId: string): string | undefined {
  const found = findField(definition, fieldId)
  return found ? paths.page(found.partId, found.pageId, fieldId.replace(/\./g, '-')) : undefined
}

export type QuestionScreenProps = Omit<QuestionPageProps, 'ctx' | 'titleAs' | 'idPrefix'> & {
  ctx: PageContext
  paths: AssessmentPaths
  flash?: Flash | undefined
  /** "บันทึกแบบร่างแล้วเมื่อ …" (or the auto-save message) shown in the live region. */
  saveStatus?: string | undefined
  corrections?: Corrections | null | undefined
  pageNumber: { n: number; total: number }
  hasErrors: boolean
}

/** The id htmx re-renders after an auto-save that changed which questions are shown. */
export const QUESTION_REGION_ID = 'question-region'
export const SAVE_STATUS_ID = 'autosave-status'

/** The part of a question page that an auto-save may replace. */
export function QuestionRegion(p: QuestionScreenProps) {
  const { ctx, definition, paths } = p
  const { t } = ctx
  return (
    <div id={QUESTION_REGION_ID}>
      <QuestionPage
        {...p}
        ctx={ctx}
        titleAs="h1"
        notice={
          <>
            {p.pageNumber.total > 1 ? <p class="caption">{t('assessment.nav.pageOf', p.pageNumber)}</p> : null}
            {p.partId === 'part-a' && p.pageId === '1' ? (
              <p class="body" id="service-request-download">
                <a class="link" href="/portal/service-request.pdf">
                  {t('assessment.serviceRequest.download')}
                </a>{' '}
                {t('assessment.serviceRequest.hint')}
              </p>
            ) : null}
            {p.corrections ? (
              <CorrectionsBanner ctx={ctx} definition={definition} corrections={p.corrections} partId={p.partId} hrefOfField={(f) => questionHref(definition, paths, f)} />
            ) : null}
            <p class="body save-status" id={SAVE_STATUS_ID} role="status" aria-live="polite" data-msg-failed={t('assessment.autosave.failed')}>
              {p.saveStatus ?? ''}
            </p>
          </>
        }
      />
    </div>
  )
}

export function QuestionScreen(p: QuestionScreenProps) {
  const { ctx, definition } = p
  const { t } = ctx
  const part = findPart(definition, p.partId)!
  const page = part.pages.find((pg) => pg.id === p.pageId)!
  return (
    <PageLayout ctx={ctx} title={`${t(page.title)} – ${t(part.letter)} ${t(part.title)}`} hasErrors={p.hasErrors}>
      <p class="body">
        <a class="back-link" href={p.paths.taskList}>
          {t('assessment.nav.taskList')}
        </a>
      </p>
      <FlashBanner t={t} flash={p.flash} />
      <QuestionRegion {...p} />
    </PageLayout>
  )
}

/** Every problem of a submission check as error-summary items linking to the question's page. */
export type ProblemLink = { href: string; text: string }

function ProblemList({ ctx, problems, titleKey, count }: { ctx: PageContext; problems: readonly ProblemLink[]; titleKey: MessageKey; count: number }) {
  const { t } = ctx
  if (problems.length === 0) return null
  return (
    <div class="error-summary" data-error-summary tabindex={-1} role="alert" aria-labelledby="problems-title">
      <h2 class="error-summary__title" id="problems-title">
        {t(titleKey, { count })}
      </h2>
      <div class="error-summary__body">
        <ul class="list error-summary__list">
          {problems.map((p, i) => (
            <li key={i}>
              <a href={p.href}>{p.text}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  )
}

export function PartCheckPage(p: {
  ctx: PageContext
  definition: Definition
  partId: string
  answers: Answers
  problems: readonly ProblemLink[]
  paths: AssessmentPaths
  changeHref: (row: SummaryRow) => string
}) {
  const { ctx, definition } = p
  const { t } = ctx
  const part = findPart(definition, p.partId)!
  const title = t('assessment.check.title', { part: `${t(part.letter)} ${t(part.title)}` })
  return (
    <PageLayout ctx={ctx} title={title}>
      <p class="body">
        <a class="back-link" href={p.paths.taskList}>
          {t('assessment.nav.taskList')}
        </a>
      </p>
      <ProblemList ctx={ctx} problems={p.problems} titleKey="assessment.check.incomplete" count={p.problems.length} />
      <h1 class="heading-xl">{title}</h1>
      {p.problems.length === 0 ? <p class="body">{t('assessment.check.complete')}</p> : null}
      <CheckAnswers t={t} definition={definition} answers={p.answers} partId={p.partId} changeHref={p.changeHref} />
      <p class="body">
        <a class="button" role="button" href={p.paths.taskList}>
          {t('assessment.nav.taskList')}
        </a>
      </p>
    </PageLayout>
  )
}

export type DeclarationValues = { name: string; position: string; confirm: boolean; idempotencyKey: string }

export function SubmitPage(p: {
  ctx: PageContext
  definition: Definition
  answers: Answers
  problems: readonly ProblemLink[]
  paths: AssessmentPaths
  changeHref: (row: SummaryRow) => string
  values: DeclarationValues
  errors?: FieldErrorsView | undefined
}) {
  const { ctx, definition } = p
  const { t } = ctx
  const title = t('assessment.submit.title')
  const errs = p.errors
  const summary: ErrorSummaryItem[] = errs?.summary ?? []
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={summary.length > 0 || p.problems.length > 0}>
      <p class="body">
        <a class="back-link" href={p.paths.taskList}>
          {t('assessment.nav.taskList')}
        </a>
      </p>
      <ErrorSummary t={t} items={summary} />
      <ProblemList ctx={ctx} problems={p.problems} titleKey="assessment.submit.notReady" count={p.problems.length} />
      <h1 class="heading-xl">{title}</h1>
      <p class="body">{t('assessment.submit.lead')}</p>
      <CheckAnswers t={t} definition={definition} answers={p.answers} changeHref={p.changeHref} />
      {p.problems.length === 0 ? (
        <Form ctx={ctx} action={p.paths.submit}>
          <input type="hidden" name="idempotencyKey" value={p.values.idempotencyKey} />
          <h2 class="heading-m">{t('assessment.submit.declarationHeading')}</h2>
          <p class="body">{t('assessment.submit.declarationText')}</p>
          <TextInput t={t} id="name" label={t('assessment.submit.name')} value={p.values.name} error={errs?.text('name')} autocomplete="name" maxLength={200} />
          <TextInput
            t={t}
            id="position"
            label={t('assessment.submit.position')}
            hint={t('assessment.submit.positionHint')}
            value={p.values.position}
            error={errs?.text('position')}
            autocomplete="organization-title"
            maxLength={200}
          />
          <Checkboxes
            t={t}
            id="confirm"
            legend={t('assessment.submit.declarationHeading')}
            options={[{ value: 'yes', label: t('assessment.submit.confirm') }]}
            values={p.values.confirm ? ['yes'] : []}
            error={errs?.text('confirm')}
          />
          <Button>{t('assessment.submit.button')}</Button>
        </Form>
      ) : null}
    </PageLayout>
  )
}

export function ReceiptPage(p: { ctx: PageContext; submission: SubmissionRow; paths: AssessmentPaths; justSubmitted: boolean; businessName: string }) {
  const { ctx, submission } = p
  const { t } = ctx
  const title = t('assessment.receipt.title')
  const rows: [MessageKey, ComponentChildren][] = [
    ['assessment.receipt.ref', <strong>{submission.receiptRef}</strong>],
    ['assessment.receipt.time', formatDateTimeNumeric(submission.submittedAt)],
    ['assessment.receipt.version', String(submission.version)],
    ['assessment.receipt.declarant', `${submission.declarantName} (${submission.declarantPosition})`],
    ['assessment.receipt.hash', <code class="hash">{submission.snapshotSha256}</code>],
  ]
  return (
    <PageLayout ctx={ctx} title={title}>
      <div class="panel panel--confirmation">
        <h1 class="panel__title">{title}</h1>
        <p class="panel__body" id="submission-confirmation">
          {t('assessment.submitted.confirmation', { time: formatDateTimeNumeric(submission.submittedAt) })}
        </p>
        <p class="panel__body">
          {t('assessment.receipt.ref')}
          <br />
          <strong id="receipt-ref">{submission.receiptRef}</strong>
        </p>
      </div>
      <p class="caption-l">{p.businessName}</p>
      <dl class="summary-list">
        {rows.map(([k, v]) => (
          <div class="summary-list__row" key={k}>
            <dt class="summary-list__key">{t(k)}</dt>
            <dd class="summary-list__value">{v}</dd>
          </div>
        ))}
      </dl>
      {p.justSubmitted ? <p class="body">{t('assessment.receipt.emailSent')}</p> : null}
      <p class="body">{t('assessment.receipt.next')}</p>
      <div class="button-group">
        <a class="button" role="button" href={p.paths.view}>
          {t('assessment.taskList.viewSubmitted')}
        </a>
        <a class="button button--secondary" role="button" href={`${p.paths.basicReport}?version=${submission.version}`}>
          {t('questionnaire.taskList.basicReport')}
        </a>
        <a class="button button--secondary" role="button" href={`${p.paths.receipt(submission.receiptRef)}/pdf`} id="receipt-pdf">
          {t('receiptPdf.download')}
        </a>
      </div>
    </PageLayout>
  )
}

/** An attachment as the submission snapshot recorded it; size and time are missing from old snapshots. */
export type AttachmentListItem = { id: string; displayName: string; documentType: string; sizeBytes?: number; uploadedAt?: string | Date }

const uploadedAtText = (at: AttachmentListItem['uploadedAt']): string => {
  const d = at === undefined ? undefined : new Date(at)
  return d && !Number.isNaN(d.getTime()) ? formatDateTimeNumeric(d) : '—'
}

export function SubmittedViewPage(p: {
  ctx: PageContext
  definition: Definition
  answers: Answers
  status: AssessmentStatus
  submissions: readonly SubmissionRow[]
  attachments: readonly AttachmentListItem[]
  paths: AssessmentPaths
  businessName: string
  cycle: CycleSummary
}) {
  const { ctx, definition, paths } = p
  const { t, locale } = ctx
  const title = t('assessment.view.title')
  const latest = p.submissions[0]
  return (
    <PageLayout ctx={ctx} title={title}>
      <p class="body">
        <a class="back-link" href={paths.taskList}>
          {t('assessment.nav.taskList')}
        </a>
      </p>
      <span class="caption-l">
        {p.businessName} · {cycleName(p.cycle, locale)}
      </span>
      <h1 class="heading-xl">{title}</h1>
      <p class="body">
        {t('assessment.statusLabel')} <StatusTag t={t} status={p.status} tones={ASSESSMENT_STATUS_TONES} labels={ASSESSMENT_STATUS_LABELS} />
      </p>
      {latest ? <SubmittedBanner ctx={ctx} submission={latest} paths={paths} /> : null}
      <p class="body">{t('assessment.view.readOnly')}</p>
      <p class="body">
        <a class="button button--secondary" role="button" href={paths.basicReport}>
          {t('questionnaire.taskList.basicReport')}
        </a>
      </p>
      <CheckAnswers t={t} definition={definition} answers={p.answers} changeHref={() => ''} readOnly />
      <h2 class="heading-m">{t('assessment.view.documentsHeading')}</h2>
      {p.attachments.length === 0 ? (
        <p class="body">{t('questionnaire.form.noDocuments')}</p>
      ) : (
        <table class="table">
          <caption class="visually-hidden">{t('assessment.view.documentsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('assessment.view.colDocument')}</th>
              <th scope="col">{t('assessment.view.colType')}</th>
              <th scope="col" class="numeric">
                {t('assessment.view.colSize')}
              </th>
              <th scope="col">{t('assessment.view.colUploaded')}</th>
            </tr>
          </thead>
          <tbody>
            {p.attachments.map((a) => (
              <tr key={a.id}>
                <td>
                  <a href={`${paths.taskList}/documents/${a.id}`}>{a.displayName}</a>
                </td>
                <td>{isDocumentType(a.documentType) ? t(DOCUMENT_TYPE_LABELS[a.documentType]) : a.documentType}</td>
                <td class="numeric">{typeof a.sizeBytes === 'number' ? formatBytes(a.sizeBytes, locale) : '—'}</td>
                <td>{uploadedAtText(a.uploadedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2 class="heading-m">{t('assessment.view.historyHeading')}</h2>
      <table class="table">
        <caption class="visually-hidden">{t('assessment.view.historyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('assessment.receipt.version')}</th>
            <th scope="col">{t('assessment.receipt.ref')}</th>
            <th scope="col">{t('assessment.receipt.time')}</th>
            <th scope="col">{t('assessment.receipt.declarant')}</th>
          </tr>
        </thead>
        <tbody>
          {p.submissions.map((s) => (
            <tr key={s.id}>
              <td>{s.version}</td>
              <td>
                <a href={paths.receipt(s.receiptRef)}>{s.receiptRef}</a>
              </td>
              <td>{formatDateTimeNumeric(s.submittedAt)}</td>
              <td>{s.declarantName}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </PageLayout>
  )
}
