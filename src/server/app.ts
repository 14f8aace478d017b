/**
 * buildApp(deps): the whole HTTP application, shared by main.ts and every *.http.test.ts.
 * Order matters: the route guard is registered before any route so none escapes it.
 */
import rateLimit from '@fastify/rate-limit'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { redactTokens } from '#src/web/lib/token-urls.ts'
import { newReference } from '#src/platform/ids.ts'
import { authRoutes } from '#src/web/auth/auth.routes.tsx'
import { termsRoute } from '#src/web/auth/registration.routes.tsx'
import { accountRoutes } from '#src/web/account/account.routes.tsx'
import { twoStepAccountRoutes } from '#src/web/account/two-step.routes.tsx'
import { adminRoutes } from '#src/web/admin/admin.routes.tsx'
import { auditRoutes } from '#src/web/admin/audit.routes.tsx'
import { questionnaireVersionRoutes } from '#src/web/admin/questionnaires.routes.tsx'
import { loadPublishedQuestionnaireVersions } from '#src/questionnaire/versions/load-published-questionnaire-versions.ts'
import { registryRoutes } from '#src/web/admin/registry.routes.tsx'
import { accountSupportRoutes } from '#src/web/account/support.routes.tsx'
import { supportQueueRoutes } from '#src/web/staff/support.routes.tsx'
import { ticketLinkRoutes } from '#src/web/public/ticket-link.routes.tsx'
import { cycleAdminRoutes } from '#src/web/admin/cycles.routes.tsx'
import { extensionStaffRoutes } from '#src/web/staff/extensions.routes.tsx'
import { extensionRequestRoutes } from '#src/web/portal/extension.routes.tsx'
import { assessmentRoutes, receiptRoutes } from '#src/web/portal/assessment.routes.tsx'
import { portalRoutes } from '#src/web/portal/portal.routes.tsx'
import { attachmentRoutes } from '#src/web/portal/attachments.routes.tsx'
import { basicReportRoutes } from '#src/web/portal/basic-report.routes.tsx'
import { documentsOutRoutes } from '#src/web/portal/documents-out.routes.tsx'
import { caseTaskRoutes } from '#src/web/portal/cases.routes.tsx'
import { caseReportPortalRoutes } from '#src/web/portal/case-reports.routes.tsx'
import { verifyRoutes } from '#src/web/public/verify.routes.tsx'
import { rescoreRoutes } from '#src/web/staff/rescore.routes.tsx'
import { staffRoutes } from '#src/web/staff/staff.routes.tsx'
import { insightsRoutes } from '#src/web/staff/insights.routes.tsx'
import { caseRoutes } from '#src/web/staff/cases/cases.routes.tsx'
import { caseFileRoutes } from '#src/web/staff/cases/case-files.routes.tsx'
import { caseDocumentRoutes } from '#src/web/staff/cases/case-documents.routes.tsx'
import { caseReportRoutes } from '#src/web/staff/cases/case-reports.routes.tsx'
import { planRoutes } from '#src/web/staff/cases/plan.routes.tsx'
import { enforcementRoutes } from '#src/web/staff/cases/enforcement.routes.tsx'
import { devRoutes } from '#src/web/dev/dev.routes.tsx'
import { mailboxRoutes } from '#src/web/dev/mailbox.routes.tsx'
import { opsRoutes } from '#src/web/public/ops.routes.ts'
import { publicRoutes } from '#src/web/public/public.routes.tsx'
import { lineQrRoutes } from '#src/web/public/line-qr.routes.ts'
import { thaiAddressRoutes } from '#src/web/public/thai-address.routes.ts'
import type { AppDeps } from './deps.ts'
import { actorPlugin } from './plugins/actor.ts'
import { assetsPlugin } from './plugins/assets.ts'
import { bodyParsersPlugin } from './plugins/body-parsers.ts'
import { errorsPlugin } from './plugins/errors.tsx'
import { i18nPlugin } from './plugins/i18n.ts'
import { multipartPlugin } from './plugins/multipart.ts'
import { routeGuardPlugin } from './plugins/route-guard.ts'
import { securityHeadersPlugin } from './plugins/security-headers.ts'
import { sessionsPlugin } from './plugins/sessions.ts'

export const BODY_LIMIT_BYTES = 1024 * 1024

export { redactTokens } from '#src/web/lib/token-urls.ts'

