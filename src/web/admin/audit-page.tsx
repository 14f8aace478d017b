import { AUDIT_ACTIONS, describeAuditEvent } from '#src/audit/describe-audit-event.ts'
import type { AuditRow } from '#src/audit/audit.repo.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { Button, Select, TextInput } from '#src/web/components/form/index.ts'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'

export type UserNames = Map<string, { name: string; username: string }>

function Who({ id, names, canOpen }: { id: string | null; names: UserNames; canOpen: boolean }) {
  if (!id) return <>–</>
  const who = names.get(id)
  if (!who) return <>{id}</>
  return canOpen ? <a href={`/admin/users/${id}`}>{who.name}</a> : <>{who.name}</>
}

/** Audit events as a table: Bangkok time, the event as a sentence, who did it, to whom, from where. */
export function AuditTable({ ctx, rows, names, caption, canOpenUsers }: { ctx: PageContext; rows: AuditRow[]; names: UserNames; caption: string; canOpenUsers: boolean }) {
  const { t } = ctx
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
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id} data-action={r.action}>
            <td>{formatDateTimeNumeric(r.at)}</td>
            <td>{describeAuditEvent(t, r)}</td>
            <td>
              <Who id={r.actorUserId} names={names} canOpen={canOpenUsers} />
            </td>
            <td>{r.targetType === 'user' ? <Who id={r.targetId} names={names} canOpen={canOpenUsers} /> : (r.targetId ?? '–')}</td>
            <td>{r.ip ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export type AuditFilters = { action?: string; user?: string }

export function AuditPage({ ctx, rows, names, filters, olderHref, canOpenUsers }: { ctx: PageContext; rows: AuditRow[]; names: UserNames; filters: AuditFilters; olderHref?: string; canOpenUsers: boolean }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('audit.title')}>
      <h1 class="heading-xl">{t('audit.title')}</h1>
      <p class="body">{t('audit.lead')}</p>
      <form method="get" action="/admin/audit" class="filters" role="search">
        <Select t={t} id="action" label={t('audit.filter.action')} value={filters.action ?? ''} placeholder={t('audit.filter.allActions')} options={AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))} />
        <TextInput t={t} id="user" label={t('audit.filter.user')} hint={t('audit.filter.userHint')} value={filters.user ?? ''} spellcheck={false} maxLength={36} />
        <div class="form-group">
          <Button variant="secondary">{t('audit.filter.submit')}</Button>
        </div>
      </form>
      <AuditTable ctx={ctx} rows={rows} names={names} caption={t('audit.title')} canOpenUsers={canOpenUsers} />
      <ul class="pagination">
        {filters.action || filters.user || olderHref ? (
          <li>
            <a href="/admin/audit">{t('audit.newest')}</a>
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
