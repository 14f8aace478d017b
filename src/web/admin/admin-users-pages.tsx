import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import type { AdminUserView } from '#src/identity/admin-users.ts'
import { USER_STATUSES, type UserStatus } from '#src/identity/identity.model.ts'
import type { ManageAction } from '#src/identity/manage-entity-user.ts'
import { ROLES, STAFF_ROLES, can, isStaffRole, type Role } from '#src/identity/permissions.ts'
import type { UserSummary } from '#src/identity/users.repo.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { ROLE_LABEL } from '#src/web/account/account-page.tsx'
import { entityDisplayName } from '#src/web/auth/registration-pages.tsx'
import { Button, ErrorSummary, Form, Radios, Select, TextInput, fieldErrors, textValue } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { StatusTag } from '#src/web/components/status/status-tag.tsx'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { USER_STATUS_LABEL, USER_STATUS_TONE } from '#src/web/portal/portal.routes.tsx'
import { AuditTable } from './audit-page.tsx'


export function AdminHomePage({ ctx, pendingApprovals, invited }: { ctx: PageContext; pendingApprovals: number; invited: number }) {
  const { t, actor } = ctx
  return (
    <PageLayout ctx={ctx} title={t('admin.title')}>
      <h1 class="heading-xl">{t('admin.title')}</h1>
      <p class="body-l">{t('admin.lead')}</p>
      {pendingApprovals > 0 ? (
        <NotificationBanner t={t}>
          <p class="body">
            {t('admin.home.pending', { count: pendingApprovals })} · <a href="/admin/users?status=pending_approval">{t('admin.home.pendingLink')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      <ul class="grid">
        <li class="card">
          <h2 class="heading-m">
            <a href="/admin/users">{t('admin.users.title')}</a>
          </h2>
          <p class="body">{t('admin.home.usersBody')}</p>
        </li>
        {can(actor, 'users:invite:any') ? (
          <li class="card">
            <h2 class="heading-m">
              <a href="/admin/users/invite">{t('admin.invite.title')}</a>
            </h2>
            <p class="body">{t('admin.home.inviteBody', { count: invited })}</p>
          </li>
        ) : null}
        {can(actor, 'audit:read:any') ? (
          <li class="card">
            <h2 class="heading-m">
              <a href="/admin/audit">{t('audit.title')}</a>
            </h2>
            <p class="body">{t('admin.home.auditBody')}</p>
          </li>
        ) : null}
      </ul>
    </PageLayout>
  )
}

export type UserSearch = { q?: string; status?: UserStatus; role?: Role; page: number }
type SearchRow = UserSummary & { entityName: string | null; entityLegalForm: string | null }

const searchHref = (s: UserSearch, page: number) => {
  const p = new URLSearchParams()
  if (s.q) p.set('q', s.q)
  if (s.status) p.set('status', s.status)
  if (s.role) p.set('role', s.role)
  if (page > 1) p.set('page', String(page))
  const qs = p.toString()
  return `/admin/users${qs ? `?${qs}` : ''}`
}

export function UsersListPage({ ctx, search, rows, total, pages }: { ctx: PageContext; search: UserSearch; rows: SearchRow[]; total: number; pages: number }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('admin.users.title')}>
      <h1 class="heading-xl">{t('admin.users.title')}</h1>
      {can(ctx.actor, 'users:invite:any') ? (
        <p class="body">
          <a class="button button--secondary" href="/admin/users/invite">
            {t('admin.invite.title')}
          </a>
        </p>
      ) : null}
      <form method="get" action="/admin/users" class="filters" role="search">
        <TextInput t={t} id="q" type="search" label={t('admin.users.search')} hint={t('admin.users.searchHint')} value={search.q ?? ''} maxLength={200} spellcheck={false} />
        <Select t={t} id="status" label={t('admin.users.status')} value={search.status ?? ''} placeholder={t('admin.users.all')} options={USER_STATUSES.map((s) => ({ value: s, label: t(USER_STATUS_LABEL[s]) }))} />
        <Select t={t} id="role" label={t('admin.users.role')} value={search.role ?? ''} placeholder={t('admin.users.all')} options={ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} />
        <div class="form-group">
          <Button variant="secondary">{t('admin.users.searchSubmit')}</Button>
        </div>
      </form>
      <p class="body" role="status">
        {t('admin.users.count', { count: total })}
      </p>
      {rows.length ? (
        <table class="table">
          <caption class="visually-hidden">{t('admin.users.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('account.users.colName')}</th>
              <th scope="col">{t('account.users.colUsername')}</th>
              <th scope="col">{t('admin.users.business')}</th>
              <th scope="col">{t('account.users.colRole')}</th>
              <th scope="col">{t('account.users.colStatus')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((u) => (
              <tr key={u.id}>
                <td>
                  <a href={`/admin/users/${u.id}`}>
                    {u.firstName} {u.lastName}
                  </a>
                  <br />
                  <span class="hint">{u.email}</span>
                </td>
                <td>{u.username}</td>
                <td>{u.entityName ? registeredName(u.entityName, u.entityLegalForm as LegalForm, ctx.locale) : t('admin.users.staff')}</td>
                <td>{t(ROLE_LABEL[u.role as Role])}</td>
                <td>
                  <StatusTag t={t} status={u.status as UserStatus} tones={USER_STATUS_TONE} labels={USER_STATUS_LABEL} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {pages > 1 ? (
        <nav aria-label={t('admin.users.pages')}>
          <ul class="pagination">
            {search.page > 1 ? (
              <li>
                <a href={searchHref(search, search.page - 1)} rel="prev">
                  {t('admin.users.previous')}
                </a>
              </li>
            ) : null}
            <li>{t('admin.users.pageOf', { page: search.page, pages })}</li>
            {search.page < pages ? (
              <li>
                <a href={searchHref(search, search.page + 1)} rel="next">
                  {t('admin.users.next')}
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </PageLayout>
  )
}

export function InvitePage({ ctx, errors, values }: { ctx: PageContext; errors?: FormErrors; values?: RawForm }) {
  const { t } = ctx
  const errs = fieldErrors(t, errors, [
    { path: 'firstName', params: { max: 100 } },
    { path: 'lastName', params: { max: 100 } },
    { path: 'email', params: { max: 254 } },
    'role',
  ])
  return (
    <PageLayout ctx={ctx} title={t('admin.invite.title')} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <h1 class="heading-xl">{t('admin.invite.title')}</h1>
      <p class="body-l">{t('admin.invite.lead')}</p>
      <Form ctx={ctx} action="/admin/users/invite">
        <TextInput t={t} id="firstName" label={t('admin.invite.firstName')} value={textValue(values, 'firstName')} error={errs.text('firstName')} autocomplete="off" maxLength={100} required />
        <TextInput t={t} id="lastName" label={t('admin.invite.lastName')} value={textValue(values, 'lastName')} error={errs.text('lastName')} autocomplete="off" maxLength={100} required />
        <TextInput t={t} id="email" type="email" label={t('admin.invite.email')} hint={t('admin.invite.emailHint')} value={textValue(values, 'email')} error={errs.text('email')} autocomplete="off" spellcheck={false} maxLength={254} required />
        <Radios
          t={t}
          id="role"
          legend={t('admin.invite.role')}
          value={textValue(values, 'role')}
          error={errs.text('role')}
          options={STAFF_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]), hint: t(ROLE_HINT[r]) }))}
        />
        <Button>{t('admin.invite.submit')}</Button>
      </Form>
      <p class="body">
        <a href="/admin/users">{t('admin.users.title')}</a>
      </p>
    </PageLayout>
  )
}

const ROLE_HINT = {
  examiner: 'admin.role.examinerHint',
  supervisor: 'admin.role.supervisorHint',
  admin: 'admin.role.adminHint',
} as const satisfies Record<(typeof STAFF_ROLES)[number], MessageKey>

/** Status actions an admin may take, per status (the use case checks the same table). */
const STATUS_ACTIONS = {
  pending_email: ['deactivate'],
  pending_approval: ['approve', 'deactivate'],
  invited: ['deactivate'],
  active: ['deactivate'],
  deactivated: ['reactivate'],
} as const satisfies Record<UserStatus, readonly ManageAction[]>

const STATUS_ACTION_LABEL = {
  approve: 'account.users.approve',
  deactivate: 'account.users.deactivate',
  reactivate: 'account.users.reactivate',
} as const satisfies Record<ManageAction, MessageKey>

/** Statuses that may be sent a password-reset link (as in password-reset.ts). */
const RESETTABLE: readonly UserStatus[] = ['active', 'pending_approval']

function ActionForm({ ctx, action, label, hint, secondary = true }: { ctx: PageContext; action: string; label: string; hint?: string; secondary?: boolean }) {
  return (
    <Form ctx={ctx} action={action}>
      {hint ? <p class="hint">{hint}</p> : null}
      <Button variant={secondary ? 'secondary' : 'primary'}>{label}</Button>
    </Form>
  )
}

export function UserDetailPage({ ctx, view, flash }: { ctx: PageContext; view: AdminUserView; flash?: Flash }) {
  const { t, locale } = ctx
  const { user, entity } = view
  const me = ctx.actor.kind === 'user' && ctx.actor.id === user.id
  const status = user.status as UserStatus
  const role = user.role as Role
  const base = `/admin/users/${user.id}`
  const staff = isStaffRole(role)
  return (
    <PageLayout ctx={ctx} title={`${user.firstName} ${user.lastName}`}>
      <FlashBanner t={ctx.t} flash={flash} />
      <span class="caption">{t('admin.users.title')}</span>
      <h1 class="heading-xl">
        {user.firstName} {user.lastName} {me ? t('account.users.you') : null}
      </h1>
      <dl class="summary-list">
        <div>
          <dt>{t('account.details.username')}</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>{t('account.details.email')}</dt>
          <dd>{user.email}</dd>
        </div>
        <div>
          <dt>{t('account.details.role')}</dt>
          <dd>{t(ROLE_LABEL[role])}</dd>
        </div>
        <div>
          <dt>{t('account.details.business')}</dt>
          <dd>{entity ? entityDisplayName(entity, locale) : t('admin.users.staff')}</dd>
        </div>
        <div>
          <dt>{t('account.users.colStatus')}</dt>
          <dd>
            <StatusTag t={t} status={status} tones={USER_STATUS_TONE} labels={USER_STATUS_LABEL} />
          </dd>
        </div>
        <div>
          <dt>{t('account.details.twoStep')}</dt>
          <dd>
            {user.totpEnabledAt
              ? t('admin.user.twoStepOn', { time: formatDateTimeNumeric(user.totpEnabledAt), count: view.recoveryCodesLeft })
              : staff
                ? t('admin.user.twoStepPendingStaff')
                : t('account.details.twoStepOff')}
          </dd>
        </div>
        <div>
          <dt>{t('admin.user.lastLogin')}</dt>
          <dd>{user.lastLoginAt ? formatDateTimeNumeric(user.lastLoginAt) : t('admin.user.never')}</dd>
        </div>
        <div>
          <dt>{t('admin.user.sessions')}</dt>
          <dd>{t('admin.user.sessionsValue', { count: view.activeSessions })}</dd>
        </div>
        <div>
          <dt>{t('admin.user.created')}</dt>
          <dd>{formatDateTimeNumeric(user.createdAt)}</dd>
        </div>
      </dl>

      <h2 class="heading-l">{t('admin.user.actions')}</h2>
      {me ? <p class="body inset">{t('admin.user.selfNote')}</p> : null}
      {STATUS_ACTIONS[status]
        .filter((a) => !(me && a === 'deactivate'))
        .map((a) => (
          <Form ctx={ctx} action={`${base}/status`} key={a}>
            <button type="submit" name="action" value={a} class={a === 'deactivate' ? 'button button--secondary' : 'button'}>
              {t(STATUS_ACTION_LABEL[a])}
            </button>
          </Form>
        ))}
      {status === 'invited' && can(ctx.actor, 'users:invite:any') ? <ActionForm ctx={ctx} action={`${base}/resend-invitation`} label={t('admin.user.resendInvitation')} hint={t('admin.user.resendInvitationHint')} /> : null}
      {RESETTABLE.includes(status) ? <ActionForm ctx={ctx} action={`${base}/password-reset`} label={t('admin.user.sendReset')} hint={t('admin.user.sendResetHint')} /> : null}
      {user.totpEnabledAt && !me ? <ActionForm ctx={ctx} action={`${base}/two-step-reset`} label={t('admin.user.resetTwoStep')} hint={t(staff ? 'admin.user.resetTwoStepHintStaff' : 'admin.user.resetTwoStepHintEntity')} /> : null}
      {view.activeSessions > 0 && !me ? <ActionForm ctx={ctx} action={`${base}/sessions-end`} label={t('admin.user.endSessions')} /> : null}
      {staff && !me && can(ctx.actor, 'users:invite:any') ? (
        <Form ctx={ctx} action={`${base}/role`}>
          <Select t={t} id="role" label={t('admin.user.changeRole')} value={role} options={STAFF_ROLES.map((r) => ({ value: r, label: t(ROLE_LABEL[r]) }))} />
          <Button variant="secondary">{t('admin.user.changeRoleSubmit')}</Button>
        </Form>
      ) : null}

      <h2 class="heading-l">{t('admin.user.events')}</h2>
      <AuditTable ctx={ctx} rows={view.events} names={view.names} caption={t('admin.user.events')} canOpenUsers />
      {can(ctx.actor, 'audit:read:any') ? (
        <p class="body">
          <a href={`/admin/audit?user=${user.id}`}>{t('admin.user.allEvents')}</a>
        </p>
      ) : null}
      <p class="body">
        <a href="/admin/users">{t('admin.users.title')}</a>
      </p>
    </PageLayout>
  )
}
