import type { FastifyPluginAsync } from 'fastify'
import { z } from 'zod'
import { parseForm, parseQuery } from '#src/web/lib/parse-form.ts'
import { sendPage } from '#src/web/lib/render.tsx'
import { requirePermission } from '#src/web/lib/require-permission.ts'
import { respond } from '#src/web/lib/respond.ts'
import { ExampleFormFragment, ExampleFormPage, EXAMPLE_FORM_ACTION } from './example-form-page.tsx'
import { exampleFormSchema } from './example-form.schemas.ts'
import { GalleryPage } from './gallery-page.tsx'

declare module 'fastify' {
  interface Session {
    /** Flash for the dev example form: what the success banner shows once. */
    devExampleSaved?: { registeredOn: string }
  }
}

const FormPageQuery = z.object({ saved: z.literal('1').optional() })

/** Developer-only pages (component gallery, example form); never registered in production. */
export const devRoutes: FastifyPluginAsync = async (app) => {
  app.get('/components', { preHandler: requirePermission('anonymous') }, (req, reply) =>
    sendPage(req, reply, (ctx) => <GalleryPage ctx={ctx} />),
  )

  app.get('/components/form', { preHandler: requirePermission('anonymous') }, (req, reply) => {
    const query = parseQuery(FormPageQuery, req.query)
    let saved: { registeredOn?: string } | undefined
    if (query.saved) {
      saved = req.session.get('devExampleSaved') ?? {}
      req.session.set('devExampleSaved', undefined)
    }
    return sendPage(req, reply, (ctx) => <ExampleFormPage ctx={ctx} saved={saved} />)
  })

  app.post('/components/form', { preHandler: requirePermission('anonymous') }, (req, reply) => {
    const form = parseForm(exampleFormSchema(app.deps.clock.now()), req.body)
    if (!form.ok) {
      return respond(req, reply).invalid((ctx) => <ExampleFormPage ctx={ctx} form={form} />, {
        fragment: (ctx) => <ExampleFormFragment ctx={ctx} form={form} />,
      })
    }
    req.session.set('devExampleSaved', { registeredOn: form.value.registeredOn })
    return respond(req, reply).redirect(`${EXAMPLE_FORM_ACTION}?saved=1`)
  })
}
