/**
 * The htmx contract (R17) on a bare Fastify instance with just what pageContext() reads; the dev
 * example form covers the same paths through the real app (src/web/dev/dev.http.test.ts).
 */
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import Fastify, { type FastifyInstance } from 'fastify'
import { ANONYMOUS } from '#src/identity/permissions.ts'
import { createTranslator } from '#src/platform/i18n/translator.ts'
import { respond } from './respond.ts'

let app: FastifyInstance
before(async () => {
  app = Fastify()
  app.decorate('deps', { config: { isProduction: false } } as never)
  app.decorate('assetUrl', (p: string) => p)
  app.decorateReply('generateCsrf', () => 'token')
  app.addHook('onRequest', async (req) => {
    req.locale = 'th'
    req.t = createTranslator('th')
    req.actor = ANONYMOUS
  })
  app.post('/page-only', (req, reply) => respond(req, reply).invalid(() => <p id="page">page</p>))
  app.post('/with-fragment', (req, reply) =>
    respond(req, reply).invalid(() => <p id="page">page</p>, { fragment: () => <p id="fragment">fragment</p> }),
  )
  app.post('/conflict', (req, reply) => respond(req, reply).invalid(() => <p>page</p>, { status: 409 }))
  app.post('/done', (req, reply) => respond(req, reply).redirect('/next?saved=1'))
  app.post('/offsite', (req, reply) => respond(req, reply).redirect('//evil.example'))
  await app.ready()
})
after(() => app.close())

const HX = { 'hx-request': 'true' }

describe('respond().invalid', () => {
  test('plain post: 422 and the full page', async () => {
    const res = await app.inject({ method: 'POST', url: '/with-fragment' })
    assert.equal(res.statusCode, 422)
    assert.match(res.body, /^<!doctype html><p id="page">/)
    assert.match(String(res.headers['content-type']), /text\/html; charset=utf-8/)
    assert.equal(res.headers.vary, 'HX-Request')
  })
  test('htmx: 200 and the fragment, or the full page when there is no fragment', async () => {
    const frag = await app.inject({ method: 'POST', url: '/with-fragment', headers: HX })
    assert.equal(frag.statusCode, 200)
    assert.equal(frag.body, '<p id="fragment">fragment</p>')
    const page = await app.inject({ method: 'POST', url: '/page-only', headers: HX })
    assert.equal(page.statusCode, 200)
    assert.match(page.body, /^<!doctype html><p id="page">/)
  })
  test('a status other than 422 for plain posts; htmx still gets 200', async () => {
    assert.equal((await app.inject({ method: 'POST', url: '/conflict' })).statusCode, 409)
    assert.equal((await app.inject({ method: 'POST', url: '/conflict', headers: HX })).statusCode, 200)
  })
})

describe('respond().redirect', () => {
  test('plain post: 303 with Location', async () => {
    const res = await app.inject({ method: 'POST', url: '/done' })
    assert.equal(res.statusCode, 303)
    assert.equal(res.headers.location, '/next?saved=1')
  })
  test('htmx: 200 with HX-Redirect and no Location', async () => {
    const res = await app.inject({ method: 'POST', url: '/done', headers: HX })
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['hx-redirect'], '/next?saved=1')
    assert.equal(res.headers.location, undefined)
  })
  test('refuses anything but a local path', async () => {
    const res = await app.inject({ method: 'POST', url: '/offsite' })
    assert.equal(res.statusCode, 500)
    assert.equal(res.headers.location, undefined)
  })
})
