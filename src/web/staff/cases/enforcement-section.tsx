/**
 * The escalation and enforcement parts of the staff case page (§8.5; issue 8), rendered by
 * case-page.tsx: the links between an escalated case and its enforcement referral cases, the
 * current escalation step of a finding, the "apply escalation steps due" button, and — on an
 * enforcement referral — its measures with a form to record one and to update each one's payment
 * and appeal status. Forms work without JavaScript. Pure view.
 */
import { CASE_STATUS_LABEL, caseReference, ESCALATION_STEP_LABEL } from '#src/cases/cases.model.ts'
import { APPEAL_STATUS_LABEL, APPEAL_STATUSES, ENFORCEMENT_MEASURES, PAYMENT_STATUS_LABEL, PAYMENT_STATUSES } from '#src/cases/enforcement.model.ts'
import type { EscalationStep } from '#src/cases/findings.rules.ts'
import type { CaseView } from '#src/cases/get-case-view.ts'
import type { MeasureField } from '#src/cases/record-enforcement-measure.ts'
import { formatDateTimeNumeric, formatIsoDateNumeric, formatMoney } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { Button, Form, Select, TextInput } from '#src/web/components/form/index.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { CaseProblem } from './case-page.tsx'
import { caseHref } from './inbox-page.tsx'

export const ENFORCEMENT_CSV_HREF = '/staff/cases/enforcement.csv'

/** The id of a field of the "record a measure" form. */
export const measureFieldId = (field: MeasureField) => `measure-${field}`
/** The id of the payment (or appeal) status of one measure's update form. */
export const measureStatusFieldId = (measureId: string, field: 'paymentStatus' | 'appealStatus' = 'paymentStatus') => `${field}-${measureId}`


