/**
 * The supervision plan (/staff/plans, domain.md §7): choose a cycle, propose a plan from the
 * ratings with each examiner's capacity, see the items grouped by rating and case type with the
 * examiner and capacity use, the items over capacity, adjust a proposed plan (type, examiner, due
 * month, remove, add a business) and approve it with a confirmation. JavaScript-off forms. Pure view.
 */
import type { PlanItemView } from '#src/cases/case-inbox.repo.ts'
import { CASE_TYPE_LABEL, PLAN_REASON_LABEL, PLAN_SCOPE_LABEL, PLAN_STATUS_LABEL } from '#src/cases/cases.model.ts'
import { PLAN_CASE_TYPES } from '#src/cases/adjust-plan.ts'
import type { PlanView } from '#src/cases/get-plan-view.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric, formatIsoDateLong, formatNumber } from '#src/platform/i18n/format.ts'
import { RATINGS } from '#src/review/review.model.ts'
import { Button, Checkboxes, ErrorSummary, Form, Select, TextInput } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { RATING_LABELS } from '#src/web/staff/staff-labels.ts'

export const planHref = (cycleCode: string | undefined, planId?: string) => {
  const p = new URLSearchParams()
  if (cycleCode) p.set('cycle', cycleCode)
  if (planId) p.set('plan', planId)
  const s = p.toString()
  return `/staff/plans${s ? `?${s}` : ''}`
}

/** Which form a refused post came from; the error summary links to its first field. */
export type PlanProblem = { form: 'propose' | 'item' | 'add' | 'approve'; itemId?: string; messageKey: MessageKey; values: Record<string, unknown> }

export type PlanPageProps = { ctx: PageContext; view: PlanView; canApprove: boolean; formKey: string; flash?: Flash | undefined; problem?: PlanProblem | undefined }

