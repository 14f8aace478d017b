/**
 * The admin area, under /admin: accounts (search, details and actions: approve, re-send the
 * confirmation e-mail, lock and unlock, password-reset link, two-step reset, sessions, staff role,
 * deactivate), staff invitations and the audit log. Every route declares its own permission (R5);
 * every action is a POST with CSRF, is audited by its use case, and answers 303 back to the account
 * with a flash message (a refused one: 409 with the reason).
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { countUsersForAdmin, getAdminUserView, isUuid, searchUsersForAdmin } from '#src/identity/admin-users.ts'
import { LockUserInput } from '#src/identity/admin-users.schemas.ts'
import { changeStaffRole } from '#src/identity/change-staff-role.ts'
import { endUserSessions } from '#src/identity/end-user-sessions.ts'
import { USER_STATUSES } from '#src/identity/identity.model.ts'
import { inviteStaff } from '#src/identity/invite-staff.ts'
import { lockUser } from '#src/identity/lock-user.ts'
import { manageEntityUser, type ManageAction } from '#src/identity/manage-entity-user.ts'
import { adminSendPasswordReset } from '#src/identity/password-reset.ts'
import { can, ROLES, type Permission } from '#src/identity/permissions.ts'
import { resendEmailConfirmation } from '#src/identity/resend-email-confirmation.ts'
import { resendStaffInvitation } from '#src/identity/resend-staff-invitation.ts'
import { resetTwoStep } from '#src/identity/reset-two-step.ts'
import { InviteStaffInput, StaffRoleInput } from '#src/identity/staff-invitation.schemas.ts'
import { unlockUser } from '#src/identity/unlock-user.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseForm, parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { AdminHomePage, InvitePage, UserDetailPage, UsersListPage, type AdminSection } from './admin-users-pages.tsx'

/** An empty choice in a GET filter means "any". */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)
const UsersQuery = z.object({
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  status: z.preprocess(emptyToUndefined, z.enum(USER_STATUSES).optional()),
  role: z.preprocess(emptyToUndefined, z.enum(ROLES).optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
})
const StatusInput = z.object({ action: z.enum(['approve', 'deactivate', 'reactivate']), back: z.literal('pending').optional() })

const STATUS_DONE = {
  approve: 'account.users.done.approve',
  deactivate: 'account.users.done.deactivate',
  reactivate: 'account.users.done.reactivate',
} as const satisfies Record<ManageAction, MessageKey>

type UserParams = { Params: { id: string } }
const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })
const badRequest = () => new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })

