/**
 * The registry import pages (issue 7): the upload form (CSV or XLSX, the columns explained) and the
 * dry-run preview — row-level errors (row, column, message), rows to add, rows to change with a
 * field-by-field diff, unchanged rows — with the one "apply" button when it can still be applied.
 */
import { ENTITY_STATUSES, LEGAL_FORMS, type EntityStatus, type LegalForm } from '#src/entities/business-types.model.ts'
import type { BusinessTypeOption } from '#src/entities/business-types.repo.ts'
import type { ImportView } from '#src/entities/get-registry-import.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import { BUSINESS_FIELDS, IMPORT_COLUMNS, IMPORT_MAX_BYTES, IMPORT_MAX_ROWS, type BusinessField, type FieldChange, type ImportIssue, type ImportRowPlan } from '#src/entities/registry.model.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Translator } from '#src/platform/i18n/translator.ts'
import { Button, ErrorSummary, FileUpload, Form } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { ENTITY_STATUS_LABEL, FIELD_LABEL, LEGAL_FORM_LABEL, REGISTRY_PATH, businessName, typeNamer } from './registry-pages.tsx'

export const IMPORT_PATH = `${REGISTRY_PATH}/import`
export const TEMPLATE_PATH = `${IMPORT_PATH}/template.csv`

