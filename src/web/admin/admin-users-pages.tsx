import type { LegalForm } from '#src/entities/business-types.model.ts'
import { registeredName } from '#src/entities/entity-name.rules.ts'
import { formatJuristicId } from '#src/entities/juristic-id.rules.ts'
import { ADMIN_ACCOUNT_ACTIONS, type AdminAccountAction } from '#src/identity/account-status.rules.ts'
import type { AdminUserRow, AdminUserView } from '#src/identity/admin-users.ts'
import { LOCK_REASON_MAX } from '#src/identity/admin-users.schemas.ts'
import { USER_STATUSES, type UserStatus } from '#src/identity/identity.model.ts'
import type { ThrottleState } from '#src/identity/throttle.rules.ts'
import { ROLES, STAFF_ROLES, can, isStaffRole, type Role } from '#src/identity/permissions.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { ROLE_LABEL } from '#src/web/account/account-page.tsx'
import { entityDisplayName } from '#src/web/auth/registration-pages.tsx'
import { Button, ErrorSummary, Form, Radios, Select, TextInput, Textarea, fieldErrors, textValue } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { StatusTag } from '#src/web/components/status/status-tag.tsx'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import type { Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import type { FormErrors, RawForm } from '#src/web/lib/parse-form.ts'
import { USER_STATUS_LABEL, USER_STATUS_TONE } from '#src/web/portal/portal.routes.tsx'
import { AuditTable } from './audit-page.tsx'


/** One section of the admin home page: a link, a title and a line with its counts. */
export type AdminSection = { href: string; title: string; body: string }

/**
 * The admin home: a plain list of sections (the route builds them, one line each, already
 * filtered by permission), with a banner when registrations wait for approval.
 */
export function AdminHomePage({ ctx, sections, pendingApprovals }: { ctx: PageContext; sections: readonly AdminSection[]; pendingApprovals: number }) {
  const { t } = ctx
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
        {sections.map((s) => (
          <li class="card" key={s.href}>
            <h2 class="heading-m">
              <a href={s.href}>{s.title}</a>
            </h2>
            <p class="body">{s.body}</p>
          </li>
        ))}
      </ul>
    </PageLayout>
  )
}

export type UserSearch = { q?: string; status?: UserStatus; role?: Role; page: number }

const searchHref = (s: UserSearch, page: number) => {
  const p = new URLSearchParams()
  if (s.q) p.set('q', s.q)
  if (s.status) p.set('status', s.status)
  if (s.role) p.set('role', s.role)
  if (page > 1) p.set('page', String(page))
  const qs = p.toString()
  return `/admin/users${qs ? `?${qs}` : ''}`
}

/** Failed sign-ins now counting towards the automatic lock-out, as a short note (or nothing). */
function ThrottleNote({ t, throttle }: { t: PageContext['t']; throttle: ThrottleState }) {
  if (throttle.lockedUntil) return <span class="hint">{t('admin.user.throttleLocked', { time: formatDateTimeNumeric(throttle.lockedUntil) })}</span>
  if (throttle.failures > 0) return <span class="hint">{t('admin.users.failedShort', { count: throttle.failures })}</span>
  return null
}

