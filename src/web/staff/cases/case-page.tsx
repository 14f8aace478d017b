/**
 * One case for staff (/staff/cases/:id): the business and its assessment, type, status, assignee
 * and team, due date with its SLA state, the actions this officer may take (availableActions; a
 * reason box on each, required where the rules say), assignment, the timeline (describeCaseEvent,
 * with the reason of every transition), internal notes, information requests, findings with the
 * obligation breached and their remediation actions. Every form works without JavaScript. Pure view.
 */
import { CASE_ACTION_LABEL, CASE_STATUS_LABEL, CASE_TYPE_LABEL, caseReference, INFORMATION_REQUEST_STATUS_LABEL, PLAN_SCOPE_LABEL, REMEDIATION_STATUS_LABEL, SEVERITY_LABEL, type InformationRequestStatus } from '#src/cases/cases.model.ts'
import { describeCaseEvent } from '#src/cases/describe-case-event.ts'
import { CONTROL_AREAS, FINDING_SEVERITIES, type ControlArea, type RemediationStatus } from '#src/cases/findings.rules.ts'
import type { CaseView } from '#src/cases/get-case-view.ts'
import { REPORT_ACTIONS } from '#src/cases/case-status.rules.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import type { MessageParams } from '#src/platform/i18n/translator.ts'
import { formatDateTimeNumeric, formatIsoDateLong, formatNumber } from '#src/platform/i18n/format.ts'
import { CONTROL_AREA_LABELS } from '#src/scoring/score.model.ts'
import { Button, ErrorSummary, Form, Select, TextInput, Textarea } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { caseFilesOf, CaseFileList, evidenceFileHref, requestFileHref } from './case-files-list.tsx'
import { CaseLinks, EnforcementSection, FindingStepRow } from './enforcement-section.tsx'
import { CaseReportsSection } from './case-reports-section.tsx'
import { CaseDocumentsSection } from './case-documents-section.tsx'
import { caseHref, SlaCell } from './inbox-page.tsx'

/** The forms of the page; a refused post re-renders the page with the message at its first field. */
export const CASE_FORMS = {
  status: 'reason',
  assign: 'assignee',
  note: 'noteBody',
  request: 'requestSubject',
  finding: 'findingTitle',
  remediation: 'remediationDescription',
  verify: 'verify',
  reject: 'rejectReason',
  visit: 'visitedOn',
  escalation: 'escalation-error',
  measure: 'measure-measure',
  measureStatus: 'measures',
  draftReport: 'draftSummary',
  finalReport: 'finalSummary',
  document: 'documentFile',
} as const
export type CaseForm = keyof typeof CASE_FORMS

export type CaseProblem = { form: CaseForm; messageKey: MessageKey; values: Record<string, unknown>; action?: string; findingId?: string; actionId?: string; fieldId?: string; params?: MessageParams }

const REQUEST_TAG = { open: 'tag--yellow', answered: 'tag--green', withdrawn: 'tag--grey' } as const satisfies Record<InformationRequestStatus, string>
const REMEDIATION_TAG = { open: 'tag--yellow', done_by_business: 'tag--blue', verified: 'tag--green', rejected: 'tag--red' } as const satisfies Record<RemediationStatus, string>