export const adminRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const manage = { preHandler: requirePermission('users:manage:any') }
  const invite = { preHandler: requirePermission('users:invite:any') }

  // The admin home: one line per section (href, title, a sentence with its counts), shown when
  // the actor has the section's permission. Add a section by adding a line.
  app.get('/', manage, async (req, reply) => {
    const { t, actor } = req
    const accounts = await countUsersForAdmin(deps, { actor })
    const sections: (AdminSection & { permission: Permission })[] = [
      { permission: 'users:manage:any', href: '/admin/users', title: t('admin.users.title'), body: t('admin.home.usersBody', { count: accounts.total, locked: accounts.locked }) },
      { permission: 'users:manage:any', href: '/admin/users?status=pending_approval', title: t('admin.home.pendingTitle'), body: t('admin.home.pendingBody', { count: accounts.pending_approval, unconfirmed: accounts.pending_email }) },
      { permission: 'users:invite:any', href: '/admin/users/invite', title: t('admin.invite.title'), body: t('admin.home.inviteBody', { count: accounts.invited }) },
      { permission: 'audit:read:any', href: '/admin/audit', title: t('audit.title'), body: t('admin.home.auditBody') },
      { permission: 'registry:manage:any', href: '/admin/businesses', title: t('registry.title'), body: t('registry.homeBody') },
      { permission: 'cycles:manage:any', href: '/admin/cycles', title: t('cycles.title'), body: t('cycles.homeBody') },
      { permission: 'questionnaires:manage:any', href: '/admin/questionnaires', title: t('versions.title'), body: t('versions.home.body') },
      { permission: 'support_technical:answer:any', href: '/admin/support', title: t('support.queue.title.admin'), body: t('support.home.adminBody') },
    ]
    const visible = sections.filter((s) => can(actor, s.permission))
    return sendPage(req, reply, (ctx) => <AdminHomePage ctx={ctx} sections={visible} pendingApprovals={accounts.pending_approval} />)
  })

  // ── Accounts ────────────────────────────────────────────────────────────────────────────
  app.get('/users', manage, async (req, reply) => {
    const query = parseQuery(UsersQuery, req.query)
    const result = await searchUsersForAdmin(deps, { actor: req.actor, ...query })
    const search = { ...query, page: result.page }
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <UsersListPage ctx={ctx} search={search} rows={result.rows} total={result.total} pages={result.pages} flash={flash} />)
  })

  app.get('/users/invite', invite, (req, reply) => sendPage(req, reply, (ctx) => <InvitePage ctx={ctx} />))

  app.post('/users/invite', invite, async (req, reply) => {
    const form = parseForm(InviteStaffInput, req.body)
    if (!form.ok) return respond(req, reply).invalid((ctx) => <InvitePage ctx={ctx} errors={form.errors} values={form.values} />)
    const result = await inviteStaff(deps, { actor: req.actor, ...form.value, ...meta(req) })
    if (result.kind === 'email_taken') {
      return respond(req, reply).invalid((ctx) => <InvitePage ctx={ctx} errors={{ email: 'admin.invite.emailTaken' }} values={req.body as Record<string, unknown>} />)
    }
    setFlash(req, 'admin.invite.done', { email: result.user.email, username: result.user.username })
    return respond(req, reply).redirect(`/admin/users/${result.user.id}`)
  })

  app.get<UserParams>('/users/:id', manage, async (req, reply) => {
    const view = await getAdminUserView(deps, { actor: req.actor, userId: req.params.id })
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <UserDetailPage ctx={ctx} view={view} flash={flash} />)
  })

  app.post<UserParams>('/users/:id/status', manage, async (req, reply) => {
    const form = parseForm(StatusInput, req.body)
    if (!form.ok) throw badRequest()
    await manageEntityUser(deps, { actor: req.actor, userId: req.params.id, action: form.value.action, ...meta(req) })
    if (form.value.back === 'pending') {
      // Approved from the list of pending registrations: back to that list, naming the account.
      const { user } = await getAdminUserView(deps, { actor: req.actor, userId: req.params.id })
      setFlash(req, 'admin.users.approvedNamed', { name: `${user.firstName} ${user.lastName}`, username: user.username })
      return respond(req, reply).redirect('/admin/users?status=pending_approval')
    }
    setFlash(req, STATUS_DONE[form.value.action])
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/lock', manage, async (req, reply) => {
    const form = parseForm(LockUserInput, req.body)
    if (!form.ok) {
      const view = await getAdminUserView(deps, { actor: req.actor, userId: req.params.id })
      return respond(req, reply).invalid((ctx) => <UserDetailPage ctx={ctx} view={view} errors={form.errors} values={form.values} />)
    }
    const { sessionsEnded } = await lockUser(deps, { actor: req.actor, userId: req.params.id, reason: form.value.reason, ...meta(req) })
    setFlash(req, 'admin.lock.done', { count: String(sessionsEnded) })
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/unlock', manage, async (req, reply) => {
    const outcome = await unlockUser(deps, { actor: req.actor, userId: req.params.id, ...meta(req) })
    setFlash(req, outcome.unlocked ? 'admin.user.unlocked' : 'admin.user.failuresCleared', { count: String(outcome.failuresCleared) })
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/resend-confirmation', manage, async (req, reply) => {
    await resendEmailConfirmation(deps, { actor: req.actor, userId: req.params.id, ...meta(req) })
    setFlash(req, 'admin.user.confirmationResent')
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/password-reset', manage, async (req, reply) => {
    if (!isUuid(req.params.id)) throw new AppError('NOT_FOUND', { messageKey: 'common.notFound.title' })
    const sent = await adminSendPasswordReset(deps, { actor: req.actor, userId: req.params.id, ...meta(req) })
    setFlash(req, sent ? 'admin.user.resetSent' : 'admin.user.resetNotSent')
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/two-step-reset', manage, async (req, reply) => {
    await resetTwoStep(deps, { actor: req.actor, userId: req.params.id, ...meta(req) })
    setFlash(req, 'admin.user.twoStepResetDone')
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/sessions-end', manage, async (req, reply) => {
    const n = await endUserSessions(deps, { actor: req.actor, userId: req.params.id, ...meta(req) })
    setFlash(req, 'admin.user.sessionsEnded', { count: String(n) })
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/role', invite, async (req, reply) => {
    const form = parseForm(StaffRoleInput, req.body)
    if (!form.ok) throw badRequest()
    const outcome = await changeStaffRole(deps, { actor: req.actor, userId: req.params.id, role: form.value.role, ...meta(req) })
    setFlash(req, outcome === 'changed' ? 'admin.user.roleChanged' : 'admin.user.roleUnchanged')
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })

  app.post<UserParams>('/users/:id/resend-invitation', invite, async (req, reply) => {
    await resendStaffInvitation(deps, { actor: req.actor, userId: req.params.id, ...meta(req) })
    setFlash(req, 'admin.user.invitationResent')
    return respond(req, reply).redirect(`/admin/users/${req.params.id}`)
  })
}
