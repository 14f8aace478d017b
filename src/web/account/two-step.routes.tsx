/**
 * /account/two-step: two-step verification of the signed-in user. Every change asks for the
 * password again (ASVS V7.5.1); turning it off also asks for a code, and only entity users may
 * (it is mandatory for staff, V6.3.3). Recovery codes are shown once, from the session.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import { disableTotp } from '#src/identity/disable-totp.ts'
import { ROLE_HOME } from '#src/identity/permissions.ts'
import { reauthenticate } from '#src/identity/reauthenticate.ts'
import { regenerateRecoveryCodes } from '#src/identity/regenerate-recovery-codes.ts'
import { openSecret, sealSecret } from '#src/identity/totp.ts'
import { countUnusedRecoveryCodes } from '#src/identity/two-step.repo.ts'
import { unsafeFindUserById } from '#src/identity/users.repo.ts'
import { AppError } from '#src/platform/errors.ts'
import { formatDateTimeNumeric } from '#src/platform/i18n/format.ts'
import { RecoveryCodesPage } from '#src/web/auth/two-step-pages.tsx'
import { setFlash, takeFlash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { TwoStepPage, type TwoStepPageProps } from './two-step-page.tsx'

const password = z.string().min(1, 'errors.field.required').max(1024, 'errors.field.tooLong')
const EnableInput = z.object({ enablePassword: password })
const RegenerateInput = z.object({ regenPassword: password })
const DisableInput = z.object({ disablePassword: password, disableCode: z.string().trim().min(1, 'errors.field.required').max(40, 'twostep.errors.wrongCode') })

const guard = { preHandler: requirePermission('account:update:own') }
const meta = (req: FastifyRequest) => ({ ip: req.ip, userAgent: req.headers['user-agent'] })
const lockedNotice = (until: Date) => ({ key: 'twostep.account.locked' as const, params: { time: formatDateTimeNumeric(until) } })

export const twoStepAccountRoutes: FastifyPluginAsync = async (app) => {
  const { deps } = app
  const db = deps.database.db

  function actorOf(req: FastifyRequest) {
    if (req.actor.kind !== 'user') throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    return req.actor
  }

  async function render(req: FastifyRequest, reply: FastifyReply, failed?: TwoStepPageProps['failed'] & { status?: number }) {
    const user = await unsafeFindUserById(db, actorOf(req).id)
    if (!user) throw new AppError('UNAUTHENTICATED', { messageKey: 'errors.page.unauthenticated.title' })
    const recoveryCodesLeft = user.totpEnabledAt ? await countUnusedRecoveryCodes(db, user.id) : 0
    const flash = failed ? undefined : takeFlash(req)
    const view = (ctx: PageContext) => <TwoStepPage ctx={ctx} user={user} recoveryCodesLeft={recoveryCodesLeft} flash={flash} failed={failed} />
    return failed ? respond(req, reply).invalid(view, { status: failed.status }) : sendPage(req, reply, view)
  }

  app.get('/', guard, (req, reply) => render(req, reply))

  app.post('/enable', guard, async (req, reply) => {
    const actor = actorOf(req)
    const form = parseForm(EnableInput, req.body)
    if (!form.ok) return render(req, reply, { form: 'enable', errors: form.errors })
    const result = await reauthenticate(deps, { userId: actor.id, password: form.value.enablePassword, ...meta(req) })
    switch (result.kind) {
      case 'wrong':
        return render(req, reply, { form: 'enable', errors: { enablePassword: 'auth.errors.passwordWrong' } })
      case 'locked':
        return render(req, reply, { form: 'enable', notice: lockedNotice(result.until), status: 429 })
      case 'ok':
        if (result.user.totpEnabledAt) return respond(req, reply).redirect('/account/two-step')
        req.session.reauthAt = deps.clock.now().getTime()
        return respond(req, reply).redirect('/auth/totp/setup')
    }
  })

  app.post('/disable', guard, async (req, reply) => {
    const actor = actorOf(req)
    const form = parseForm(DisableInput, req.body)
    if (!form.ok) return render(req, reply, { form: 'disable', errors: form.errors })
    const result = await disableTotp(deps, { actor, password: form.value.disablePassword, code: form.value.disableCode, ...meta(req) })
    switch (result.kind) {
      case 'wrong_password':
        return render(req, reply, { form: 'disable', errors: { disablePassword: 'auth.errors.passwordWrong' } })
      case 'wrong_code':
        return render(req, reply, { form: 'disable', errors: { disableCode: 'twostep.errors.wrongCode' } })
      case 'locked':
        return render(req, reply, { form: 'disable', notice: lockedNotice(result.until), status: 429 })
      case 'done':
        setFlash(req, 'twostep.account.disabled')
        return respond(req, reply).redirect('/account/two-step')
    }
  })

  app.post('/recovery-codes', guard, async (req, reply) => {
    const actor = actorOf(req)
    const form = parseForm(RegenerateInput, req.body)
    if (!form.ok) return render(req, reply, { form: 'regenerate', errors: form.errors })
    const result = await regenerateRecoveryCodes(deps, { actor, password: form.value.regenPassword, ...meta(req) })
    switch (result.kind) {
      case 'wrong_password':
        return render(req, reply, { form: 'regenerate', errors: { regenPassword: 'auth.errors.passwordWrong' } })
      case 'locked':
        return render(req, reply, { form: 'regenerate', notice: lockedNotice(result.until), status: 429 })
      case 'not_enabled':
        return respond(req, reply).redirect('/account/two-step')
      case 'done':
        req.session.recoveryCodes = { userId: actor.id, codes: sealSecret(deps.config.sessionSecret, 'session_recovery_codes', JSON.stringify({ codes: result.codes, firstTime: false })) }
        return respond(req, reply).redirect('/account/two-step/recovery-codes')
    }
  })

  /** Shown once: the codes leave the session as the page is rendered. */
  app.get('/recovery-codes', guard, async (req, reply) => {
    const actor = actorOf(req)
    const kept = req.session.recoveryCodes
    req.session.recoveryCodes = undefined
    const opened = kept && kept.userId === actor.id ? openSecret(deps.config.sessionSecret, 'session_recovery_codes', kept.codes) : undefined
    if (!opened) return respond(req, reply).redirect('/account/two-step')
    const { codes, firstTime } = JSON.parse(opened) as { codes: string[]; firstTime: boolean }
    reply.header('referrer-policy', 'no-referrer')
    return sendPage(req, reply, (ctx) => <RecoveryCodesPage ctx={ctx} codes={codes} firstTime={firstTime} continueHref={firstTime ? ROLE_HOME[actor.role] : '/account/two-step'} />)
  })
}