export function PlanPage({ ctx, view: v, canApprove, formKey, flash, problem }: PlanPageProps) {
  const { t, locale } = ctx
  const plan = v.plan
  const editable = !!plan && plan.status === 'proposed' && canApprove
  const workerName = (w: { firstName: string; lastName: string }) => `${w.firstName} ${w.lastName}`.trim()
  const workerOptions = v.workers.map((w) => ({ value: w.id, label: workerName(w) }))
  const typeOptions = PLAN_CASE_TYPES.map((ty) => ({ value: ty, label: t(CASE_TYPE_LABEL[ty]) }))
  const planned = v.items.filter((i) => i.status === 'planned')
  const over = v.items.filter((i) => i.status === 'over_capacity')
  const errorId = !problem ? '' : problem.form === 'item' ? `item-${problem.itemId ?? ''}-type` : problem.form === 'add' ? 'addJuristicId' : problem.form === 'approve' ? 'confirm' : 'propose-form'
  const val = (form: PlanProblem['form'], key: string, fallback = '') => (problem?.form === form ? String(problem.values[key] ?? '') : fallback)
  const err = (form: PlanProblem['form']) => (problem?.form === form ? t(problem.messageKey) : undefined)
  const base = plan ? `/staff/plans/${plan.id}` : ''

  const ItemRow = ({ i }: { i: PlanItemView }) => {
    const own = problem?.form === 'item' && problem.itemId === i.id
    const formId = `item-${i.id}`
    return (
      <tr data-item={i.id} data-business={i.juristicId}>
        <td>
          {registeredName(i.nameTh, i.legalForm as LegalForm, locale, i.nameEn)}
          <br />
          <span class="hint">{i.juristicId}</span>
        </td>
        <td>
          {t(CASE_TYPE_LABEL[i.caseType])}
          <br />
          <span class="hint">
            {t(PLAN_SCOPE_LABEL[i.scope])} · {t(PLAN_REASON_LABEL[i.reason])}
          </span>
        </td>
        <td>{formatIsoDateLong(i.dueOn, locale)}</td>
        <td>{i.assigneeUserId ? (v.names.get(i.assigneeUserId) ?? '—') : t('casework.plans.noExaminer')}</td>
        {editable ? (
          <td>
            <Form ctx={ctx} action={`${base}/items/${i.id}`} id={formId}>
              <input type="hidden" name="idempotencyKey" value={formKey} />
              <Select t={t} id={`${formId}-type`} name="caseType" label={t('casework.col.type')} error={own ? t(problem.messageKey) : undefined} value={own ? String(problem.values.caseType ?? '') : i.caseType} options={typeOptions} />
              <Select t={t} id={`${formId}-assignee`} name="assignee" label={t('casework.plans.examiner')} value={own ? String(problem.values.assignee ?? '') : (i.assigneeUserId ?? '')} placeholder={t('casework.plans.noExaminer')} options={workerOptions} />
              <TextInput t={t} id={`${formId}-month`} name="dueMonth" label={t('casework.plans.dueMonth')} hint={t('casework.plans.dueMonthHint')} value={own ? String(problem.values.dueMonth ?? '') : i.dueOn.slice(0, 7)} maxLength={7} width={10} />
              <Button variant="secondary" name="op" value="update">
                {t('casework.plans.save')}
              </Button>
              <Button variant="secondary" name="op" value="remove">
                {t('casework.plans.remove')}
              </Button>
            </Form>
          </td>
        ) : null}
      </tr>
    )
  }

  const ItemsTable = ({ items, id, caption }: { items: PlanItemView[]; id: string; caption: string }) => (
    <table class="table" id={id}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('casework.col.business')}</th>
          <th scope="col">{t('casework.col.type')}</th>
          <th scope="col">{t('casework.col.due')}</th>
          <th scope="col">{t('casework.plans.examiner')}</th>
          {editable ? <th scope="col">{t('casework.plans.adjust')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {items.map((i) => (
          <ItemRow i={i} key={i.id} />
        ))}
      </tbody>
    </table>
  )

  return (
    <PageLayout ctx={ctx} title={t('casework.plans.title')} hasErrors={!!problem}>
      <ErrorSummary t={t} items={problem ? [{ id: errorId, text: t(problem.messageKey) }] : []} />
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('casework.plans.title')}</h1>
      <p class="body">{t('casework.plans.lead')}</p>
      <form method="get" action="/staff/plans" class="filters">
        <Select t={t} id="cycle" label={t('casework.plans.cycle')} value={v.cycle?.code ?? ''} options={v.cycles.map((c) => ({ value: c.code, label: locale === 'en' ? c.nameEn : c.nameTh }))} />
        <div class="form-group">
          <Button variant="secondary">{t('casework.plans.show')}</Button>
        </div>
      </form>
      {v.plans.length ? (
        <ul class="list" id="plan-versions">
          {v.plans.map((p) => (
            <li key={p.id}>
              {p.id === plan?.id ? (
                <strong>{t('casework.plans.version', { version: p.version, status: t(PLAN_STATUS_LABEL[p.status]) })}</strong>
              ) : (
                <a href={planHref(v.cycle?.code, p.id)}>{t('casework.plans.version', { version: p.version, status: t(PLAN_STATUS_LABEL[p.status]) })}</a>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p class="body">{t('casework.plans.none')}</p>
      )}

      {plan ? (
        <section aria-labelledby="plan-heading" id="plan">
          <h2 class="heading-l" id="plan-heading">
            {t('casework.plans.version', { version: plan.version, status: t(PLAN_STATUS_LABEL[plan.status]) })}
          </h2>
          <p class="body" id="plan-summary">
            {t('casework.plans.summary', { planned: planned.length, over: over.length })}
            <br />
            <span class="hint">
              {t('casework.plans.proposedBy', { name: v.names.get(plan.proposedBy) ?? '', at: formatDateTimeNumeric(plan.proposedAt) })}
              {plan.approvedAt ? ` · ${t('casework.plans.approvedBy', { name: v.names.get(plan.approvedBy ?? '') ?? '', at: formatDateTimeNumeric(plan.approvedAt) })}` : ''}
            </span>
          </p>
          <table class="table" id="capacity">
            <caption>{t('casework.plans.capacityCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('casework.plans.examiner')}</th>
                <th scope="col" class="numeric">
                  {t('casework.plans.capacity')}
                </th>
                <th scope="col" class="numeric">
                  {t('casework.plans.assigned')}
                </th>
              </tr>
            </thead>
            <tbody>
              {v.capacity.map((c) => (
                <tr key={c.userId} data-over={c.capacity !== null && c.assigned > c.capacity ? 'true' : undefined}>
                  <td>{c.name}</td>
                  <td class="numeric">{c.capacity === null ? '–' : formatNumber(c.capacity, locale)}</td>
                  <td class="numeric">
                    {formatNumber(c.assigned, locale)}
                    {c.capacity !== null && c.assigned > c.capacity ? (
                      <>
                        {' '}
                        <strong class="tag tag--red">{t('casework.plans.overCapacityTag')}</strong>
                      </>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {[...RATINGS].reverse().flatMap((rating) =>
            PLAN_CASE_TYPES.map((type) => {
              const items = planned.filter((i) => i.rating === rating && i.caseType === type)
              if (!items.length) return null
              const caption = t('casework.plans.group', { rating: t(RATING_LABELS[rating]), type: t(CASE_TYPE_LABEL[type]), count: items.length })
              return <ItemsTable key={`${rating}-${type}`} items={items} id={`items-${rating}-${type}`} caption={caption} />
            }),
          )}
          <h3 class="heading-m">{t('casework.plans.overCapacity', { count: over.length })}</h3>
          {over.length ? <ItemsTable items={over} id="over-capacity" caption={t('casework.plans.overCapacity', { count: over.length })} /> : <p class="body">{t('casework.plans.noneOver')}</p>}

          {editable ? (
            <>
              <h3 class="heading-m">{t('casework.plans.add')}</h3>
              <Form ctx={ctx} action={`${base}/items`} id="add-form">
                <input type="hidden" name="idempotencyKey" value={formKey} />
                <TextInput t={t} id="addJuristicId" name="juristicId" label={t('casework.col.juristicId')} error={err('add')} value={val('add', 'juristicId')} inputMode="numeric" maxLength={17} width={10} spellcheck={false} required />
                <Select t={t} id="addType" name="caseType" label={t('casework.col.type')} value={val('add', 'caseType', 'onsite_inspection')} options={typeOptions} />
                <Select t={t} id="addAssignee" name="assignee" label={t('casework.plans.examiner')} value={val('add', 'assignee')} placeholder={t('casework.plans.noExaminer')} options={workerOptions} />
                <TextInput t={t} id="addMonth" name="dueMonth" label={t('casework.plans.dueMonth')} hint={t('casework.plans.dueMonthHint')} value={val('add', 'dueMonth')} maxLength={7} width={10} required />
                <Button variant="secondary">{t('casework.plans.addSubmit')}</Button>
              </Form>
              <h3 class="heading-m">{t('casework.plans.approveHeading')}</h3>
              <Form ctx={ctx} action={`${base}/approve`} id="approve-form">
                <input type="hidden" name="idempotencyKey" value={formKey} />
                <Checkboxes
                  t={t}
                  id="confirm"
                  legend={t('casework.plans.approveHeading')}
                  error={err('approve')}
                  options={[{ value: 'yes', label: t('casework.plans.confirm', { count: planned.length }) }]}
                />
                <Button>{t('casework.plans.approve')}</Button>
              </Form>
            </>
          ) : null}
        </section>
      ) : null}

      {v.cycle ? (
        <section aria-labelledby="propose-heading">
          <h2 class="heading-l" id="propose-heading">
            {t('casework.plans.proposeHeading')}
          </h2>
          <p class="body">{t('casework.plans.proposeLead')}</p>
          <Form ctx={ctx} action="/staff/plans/propose" id="propose-form">
            <input type="hidden" name="idempotencyKey" value={formKey} />
            <input type="hidden" name="cycle" value={v.cycle.code} />
            {v.workers.map((w, n) => (
              <div key={w.id}>
                <input type="hidden" name={`examiner_${n}`} value={w.id} />
                <TextInput t={t} id={`capacity_${n}`} label={t('casework.plans.capacityOf', { name: workerName(w) })} value={val('propose', `capacity_${n}`)} inputMode="numeric" maxLength={4} width={4} optional />
              </div>
            ))}
            <Button>{t('casework.plans.propose')}</Button>
          </Form>
        </section>
      ) : null}
    </PageLayout>
  )
}
