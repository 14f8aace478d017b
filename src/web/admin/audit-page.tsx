import { AUDIT_ACTION_LABEL } from '#src/audit/audit-action-labels.ts'
import type { AuditAction } from '#src/audit/audit-events.model.ts'
import type { AuditRow, EntityLabel } from '#src/audit/audit.repo.ts'
import { AUDIT_ACTIONS, describeAuditEvent } from '#src/audit/describe-audit-event.ts'
import { AUDIT_EXPORT_MAX, type ChainState } from '#src/audit/read-audit-log.ts'
import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import type { Locale } from '#src/platform/i18n/locale.ts'
import {
  Button,
  DateInput,
  ErrorSummary,
  Form,
  Select,
  TextInput,
  dateBoxId,
  dateBoxesInError,
  datePartsValue,
  fieldErrors,
  textValue,
  type PageField,
} from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'

export type UserNames = Map<string, { name: string; username: string }>
export type EntityLabels = Map<string, EntityLabel>

/** Longest text typed into the actor and business searches. */
export const AUDIT_SEARCH_MAX = 200

function Who({ id, names, canOpen }: { id: string | null; names: UserNames; canOpen: boolean }) {
  if (!id) return <>–</>
  const who = names.get(id)
  if (!who) return <>{id}</>
  return canOpen ? <a href={`/admin/users/${id}`}>{who.name}</a> : <>{who.name}</>
}

/** The business an audit row names (its `entity_id`, or an `entity` target), if known. */
export const rowEntityId = (r: AuditRow) => r.entityId ?? (r.targetType === 'entity' ? r.targetId : null)
export const entityName = (e: EntityLabel, locale: Locale) => registeredName(e.nameTh, e.legalForm as LegalForm, locale, e.nameEn)

/**
 * Audit events as a table: Bangkok time, the event as a sentence, who did it, to whom, from where,
 * and (when `entities` is given) the business it concerns.
 */
