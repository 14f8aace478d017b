import type { FastifyPluginAsync } from 'fastify'
import { PageLayout } from '#src/web/components/layout/page-layout.tsx'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'

/** AMLO staff workspace; the review queue and scoring arrive with the back-office issue. */
export const staffRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', { preHandler: requirePermission('staff:access:any') }, (req, reply) =>
    sendPage(req, reply, (ctx) => (
      <PageLayout ctx={ctx} title={ctx.t('staff.title')}>
        <h1 class="heading-xl">{ctx.t('staff.title')}</h1>
        <p class="body">{ctx.t('staff.lead')}</p>
      </PageLayout>
    )),
  )
}
