/**
 * Admin pages of assessment cycles (/admin/cycles): the list with counts, the create form, and one
 * cycle's page with its settings form and the close / reopen action. Pure views: cycles.routes.tsx
 * loads everything and passes it in. Dates are day / month / year boxes (BE or CE year).
 */
import { cyclePhase, type CyclePhase } from '#src/cycles/cycle-status.rules.ts'
import type { CycleListRow } from '#src/cycles/cycles.repo.ts'
import { CYCLE_CODE_MAX, CYCLE_NAME_MAX } from '#src/cycles/cycles.schemas.ts'
import { bangkokDay } from '#src/cycles/deadline.rules.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { isoToDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { formatDateLong, formatIsoDateLong, formatNumber } from '#src/platform/i18n/format.ts'
import type { Cycle } from '#src/submissions/submissions.repo.ts'
import { Button, DateInput, ErrorSummary, Form, Select, TextInput, dateBoxId, dateBoxesInError, datePartsValue, fieldErrors, textValue, type PageField } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const CYCLE_PHASE_LABELS = {
  scheduled: 'cycles.phase.scheduled',
  open: 'cycles.phase.open',
  past_deadline: 'cycles.phase.past_deadline',
  closed: 'cycles.phase.closed',
} as const satisfies Record<CyclePhase, MessageKey>

export const CYCLE_PHASE_TONES = {
  scheduled: 'grey',
  open: 'green',
  past_deadline: 'yellow',
  closed: 'red',
} as const satisfies Record<CyclePhase, Tone>

export const cyclePath = (code: string) => `/admin/cycles/${encodeURIComponent(code)}`

const cycleName = (c: { nameTh: string; nameEn: string }, locale: 'th' | 'en') => (locale === 'en' ? c.nameEn : c.nameTh)

export function CyclesListPage({ ctx, rows, now, flash }: { ctx: PageContext; rows: CycleListRow[]; now: Date; flash?: Flash | undefined }) {
  const { t, locale } = ctx
  const n = (v: number) => formatNumber(v, locale)
  return (
    <PageLayout ctx={ctx} title={t('cycles.title')}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('cycles.title')}</h1>
      <p class="body">{t('cycles.lead')}</p>
      <p class="body">
        <a class="button" role="button" href="/admin/cycles/new">
          {t('cycles.create.title')}
        </a>{' '}
        <a class="button button--secondary" role="button" href="/staff/extensions">
          {t('cycles.extensions.title')}
        </a>
      </p>
      <table class="table" id="cycles">
        <caption class="visually-hidden">{t('cycles.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cycles.col.cycle')}</th>
            <th scope="col">{t('cycles.col.status')}</th>
            <th scope="col">{t('cycles.col.dates')}</th>
            <th scope="col">{t('cycles.col.version')}</th>
            <th scope="col" class="numeric">
              {t('cycles.col.assessments')}
            </th>
            <th scope="col" class="numeric">
              {t('cycles.col.submitted')}
            </th>
            <th scope="col" class="numeric">
              {t('cycles.col.pendingExtensions')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colspan={7} class="table__empty">
                {t('cycles.none')}
              </td>
            </tr>
          ) : (
            rows.map((c) => (
              <tr key={c.id} data-cycle={c.code}>
                <td>
                  <a href={cyclePath(c.code)}>{c.code}</a>
                  <br />
                  <span class="hint">{cycleName(c, locale)}</span>
                </td>
                <td>
                  <StatusTag t={t} status={cyclePhase(c, c.deadline, now)} tones={CYCLE_PHASE_TONES} labels={CYCLE_PHASE_LABELS} />
                </td>
                <td>
                  {t('cycles.opensOn', { date: formatDateLong(c.opensAt, locale) })}
                  <br />
                  {t('cycles.dueOn', { date: formatDateLong(c.deadline, locale) })}
                </td>
                <td>{c.definitionVersion}</td>
                <td class="numeric" data-count="assessments">
                  {n(c.assessments)}
                </td>
                <td class="numeric" data-count="submitted">
                  {n(c.submitted)}
                </td>
                <td class="numeric" data-count="pending">
                  {n(c.pendingExtensions)}
                </td>
              </tr>
            ))
          )}
        </tbody>
      </table>
      <p class="body">
        <a href="/admin">{t('admin.title')}</a>
      </p>
    </PageLayout>
  )
}