export function AuditTable({ ctx, rows, names, entities, caption, canOpenUsers }: { ctx: PageContext; rows: AuditRow[]; names: UserNames; entities?: EntityLabels; caption: string; canOpenUsers: boolean }) {
  const { t, locale } = ctx
  if (!rows.length) return <p class="body">{t('audit.empty')}</p>
  return (
    <table class="table">
      <caption class="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('audit.col.time')}</th>
          <th scope="col">{t('audit.col.event')}</th>
          <th scope="col">{t('audit.col.actor')}</th>
          <th scope="col">{t('audit.col.target')}</th>
          <th scope="col">{t('audit.col.ip')}</th>
          {entities ? <th scope="col">{t('auditlog.col.business')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => {
          const entity = entities?.get(rowEntityId(r) ?? '')
          return (
            <tr key={r.id} data-action={r.action} data-audit-id={r.id}>
              <td>{formatDateTimeNumeric(r.at)}</td>
              <td>{describeAuditEvent(t, r)}</td>
              <td>
                <Who id={r.actorUserId} names={names} canOpen={canOpenUsers} />
              </td>
              <td>{r.targetType === 'user' ? <Who id={r.targetId} names={names} canOpen={canOpenUsers} /> : (r.targetId ?? '–')}</td>
              <td>{r.ip ?? '–'}</td>
              {entities ? <td>{entity ? `${entityName(entity, locale)} (${entity.juristicId})` : '–'}</td> : null}
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}

/** The filter fields in page order (the error summary follows it). */
export const AUDIT_FILTER_FIELDS = [
  { path: 'actor', params: { max: AUDIT_SEARCH_MAX } },
  { path: 'business', params: { max: AUDIT_SEARCH_MAX } },
  'action',
  { path: 'from', id: dateBoxId('from', 'day') },
  { path: 'to', id: dateBoxId('to', 'day') },
] as const satisfies readonly PageField[]

/** Event types for the filter, by their names in the reader's language. */
const actionOptions = (ctx: PageContext) =>
  AUDIT_ACTIONS.map((a: AuditAction) => ({ value: a, label: ctx.t(AUDIT_ACTION_LABEL[a]) })).sort((x, y) => x.label.localeCompare(y.label, ctx.locale))

function ChainStatus({ ctx, chain }: { ctx: PageContext; chain: ChainState }) {
  const { t } = ctx
  const { head, lastCheck } = chain
  return (
    <section class="card" aria-labelledby="audit-chain" data-audit-chain>
      <h2 class="heading-m" id="audit-chain">
        {t('auditlog.chain.heading')}
      </h2>
      <p class="body">{t('auditlog.chain.lead')}</p>
      <p data-chain-sealed>{head ? t('auditlog.chain.sealed', { count: head.seq, time: formatDateTimeNumeric(head.sealedAt) }) : t('auditlog.chain.none')}</p>
      {head ? (
        <p class="hint">
          {t('auditlog.chain.headHash')}: <code data-chain-head>{head.hash}</code>
        </p>
      ) : null}
      <p data-chain-check={lastCheck ? (lastCheck.ok ? 'ok' : 'broken') : 'never'}>
        {lastCheck
          ? lastCheck.ok
            ? t('auditlog.chain.lastOk', { time: formatDateTimeNumeric(lastCheck.at) })
            : t('auditlog.chain.lastBroken', { time: formatDateTimeNumeric(lastCheck.at), auditId: lastCheck.auditId ?? 0 })
          : t('auditlog.chain.never')}
      </p>
      <Form ctx={ctx} action="/admin/audit/verify" id="audit-verify">
        <Button variant="secondary">{t('auditlog.chain.verify')}</Button>
      </Form>
    </section>
  )
}

export type AuditPageProps = {
  ctx: PageContext
  rows: AuditRow[]
  names: UserNames
  entities: EntityLabels
  /** The query as typed (for the form) and its problems. */
  values: RawForm
  errors?: FormErrors
  /** Query string of the valid filters without the cursor ('' when none). */
  filterQuery: string
  olderHref?: string
  canOpenUsers: boolean
  chain: ChainState
  flash?: Flash
}

export function AuditPage({ ctx, rows, names, entities, values, errors, filterQuery, olderHref, canOpenUsers, chain, flash }: AuditPageProps) {
  const { t } = ctx
  const errs = fieldErrors(t, errors ?? {}, AUDIT_FILTER_FIELDS)
  const from = datePartsValue(values, 'from')
  const to = datePartsValue(values, 'to')
  const user = textValue(values, 'user')
  const exportHref = `/admin/audit/export.csv${filterQuery ? `?${filterQuery}` : ''}`
  return (
    <PageLayout ctx={ctx} title={t('audit.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('audit.title')}</h1>
      <p class="body">{t('audit.lead')}</p>
      <ChainStatus ctx={ctx} chain={chain} />
      <form method="get" action="/admin/audit" class="filters" role="search" novalidate>
        <TextInput t={t} id="actor" label={t('auditlog.filter.actor')} hint={t('auditlog.filter.actorHint')} error={errs.text('actor')} value={textValue(values, 'actor')} spellcheck={false} maxLength={AUDIT_SEARCH_MAX} />
        <TextInput t={t} id="business" label={t('auditlog.filter.business')} hint={t('auditlog.filter.businessHint')} error={errs.text('business')} value={textValue(values, 'business')} spellcheck={false} maxLength={AUDIT_SEARCH_MAX} />
        <Select t={t} id="action" label={t('audit.filter.action')} value={textValue(values, 'action')} placeholder={t('audit.filter.allActions')} options={actionOptions(ctx)} />
        <DateInput t={t} id="from" legend={t('auditlog.filter.from')} error={errs.text('from')} errorBoxes={dateBoxesInError(from, errs.key('from'))} value={from} optional />
        <DateInput t={t} id="to" legend={t('auditlog.filter.to')} error={errs.text('to')} errorBoxes={dateBoxesInError(to, errs.key('to'))} value={to} optional />
        {user ? (
          <p class="inset">
            <input type="hidden" name="user" value={user} />
            {t('auditlog.filter.about')}
          </p>
        ) : null}
        <div class="form-group">
          <Button variant="secondary">{t('audit.filter.submit')}</Button>
        </div>
      </form>
      {errs.hasErrors ? null : (
        <>
          <p>
            <a href={exportHref} download data-audit-export>
              {t('auditlog.export.csv')}
            </a>{' '}
            <span class="hint">{t('auditlog.export.hint', { max: AUDIT_EXPORT_MAX.toLocaleString('en-US') })}</span>
          </p>
          <AuditTable ctx={ctx} rows={rows} names={names} entities={entities} caption={t('audit.title')} canOpenUsers={canOpenUsers} />
        </>
      )}
      <ul class="pagination">
        {filterQuery || olderHref ? (
          <li>
            <a href="/admin/audit">{filterQuery ? t('auditlog.filter.clear') : t('audit.newest')}</a>
          </li>
        ) : null}
        {olderHref ? (
          <li>
            <a href={olderHref} rel="next">
              {t('audit.older')}
            </a>
          </li>
        ) : null}
      </ul>
    </PageLayout>
  )
}
