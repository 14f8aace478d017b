/**
 * Pages of the business registry admin (issue 7): the list with search and filters, the business
 * form (add and edit, status and ceased date), the record's links, delete (only for a record nothing
 * hangs on) and the merge of a duplicate (preview, then confirm). Views only: pure functions of props.
 */
import { ENTITY_STATUSES, LEGAL_FORMS, type EntityStatus, type LegalForm } from '#src/entities/business-types.model.ts'
import type { BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { BusinessView } from '#src/entities/get-business.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import type { BusinessList } from '#src/entities/list-businesses.ts'
import type { MergeCheck } from '#src/entities/merge-businesses.ts'
import type { BusinessField, BusinessRecord } from '#src/entities/registry.model.ts'
import type { RegistryBusiness } from '#src/entities/registry-admin.repo.ts'
import { ADDRESS_LINE_MAX, NAME_MAX, PLACE_MAX } from '#src/entities/registry.schemas.ts'
import { PROVINCE_NAMES } from '#src/entities/thai-address.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { isoToDateParts } from '#src/platform/i18n/date-input.rules.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { Button, Checkboxes, DateInput, ErrorSummary, Form, Radios, Select, TextInput, dateBoxId, dateBoxesInError, datePartsValue, fieldErrors, listValue, textValue } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export const REGISTRY_PATH = '/admin/businesses'

export const ENTITY_STATUS_LABEL = { active: 'registry.status.active', inactive: 'registry.status.ceased' } as const satisfies Record<EntityStatus, MessageKey>
const ENTITY_STATUS_TONE = { active: 'green', inactive: 'grey' } as const satisfies Record<EntityStatus, Tone>
export const LEGAL_FORM_LABEL = {
  company_limited: 'questionnaire.option.legalForm.company_limited',
  public_company_limited: 'questionnaire.option.legalForm.public_company_limited',
  limited_partnership: 'questionnaire.option.legalForm.limited_partnership',
  registered_ordinary_partnership: 'questionnaire.option.legalForm.registered_ordinary_partnership',
  foreign_company_branch: 'questionnaire.option.legalForm.foreign_company_branch',
  other: 'questionnaire.option.legalForm.other',
} as const satisfies Record<LegalForm, MessageKey>
export const FIELD_LABEL = {
  juristicId: 'registry.field.juristicId',
  nameTh: 'registry.field.nameTh',
  nameEn: 'registry.field.nameEn',
  legalForm: 'registry.field.legalForm',
  primaryBusinessType: 'registry.field.primaryBusinessType',
  otherBusinessTypes: 'registry.field.otherBusinessTypes',
  addressLine: 'registry.field.addressLine',
  province: 'registry.field.province',
  district: 'registry.field.district',
  subdistrict: 'registry.field.subdistrict',
  postcode: 'registry.field.postcode',
  status: 'registry.field.status',
  ceasedOn: 'registry.field.ceasedOn',
} as const satisfies Record<BusinessField, MessageKey>

export const businessName = (b: Pick<BusinessRecord, 'nameTh' | 'nameEn' | 'legalForm'>, locale: 'th' | 'en') => registeredName(b.nameTh, b.legalForm, locale, b.nameEn)
export const typeNamer = (types: readonly BusinessTypeOption[], locale: 'th' | 'en') => (code: string) => {
  const found = types.find((x) => x.code === code)
  return found ? (locale === 'th' ? found.nameTh : found.nameEn) : code
}

export function EntityStatusTag({ t, status }: { t: Translator; status: EntityStatus }) {
  return <StatusTag t={t} status={status} tones={ENTITY_STATUS_TONE} labels={ENTITY_STATUS_LABEL} />
}

// ── List ─────────────────────────────────────────────────────────────────────────────────────

export type RegistrySearchView = { q?: string; status?: EntityStatus; type?: string; page: number }

const listHref = (s: RegistrySearchView, page: number) => {
  const p = new URLSearchParams()
  if (s.q) p.set('q', s.q)
  if (s.status) p.set('status', s.status)
  if (s.type) p.set('type', s.type)
  if (page > 1) p.set('page', String(page))
  const qs = p.toString()
  return `${REGISTRY_PATH}${qs ? `?${qs}` : ''}`
}

export function RegistryListPage({ ctx, search, list, types, flash }: { ctx: PageContext; search: RegistrySearchView; list: BusinessList; types: readonly BusinessTypeOption[]; flash?: Flash }) {
  const { t, locale } = ctx
  const typeName = typeNamer(types, locale)
  return (
    <PageLayout ctx={ctx} title={t('registry.title')}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('registry.title')}</h1>
      <p class="body">
        <a class="button button--secondary" href={`${REGISTRY_PATH}/new`}>
          {t('registry.add.title')}
        </a>{' '}
        <a class="button button--secondary" href={`${REGISTRY_PATH}/import`}>
          {t('registry.import.title')}
        </a>
      </p>
      <form method="get" action={REGISTRY_PATH} class="filters" role="search">
        <TextInput t={t} id="q" type="search" label={t('registry.list.search')} hint={t('registry.list.searchHint')} value={search.q ?? ''} maxLength={200} spellcheck={false} />
        <Select t={t} id="status" label={t('registry.field.status')} value={search.status ?? ''} placeholder={t('registry.list.all')} options={ENTITY_STATUSES.map((s) => ({ value: s, label: t(ENTITY_STATUS_LABEL[s]) }))} />
        <Select t={t} id="type" label={t('registry.list.type')} value={search.type ?? ''} placeholder={t('registry.list.all')} options={types.map((x) => ({ value: x.code, label: typeName(x.code) }))} />
        <div class="form-group">
          <Button variant="secondary">{t('registry.list.searchSubmit')}</Button>
        </div>
      </form>
      <p class="body" role="status">
        {t('registry.list.count', { count: list.total })}
      </p>
      {list.rows.length ? (
        <table class="table">
          <caption class="visually-hidden">{t('registry.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('registry.list.colName')}</th>
              <th scope="col">{t('registry.field.juristicId')}</th>
              <th scope="col">{t('registry.field.primaryBusinessType')}</th>
              <th scope="col">{t('registry.field.province')}</th>
              <th scope="col">{t('registry.field.status')}</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((b) => (
              <tr key={b.id}>
                <td>
                  <a href={`${REGISTRY_PATH}/${b.id}`}>{businessName(b, locale)}</a>
                  {locale === 'th' && b.nameEn ? (
                    <>
                      <br />
                      <span class="hint" lang="en">
                        {businessName(b, 'en')}
                      </span>
                    </>
                  ) : null}
                </td>
                <td>{formatJuristicId(b.juristicId)}</td>
                <td>{typeName(b.primaryBusinessType)}</td>
                <td>{b.province}</td>
                <td>
                  <EntityStatusTag t={t} status={b.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {list.pages > 1 ? (
        <nav aria-label={t('registry.list.pages')}>
          <ul class="pagination">
            {list.page > 1 ? (
              <li>
                <a href={listHref(search, list.page - 1)} rel="prev">
                  {t('registry.list.previous')}
                </a>
              </li>
            ) : null}
            <li>{t('registry.list.pageOf', { page: list.page, pages: list.pages })}</li>
            {list.page < list.pages ? (
              <li>
                <a href={listHref(search, list.page + 1)} rel="next">
                  {t('registry.list.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </PageLayout>
  )
}

// ── Business form (add / edit) ─────────────────────────────────────────────────────────────

/** A stored record as the form's raw values (the ceased date in Buddhist-Era boxes for Thai pages). */
export function formValuesOf(r: BusinessRecord, locale: 'th' | 'en'): RawForm {
  return {
    juristicId: r.juristicId,
    nameTh: r.nameTh,
    nameEn: r.nameEn ?? '',
    legalForm: r.legalForm,
    primaryBusinessType: r.primaryBusinessType,
    otherBusinessTypes: r.otherBusinessTypes,
    addressLine: r.addressLine,
    province: r.province,
    district: r.district,
    subdistrict: r.subdistrict,
    postcode: r.postcode,
    status: r.status,
    ceasedOn: r.ceasedOn ? isoToDateParts(r.ceasedOn, locale === 'th' ? 'BE' : 'CE') : { day: '', month: '', year: '' },
  }
}

export type BusinessFormProps = {
  ctx: PageContext
  types: readonly BusinessTypeOption[]
  values?: RawForm
  errors?: FormErrors
  /** Parameters of particular field errors (e.g. the name of the business that has the number). */
  errorParams?: Partial<Record<BusinessField, Record<string, string>>>
  /** Present on the edit page. */
  view?: BusinessView
  flash?: Flash
  /** The merge form's own values and errors (edit page). */
  merge?: { values?: RawForm; errors?: FormErrors; params?: Record<string, string> }
}

export function BusinessFormPage({ ctx, types, values, errors, errorParams = {}, view, flash, merge }: BusinessFormProps) {
  const { t, locale } = ctx
  const typeName = typeNamer(types, locale)
  const errs = fieldErrors(t, errors, [
    { path: 'juristicId', params: errorParams.juristicId },
    { path: 'nameTh', params: { max: NAME_MAX } },
    { path: 'nameEn', params: { max: NAME_MAX } },
    'legalForm',
    'primaryBusinessType',
    'otherBusinessTypes',
    { path: 'addressLine', params: { max: ADDRESS_LINE_MAX } },
    'province',
    { path: 'district', params: { max: PLACE_MAX } },
    { path: 'subdistrict', params: { max: PLACE_MAX } },
    'postcode',
    'status',
    { path: 'ceasedOn', id: dateBoxId('ceasedOn', 'day') },
  ])
  const mergeErrs = fieldErrors(t, merge?.errors, [{ path: 'otherJuristicId', params: merge?.params }, 'survivor'])
  const title = view ? businessName(view.business, locale) : t('registry.add.title')
  const action = view ? `${REGISTRY_PATH}/${view.business.id}` : `${REGISTRY_PATH}/new`
  const typeOptions = types.map((x) => ({ value: x.code, label: typeName(x.code) }))
  const ceased = datePartsValue(values, 'ceasedOn')
  return (
    <PageLayout ctx={ctx} title={title} hasErrors={errs.hasErrors || mergeErrs.hasErrors}>
      <FlashBanner t={t} flash={flash} />
      <ErrorSummary t={t} items={[...errs.summary, ...mergeErrs.summary]} />
      <p class="body">
        <a href={REGISTRY_PATH}>{t('registry.backToList')}</a>
      </p>
      <h1 class="heading-xl">{title}</h1>
      {view ? <BusinessFacts ctx={ctx} view={view} /> : <p class="body-l">{t('registry.add.lead')}</p>}
      <Form ctx={ctx} action={action}>
        <h2 class="heading-m">{view ? t('registry.edit.title') : t('registry.form.details')}</h2>
        <TextInput t={t} id="juristicId" label={t('registry.field.juristicId')} hint={t('registry.field.juristicIdHint')} value={textValue(values, 'juristicId')} error={errs.text('juristicId')} inputMode="numeric" maxLength={40} width={10} spellcheck={false} autocomplete="off" required />
        <TextInput t={t} id="nameTh" label={t('registry.field.nameTh')} hint={t('registry.field.nameThHint')} value={textValue(values, 'nameTh')} error={errs.text('nameTh')} maxLength={NAME_MAX} autocomplete="off" required />
        <TextInput t={t} id="nameEn" label={t('registry.field.nameEn')} hint={t('registry.field.nameEnHint')} value={textValue(values, 'nameEn')} error={errs.text('nameEn')} maxLength={NAME_MAX} autocomplete="off" optional />
        <Select t={t} id="legalForm" label={t('registry.field.legalForm')} value={textValue(values, 'legalForm')} error={errs.text('legalForm')} placeholder={t('registry.form.choose')} options={LEGAL_FORMS.map((f) => ({ value: f, label: t(LEGAL_FORM_LABEL[f]) }))} required />
        <Select t={t} id="primaryBusinessType" label={t('registry.field.primaryBusinessType')} value={textValue(values, 'primaryBusinessType')} error={errs.text('primaryBusinessType')} placeholder={t('registry.form.choose')} options={typeOptions} required />
        <Checkboxes t={t} id="otherBusinessTypes" legend={t('registry.field.otherBusinessTypes')} hint={t('registry.field.otherBusinessTypesHint')} values={listValue(values, 'otherBusinessTypes')} error={errs.text('otherBusinessTypes')} options={typeOptions} optional />
        <fieldset class="fieldset">
          <legend class="fieldset__legend fieldset__legend--m">{t('registry.form.address')}</legend>
          <TextInput t={t} id="addressLine" label={t('registry.field.addressLine')} hint={t('registry.field.addressLineHint')} value={textValue(values, 'addressLine')} error={errs.text('addressLine')} maxLength={ADDRESS_LINE_MAX} autocomplete="off" required />
          <Select t={t} id="province" label={t('registry.field.province')} value={textValue(values, 'province')} error={errs.text('province')} placeholder={t('registry.form.choose')} options={PROVINCE_NAMES.map((p) => ({ value: p, label: p }))} required />
          <TextInput t={t} id="district" label={t('registry.field.district')} value={textValue(values, 'district')} error={errs.text('district')} maxLength={PLACE_MAX} autocomplete="off" required />
          <TextInput t={t} id="subdistrict" label={t('registry.field.subdistrict')} value={textValue(values, 'subdistrict')} error={errs.text('subdistrict')} maxLength={PLACE_MAX} autocomplete="off" required />
          <TextInput t={t} id="postcode" label={t('registry.field.postcode')} value={textValue(values, 'postcode')} error={errs.text('postcode')} inputMode="numeric" maxLength={10} width={10} autocomplete="off" required />
        </fieldset>
        <Radios t={t} id="status" legend={t('registry.field.status')} value={textValue(values, 'status') || 'active'} error={errs.text('status')} options={ENTITY_STATUSES.map((s) => ({ value: s, label: t(ENTITY_STATUS_LABEL[s]) }))} />
        <DateInput t={t} id="ceasedOn" legend={t('registry.field.ceasedOn')} hint={t('registry.field.ceasedOnHint')} value={ceased} error={errs.text('ceasedOn')} errorBoxes={dateBoxesInError(ceased, errs.key('ceasedOn'))} optional />
        <Button>{view ? t('registry.edit.submit') : t('registry.add.submit')}</Button>
      </Form>
      {view ? <RecordActions ctx={ctx} view={view} mergeValues={merge?.values} mergeErrors={mergeErrs} /> : null}
    </PageLayout>
  )
}

function BusinessFacts({ ctx, view }: { ctx: PageContext; view: BusinessView }) {
  const { t, locale } = ctx
  const { business: b, links } = view
  return (
    <>
      {view.mergedInto ? (
        <NotificationBanner t={t}>
          <p class="body">
            {t('registry.detail.mergedInto')} <a href={`${REGISTRY_PATH}/${view.mergedInto.id}`}>{businessName(view.mergedInto, locale)}</a>
          </p>
        </NotificationBanner>
      ) : null}
      <dl class="summary-list">
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('registry.field.juristicId')}</dt>
          <dd class="summary-list__value">{formatJuristicId(b.juristicId)}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('registry.field.status')}</dt>
          <dd class="summary-list__value">
            <EntityStatusTag t={t} status={b.status} />
          </dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('registry.detail.links')}</dt>
          <dd class="summary-list__value">{t('registry.detail.linksValue', { users: links.users, assessments: links.assessments, tickets: links.tickets })}</dd>
        </div>
        <div class="summary-list__row">
          <dt class="summary-list__key">{t('registry.detail.updatedAt')}</dt>
          <dd class="summary-list__value">{formatDateTimeNumeric(b.updatedAt)}</dd>
        </div>
      </dl>
    </>
  )
}

function RecordActions({ ctx, view, mergeValues, mergeErrors }: { ctx: PageContext; view: BusinessView; mergeValues?: RawForm; mergeErrors: ReturnType<typeof fieldErrors> }) {
  const { t } = ctx
  const id = view.business.id
  return (
    <>
      {view.business.mergedIntoId ? null : (
        <section aria-labelledby="merge-title">
          <h2 class="heading-m" id="merge-title">
            {t('registry.merge.title')}
          </h2>
          <p class="body">{t('registry.merge.lead')}</p>
          {/* A GET form: the next page shows what would move and asks to confirm. */}
          <form method="get" action={`${REGISTRY_PATH}/${id}/merge`}>
            <TextInput t={t} id="otherJuristicId" label={t('registry.merge.other')} hint={t('registry.merge.otherHint')} value={textValue(mergeValues, 'otherJuristicId')} error={mergeErrors.text('otherJuristicId')} inputMode="numeric" maxLength={40} width={10} autocomplete="off" required />
            <Radios
              t={t}
              id="survivor"
              legend={t('registry.merge.survivor')}
              value={textValue(mergeValues, 'survivor') || 'this'}
              error={mergeErrors.text('survivor')}
              options={[
                { value: 'this', label: t('registry.merge.survivorThis') },
                { value: 'other', label: t('registry.merge.survivorOther') },
              ]}
            />
            <Button variant="secondary">{t('registry.merge.preview')}</Button>
          </form>
        </section>
      )}
      <section aria-labelledby="delete-title">
        <h2 class="heading-m" id="delete-title">
          {t('registry.delete.title')}
        </h2>
        {view.canDelete ? (
          <Form ctx={ctx} action={`${REGISTRY_PATH}/${id}/delete`}>
            <p class="body">{t('registry.delete.lead')}</p>
            <Button variant="secondary">{t('registry.delete.submit')}</Button>
          </Form>
        ) : (
          <p class="body">{t('registry.delete.notPossible')}</p>
        )}
      </section>
    </>
  )
}

// ── Merge preview ────────────────────────────────────────────────────────────────────────────

export function MergePreviewPage({ ctx, thisId, check, otherJuristicId, survivor }: { ctx: PageContext; thisId: string; check: Extract<MergeCheck, { ok: true }>; otherJuristicId: string; survivor: 'this' | 'other' }) {
  const { t, locale } = ctx
  const side = (b: RegistryBusiness, links: { users: number; assessments: number; tickets: number }) => (
    <>
      <p class="body">
        <a href={`${REGISTRY_PATH}/${b.id}`}>{businessName(b, locale)}</a> ({formatJuristicId(b.juristicId)})
      </p>
      <p class="body">{t('registry.detail.linksValue', { users: links.users, assessments: links.assessments, tickets: links.tickets })}</p>
    </>
  )
  return (
    <PageLayout ctx={ctx} title={t('registry.merge.confirmTitle')}>
      <p class="body">
        <a href={`${REGISTRY_PATH}/${thisId}`}>{t('registry.merge.back')}</a>
      </p>
      <h1 class="heading-xl">{t('registry.merge.confirmTitle')}</h1>
      <h2 class="heading-m">{t('registry.merge.survivorHeading')}</h2>
      {side(check.survivor, check.survivorLinks)}
      <h2 class="heading-m">{t('registry.merge.mergedHeading')}</h2>
      {side(check.merged, check.mergedLinks)}
      <p class="body">{t('registry.merge.effect', { users: check.mergedLinks.users, assessments: check.mergedLinks.assessments, tickets: check.mergedLinks.tickets })}</p>
      <Form ctx={ctx} action={`${REGISTRY_PATH}/${thisId}/merge`}>
        <input type="hidden" name="otherJuristicId" value={otherJuristicId} />
        <input type="hidden" name="survivor" value={survivor} />
        <Button>{t('registry.merge.submit')}</Button>
      </Form>
    </PageLayout>
  )
}
