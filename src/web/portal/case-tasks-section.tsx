/**
 * "คำขอข้อมูลและการแก้ไขจาก ปปง." on the business's portal home: its inspection reports (a draft
 * awaiting its response, final reports with their PDF), its open information requests and
 * remediation actions (open or rejected), soonest due first, with the due date (numeric
 * dd/mm/yyyy, as on every screen), days left or an "overdue" tag; reports also show when they were
 * issued, in a column of their own, each linking to its page under /portal/cases. Only business-facing fields
 * (get-business-case-tasks.ts): never notes, assignees or other businesses' findings.
 */
import type { BusinessCaseTasks } from '#src/cases/get-business-case-tasks.ts'
import { caseReference, INFORMATION_REQUEST_STATUS_LABEL, REMEDIATION_STATUS_LABEL } from '#src/cases/cases.model.ts'
import { daysLeft } from '#src/cases/sla.rules.ts'
import { formatDateNumeric, formatIsoDateNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { TONE_CLASS } from '#src/web/components/status/status-tag.tsx'

export const caseRequestPath = (id: string) => `/portal/cases/requests/${id}`
export const caseActionPath = (id: string) => `/portal/cases/actions/${id}`
export const caseReportPath = (id: string) => `/portal/cases/reports/${id}`

export function DueCell({ t, dueOn, now }: { t: Translator; dueOn: string; now: Date }) {
  const left = daysLeft(dueOn, now)
  return (
    <td>
      {formatIsoDateNumeric(dueOn)}
      <br />
      {left < 0 ? <strong class={TONE_CLASS.red}>{t('cases.portal.overdue')}</strong> : <span class="hint">{t('cases.portal.daysLeft', { days: left })}</span>}
    </td>
  )
}

/** `locale` is kept for the caller; every date here is numeric (the same in both languages). */
export function CaseTasksSection({ t, tasks, now }: { t: Translator; locale: Locale; tasks: BusinessCaseTasks; now: Date }) {
  const reports = tasks.reports ?? { awaiting: [], finals: [] }
  const empty = !tasks.requests.length && !tasks.actions.length && !reports.awaiting.length && !reports.finals.length
  return (
    <section id="case-tasks" aria-labelledby="case-tasks-heading">
      <h2 class="heading-l" id="case-tasks-heading">
        {t('cases.portal.heading')}
      </h2>
      {empty ? <p class="body">{t('cases.portal.none')}</p> : null}
      {reports.awaiting.length || reports.finals.length ? (
        <table class="table" id="case-reports">
          <caption class="heading-m">{t('casework.reports.portal.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.portal.colItem')}</th>
              <th scope="col">{t('cases.portal.colCase')}</th>
              <th scope="col">{t('cases.portal.colDue')}</th>
              <th scope="col">{t('casework.reports.portal.colIssued')}</th>
            </tr>
          </thead>
          <tbody>
            {reports.awaiting.map((r) => (
              <tr key={r.id} data-report={r.id}>
                <td>
                  <a class="link" href={caseReportPath(r.id)}>
                    {t('casework.reports.portal.awaiting')}
                  </a>
                </td>
                <td>{caseReference(r.caseNumber)}</td>
                <DueCell t={t} dueOn={r.responseDueOn!} now={now} />
                <td>{formatDateNumeric(r.issuedAt)}</td>
              </tr>
            ))}
            {reports.finals.map((r) => (
              <tr key={r.id} data-report={r.id}>
                <td>
                  <a class="link" href={caseReportPath(r.id)}>
                    {t('casework.reports.portal.final')}
                  </a>
                  <br />
                  <a class="link" href={`${caseReportPath(r.id)}/report.pdf`}>
                    {t('casework.reports.finalPdf')}
                  </a>
                </td>
                <td>{caseReference(r.caseNumber)}</td>
                <td>
                  <span aria-hidden="true">—</span>
                  <span class="visually-hidden">{t('casework.reports.portal.noDue')}</span>
                </td>
                <td>{formatDateNumeric(r.issuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {tasks.requests.length ? (
        <table class="table" id="case-requests">
          <caption class="heading-m">{t('cases.portal.requestsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.portal.colItem')}</th>
              <th scope="col">{t('cases.portal.colCase')}</th>
              <th scope="col">{t('cases.portal.colDue')}</th>
              <th scope="col">{t('cases.portal.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.requests.map((r) => (
              <tr key={r.id}>
                <td>
                  <a class="link" href={caseRequestPath(r.id)}>
                    {r.subject}
                  </a>
                </td>
                <td>{caseReference(r.caseNumber)}</td>
                <DueCell t={t} dueOn={r.dueOn} now={now} />
                <td>{t(INFORMATION_REQUEST_STATUS_LABEL[r.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {tasks.actions.length ? (
        <table class="table" id="case-actions">
          <caption class="heading-m">{t('cases.portal.actionsCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('cases.portal.colItem')}</th>
              <th scope="col">{t('cases.portal.colCase')}</th>
              <th scope="col">{t('cases.portal.colDue')}</th>
              <th scope="col">{t('cases.portal.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.actions.map((a) => (
              <tr key={a.id}>
                <td>
                  <a class="link" href={caseActionPath(a.id)}>
                    {a.description}
                  </a>
                  <br />
                  <span class="hint">{a.findingTitle}</span>
                </td>
                <td>{caseReference(a.caseNumber)}</td>
                <DueCell t={t} dueOn={a.dueOn} now={now} />
                <td>{t(REMEDIATION_STATUS_LABEL[a.status])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  )
}
