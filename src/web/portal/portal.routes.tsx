import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import type { UserStatus } from '#src/identity/identity.model.ts'
import { manageEntityUser, type ManageAction } from '#src/identity/manage-entity-user.ts'
import { can, type Role } from '#src/identity/permissions.ts'
import { listUsersOfActorEntity, type UserSummary } from '#src/identity/users.repo.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { AppError } from '#src/platform/errors.ts'
import { Form } from '#src/web/components/form/index.ts'
import { NotificationBanner } from '#src/web/components/layout/notification-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { StatusTag, type Tone } from '#src/web/components/status/status-tag.tsx'
import { ROLE_LABEL } from '#src/web/account/account-page.tsx'
import { setFlash, takeFlash, type Flash } from '#src/web/lib/flash.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { findCurrentCycle, type Cycle } from '#src/submissions/submissions.repo.ts'
import { deadlineForEntity } from '#src/cycles/cycles.shared.ts'
import { formatDateLong } from '#src/platform/i18n/format.ts'
import { assessmentPaths, cycleName } from './assessment-pages.tsx'
import { businessNameOf } from './business-name.ts'
import { CaseTasksSection } from './case-tasks-section.tsx'
import { getBusinessCaseTasks, type BusinessCaseTasks } from '#src/cases/get-business-case-tasks.ts'

export const USER_STATUS_LABEL = {
  pending_email: 'account.status.pending_email',
  pending_approval: 'account.status.pending_approval',
  invited: 'account.status.invited',
  active: 'account.status.active',
  deactivated: 'account.status.deactivated',
  locked: 'account.status.locked',
} as const satisfies Record<UserStatus, MessageKey>

export const USER_STATUS_TONE = {
  pending_email: 'grey',
  pending_approval: 'yellow',
  invited: 'blue',
  active: 'green',
  deactivated: 'red',
  locked: 'red',
} as const satisfies Record<UserStatus, Tone>

const ACTIONS_FOR_STATUS = {
  pending_email: ['deactivate'],
  pending_approval: ['approve', 'deactivate'],
  invited: [],
  active: ['deactivate'],
  deactivated: ['reactivate'],
  locked: [], // an AMLO security hold: only an AMLO admin acts on it
} as const satisfies Record<UserStatus, readonly ManageAction[]>

const ACTION_TEXT = {
  approve: ['account.users.approve', 'account.users.approveLabel', 'account.users.done.approve'],
  deactivate: ['account.users.deactivate', 'account.users.deactivateLabel', 'account.users.done.deactivate'],
  reactivate: ['account.users.reactivate', 'account.users.reactivateLabel', 'account.users.done.reactivate'],
} as const satisfies Record<ManageAction, readonly [MessageKey, MessageKey, MessageKey]>

const ManageInput = z.object({ action: z.enum(['approve', 'deactivate', 'reactivate']) })

function PortalHome({ ctx, businessName, pending, cycle, caseTasks, now }: { ctx: PageContext; businessName: string; pending: number; cycle: Cycle | undefined; caseTasks: BusinessCaseTasks; now: Date }) {
  const { t, locale } = ctx
  const actor = ctx.actor
  return (
    <PageLayout ctx={ctx} title={t('portal.title')}>
      <span class="caption">{businessName}</span>
      <h1 class="heading-xl">{t('portal.welcome', { name: actor.kind === 'user' ? actor.displayName : '' })}</h1>
      {pending > 0 && can(actor, 'entity_users:manage:own') ? (
        <NotificationBanner t={t}>
          <p class="body">
            {t('portal.pendingCount', { count: pending })} · <a href="/portal/users">{t('portal.usersLink')}</a>
          </p>
        </NotificationBanner>
      ) : null}
      <h2 class="heading-l">{t('assessment.portal.heading')}</h2>
      {cycle ? (
        <>
          <p class="body">
            <a class="link" href={assessmentPaths(cycle.code).taskList} id="open-assessment">
              {t('assessment.portal.open', { cycle: cycleName(cycle, locale) })}
            </a>
          </p>
          <p class="body">{t('assessment.portal.deadline', { date: formatDateLong(cycle.deadline, locale) })}</p>
        </>
      ) : (
        <p class="body">{t('assessment.portal.noCycle')}</p>
      )}
      <CaseTasksSection t={t} locale={locale} tasks={caseTasks} now={now} />
      {can(actor, 'entity_users:manage:own') ? (
        <p class="body">
          <a href="/portal/users">{t('portal.usersLink')}</a>
        </p>
      ) : null}
    </PageLayout>
  )
}

