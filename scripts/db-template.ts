/**
 * `postinstall` (after `npm install` / `npm ci`): builds the migrated PGlite template in .cache
 * (src/db/pglite-template.ts) so that the first `npm start` on a new data directory copies it
 * instead of running initdb. Never fails the install: without a template the app runs initdb itself.
 */
import { MIGRATIONS_DIR } from '#src/db/client.ts'
import { ensurePgliteTemplate } from '#src/db/pglite-template.ts'

try {
  const started = performance.now()
  const template = await ensurePgliteTemplate(MIGRATIONS_DIR)
  console.log(`PGlite template ready: ${template} (${Math.round(performance.now() - started)} ms)`)
} catch (e) {
  console.warn(`PGlite template not built (${(e as Error).message}); the first start runs initdb instead`)
}