export function CasePage({ ctx, view: v, formKey, flash, problem }: { ctx: PageContext; view: CaseView; formKey: string; flash?: Flash | undefined; problem?: CaseProblem | undefined }) {
  const { t, locale } = ctx
  const c = v.case
  const ref = caseReference(c.number)
  const name = registeredName(v.entity.nameTh, v.entity.legalForm as LegalForm, locale, v.entity.nameEn)
  const base = caseHref(c.id)
  const mine = (form: CaseForm, extra?: Partial<Pick<CaseProblem, 'action' | 'findingId' | 'actionId'>>) =>
    problem?.form === form && (extra?.action === undefined || problem.action === extra.action) && (extra?.findingId === undefined || problem.findingId === extra.findingId) && (extra?.actionId === undefined || problem.actionId === extra.actionId)
  const val = (form: CaseForm, key: string, extra?: Partial<Pick<CaseProblem, 'action' | 'findingId' | 'actionId'>>) => (mine(form, extra) ? String(problem!.values[key] ?? '') : '')
  const err = (form: CaseForm, extra?: Partial<Pick<CaseProblem, 'action' | 'findingId' | 'actionId'>>) => (mine(form, extra) ? t(problem!.messageKey, problem!.params) : undefined)
  const errorId = !problem
    ? ''
    : problem.form === 'status'
      ? `reason-${problem.action ?? ''}`
      : problem.form === 'remediation'
        ? `remediationDescription-${problem.findingId ?? ''}`
        : problem.form === 'verify' || problem.form === 'reject'
          ? `${CASE_FORMS[problem.form]}-${problem.actionId ?? ''}`
          : CASE_FORMS[problem.form]
  // One key per form: a retried post is applied once, and two forms of one page never share a key.
  const key = (form: string) => <input type="hidden" name="idempotencyKey" value={`${formKey}:${form}`} />
  const workerName = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`.trim()
  const dateHint = t('casework.form.dateHint')
  return (
    <PageLayout ctx={ctx} title={`${ref} ${name}`} hasErrors={!!problem}>
      <ErrorSummary t={t} items={problem ? [{ id: problem.fieldId ?? errorId, text: t(problem.messageKey, problem.params) }] : []} />
      <FlashBanner t={t} flash={flash} />
      <p class="body">
        <a href="/staff/cases">{t('casework.inbox.title')}</a>
      </p>
      <span class="caption-l">{ref}</span>
      <h1 class="heading-xl">{name}</h1>
      <dl class="summary-list" id="case-facts">
        <div>
          <dt>{t('casework.col.business')}</dt>
          <dd>
            {name} ({v.entity.juristicId})
          </dd>
        </div>
        <div>
          <dt>{t('casework.case.assessment')}</dt>
          <dd>{v.assessment ? <a href={`/staff/submissions/${v.assessment.assessmentId}`} id="assessment-link">{t('casework.case.assessmentOf', { cycle: v.assessment.cycleCode })}</a> : t('casework.case.noAssessment')}</dd>
        </div>
        <div>
          <dt>{t('casework.letter.title')}</dt>
          <dd>
            <a href={`${base}/notification.pdf`} id="letter-link">
              {t('casework.letter.link')}
            </a>
          </dd>
        </div>
        <div>
          <dt>{t('casework.col.type')}</dt>
          <dd>
            {t(CASE_TYPE_LABEL[c.type])}
            {c.scope ? ` · ${t(PLAN_SCOPE_LABEL[c.scope])}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('casework.col.status')}</dt>
          <dd id="case-status">{t(CASE_STATUS_LABEL[c.status])}</dd>
        </div>
        <div>
          <dt>{t('casework.col.assignee')}</dt>
          <dd id="case-assignee">
            {c.assigneeUserId ? (v.names.get(c.assigneeUserId) ?? '—') : t('casework.filter.unassigned')}
            {c.team ? ` · ${t('casework.inbox.team', { team: c.team })}` : ''}
          </dd>
        </div>
        {c.targetDate ? (
          <div>
            <dt>{t('casework.case.targetDate')}</dt>
            <dd>{formatIsoDateLong(c.targetDate, locale)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('casework.col.due')}</dt>
          <dd id="case-sla">
            <SlaCell t={t} locale={locale} sla={v.sla} />
          </dd>
        </div>
        <div>
          <dt>{t('casework.col.daysOpen')}</dt>
          <dd>
            {formatNumber(v.daysOpen, locale)} · {t('casework.case.openedAt', { at: formatDateTimeNumeric(c.openedAt) })}
          </dd>
        </div>
      </dl>
      <CaseLinks t={t} view={v} />

      <h2 class="heading-l" id="actions-heading">
        {t('casework.case.actions')}
      </h2>
      {v.actions.length === 0 ? <p class="body">{t('casework.case.noActions')}</p> : null}
      <CaseReportsSection
        ctx={ctx}
        caseId={c.id}
        status={c.status}
        reports={v.reports}
        actions={v.actions.map((a) => a.action)}
        findingsCount={v.findings.filter((f) => !f.withdrawnAt).length}
        formKey={formKey}
        problem={problem && (problem.form === 'draftReport' || problem.form === 'finalReport') ? { form: problem.form, field: problem.fieldId ?? CASE_FORMS[problem.form], message: t(problem.messageKey), values: problem.values } : undefined}
      />
      {v.unresolvedFindings > 0 && v.actions.some((a) => a.action === 'close') ? <p class="body hint">{t('casework.case.unresolved', { count: v.unresolvedFindings })}</p> : null}
      {v.actions.filter(({ action }) => !REPORT_ACTIONS.has(action)).map(({ action, needsReason }) => (
        <Form ctx={ctx} action={`${base}/status`} id={`action-${action}`} key={action}>
          {key(`status-${action}`)}
          <input type="hidden" name="action" value={action} />
          <Textarea
            t={t}
            id={`reason-${action}`}
            name="reason"
            label={t(needsReason ? 'casework.case.reasonRequired' : 'casework.case.reasonOptional', { action: t(CASE_ACTION_LABEL[action]) })}
            error={err('status', { action })}
            value={val('status', 'reason', { action })}
            maxLength={5000}
            rows={2}
            required={needsReason}
            optional={!needsReason}
          />
          <Button variant={action === 'cancel' || action === 'escalate' ? 'secondary' : 'primary'}>{t(CASE_ACTION_LABEL[action])}</Button>
        </Form>
      ))}

      <h2 class="heading-l">{t('casework.case.assignHeading')}</h2>
      <Form ctx={ctx} action={`${base}/assign`} id="assign-form">
        {key('assign')}
        <Select
          t={t}
          id="assignee"
          label={t('casework.col.assignee')}
          error={err('assign')}
          value={mine('assign') ? val('assign', 'assignee') : (c.assigneeUserId ?? '')}
          placeholder={t('casework.bulk.nobody')}
          options={v.workers.map((w) => ({ value: w.id, label: workerName(w) }))}
        />
        <TextInput t={t} id="team" label={t('casework.filter.team')} value={mine('assign') ? val('assign', 'team') : (c.team ?? '')} maxLength={100} optional />
        <Button variant="secondary">{t('casework.case.assign')}</Button>
      </Form>

      <CaseDocumentsSection
        ctx={ctx}
        caseId={c.id}
        documents={v.documents}
        formKey={formKey}
        problem={problem?.form === 'document' ? { field: problem.fieldId === 'documentTitle' ? 'documentTitle' : 'documentFile', message: t(problem.messageKey, problem.params), title: String(problem.values.title ?? '') } : undefined}
      />

      <h2 class="heading-l">{t('casework.case.timeline')}</h2>
      <ol class="timeline" id="timeline">
        {v.events.map((e) => (
          <li key={e.id} data-kind={e.kind}>
            <p class="body">
              <strong>{describeCaseEvent(t, e.payload, v.names)}</strong>
              <br />
              <span class="hint">
                {formatDateTimeNumeric(e.at)}
                {e.actorUserId ? ` · ${v.names.get(e.actorUserId) ?? ''}` : ''}
              </span>
            </p>
            {e.payload.kind === 'status_changed' ? <p class="body timeline__reason">{e.payload.reason ? t('casework.case.reason', { reason: e.payload.reason }) : t('casework.case.noReason')}</p> : null}
          </li>
        ))}
      </ol>

      {v.visitAllowed ? (
        <>
          <h2 class="heading-l">{t('casework.visit.heading')}</h2>
          <Form ctx={ctx} action={`${base}/visits`} id="visit-form">
            {key('visit')}
            <TextInput t={t} id="visitedOn" label={t('casework.visit.date')} hint={dateHint} error={err('visit')} value={val('visit', 'visitedOn')} maxLength={10} width={10} required />
            <Textarea t={t} id="visitAttendees" name="attendees" label={t('casework.visit.attendees')} value={val('visit', 'attendees')} maxLength={5000} rows={2} required />
            <Textarea t={t} id="visitNotes" name="notes" label={t('casework.visit.notes')} value={val('visit', 'notes')} maxLength={5000} required />
            <Button variant="secondary">{t('casework.visit.submit')}</Button>
          </Form>
        </>
      ) : null}

      <h2 class="heading-l">{t('casework.case.notes')}</h2>
      <p class="body hint">{t('casework.case.notesHint')}</p>
      <ul class="list" id="notes">
        {v.notes.map((n) => (
          <li key={n.id}>
            <p class="body">{n.body}</p>
            <span class="hint">
              {v.names.get(n.authorUserId) ?? ''} · {formatDateTimeNumeric(n.at)}
            </span>
          </li>
        ))}
      </ul>
      <Form ctx={ctx} action={`${base}/notes`} id="note-form">
        {key('note')}
        <Textarea t={t} id="noteBody" name="body" label={t('casework.case.addNote')} error={err('note')} value={val('note', 'body')} maxLength={5000} required />
        <Button variant="secondary">{t('casework.case.addNoteSubmit')}</Button>
      </Form>

      <h2 class="heading-l">{t('casework.case.requests')}</h2>
      <table class="table" id="requests">
        <caption class="visually-hidden">{t('casework.case.requests')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('casework.request.subject')}</th>
            <th scope="col">{t('casework.col.due')}</th>
            <th scope="col">{t('casework.col.status')}</th>
          </tr>
        </thead>
        <tbody>
          {v.requests.length === 0 ? (
            <tr>
              <td colspan={3} class="table__empty">
                {t('casework.request.none')}
              </td>
            </tr>
          ) : (
            v.requests.map((r) => {
              const status = r.status as InformationRequestStatus
              return (
                <tr key={r.id}>
                  <td>
                    {r.subject}
                    <br />
                    <span class="hint">{r.body}</span>
                    {r.answerText ? (
                      <>
                        <br />
                        {t('casework.request.answer', { answer: r.answerText })}
                      </>
                    ) : null}
                    <CaseFileList t={t} heading="casework.files.answer" files={caseFilesOf(r.answerAttachments)} href={(i) => requestFileHref(c.id, r.id, i)} id={`request-files-${r.id}`} />
                  </td>
                  <td>
                    {formatIsoDateLong(r.dueOn, locale)}
                    {status === 'open' && r.dueOn < v.today ? (
                      <>
                        <br />
                        <strong class="tag tag--red">{t('casework.sla.overdueShort')}</strong>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <strong class={`tag ${REQUEST_TAG[status]}`}>{t(INFORMATION_REQUEST_STATUS_LABEL[status])}</strong>
                  </td>
                </tr>
              )
            })
          )}
        </tbody>
      </table>
      {v.work.informationRequests ? (
        <Form ctx={ctx} action={`${base}/requests`} id="request-form">
          {key('request')}
          <TextInput t={t} id="requestSubject" name="subject" label={t('casework.request.subject')} error={err('request')} value={val('request', 'subject')} maxLength={300} required />
          <Textarea t={t} id="requestBody" name="body" label={t('casework.request.body')} value={val('request', 'body')} maxLength={5000} required />
          <TextInput t={t} id="requestDueOn" name="dueOn" label={t('casework.col.due')} hint={dateHint} value={val('request', 'dueOn')} maxLength={10} width={10} required />
          <Button variant="secondary">{t('casework.request.submit')}</Button>
        </Form>
      ) : null}

      <h2 class="heading-l">{t('casework.case.findings')}</h2>
      {v.findings.length === 0 ? <p class="body">{t('casework.finding.none')}</p> : null}
      <ol class="list" id="findings">
        {v.findings.map((f) => (
          <li key={f.id} data-finding={f.id}>
            <h3 class="heading-m">
              {f.title} <strong class="tag tag--red">{t(SEVERITY_LABEL[f.severity])}</strong>
            </h3>
            <dl class="summary-list">
              <div>
                <dt>{t('casework.finding.controlArea')}</dt>
                <dd>{t(CONTROL_AREA_LABELS[f.controlArea as ControlArea])}</dd>
              </div>
              <div>
                <dt>{t('casework.finding.legalBasis')}</dt>
                <dd>{f.legalBasis}</dd>
              </div>
              <div>
                <dt>{t('casework.finding.description')}</dt>
                <dd>{f.description}</dd>
              </div>
              <div>
                <dt>{t('casework.finding.requiredAction')}</dt>
                <dd>{f.requiredAction}</dd>
              </div>
              <div>
                <dt>{t('casework.col.due')}</dt>
                <dd>{formatIsoDateLong(f.dueOn, locale)}</dd>
              </div>
              <FindingStepRow t={t} step={f.escalationStep} />
            </dl>
            <h4 class="heading-s">{t('casework.remediation.heading')}</h4>
            <ul class="list">
              {f.actions.length === 0 ? <li>{t('casework.remediation.none')}</li> : null}
              {f.actions.map((a) => (
                <li key={a.id} data-action={a.id}>
                  {a.description} · {a.ownerName} · {formatIsoDateLong(a.dueOn, locale)} <strong class={`tag ${REMEDIATION_TAG[a.status]}`}>{t(REMEDIATION_STATUS_LABEL[a.status])}</strong>
                  {a.rejectionReason && a.status === 'rejected' ? <p class="body hint">{t('casework.case.reason', { reason: a.rejectionReason })}</p> : null}
                  <CaseFileList t={t} heading="casework.files.evidence" files={caseFilesOf(a.evidence)} href={(i) => evidenceFileHref(c.id, a.id, i)} id={`evidence-files-${a.id}`} />
                  {a.status === 'done_by_business' ? (
                    <>
                      <p class="body hint">{t('casework.remediation.evidence', { count: Array.isArray(a.evidence) ? a.evidence.length : 0 })}</p>
                      <Form ctx={ctx} action={`${base}/remediation/${a.id}/verify`} id={`verify-${a.id}`}>
                        {key(`verify-${a.id}`)}
                        {err('verify', { actionId: a.id }) ? <p class="error-message">{err('verify', { actionId: a.id })}</p> : null}
                        <Button>{t('casework.remediation.verify')}</Button>
                      </Form>
                      <Form ctx={ctx} action={`${base}/remediation/${a.id}/reject`} id={`reject-form-${a.id}`}>
                        {key(`reject-${a.id}`)}
                        <Textarea t={t} id={`rejectReason-${a.id}`} name="reason" label={t('casework.remediation.rejectReason')} error={err('reject', { actionId: a.id })} value={val('reject', 'reason', { actionId: a.id })} maxLength={5000} rows={2} required />
                        <Button variant="secondary">{t('casework.remediation.reject')}</Button>
                      </Form>
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
            {v.work.remediation ? (
              <Form ctx={ctx} action={`${base}/findings/${f.id}/remediation`} id={`remediation-form-${f.id}`}>
                {key(`remediation-${f.id}`)}
                <Textarea t={t} id={`remediationDescription-${f.id}`} name="description" label={t('casework.remediation.description')} error={err('remediation', { findingId: f.id })} value={val('remediation', 'description', { findingId: f.id })} maxLength={5000} rows={2} required />
                <TextInput t={t} id={`remediationOwner-${f.id}`} name="ownerName" label={t('casework.remediation.owner')} value={val('remediation', 'ownerName', { findingId: f.id })} maxLength={300} required />
                <TextInput t={t} id={`remediationDueOn-${f.id}`} name="dueOn" label={t('casework.remediation.dueOn')} hint={t('casework.remediation.dueOnHint')} value={val('remediation', 'dueOn', { findingId: f.id })} maxLength={10} width={10} optional />
                <Button variant="secondary">{t('casework.remediation.submit')}</Button>
              </Form>
            ) : null}
          </li>
        ))}
      </ol>
      {v.work.findings ? (
        <>
          <h3 class="heading-m">{t('casework.finding.add')}</h3>
          <Form ctx={ctx} action={`${base}/findings`} id="finding-form">
            {key('finding')}
            <TextInput t={t} id="findingTitle" name="title" label={t('casework.finding.title')} error={err('finding')} value={val('finding', 'title')} maxLength={300} required />
            <Select t={t} id="findingSeverity" name="severity" label={t('casework.finding.severity')} value={val('finding', 'severity')} placeholder={t('casework.form.choose')} options={FINDING_SEVERITIES.map((s) => ({ value: s, label: t(SEVERITY_LABEL[s]) }))} required />
            <Select t={t} id="findingControlArea" name="controlArea" label={t('casework.finding.controlArea')} value={val('finding', 'controlArea')} placeholder={t('casework.form.choose')} options={CONTROL_AREAS.map((a) => ({ value: a, label: t(CONTROL_AREA_LABELS[a]) }))} required />
            <TextInput t={t} id="findingLegalBasis" name="legalBasis" label={t('casework.finding.legalBasis')} hint={t('casework.finding.legalBasisHint')} value={val('finding', 'legalBasis')} maxLength={300} required />
            <Textarea t={t} id="findingDescription" name="description" label={t('casework.finding.description')} value={val('finding', 'description')} maxLength={5000} required />
            <Textarea t={t} id="findingRequiredAction" name="requiredAction" label={t('casework.finding.requiredAction')} value={val('finding', 'requiredAction')} maxLength={5000} required />
            <Textarea t={t} id="findingRootCause" name="rootCause" label={t('casework.finding.rootCause')} value={val('finding', 'rootCause')} maxLength={5000} optional />
            <TextInput t={t} id="findingDueOn" name="dueOn" label={t('casework.col.due')} hint={t('casework.finding.dueOnHint')} value={val('finding', 'dueOn')} maxLength={10} width={10} optional />
            <Button variant="secondary">{t('casework.finding.submit')}</Button>
          </Form>
        </>
      ) : null}
      <EnforcementSection ctx={ctx} view={v} formKey={formKey} problem={problem} />
    </PageLayout>
  )
}