function UsersPage({ ctx, businessName, users, flash }: { ctx: PageContext; businessName: string; users: UserSummary[]; flash?: Flash }) {
  const { t } = ctx
  const me = ctx.actor.kind === 'user' ? ctx.actor.id : ''
  return (
    <PageLayout ctx={ctx} title={t('account.users.title')}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{t('account.users.title')}</h1>
      <p class="body">{t('account.users.lead')}</p>
      <table class="table">
        <caption>{t('account.users.caption', { business: businessName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('account.users.colName')}</th>
            <th scope="col">{t('account.users.colUsername')}</th>
            <th scope="col">{t('account.users.colRole')}</th>
            <th scope="col">{t('account.users.colStatus')}</th>
            <th scope="col">{t('account.users.colActions')}</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => {
            const name = `${u.firstName} ${u.lastName}`
            const status = u.status as UserStatus
            return (
              <tr key={u.id}>
                <td>
                  {name} {u.id === me ? t('account.users.you') : null}
                  <br />
                  <span class="hint">{u.email}</span>
                </td>
                <td>{u.username}</td>
                <td>{t(ROLE_LABEL[u.role as Role])}</td>
                <td>
                  <StatusTag t={t} status={status} tones={USER_STATUS_TONE} labels={USER_STATUS_LABEL} />
                </td>
                <td>
                  {u.id === me
                    ? null
                    : ACTIONS_FOR_STATUS[status].map((action) => (
                        <Form ctx={ctx} action={`/portal/users/${u.id}`} key={action} attributes={{ 'data-inline': 'true' }}>
                          <button type="submit" name="action" value={action} class={action === 'deactivate' ? 'button button--secondary' : 'button'} aria-label={t(ACTION_TEXT[action][1], { name })}>
                            {t(ACTION_TEXT[action][0])}
                          </button>
                        </Form>
                      ))}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p class="body">
        <a href="/portal">{t('portal.title')}</a>
      </p>
    </PageLayout>
  )
}

export const portalRoutes: FastifyPluginAsync = async (app) => {
  const db = app.deps.database.db

  app.get('/', { preHandler: requirePermission('portal:access:own') }, async (req, reply) => {
    const actor = req.actor
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const businessName = await businessNameOf(db, actor, req.locale)
    const pending = can(actor, 'entity_users:manage:own') ? (await listUsersOfActorEntity(db, actor)).filter((u) => u.status === 'pending_approval').length : 0
    const current = await findCurrentCycle(db, app.deps.clock.now())
    // The business's own deadline (its granted extension, else the cycle's): src/cycles/deadline.rules.ts.
    const cycle = current && actor.entityId ? { ...current, deadline: (await deadlineForEntity(db, actor.entityId, current)).deadline } : current
    const caseTasks = actor.entityId ? await getBusinessCaseTasks(app.deps, { actor }) : { requests: [], actions: [] }
    return sendPage(req, reply, (ctx) => <PortalHome ctx={ctx} businessName={businessName} pending={pending} cycle={cycle} caseTasks={caseTasks} now={app.deps.clock.now()} />)
  })

  app.get('/users', { preHandler: requirePermission('entity_users:manage:own') }, async (req, reply) => {
    const actor = req.actor
    if (actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const [users, businessName] = [await listUsersOfActorEntity(db, actor), await businessNameOf(db, actor, req.locale)]
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <UsersPage ctx={ctx} users={users} businessName={businessName} flash={flash} />)
  })

  app.post<{ Params: { userId: string } }>('/users/:userId', { preHandler: requirePermission('entity_users:manage:own') }, async (req, reply) => {
    const form = parseForm(ManageInput, req.body)
    if (!form.ok) throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    await manageEntityUser(app.deps, { actor: req.actor, userId: req.params.userId, action: form.value.action, ip: req.ip, userAgent: req.headers['user-agent'] })
    setFlash(req, ACTION_TEXT[form.value.action][2])
    return respond(req, reply).redirect('/portal/users')
  })
}
