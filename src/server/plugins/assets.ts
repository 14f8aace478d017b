import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { requirePermission } from '#src/web/lib/require-permission.ts'

const require = createRequire(import.meta.url)
// fileURLToPath, not URL.pathname: a checkout under a folder with spaces or Thai letters must work.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..')

/**
 * Everything the browser loads comes from here: our CSS/JS/images, htmx and the Sarabun font
 * files from node_modules. No CDN and no outside request of any kind.
 */
export const ASSET_ROOTS: Record<string, string> = {
  css: path.join(ROOT, 'assets/css'),
  js: path.join(ROOT, 'assets/js'),
  img: path.join(ROOT, 'assets/img'),
  vendor: path.dirname(require.resolve('htmx.org/dist/htmx.min.js')),
  fonts: path.join(path.dirname(require.resolve('@fontsource/sarabun/package.json')), 'files'),
}

const SAFE_NAME = /^[a-zA-Z0-9._-]+$/

export const assetsPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifyStatic, { root: ASSET_ROOTS.css!, serve: false })
  const hashes = new Map<string, string>()
  app.decorate('assetUrl', (logical: string) => {
    let h = hashes.get(logical)
    if (h === undefined) {
      const [, dir = '', name = ''] = logical.split('/')
      const root = ASSET_ROOTS[dir]
      h = root ? createHash('sha256').update(fs.readFileSync(path.join(root, name))).digest('hex').slice(0, 10) : 'missing'
      hashes.set(logical, h)
    }
    return `/assets${logical}?v=${h}`
  })
  app.get<{ Params: { dir: string; name: string } }>(
    '/assets/:dir/:name',
    { preHandler: requirePermission('anonymous') },
    (req, reply) => {
      const { dir, name } = req.params
      const root = Object.hasOwn(ASSET_ROOTS, dir) ? ASSET_ROOTS[dir] : undefined
      if (!root || !SAFE_NAME.test(name) || (dir === 'vendor' && name !== 'htmx.min.js')) {
        return reply.callNotFound()
      }
      if (!fs.existsSync(path.join(root, name))) return reply.callNotFound()
      // Versioned URLs (?v=hash) may be cached for a year; unversioned ones are revalidated.
      const versioned = typeof (req.query as Record<string, unknown>).v === 'string'
      return reply.sendFile(name, root, {
        maxAge: versioned ? 365 * 24 * 3600 * 1000 : 0,
        immutable: versioned,
        cacheControl: true,
      })
    },
  )
})