export type BuildAppOptions = { logger?: FastifyServerOptions['logger'] }

export async function buildApp(deps: AppDeps, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? {
      level: deps.config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        // One-time links carry their token in the path: it never reaches the logs (ASVS V14.2.1).
        req: (req: { method: string; url: string; ip?: string }) => ({ method: req.method, url: redactTokens(req.url), ip: req.ip }),
      },
    },
    genReqId: () => newReference(),
    requestIdHeader: false, // never trust a client-supplied id
    trustProxy: deps.config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    connectionTimeout: 30_000,
    // Long enough for a 20 MB upload on a slow line; slow headers are still cut at connectionTimeout.
    requestTimeout: 120_000,
    keepAliveTimeout: 5_000,
    routerOptions: { maxParamLength: 200 },
    return503OnClosing: true,
  })
  app.decorate('deps', deps)
  // Published imported questionnaire versions into memory: findQuestionnaireDefinition stays synchronous.
  const questionnaires = await loadPublishedQuestionnaireVersions(deps)
  if (questionnaires.skipped.length) app.log.warn({ versions: questionnaires.skipped }, 'questionnaire versions the engine can no longer read were not loaded')

  await app.register(routeGuardPlugin)
  await app.register(rateLimit, { global: false })
  await app.register(bodyParsersPlugin)
  await app.register(multipartPlugin)
  await app.register(securityHeadersPlugin)
  await app.register(sessionsPlugin)
  await app.register(i18nPlugin)
  await app.register(actorPlugin)
  await app.register(errorsPlugin)
  await app.register(assetsPlugin)

  await app.register(opsRoutes)
  await app.register(publicRoutes)
  await app.register(lineQrRoutes)
  await app.register(thaiAddressRoutes, { prefix: '/reference/thai-address' })
  await app.register(termsRoute)
  await app.register(authRoutes, { prefix: '/auth' })
  await app.register(accountRoutes, { prefix: '/account' })
  await app.register(twoStepAccountRoutes, { prefix: '/account/two-step' })
  await app.register(portalRoutes, { prefix: '/portal' })
  await app.register(assessmentRoutes, { prefix: '/portal/assessments' })
  await app.register(receiptRoutes, { prefix: '/portal/receipts' })
  await app.register(attachmentRoutes, { prefix: '/portal/assessments' })
  await app.register(basicReportRoutes, { prefix: '/portal/assessments' })
  await app.register(extensionRequestRoutes, { prefix: '/portal/assessments' })
  await app.register(caseTaskRoutes, { prefix: '/portal/cases' })
  await app.register(caseReportPortalRoutes, { prefix: '/portal/cases' })
  await app.register(documentsOutRoutes)
  await app.register(verifyRoutes)
  await app.register(staffRoutes, { prefix: '/staff' })
  await app.register(rescoreRoutes, { prefix: '/staff' })
  await app.register(insightsRoutes, { prefix: '/staff' })
  await app.register(caseRoutes, { prefix: '/staff' })
  await app.register(caseFileRoutes, { prefix: '/staff' })
  await app.register(caseDocumentRoutes, { prefix: '/staff' })
  await app.register(caseReportRoutes, { prefix: '/staff' })
  await app.register(planRoutes, { prefix: '/staff' })
  await app.register(enforcementRoutes, { prefix: '/staff' })
  await app.register(adminRoutes, { prefix: '/admin' })
  await app.register(auditRoutes, { prefix: '/admin' })
  await app.register(questionnaireVersionRoutes, { prefix: '/admin/questionnaires' })
  await app.register(registryRoutes, { prefix: '/admin/businesses' })
  await app.register(supportQueueRoutes, { prefix: '/admin/support', queue: 'admin' })
  await app.register(supportQueueRoutes, { prefix: '/staff/support', queue: 'supervision' })
  await app.register(accountSupportRoutes, { prefix: '/account/support' })
  await app.register(ticketLinkRoutes)
  await app.register(cycleAdminRoutes, { prefix: '/admin/cycles' })
  await app.register(extensionStaffRoutes, { prefix: '/staff/extensions' })
  if (!deps.config.isProduction) await app.register(devRoutes, { prefix: '/dev' })
  if (!deps.config.isProduction) await app.register(mailboxRoutes, { prefix: '/dev' })

  return app
}