/** Rows for the case facts: where a referral came from, and the referrals opened from this case. */
export function CaseLinks({ t, view: v }: { t: Translator; view: CaseView }) {
  const { parent, referrals } = v.enforcement
  if (!parent && referrals.length === 0) return null
  return (
    <dl class="summary-list" id="case-links">
      {parent ? (
        <div>
          <dt>{t('enforcement.links.from')}</dt>
          <dd>
            <a href={caseHref(parent.id)} id="parent-case-link">
              {caseReference(parent.number)}
            </a>{' '}
            · {t(CASE_STATUS_LABEL[parent.status])}
          </dd>
        </div>
      ) : null}
      {referrals.length ? (
        <div>
          <dt>{t('enforcement.links.referrals')}</dt>
          <dd>
            <ul class="list" id="referral-links">
              {referrals.map((r) => (
                <li key={r.id}>
                  <a href={caseHref(r.id)}>{caseReference(r.number)}</a> · {t(CASE_STATUS_LABEL[r.status])}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  )
}

/** A row of a finding's summary list: the last escalation step taken. */
export function FindingStepRow({ t, step }: { t: Translator; step: EscalationStep | null }) {
  return (
    <div data-escalation-step={step ?? ''}>
      <dt>{t('enforcement.finding.step')}</dt>
      <dd>{step ? t(ESCALATION_STEP_LABEL[step]) : t('enforcement.finding.noStep')}</dd>
    </div>
  )
}

type SectionProps = { ctx: PageContext; view: CaseView; formKey: string; problem?: CaseProblem | undefined }

/** "Apply escalation steps due" (open cases with findings), then the measures of a referral. */
export function EnforcementSection({ ctx, view: v, formKey, problem }: SectionProps) {
  const { t } = ctx
  const e = v.enforcement
  const base = caseHref(v.case.id)
  const key = (form: string) => <input type="hidden" name="idempotencyKey" value={`${formKey}:${form}`} />
  return (
    <>
      {e.escalation ? (
        <section id="escalation">
          <h2 class="heading-l">{t('enforcement.escalation.heading')}</h2>
          <p class="body" id="escalation-due">
            {e.escalation.due > 0 ? t('enforcement.escalation.due', { count: e.escalation.due }) : t('enforcement.escalation.noneDue')}
          </p>
          <p class="body hint">{t('enforcement.escalation.hint')}</p>
          <Form ctx={ctx} action={`${base}/escalations`} id="escalation-form">
            {key('escalation')}
            {problem?.form === 'escalation' ? (
              <p class="error-message" id="escalation-error">
                {t(problem.messageKey)}
              </p>
            ) : null}
            <Button variant="secondary">{t('enforcement.escalation.submit')}</Button>
          </Form>
        </section>
      ) : null}
      {e.measures ? <MeasuresSection ctx={ctx} view={v} formKey={formKey} problem={problem} /> : null}
    </>
  )
}

function MeasuresSection({ ctx, view: v, formKey, problem }: SectionProps) {
  const { t, locale } = ctx
  const e = v.enforcement
  const measures = e.measures ?? []
  const base = caseHref(v.case.id)
  const key = (form: string) => <input type="hidden" name="idempotencyKey" value={`${formKey}:${form}`} />
  const recordProblem = problem?.form === 'measure' ? problem : undefined
  const field = (f: MeasureField) => ({
    id: measureFieldId(f),
    name: f,
    value: recordProblem ? String(recordProblem.values[f] ?? '') : '',
    error: recordProblem && recordProblem.fieldId === measureFieldId(f) ? t(recordProblem.messageKey) : undefined,
  })
  const statusProblem = (measureId: string) => (problem?.form === 'measureStatus' && problem.fieldId?.endsWith(measureId) ? problem : undefined)
  const statusOptions = { payment: PAYMENT_STATUSES.map((s) => ({ value: s, label: t(PAYMENT_STATUS_LABEL[s]) })), appeal: APPEAL_STATUSES.map((s) => ({ value: s, label: t(APPEAL_STATUS_LABEL[s]) })) }
  return (
    <section id="enforcement-measures">
      <h2 class="heading-l">{t('enforcement.measures.heading')}</h2>
      <table class="table" id="measures">
        <caption class="visually-hidden">{t('enforcement.measures.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('enforcement.col.measure')}</th>
            <th scope="col">{t('enforcement.col.provision')}</th>
            <th scope="col" class="numeric">
              {t('enforcement.col.amount')}
            </th>
            <th scope="col">{t('enforcement.col.body')}</th>
            <th scope="col">{t('enforcement.col.decidedOn')}</th>
            <th scope="col">{t('enforcement.col.payment')}</th>
            <th scope="col">{t('enforcement.col.appeal')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.length === 0 ? (
            <tr>
              <td colspan={7} class="table__empty">
                {t('enforcement.measures.none')}
              </td>
            </tr>
          ) : (
            measures.map((m) => {
              const sp = statusProblem(m.id)
              return (
                <tr key={m.id} data-measure={m.id}>
                  <td>{t(ESCALATION_STEP_LABEL[m.measure])}</td>
                  <td>{m.legalProvision}</td>
                  <td class="numeric">{m.amountThb === null ? '—' : formatMoney(Number(m.amountThb), locale)}</td>
                  <td>{m.decisionBody}</td>
                  <td>
                    {formatIsoDateNumeric(m.decidedOn)}
                    <br />
                    <span class="hint">{t('enforcement.col.updatedAt')}: {formatDateTimeNumeric(m.updatedAt)}</span>
                  </td>
                  <td data-payment={m.paymentStatus}>{t(PAYMENT_STATUS_LABEL[m.paymentStatus])}</td>
                  <td data-appeal={m.appealStatus}>
                    {t(APPEAL_STATUS_LABEL[m.appealStatus])}
                    {e.canUpdateMeasures ? (
                      <Form ctx={ctx} action={`${base}/measures/${m.id}`} id={`measure-status-form-${m.id}`}>
                        {key(`measure-status-${m.id}`)}
                        <Select
                          t={t}
                          id={measureStatusFieldId(m.id)}
                          name="paymentStatus"
                          label={t('enforcement.col.payment')}
                          error={sp && sp.fieldId === measureStatusFieldId(m.id) ? t(sp.messageKey) : undefined}
                          value={sp ? String(sp.values.paymentStatus ?? '') : m.paymentStatus}
                          options={m.amountThb === null ? statusOptions.payment.filter((o) => o.value === 'not_applicable') : statusOptions.payment.filter((o) => o.value !== 'not_applicable')}
                        />
                        <Select t={t} id={measureStatusFieldId(m.id, 'appealStatus')} name="appealStatus" label={t('enforcement.col.appeal')} error={sp && sp.fieldId === measureStatusFieldId(m.id, 'appealStatus') ? t(sp.messageKey) : undefined} value={sp ? String(sp.values.appealStatus ?? '') : m.appealStatus} options={statusOptions.appeal} />
                        <Button variant="secondary">{t('enforcement.form.update')}</Button>
                      </Form>
                    ) : null}
                  </td>
                </tr>
              )
            })
          )}
        </tbody>
      </table>
      <p class="body">
        <a href={ENFORCEMENT_CSV_HREF} id="enforcement-csv-link">
          {t('enforcement.measures.export')}
        </a>
      </p>
      {e.canRecordMeasure ? (
        <>
          <h3 class="heading-m">{t('enforcement.form.add')}</h3>
          <Form ctx={ctx} action={`${base}/measures`} id="measure-form">
            {key('measure')}
            <Select t={t} {...field('measure')} label={t('enforcement.col.measure')} placeholder={t('casework.form.choose')} options={ENFORCEMENT_MEASURES.map((s) => ({ value: s, label: t(ESCALATION_STEP_LABEL[s]) }))} required />
            <TextInput t={t} {...field('legalProvision')} label={t('enforcement.col.provision')} maxLength={300} required />
            <TextInput t={t} {...field('amount')} label={t('enforcement.col.amount')} hint={t('enforcement.form.amountHint')} inputMode="decimal" maxLength={30} width={10} optional />
            <TextInput t={t} {...field('decisionBody')} label={t('enforcement.col.body')} maxLength={300} required />
            <TextInput t={t} {...field('decidedOn')} label={t('enforcement.col.decidedOn')} hint={t('casework.form.dateHint')} maxLength={10} width={10} required />
            <Select t={t} {...field('paymentStatus')} label={t('enforcement.col.payment')} hint={t('enforcement.form.paymentHint')} placeholder={t('casework.form.choose')} options={statusOptions.payment} optional />
            <Select t={t} {...field('appealStatus')} label={t('enforcement.col.appeal')} options={statusOptions.appeal} optional />
            <Button variant="secondary">{t('enforcement.form.submit')}</Button>
          </Form>
        </>
      ) : null}
    </section>
  )
}