export function ImportUploadPage({ ctx, error }: { ctx: PageContext; error?: string }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('registry.import.title')} hasErrors={!!error}>
      <ErrorSummary t={t} items={error ? [{ id: 'file', text: error }] : []} />
      <p class="body">
        <a href={REGISTRY_PATH}>{t('registry.backToList')}</a>
      </p>
      <h1 class="heading-xl">{t('registry.import.title')}</h1>
      <p class="body-l">{t('registry.import.lead')}</p>
      <p class="body">
        <a href={TEMPLATE_PATH} download>
          {t('registry.import.template')}
        </a>
      </p>
      <h2 class="heading-m">{t('registry.import.columns')}</h2>
      <table class="table">
        <caption class="visually-hidden">{t('registry.import.columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('registry.import.colColumn')}</th>
            <th scope="col">{t('registry.import.colMeaning')}</th>
          </tr>
        </thead>
        <tbody>
          {BUSINESS_FIELDS.map((f) => (
            <tr key={f}>
              <td>
                <code>{IMPORT_COLUMNS[f]}</code>
              </td>
              <td>{t(FIELD_LABEL[f])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="body">{t('registry.import.valuesHint', { legalForms: LEGAL_FORMS.join(', '), statuses: 'active, ceased' })}</p>
      <Form ctx={ctx} action={IMPORT_PATH} enctype="multipart/form-data">
        <FileUpload t={t} id="file" label={t('registry.import.file')} hint={t('registry.import.fileHint', { maxMb: IMPORT_MAX_BYTES / (1024 * 1024), maxRows: IMPORT_MAX_ROWS })} error={error} accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" />
        <Button>{t('registry.import.check')}</Button>
      </Form>
    </PageLayout>
  )
}

function issueText(t: Translator, i: ImportIssue) {
  return t(i.messageKey, i.params)
}

function changeValue(t: Translator, typeName: (c: string) => string, field: BusinessField, v: string): string {
  if (v === '') return '—'
  switch (field) {
    case 'legalForm':
      return (LEGAL_FORMS as readonly string[]).includes(v) ? t(LEGAL_FORM_LABEL[v as LegalForm]) : v
    case 'status':
      return (ENTITY_STATUSES as readonly string[]).includes(v) ? t(ENTITY_STATUS_LABEL[v as EntityStatus]) : v
    case 'primaryBusinessType':
      return typeName(v)
    case 'otherBusinessTypes':
      return v.split('|').map(typeName).join(', ')
    case 'juristicId':
    case 'nameTh':
    case 'nameEn':
    case 'addressLine':
    case 'province':
    case 'district':
    case 'subdistrict':
    case 'postcode':
    case 'ceasedOn':
      return v
  }
}

function Changes({ t, changes, typeName }: { t: Translator; changes: FieldChange[]; typeName: (c: string) => string }) {
  return (
    <ul class="list">
      {changes.map((c) => (
        <li key={c.field}>
          {t('registry.import.changeLine', { field: t(FIELD_LABEL[c.field]), from: changeValue(t, typeName, c.field, c.from), to: changeValue(t, typeName, c.field, c.to) })}
        </li>
      ))}
    </ul>
  )
}

type Of<K extends ImportRowPlan['kind']> = Extract<ImportRowPlan, { kind: K }>

export function ImportPreviewPage({ ctx, view, types, problem }: { ctx: PageContext; view: ImportView; types: readonly BusinessTypeOption[]; problem?: string }) {
  const { t, locale } = ctx
  const typeName = typeNamer(types, locale)
  const { batch, plan } = view
  const errors = plan.rows.filter((r): r is Of<'error'> => r.kind === 'error')
  const adds = plan.rows.filter((r): r is Of<'add'> => r.kind === 'add')
  const changes = plan.rows.filter((r): r is Of<'change'> => r.kind === 'change')
  const unchanged = plan.rows.filter((r): r is Of<'unchanged'> => r.kind === 'unchanged')
  const applied = batch.status === 'applied'
  const canApply = !applied && !view.stale && adds.length + changes.length > 0
  return (
    <PageLayout ctx={ctx} title={t('registry.import.previewTitle')} hasErrors={!!problem}>
      <ErrorSummary t={t} items={problem ? [{ id: 'apply', text: problem }] : []} />
      <p class="body">
        <a href={IMPORT_PATH}>{t('registry.import.again')}</a>
      </p>
      <h1 class="heading-xl">{t('registry.import.previewTitle')}</h1>
      <p class="body">{t('registry.import.previewOf', { fileName: batch.fileName, at: formatDateTimeNumeric(batch.createdAt) })}</p>
      <p class="body" role="status" id="totals">
        {t('registry.import.totals', { add: plan.totals.add, change: plan.totals.change, unchanged: plan.totals.unchanged, error: plan.totals.error })}
      </p>
      {applied ? (
        <NotificationBanner t={t}>
          <p class="body">{t('registry.import.alreadyApplied')}</p>
        </NotificationBanner>
      ) : view.stale ? (
        <NotificationBanner t={t}>
          <p class="body">{t('registry.import.stale')}</p>
        </NotificationBanner>
      ) : null}

      {errors.length ? (
        <section aria-labelledby="errors-title">
          <h2 class="heading-m" id="errors-title">
            {t('registry.import.errorsHeading', { count: errors.length })}
          </h2>
          <p class="body">{t('registry.import.errorsLead')}</p>
          <table class="table" id="row-errors">
            <thead>
              <tr>
                <th scope="col">{t('registry.import.colRow')}</th>
                <th scope="col">{t('registry.import.colColumn')}</th>
                <th scope="col">{t('registry.import.colProblem')}</th>
              </tr>
            </thead>
            <tbody>
              {errors.flatMap((r) =>
                r.issues.map((i, n) => (
                  <tr key={`${r.row}-${n}`}>
                    <td>{r.row}</td>
                    <td>{i.column}</td>
                    <td>{issueText(t, i)}</td>
                  </tr>
                )),
              )}
            </tbody>
          </table>
        </section>
      ) : null}

      {adds.length ? (
        <section aria-labelledby="adds-title">
          <h2 class="heading-m" id="adds-title">
            {t('registry.import.addsHeading', { count: adds.length })}
          </h2>
          <table class="table" id="rows-add">
            <thead>
              <tr>
                <th scope="col">{t('registry.import.colRow')}</th>
                <th scope="col">{t('registry.field.juristicId')}</th>
                <th scope="col">{t('registry.list.colName')}</th>
                <th scope="col">{t('registry.import.colNotes')}</th>
              </tr>
            </thead>
            <tbody>
              {adds.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>{formatJuristicId(r.record.juristicId)}</td>
                  <td>{businessName(r.record, locale)}</td>
                  <td>{r.warnings.map((w) => issueText(t, w)).join(' ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {changes.length ? (
        <section aria-labelledby="changes-title">
          <h2 class="heading-m" id="changes-title">
            {t('registry.import.changesHeading', { count: changes.length })}
          </h2>
          <table class="table" id="rows-change">
            <thead>
              <tr>
                <th scope="col">{t('registry.import.colRow')}</th>
                <th scope="col">{t('registry.field.juristicId')}</th>
                <th scope="col">{t('registry.list.colName')}</th>
                <th scope="col">{t('registry.import.colChanges')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((r) => (
                <tr key={r.row}>
                  <td>{r.row}</td>
                  <td>
                    <a href={`${REGISTRY_PATH}/${r.entityId}`}>{formatJuristicId(r.record.juristicId)}</a>
                  </td>
                  <td>{businessName(r.record, locale)}</td>
                  <td>
                    <Changes t={t} changes={r.changes} typeName={typeName} />
                    {r.warnings.map((w) => issueText(t, w)).join(' ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {unchanged.length ? (
        <section aria-labelledby="unchanged-title">
          <h2 class="heading-m" id="unchanged-title">
            {t('registry.import.unchangedHeading', { count: unchanged.length })}
          </h2>
          <p class="body" id="rows-unchanged">
            {t('registry.import.unchangedRows', { rows: unchanged.map((r) => r.row).join(', ') })}
          </p>
        </section>
      ) : null}

      {canApply ? (
        <Form ctx={ctx} action={`${IMPORT_PATH}/${batch.id}/apply`} id="apply">
          <p class="body">{t('registry.import.applyLead', { add: adds.length, change: changes.length, error: errors.length, expires: formatDateTimeNumeric(view.expiresAt) })}</p>
          <Button>{t('registry.import.apply')}</Button>
        </Form>
      ) : !applied && !view.stale ? (
        <p class="body">{t('registry.import.nothingToApply')}</p>
      ) : null}
    </PageLayout>
  )
}
