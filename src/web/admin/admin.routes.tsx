/**
 * The admin area, under /admin: accounts (search, details and actions), staff invitations and the
 * audit log. Every route declares its own permission (R5); every action is a POST with CSRF, is
 * audited by its use case, and answers 303 back to the account with a flash message.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AuditAction } from '#src/audit/audit-events.model.ts'
import { isAuditAction } from '#src/audit/describe-audit-event.ts'
import { readAuditLog } from '#src/audit/read-audit-log.ts'
import { getAdminUserView, isUuid, searchUsersForAdmin } from '#src/identity/admin-users.ts'
import { changeStaffRole } from '#src/identity/change-staff-role.ts'
import { endUserSessions } from '#src/identity/end-user-sessions.ts'
import { USER_STATUSES } from '#src/identity/identity.model.ts'
import { inviteStaff } from '#src/identity/invite-staff.ts'
import { manageEntityUser, type ManageAction } from '#src/identity/manage-entity-user.ts'
import { adminSendPasswordReset } from '#src/identity/password-reset.ts'
import { can, ROLES } from '#src/identity/permissions.ts'
import { resendStaffInvitation } from '#src/identity/resend-staff-invitation.ts'
import { resetTwoStep } from '#src/identity/reset-two-step.ts'
import { InviteStaffInput, StaffRoleInput } from '#src/identity/staff-invitation.schemas.ts'
import { AppError } from '#src/platform/errors.ts'
import type { MessageKey } from '#src/platform/i18n/catalog.ts'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import { parseForm, parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { AdminHomePage, InvitePage, UserDetailPage, UsersListPage } from './admin-users-pages.tsx'
import { AuditPage } from './audit-page.tsx'

/** An empty choice in a GET filter means "any". */
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v)
const UsersQuery = z.object({
  q: z.string().trim().max(200).optional().transform((v) => v || undefined),
  status: z.preprocess(emptyToUndefined, z.enum(USER_STATUSES).optional()),
  role: z.preprocess(emptyToUndefined, z.enum(ROLES).optional()),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
})
const AuditQuery = z.object({
  action: z.preprocess(emptyToUndefined, z.string().max(60).refine(isAuditAction).transform((v) => v as AuditAction).optional()),
  user: z.preprocess(emptyToUndefined, z.string().trim().refine(isUuid).optional()),
  before: z.coerce.number().int().min(1).optional(),
})
const StatusInput = z.object({ action: z.enum(['approve', 'deactivate', 'reactivate']) })

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

  app.get('/', manage, async (req, reply) => {
    const [pending, invited] = [
      await searchUsersForAdmin(deps, { actor: req.actor, status: 'pending_approval', page: 1 }),
      await searchUsersForAdmin(deps, { actor: req.actor, status: 'invited', page: 1 }),
    ]
    return sendPage(req, reply, (ctx) => <AdminHomePage ctx={ctx} pendingApprovals={pending.total} invited={invited.total} />)
  })

  // ── Accounts ────────────────────────────────────────────────────────────────────────────
  app.get('/users', manage, async (req, reply) => {
    const query = parseQuery(UsersQuery, req.query)
    const result = await searchUsersForAdmin(deps, { actor: req.actor, ...query })
    const search = { ...query, page: result.page }
    return sendPage(req, reply, (ctx) => <UsersListPage ctx={ctx} search={search} rows={result.rows} total={result.total} pages={result.pages} />)
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
    setFlash(req, STATUS_DONE[form.value.action])
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

  // ── Audit log ───────────────────────────────────────────────────────────────────────────
  app.get('/audit', { preHandler: requirePermission('audit:read:any') }, async (req, reply) => {
    const query = parseQuery(AuditQuery, req.query)
    const page = await readAuditLog(deps, { actor: req.actor, action: query.action, userId: query.user, before: query.before })
    let olderHref: string | undefined
    if (page.olderBefore) {
      const p = new URLSearchParams()
      if (query.action) p.set('action', query.action)
      if (query.user) p.set('user', query.user)
      p.set('before', String(page.olderBefore))
      olderHref = `/admin/audit?${p.toString()}`
    }
    const canOpenUsers = can(req.actor, 'users:manage:any')
    return sendPage(req, reply, (ctx) => <AuditPage ctx={ctx} rows={page.rows} names={page.names} filters={{ action: query.action, user: query.user }} olderHref={olderHref} canOpenUsers={canOpenUsers} />)
  })
}