/** The fields of the cycle form in page order (the error summary follows it). */
const CYCLE_FIELDS: readonly PageField[] = [
  { path: 'nameTh', params: { max: CYCLE_NAME_MAX } },
  { path: 'nameEn', params: { max: CYCLE_NAME_MAX } },
  { path: 'periodStart', id: dateBoxId('periodStart', 'day') },
  { path: 'periodEnd', id: dateBoxId('periodEnd', 'day') },
  { path: 'opensOn', id: dateBoxId('opensOn', 'day') },
  { path: 'deadlineOn', id: dateBoxId('deadlineOn', 'day') },
  'definitionVersion',
]
const CREATE_FIELDS: readonly PageField[] = [{ path: 'code', params: { max: CYCLE_CODE_MAX } }, ...CYCLE_FIELDS]

/** The stored cycle as the form's values (dates in the viewer's era). */
export function cycleFormValues(cycle: Cycle, locale: 'th' | 'en'): RawForm {
  const era = locale === 'th' ? 'BE' : 'CE'
  return {
    nameTh: cycle.nameTh,
    nameEn: cycle.nameEn,
    periodStart: isoToDateParts(cycle.periodStart, era),
    periodEnd: isoToDateParts(cycle.periodEnd, era),
    opensOn: isoToDateParts(bangkokDay(cycle.opensAt), era),
    deadlineOn: isoToDateParts(bangkokDay(cycle.deadline), era),
    definitionVersion: cycle.definitionVersion,
  }
}

type CycleFieldsProps = { ctx: PageContext; values: RawForm | undefined; errs: ReturnType<typeof fieldErrors>; versions: string[]; versionLocked: boolean }

function CycleFields({ ctx, values, errs, versions, versionLocked }: CycleFieldsProps) {
  const { t } = ctx
  const date = (id: 'periodStart' | 'periodEnd' | 'opensOn' | 'deadlineOn', legend: MessageKey, hint?: MessageKey) => {
    const v = datePartsValue(values, id)
    return <DateInput t={t} id={id} legend={t(legend)} hint={hint ? t(hint) : undefined} error={errs.text(id)} errorBoxes={dateBoxesInError(v, errs.key(id))} value={v} />
  }
  const version = textValue(values, 'definitionVersion')
  return (
    <>
      <TextInput t={t} id="nameTh" label={t('cycles.field.nameTh')} hint={t('cycles.field.nameThHint')} error={errs.text('nameTh')} value={textValue(values, 'nameTh')} maxLength={CYCLE_NAME_MAX} required />
      <TextInput t={t} id="nameEn" label={t('cycles.field.nameEn')} error={errs.text('nameEn')} value={textValue(values, 'nameEn')} maxLength={CYCLE_NAME_MAX} required />
      {date('periodStart', 'cycles.field.periodStart', 'cycles.field.periodHint')}
      {date('periodEnd', 'cycles.field.periodEnd')}
      {date('opensOn', 'cycles.field.opensOn', 'cycles.field.opensOnHint')}
      {date('deadlineOn', 'cycles.field.deadlineOn', 'cycles.field.deadlineOnHint')}
      {versionLocked ? (
        <div class="form-group">
          <p class="label">{t('cycles.field.version')}</p>
          <p class="body" id="definitionVersion-locked">
            {version} — {t('cycles.field.versionLocked')}
          </p>
          <input type="hidden" name="definitionVersion" value={version} />
        </div>
      ) : (
        <Select
          t={t}
          id="definitionVersion"
          label={t('cycles.field.version')}
          hint={t('cycles.field.versionHint')}
          error={errs.text('definitionVersion')}
          value={version}
          placeholder={t('cycles.field.versionChoose')}
          options={versions.map((v) => ({ value: v, label: v }))}
          required
        />
      )}
    </>
  )
}

