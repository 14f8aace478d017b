/**
 * Rescoring a cycle with a ruleset (issue 6, "rescoring a cycle with a new ruleset shows a preview
 * of every rating that would change before it is activated"):
 *
 *   GET  /staff/rescore?cycle=2569&ruleset=v1   the preview: how many scored, every rating that
 *                                               would change (from → to); writes nothing
 *   POST /staff/rescore                         activate (supervisors and admins; the use case
 *                                               refuses examiners), audited, then back with a message
 */
import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { can } from '#src/identity/permissions.ts'
import { AppError } from '#src/platform/errors.ts'
import { activateRescore } from '#src/scoring/activate-rescore.ts'
import { previewRescore, type RescorePreview } from '#src/scoring/preview-rescore.ts'
import { CURRENT_RULESET_VERSION, RULESETS } from '#src/scoring/rulesets/index.ts'
import { CYCLE_CODE } from '#src/submissions/open-cycle.ts'
import { findCurrentCycle } from '#src/submissions/submissions.repo.ts'
import { Button, Form, Select } from '#src/web/components/form/index.ts'
import { FlashBanner } from '#src/web/components/layout/flash-banner.tsx'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { Table } from '#src/web/components/layout/table.tsx'
import { setFlash, takeFlash, type Flash } from '#src/web/lib/flash.ts'
import type { PageContext } from '#src/web/lib/page-context.ts'
import { parseForm, parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { RATING_LABELS } from './staff-labels.ts'

/** The preview lists this many changes (a whole cycle may change tens of thousands of ratings). */
const SHOWN_CHANGES = 200

const Choice = z.object({
  cycle: z.string().trim().regex(CYCLE_CODE).optional().catch(undefined),
  ruleset: z.string().trim().max(40).optional().catch(undefined),
})
const ActivateInput = z.object({ cycle: z.string().trim().regex(CYCLE_CODE), ruleset: z.string().trim().max(40) })

function RescorePage({ ctx, cycle, ruleset, preview, flash }: { ctx: PageContext; cycle: string; ruleset: string; preview: RescorePreview | undefined; flash?: Flash | undefined }) {
  const { t } = ctx
  const title = t('rescore.title')
  const mayActivate = ctx.actor.kind === 'user' && (ctx.actor.role === 'supervisor' || ctx.actor.role === 'admin')
  return (
    <PageLayout ctx={ctx} title={title}>
      <FlashBanner t={t} flash={flash} />
      <h1 class="heading-xl">{title}</h1>
      <p class="body">{t('rescore.lead')}</p>
      <form method="get" action="/staff/rescore" class="filter-form">
        <div class="form-group">
          <label class="label" for="cycle">
            {t('rescore.cycle')}
          </label>
          <input class="input input--width-10" id="cycle" name="cycle" value={cycle} maxLength={20} />
        </div>
        <Select t={t} id="ruleset" label={t('rescore.ruleset')} options={Object.keys(RULESETS).map((v) => ({ value: v, label: v }))} value={ruleset} />
        <Button variant="secondary">{t('rescore.preview')}</Button>
      </form>
      {preview ? (
        <>
          <h2 class="heading-m" id="rescore-summary">
            {t('rescore.summary', { scored: preview.scored, changed: preview.changes.length, ruleset: preview.rulesetVersion })}
          </h2>
          <Table
            t={t}
            caption={t('rescore.caption')}
            columns={[{ header: t('rescore.colReceipt') }, { header: t('rescore.colFrom') }, { header: t('rescore.colTo') }]}
            rows={preview.changes.slice(0, SHOWN_CHANGES).map((c) => [c.receiptRef, c.from ? t(RATING_LABELS[c.from]) : t('rescore.notScored'), t(RATING_LABELS[c.to])])}
            emptyText={t('rescore.noChanges')}
          />
          {preview.changes.length > SHOWN_CHANGES ? <p class="body">{t('rescore.more', { shown: SHOWN_CHANGES, total: preview.changes.length })}</p> : null}
          {mayActivate ? (
            <Form ctx={ctx} action="/staff/rescore">
              <input type="hidden" name="cycle" value={preview.cycleCode} />
              <input type="hidden" name="ruleset" value={preview.rulesetVersion} />
              <p class="body">{t('rescore.activateHint')}</p>
              <Button>{t('rescore.activate')}</Button>
            </Form>
          ) : (
            <p class="body">{t('rescore.supervisorOnly')}</p>
          )}
        </>
      ) : null}
    </PageLayout>
  )
}

export const rescoreRoutes: FastifyPluginAsync = async (app) => {
  const deps = app.deps
  app.get('/rescore', { preHandler: requirePermission('staff:access:any') }, async (req, reply) => {
    const q = parseQuery(Choice, req.query)
    const cycle = q.cycle ?? (await findCurrentCycle(deps.database.db, deps.clock.now()))?.code ?? ''
    const ruleset = q.ruleset && Object.hasOwn(RULESETS, q.ruleset) ? q.ruleset : CURRENT_RULESET_VERSION
    const preview = q.cycle || q.ruleset ? await previewRescore(deps, { actor: req.actor, cycleCode: cycle, rulesetVersion: ruleset }) : undefined
    const flash = takeFlash(req)
    return sendPage(req, reply, (ctx) => <RescorePage ctx={ctx} cycle={cycle} ruleset={ruleset} preview={preview} flash={flash} />)
  })

  app.post('/rescore', { preHandler: requirePermission('staff:access:any') }, async (req, reply) => {
    const form = parseForm(ActivateInput, req.body)
    if (!form.ok) throw new AppError('BAD_REQUEST', { messageKey: 'errors.page.badRequest.title' })
    if (!can(req.actor, 'staff:access:any')) throw new AppError('FORBIDDEN', { messageKey: 'errors.page.forbidden.title' })
    const result = await activateRescore(deps, { actor: req.actor, cycleCode: form.value.cycle, rulesetVersion: form.value.ruleset })
    setFlash(req, 'rescore.done', { scored: String(result.scored), changed: String(result.changed), ruleset: result.rulesetVersion })
    return respond(req, reply).redirect(`/staff/rescore?cycle=${encodeURIComponent(result.cycleCode)}&ruleset=${encodeURIComponent(result.rulesetVersion)}`)
  })
}