export function UsersListPage({ ctx, search, rows, total, pages, flash }: { ctx: PageContext; search: UserSearch; rows: AdminUserRow[]; total: number; pages: number; flash?: Flash }) {
  const { t } = ctx
  return (
    <PageLayout ctx={ctx} title={t('admin.users.title')}>
      <FlashBanner t={t} flash={flash} />
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
              <th scope="col">{t('admin.user.lastLogin')}</th>
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
                <td>
                  {u.entityName ? registeredName(u.entityName, u.entityLegalForm as LegalForm, ctx.locale) : t('admin.users.staff')}
                  {u.entityJuristicId ? (
                    <>
                      <br />
                      <span class="hint">{formatJuristicId(u.entityJuristicId)}</span>
                    </>
                  ) : null}
                </td>
                <td>{t(ROLE_LABEL[u.role as Role])}</td>
                <td>
                  <StatusTag t={t} status={u.status as UserStatus} tones={USER_STATUS_TONE} labels={USER_STATUS_LABEL} />
                  <br />
                  <ThrottleNote t={t} throttle={u.throttle} />
                  {u.status === 'pending_approval' ? (
                    <Form ctx={ctx} action={`/admin/users/${u.id}/status`}>
                      <input type="hidden" name="back" value="pending" />
                      <button type="submit" name="action" value="approve" class="button">
                        {t('account.users.approve')}
                        <span class="visually-hidden">
                          {' '}
                          {u.firstName} {u.lastName}
                        </span>
                      </button>
                    </Form>
                  ) : null}
                </td>
                <td>{u.lastLoginAt ? formatDateTimeNumeric(u.lastLoginAt) : t('admin.user.never')}</td>
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

/** Which form each status action posts to: the status form (with its value) or its own endpoint. */
const ACTION_FORM = {
  approve: { path: 'status', value: 'approve', label: 'account.users.approve', hint: 'admin.user.approveHint' },
  resend_confirmation: { path: 'resend-confirmation', value: undefined, label: 'admin.user.resendConfirmation', hint: 'admin.user.resendConfirmationHint' },
  lock: { path: 'lock', value: undefined, label: 'admin.lock.submit', hint: 'admin.lock.hint' },
  unlock: { path: 'unlock', value: undefined, label: 'admin.user.unlock', hint: 'admin.user.unlockHint' },
  deactivate: { path: 'status', value: 'deactivate', label: 'account.users.deactivate', hint: 'admin.user.deactivateHint' },
  reactivate: { path: 'status', value: 'reactivate', label: 'account.users.reactivate', hint: 'admin.user.reactivateHint' },
} as const satisfies Record<AdminAccountAction, { path: string; value: string | undefined; label: MessageKey; hint: MessageKey }>

/** Statuses that may be sent a password-reset link (as in password-reset.ts). */
const RESETTABLE: readonly UserStatus[] = ['active', 'pending_approval']

function ActionForm({ ctx, action, label, hint, secondary = true, name, value }: { ctx: PageContext; action: string; label: string; hint?: string; secondary?: boolean; name?: string; value?: string }) {
  return (
    <Form ctx={ctx} action={action}>
      {hint ? <p class="hint">{hint}</p> : null}
      <Button variant={secondary ? 'secondary' : 'primary'} name={name} value={value}>
        {label}
      </Button>
    </Form>
  )
}

export type UserDetailProps = { ctx: PageContext; view: AdminUserView; flash?: Flash; errors?: FormErrors; values?: RawForm }

export function UserDetailPage({ ctx, view, flash, errors, values }: UserDetailProps) {
  const { t, locale } = ctx
  const { user, entity, throttle } = view
  const me = ctx.actor.kind === 'user' && ctx.actor.id === user.id
  const status = user.status as UserStatus
  const role = user.role as Role
  const base = `/admin/users/${user.id}`
  const staff = isStaffRole(role)
  const errs = fieldErrors(t, errors, [{ path: 'reason', params: { max: LOCK_REASON_MAX } }])
  const actions = me ? [] : ADMIN_ACCOUNT_ACTIONS[status]
  const statusAction = (a: AdminAccountAction) => {
    const f = ACTION_FORM[a]
    if (a === 'lock') {
      return (
        <Form ctx={ctx} action={`${base}/lock`} key={a}>
          <Textarea t={t} id="reason" label={t('admin.lock.reason')} hint={t('admin.lock.hint')} value={textValue(values, 'reason')} error={errs.text('reason')} maxLength={LOCK_REASON_MAX} rows={3} required />
          <Button variant="secondary">{t(f.label)}</Button>
        </Form>
      )
    }
    return <ActionForm key={a} ctx={ctx} action={`${base}/${f.path}`} name={f.value ? 'action' : undefined} value={f.value} label={t(f.label)} hint={t(f.hint)} secondary={a !== 'approve' && a !== 'unlock'} />
  }
  return (
    <PageLayout ctx={ctx} title={`${user.firstName} ${user.lastName}`} hasErrors={errs.hasErrors}>
      <ErrorSummary t={t} items={errs.summary} />
      <FlashBanner t={ctx.t} flash={flash} />
      <span class="caption">{t('admin.users.title')}</span>
      <h1 class="heading-xl">
        {user.firstName} {user.lastName} {me ? t('account.users.you') : null}
      </h1>
      {status === 'locked' ? (
        <NotificationBanner t={t}>
          <p class="body">
            {t('admin.user.lockedBanner', { time: user.lockedAt ? formatDateTimeNumeric(user.lockedAt) : '-', name: view.lockedByName ?? '-' })}
          </p>
          <p class="body">{t('admin.user.lockedReason', { reason: user.lockReason ?? '-' })}</p>
        </NotificationBanner>
      ) : null}
      <dl class="summary-list">
        <div>
          <dt>{t('account.details.username')}</dt>
          <dd>{user.username}</dd>
        </div>
        <div>
          <dt>{t('account.details.email')}</dt>
          <dd>
            {user.email}
            <br />
            <span class="hint">{user.emailVerifiedAt ? t('admin.user.emailConfirmed', { time: formatDateTimeNumeric(user.emailVerifiedAt) }) : t('admin.user.emailNotConfirmed')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('account.details.role')}</dt>
          <dd>{t(ROLE_LABEL[role])}</dd>
        </div>
        <div>
          <dt>{t('account.details.business')}</dt>
          <dd>
            {entity ? entityDisplayName(entity, locale) : t('admin.users.staff')}
            {entity ? (
              <>
                <br />
                <span class="hint">{t('admin.user.juristicId', { id: formatJuristicId(entity.juristicId) })}</span>
              </>
            ) : null}
          </dd>
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
          <dt>{t('admin.user.failedSignIns')}</dt>
          <dd>
            {throttle.failures > 0 && throttle.since ? t('admin.user.failedSignInsValue', { count: throttle.failures, time: formatDateTimeNumeric(throttle.since) }) : t('admin.user.failedSignInsNone')}
            {throttle.lockedUntil ? (
              <>
                <br />
                <strong>{t('admin.user.throttleLocked', { time: formatDateTimeNumeric(throttle.lockedUntil) })}</strong>
              </>
            ) : null}
          </dd>
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
      {actions.filter((a) => a !== 'deactivate').map(statusAction)}
      {!me && status === 'active' && (throttle.failures > 0 || throttle.lockedUntil) ? <ActionForm ctx={ctx} action={`${base}/unlock`} label={t('admin.user.clearFailures')} hint={t('admin.user.clearFailuresHint')} /> : null}
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
      {actions.filter((a) => a === 'deactivate').map(statusAction)}

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