export function CreateCyclePage({ ctx, versions, values, errors }: { ctx: PageContext; versions: string[]; values?: RawForm | undefined; errors?: FormErrors | undefined }) {
  const { t } = ctx
  const errs = fieldErrors(t, errors, CREATE_FIELDS)
  return (
    <PageLayout ctx={ctx} title={t('cycles.create.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('cycles.create.title')}</h1>
      <p class="body">{t('cycles.create.lead')}</p>
      <Form ctx={ctx} action="/admin/cycles" id="cycle-form">
        <TextInput
          t={t}
          id="code"
          label={t('cycles.field.code')}
          hint={t('cycles.field.codeHint')}
          error={errs.text('code')}
          value={textValue(values, 'code')}
          maxLength={CYCLE_CODE_MAX}
          width={10}
          spellcheck={false}
          required
        />
        <CycleFields ctx={ctx} values={values} errs={errs} versions={versions} versionLocked={false} />
        <Button>{t('cycles.create.submit')}</Button>
      </Form>
      <p class="body">
        <a href="/admin/cycles">{t('cycles.backToList')}</a>
      </p>
    </PageLayout>
  )
}

export type CyclePageProps = {
  ctx: PageContext
  cycle: Cycle
  assessments: number
  versionLocked: boolean
  versions: string[]
  now: Date
  values?: RawForm | undefined
  errors?: FormErrors | undefined
  flash?: Flash | undefined
}

export function CyclePage(p: CyclePageProps) {
  const { ctx, cycle } = p
  const { t, locale } = ctx
  const errs = fieldErrors(t, p.errors, CYCLE_FIELDS)
  const phase = cyclePhase(cycle, cycle.deadline, p.now)
  const closed = phase === 'closed'
  const title = t('cycles.cycle.title', { code: cycle.code })
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={errs.hasErrors}>
      <FlashBanner t={t} flash={p.flash} />
      <ErrorSummary t={t} items={errs.summary} />
      <span class="caption-l">{cycleName(cycle, locale)}</span>
      <h1 class="heading-xl">{title}</h1>
      <dl class="summary-list" id="cycle-facts">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('cycles.col.status')}</dt>
          <dd class="summary-list__value">
            <StatusTag t={t} status={phase} tones={CYCLE_PHASE_TONES} labels={CYCLE_PHASE_LABELS} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('cycles.col.period')}</dt>
          <dd class="summary-list__value">
            {formatIsoDateLong(cycle.periodStart, locale)} – {formatIsoDateLong(cycle.periodEnd, locale)}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('cycles.col.assessments')}</dt>
          <dd class="summary-list__value" data-count="assessments">
            {formatNumber(p.assessments, locale)}
          </dd>
        </div>
      </dl>

      <h2 class="heading-l">{t('cycles.edit.title')}</h2>
      <Form ctx={ctx} action={cyclePath(cycle.code)} id="cycle-form">
        <CycleFields ctx={ctx} values={p.values ?? cycleFormValues(cycle, locale)} errs={errs} versions={p.versions} versionLocked={p.versionLocked} />
        <Button>{t('cycles.edit.submit')}</Button>
      </Form>

      <section aria-labelledby="status-heading">
        <h2 class="heading-l" id="status-heading">
          {t(closed ? 'cycles.reopen.heading' : 'cycles.close.heading')}
        </h2>
        {closed ? (
          <NotificationBanner t={t} titleId="closed-title">
            <p class="body">{t('cycles.close.closedNote')}</p>
          </NotificationBanner>
        ) : null}
        <p class="body">{t(closed ? 'cycles.reopen.lead' : 'cycles.close.lead')}</p>
        <Form ctx={ctx} action={`${cyclePath(cycle.code)}/status`} id="status-form">
          <Button variant={closed ? 'primary' : 'secondary'} name="action" value={closed ? 'reopen' : 'close'}>
            {t(closed ? 'cycles.reopen.submit' : 'cycles.close.submit')}
          </Button>
        </Form>
      </section>
      <p class="body">
        <a href="/admin/cycles">{t('cycles.backToList')}</a>
      </p>
    </PageLayout>
  )
}
